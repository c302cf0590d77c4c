"""The camera preview: newest frame only, guidance text, 3-2-1, spoken once."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from core.text import tr
from devices.camera.capture import Frame
from devices.camera.guidance import MESSAGES, Advice
from devices.camera.scene import Scene, render


class Result:
    def __init__(self, advice: Advice) -> None:
        self.advice = advice


@pytest.fixture
def view(qtbot):
    from kiosk.ui.camera_view import CameraView

    spoken: list[str] = []
    v = CameraView(speak=spoken.append)
    v.spoken = spoken  # type: ignore[attr-defined]
    v.resize(640, 360)
    qtbot.addWidget(v)
    v.show()
    return v


def test_a_flood_of_frames_from_another_thread_shows_the_newest(view, qtbot):
    img = render(Scene(width=320, height=180))

    def camera() -> None:
        for seq in range(1, 501):
            view.submit_frame(Frame(seq, 0.0, img))

    t = threading.Thread(target=camera)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: view.shown_seq == 500, timeout=10000)
    assert view.frames_received == 500
    assert view.frames_shown < 100  # skipped, not queued: the GUI converted only a few


def test_guidance_text_countdown_and_speech(view, qtbot):
    view.submit_frame(Frame(1, 0.0, render(Scene(width=320, height=180))))
    view.submit_analysis(Result(Advice("come_closer", MESSAGES["come_closer"], speak=True)))
    qtbot.waitUntil(lambda: view.text == MESSAGES["come_closer"], timeout=10000)
    assert view.spoken == ["请靠近一点"]
    view.submit_analysis(Result(Advice("come_closer", MESSAGES["come_closer"], speak=False)))
    qtbot.wait(50)
    assert view.spoken == ["请靠近一点"]  # not repeated every frame
    view.submit_analysis(Result(Advice("countdown", tr("准备拍照 {n}", n=2), True, countdown=2, speak=True)))
    qtbot.waitUntil(lambda: view.countdown == 2, timeout=10000)
    shot = view.grab().toImage()
    # the big "2" is white in the middle of the picture; the guidance band is dark at the bottom
    centre = [shot.pixelColor(x, 180).lightness() for x in range(300, 340)]
    assert max(centre) > 240
    assert shot.pixelColor(320, 350).lightness() < 200
    assert view.spoken[-1] == "准备拍照 2"


def test_preview_is_mirrored(view, qtbot):
    img = np.zeros((180, 320, 3), np.uint8)
    img[:, :40] = (0, 0, 255)  # red strip at the camera's left
    view.submit_frame(Frame(1, 0.0, img))
    qtbot.waitUntil(lambda: view.frames_shown == 1, timeout=10000)
    shot = view.grab().toImage()
    assert shot.pixelColor(630, 100).red() > 200  # shown on the right, as in a mirror
    assert shot.pixelColor(10, 100).red() < 50
