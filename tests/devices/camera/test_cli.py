"""python -m devices.camera: idphoto and snapshot as an installer would run them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import cv2

from devices.camera.__main__ import main
from devices.camera.scene import Scene, render

ROOT = Path(__file__).resolve().parents[3]


def test_idphoto_json(tmp_path, portrait, capsys):
    src, out = tmp_path / "in.png", tmp_path / "out.jpg"
    cv2.imwrite(str(src), portrait)
    assert main(["idphoto", str(src), "-o", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and (report["width"], report["height"]) == (358, 441)
    assert report["bytes"] == out.stat().st_size and 14 * 1024 <= report["bytes"] <= 20 * 1024
    assert all({"ok", "value"} <= set(c) for c in report["checks"].values())
    assert cv2.imread(str(out)).shape == (441, 358, 3)


def test_idphoto_text_report_with_preset(tmp_path, capsys):
    src, out = tmp_path / "in.png", tmp_path / "out.jpg"
    cv2.imwrite(str(src), render(Scene()))
    assert main(["idphoto", str(src), "-o", str(out), "--preset", "passport_33x48"]) == 0
    text = capsys.readouterr().out
    assert "390x567" in text and "face_width" in text and "FAIL" not in text


def test_idphoto_refusals_exit_nonzero_with_reason(tmp_path):
    for scene, words in (
        (Scene(faces=2, scale=1.5), "多个人脸"),
        (Scene(scale=0.6), "人脸太小"),
        (Scene(faces=0), "没有找到人脸"),
    ):
        src = tmp_path / "in.png"
        cv2.imwrite(str(src), render(scene))
        r = subprocess.run(
            [sys.executable, "-m", "devices.camera", "idphoto", str(src), "-o", str(tmp_path / "o.jpg")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert r.returncode != 0 and words in r.stderr
        assert not (tmp_path / "o.jpg").exists()
    assert main(["idphoto", str(tmp_path / "missing.png"), "-o", str(tmp_path / "o.jpg")]) == 2
    assert main(["idphoto", str(src), "-o", str(tmp_path / "o.jpg"), "--preset", "nope"]) == 2


def test_snapshot_from_a_file_source(tmp_path, portrait, capsys):
    src, out = tmp_path / "cam.png", tmp_path / "frame.png"
    cv2.imwrite(str(src), portrait)
    assert main(["snapshot", "--source", str(src), "-o", str(out)]) == 0
    assert cv2.imread(str(out)).shape == portrait.shape
    assert main(["snapshot", "--source", str(tmp_path / "none.mp4"), "-o", str(out)]) == 2
