"""The self-service photo clicked through on the simulated camera (real OpenCV driver over MJPEG)."""

from __future__ import annotations

import cv2
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
            "devices.locker.driver": "none",
        },
    )
    assert k.devices["camera"].wait_until(lambda s: s.state is State.OK, 15), k.devices["camera"].status
    assert k.devices["printer"].wait_until(lambda s: s.state is State.OK, 10), k.devices["printer"].status
    yield k
    k.stop()


def texts(w) -> str:
    QApplication.processEvents()
    return " ".join(x.text() for x in w.findChildren(QLabel) if x.isVisible())


@pytest.fixture
def shell(qtbot, kiosk):
    from kiosk.ui.app import application
    from kiosk.ui.shell import Shell

    application()
    s = Shell(kiosk)
    qtbot.addWidget(s)
    s.resize(1080, 1920)
    s.show()
    s.refresh_home()
    yield s
    s.shutdown()


def test_live_guidance_auto_captures_a_compliant_photo_printed_and_kept_only_for_the_session(
    qtbot, kiosk, shell
):
    spoken: list[str] = []
    shell.say = spoken.append  # type: ignore[method-assign]

    def ready_tile() -> QPushButton | None:  # on when the camera and the printer are up
        QApplication.processEvents()
        found = [b for b in shell.findChildren(QPushButton, "service_photo") if b.isVisible()]
        return found[0] if found and found[0].isEnabled() else None

    qtbot.waitUntil(lambda: ready_tile() is not None, timeout=30000)
    tile = ready_tile()
    assert tile is not None
    tile.click()
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
    # the citizen leaves with the photo: printed on the receipt printer, dithered from the file
    qtbot.waitUntil(lambda: "请取走您的照片" in texts(shell), timeout=20000)
    printer = kiosk.simulators["printer"]
    assert printer.wait_receipts(1, 5)
    assert "证件照 ID photo" in printer.last_text and "GA 461" in printer.last_text
    sheet = cv2.imread(str(printer.last_receipt), cv2.IMREAD_GRAYSCALE)
    middle = sheet[
        sheet.shape[0] // 5 : sheet.shape[0] * 3 // 5, sheet.shape[1] // 4 : sheet.shape[1] * 3 // 4
    ]
    assert 0.1 < (middle < 128).mean() < 0.9  # a picture in the middle, not blank, not a black box
    assert photo.exists()  # until the session ends
    next(b for b in shell.findChildren(QPushButton, "action_ok") if b.isVisible()).click()
    assert shell.mode == "home"
    assert not photo.exists()  # personal data gone with the session


def test_photo_is_not_offered_while_the_printer_cannot_print(qtbot, kiosk, shell):
    kiosk.simulators["printer"].set_state("out")
    assert kiosk.devices["printer"].wait_until(lambda s: s.state is State.FAULT, 10)

    def tile() -> QPushButton | None:
        QApplication.processEvents()
        return next((b for b in shell.findChildren(QPushButton, "service_photo") if b.isVisible()), None)

    qtbot.waitUntil(lambda: (t := tile()) is not None and not t.isEnabled(), timeout=5000)
    assert "凭条打印机" in tile().text()
