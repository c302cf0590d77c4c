from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import cv2

ROOT = Path(__file__).resolve().parents[3]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "devices.fingerprint", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_info_and_one_finger_to_a_png(fpsim, tmp_path):
    info = _cli("--port", str(fpsim.port), "info")
    assert info.returncode == 0, info.stderr
    assert json.loads(info.stdout)["image"] == [256, 288]
    fpsim.place("good")
    out = tmp_path / "thumb.png"
    cap = _cli("--port", str(fpsim.port), "capture", "--finger", "right_thumb", "--out", str(out), "--json")
    assert cap.returncode == 0, cap.stderr
    got = json.loads(cap.stdout)
    assert got["finger"] == "right_thumb" and got["quality"] >= 70 and got["template"]
    assert cv2.imread(str(out), cv2.IMREAD_GRAYSCALE).shape == (288, 256)


def test_the_pair_with_no_finger_fails_with_status_1(fpsim):
    cap = _cli("--port", str(fpsim.port), "--timeout", "0.5", "--tries", "1", "capture", "--json")
    assert cap.returncode == 1
    assert json.loads(cap.stdout)["complete"] is False


def test_unreachable_port_and_missing_library_exit_2(tmp_path):
    r = _cli("--port", str(tmp_path / "nothing"), "info")
    assert r.returncode == 2 and "无法打开指纹仪端口" in r.stderr
    r = _cli("--driver", "livescan", "info")
    assert r.returncode == 2 and "未配置指纹采集库" in r.stderr
