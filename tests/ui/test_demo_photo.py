"""The demo's photo step where a loaded machine made it wait for states that had gone.

A camera that takes the photo at the first compliant frame: a GUI thread starved on a loaded
machine sees the same, the guidance counted down and took the photo before the screen ever showed
the preview with an instruction. And a photo tile still drawn on when the printer had just
faulted: the shell refused the tap, and the demo waited for a journey that never started.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from devices.base import State
from kiosk.ui import demo
from tests.ui.conftest import simulated_kiosk


@pytest.fixture
def kiosk(tmp_path):
    k = simulated_kiosk(
        tmp_path,
        ["photo"],
        **{
            "devices.idcard.driver": "none",
            "devices.locker.driver": "none",
            "devices.camera.steady_seconds": 0,
            "devices.camera.countdown": 0,
        },
    )
    assert k.devices["camera"].wait_until(lambda s: s.state is State.OK, 15), k.devices["camera"].status
    assert k.devices["printer"].wait_until(lambda s: s.state is State.OK, 10), k.devices["printer"].status
    yield k
    k.stop()


@pytest.fixture
def shell(qtbot, kiosk, monkeypatch):
    from kiosk.ui.app import application
    from kiosk.ui.shell import Shell

    monkeypatch.setattr(demo, "WAIT_S", 20.0)  # a stuck step fails the test sooner
    application()
    s = Shell(kiosk)
    qtbot.addWidget(s)
    s.resize(1080, 1920)
    s.show()

    def tile_on() -> bool:
        QApplication.processEvents()
        return any(b.isVisible() and b.isEnabled() for b in s.findChildren(QPushButton, "service_photo"))

    s.refresh_home()
    qtbot.waitUntil(tile_on, timeout=30000)
    return s


def test_demo_shows_the_guidance_then_the_photo_even_when_the_camera_captures_at_once(kiosk, shell):
    shots: list[str] = []
    try:
        demo.walk_photo(shell, lambda name, _caption: shots.append(name))
    finally:
        shell.shutdown()
    assert shots == ["photo-guidance", "photo-result"]
    assert kiosk.simulators["camera"].state["position"] == "centre"  # the person stepped into place


def test_demo_taps_the_photo_tile_again_when_the_shell_refused_a_tile_gone_off(qtbot, kiosk, shell):
    camera, printer = kiosk.simulators["camera"], kiosk.simulators["printer"]
    frames = [0]

    def count(ev) -> None:
        frames[0] += ev.kind == "frame"

    unsubscribe = kiosk.devices["camera"].subscribe(count)
    camera.set("position", "far")  # as the demo leaves it, so walk_photo taps at once
    qtbot.waitUntil(lambda: frames[0] > 60, timeout=30000)
    unsubscribe()
    # the printer faults and its status change is not yet drawn: the tile still looks on
    printer.set_state("out")
    assert kiosk.devices["printer"].wait_until(lambda s: s.state is State.FAULT, 10)
    back = threading.Timer(3.0, printer.set_state, ("ok",))  # the printer comes back by itself
    back.start()
    shots: list[str] = []
    try:
        demo.walk_photo(shell, lambda name, _caption: shots.append(name))
    finally:
        back.cancel()
        shell.shutdown()
    assert shots == ["photo-guidance", "photo-result"]
