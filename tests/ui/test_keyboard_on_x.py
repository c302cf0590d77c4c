"""The on-screen keyboard in the kiosk's real window on a real X server (Xvfb under openbox): the
window is frameless, full screen and stays on top, and the keyboard is part of it, so taps that
X delivers (xdotool, as a touch screen's would be) type pinyin and pick the characters."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.test_kiosk_on_x import ROOT, X, _wait


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_taps_on_the_real_window_type_pinyin_and_pick_characters(tmp_path: Path, size) -> None:
    x = X(*size, wm=True, tmp=tmp_path)
    state, answer = tmp_path / "state.json", tmp_path / "answer.json"
    child = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tests/ui/keyboard_on_x_child.py"),
            str(tmp_path),
            str(state),
            str(answer),
        ],
        env=x.env,
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / "child.err", "wb"),  # noqa: SIM115  # closed with the process
    )
    try:

        def seen() -> dict | None:
            try:
                return json.loads(state.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return None

        def tap(name: str, text: str | None = None) -> None:
            """Wait for the button (with `text` on it, for a candidate) and click its centre."""

            def where() -> list | None:
                s = seen()
                if s is None:
                    return None
                if text is not None:
                    return next(
                        (v for k, v in s["buttons"].items() if k.startswith(name) and v[2] == text), None
                    )
                return s["buttons"].get(name)

            px, py, _ = _wait(where, 30, f"the button {name} {text or ''}")
            x.run("xdotool", "mousemove", "--sync", str(px), str(py), "click", "1")

        geo = _wait(
            lambda: (g := x.kiosk_window()) and g[2:] == size and g, 60, "the kiosk covering the screen"
        )
        assert geo == (0, 0, *size)
        for key in ("vk_n", "vk_i", "vk_h", "vk_a", "vk_o"):
            tap(key)
        tap("cand_", "你好")
        _wait(lambda: (s := seen()) and s["field"] == "你好", 30, "你好 in the field")
        x.screenshot(f"x-keyboard-{size[0]}x{size[1]}")
        tap("submit")
        got = _wait(
            lambda: answer.exists() and json.loads(answer.read_text(encoding="utf-8")), 30, "the answer"
        )
        assert got == {"name": "ok", "text": "你好"}
        assert child.wait(30) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        x.close()
