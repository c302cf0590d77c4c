"""The self-service photo clicked through on the simulated camera (real OpenCV driver over MJPEG)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from devices.base import State
from tests.ui.conftest import simulated_kiosk


@pytest.fixture
def kiosk(tmp_path):
    k = simulated_kiosk(
        tmp_path,
        ["photo"],
        **{
            "devices.idcard.driver": "none",
            "devices.printer.driver": "none",
            "devices.locker.driver": "none",
        },
    )
    assert k.devices["camera"].wait_until(lambda s: s.state is State.OK, 15), k.devices["camera"].status
    yield k
    k.stop()


def texts(w) -> str:
    QApplication.processEvents()
    return " ".join(x.text() for x in w.findChildren(QLabel) if x.isVisible())


def test_live_guidance_auto_captures_a_compliant_photo_kept_only_for_the_session(qtbot, kiosk):
    from kiosk.ui.app import application
    from kiosk.ui.shell import Shell

    application()
    shell = Shell(kiosk)
    qtbot.addWidget(shell)
    shell.resize(1080, 1920)
    shell.show()
    shell.refresh_home()
    spoken: list[str] = []
    shell.say = spoken.append  # type: ignore[method-assign]
    QApplication.processEvents()
    next(b for b in shell.findChildren(QPushButton, "service_photo") if b.isVisible()).click()
    session = shell.host.runner.session
    # the preview shows frames, guidance speaks, and the steady 3-2-1 takes the photo by itself
    qtbot.waitUntil(lambda: "请确认您的照片" in texts(shell), timeout=40000)
    assert any("符合证件照标准" in t for t in [texts(shell)])
    photo = session.temp_dir / "photo.jpg"
    assert photo.exists() and 14 * 1024 <= photo.stat().st_size <= 20 * 1024
    pics = [w for w in shell.findChildren(QLabel, "Image") if w.isVisible()]
    assert pics and not pics[0].pixmap().isNull()
    assert spoken  # at least the screen prompt and one instruction were spoken
    next(b for b in shell.findChildren(QPushButton, "action_ok") if b.isVisible()).click()
    assert shell.mode == "home"
    assert not photo.exists()  # personal data gone with the session
    shell.shutdown()
