"""The demo's photo step on a camera that takes the photo at the first compliant frame.

A GUI thread starved on a loaded machine sees the same thing: the guidance counted down and took
the photo before the screen ever showed the preview with an instruction, so a demo waiting for
that instruction waited for a state that had already gone.
"""

from __future__ import annotations

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


def test_demo_shows_the_guidance_then_the_photo_even_when_the_camera_captures_at_once(
    qtbot, kiosk, monkeypatch
):
    from kiosk.ui.app import application
    from kiosk.ui.shell import Shell

    monkeypatch.setattr(demo, "WAIT_S", 20.0)  # a stuck step fails the test sooner
    application()
    shell = Shell(kiosk)
    qtbot.addWidget(shell)
    shell.resize(1080, 1920)
    shell.show()

    def tile_on() -> bool:
        QApplication.processEvents()
        return any(b.isVisible() and b.isEnabled() for b in shell.findChildren(QPushButton, "service_photo"))

    shell.refresh_home()
    qtbot.waitUntil(tile_on, timeout=30000)
    shots: list[str] = []
    try:
        demo.walk_photo(shell, lambda name, _caption: shots.append(name))
    finally:
        shell.shutdown()
    assert shots == ["photo-guidance", "photo-result"]
    assert kiosk.simulators["camera"].state["position"] == "centre"  # the person stepped into place
