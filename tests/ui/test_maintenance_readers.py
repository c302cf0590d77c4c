"""Maintenance on the simulated camera, ID card reader and scanner (real drivers over ptys):
the live preview with the guidance overlay, a card read and a code scanned shown masked, each
check audited; a citizen's card while staff are in starts nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea

from devices.base import State
from kiosk.ui.camera_view import CameraView
from tests.ui.conftest import simulated_kiosk
from tests.ui.test_maintenance import FAST, PIN, SHOTS, audit_rows, click, staff_shell, texts

FINGER_WAIT = 3.0  # the fingerprint check's wait for a finger (20 s by default)


@pytest.fixture
def kiosk(tmp_path):
    k = simulated_kiosk(
        tmp_path,
        ["demo"],
        **{"staff.pins": [{"id": "S01", "hash": FAST.hash(PIN)}], "staff.finger_wait": FINGER_WAIT},
    )
    for kind in ("camera", "idcard", "scanner", "fingerprint"):
        assert k.devices[kind].wait_until(lambda s: s.state is State.OK, 15), k.devices[kind].status
    yield k
    k.stop()


@pytest.fixture
def shell(qtbot, kiosk):
    s = staff_shell(qtbot, kiosk)
    yield s
    s.shutdown()


def previewing(shell, guidance: bool = True) -> Callable[[], bool]:
    """True once the preview on show streams (and shows its guidance). A device's status change
    redraws the page with a new preview, so this looks at the one on show at each poll, never
    at one found earlier (that one stops getting frames when it is replaced)."""

    def check() -> bool:
        views = [v for v in shell.findChildren(CameraView) if v.isVisible()]
        return len(views) == 1 and views[0].frames_shown > 3 and (views[0].text is not None or not guidance)

    return check


def test_camera_page_shows_the_live_preview_with_guidance_and_stops_on_leaving(qtbot, shell, kiosk):
    click(qtbot, shell, "tab_camera")
    qtbot.waitUntil(previewing(shell), timeout=60000)
    assert "摄像头：正常" in texts(shell)
    shell.grab().save(str(SHOTS / "camera_1080x1920.png"))
    shell.resize(1920, 1080)
    QApplication.processEvents()
    qtbot.waitUntil(previewing(shell, guidance=False), timeout=60000)
    shell.grab().save(str(SHOTS / "camera_1920x1080.png"))
    views = shell.findChildren(CameraView)  # every preview drawn so far, on show or replaced
    click(qtbot, shell, "tab_overview")
    assert not [v for v in shell.findChildren(CameraView) if v.isVisible()]
    shown = [v.frames_shown for v in views]
    later: list[int] = []
    unsubscribe = kiosk.devices["camera"].subscribe(
        lambda ev: later.append(1) if ev.kind == "frame" else None
    )
    try:  # the camera goes on streaming; none of it reaches a view that was left
        qtbot.waitUntil(lambda: len(later) >= 10, timeout=30000)
        QApplication.processEvents()  # what the bridge still held is delivered (or dropped)
    finally:
        unsubscribe()
    assert [v.frames_shown for v in views] == shown


def test_a_card_and_a_code_show_masked_and_each_check_is_audited(qtbot, shell, kiosk):
    click(qtbot, shell, "tab_readers")
    qtbot.waitUntil(lambda: "还没有读到内容" in texts(shell), timeout=10000)
    kiosk.simulators["idcard"].insert("resident")
    qtbot.waitUntil(lambda: "读卡成功" in texts(shell), timeout=20000)
    shown = texts(shell)
    assert "王*" in shown and "360426********0071" in shown
    assert "王小明" not in shown and "360426199101010071" not in shown
    kiosk.simulators["scanner"].scan("134567890123456789")
    qtbot.waitUntil(lambda: "扫码成功" in texts(shell), timeout=20000)
    assert "134567********6789（18 位）" in texts(shell) and "134567890123456789" not in texts(shell)
    shell.grab().save(str(SHOTS / "readers_1080x1920.png"))
    assert shell.mode == "staff"  # the card started no citizen journey
    rows = [(r.action, r.object, r.result) for r in audit_rows(kiosk)]
    assert ("idcard_check", "idcard", "ok") in rows and ("scanner_check", "scanner", "ok") in rows


def test_a_card_on_another_page_is_ignored_and_a_bad_scan_is_a_failed_check(qtbot, shell, kiosk):
    read: list[int] = []
    unsubscribe = kiosk.devices["idcard"].subscribe(
        lambda ev: read.append(1) if ev.kind == "card_inserted" else None
    )
    try:
        kiosk.simulators["idcard"].insert("resident")  # on the overview: nothing happens
        qtbot.waitUntil(lambda: bool(read), timeout=20000)
    finally:
        unsubscribe()
    assert shell.mode == "staff" and "读卡成功" not in texts(shell)
    click(qtbot, shell, "tab_readers")
    kiosk.simulators["scanner"].long_line()  # longer than a code may be: rejected
    qtbot.waitUntil(lambda: "扫码失败" in texts(shell), timeout=20000)
    assert ("scanner_check", "scanner", "failed") in [
        (r.action, r.object, r.result) for r in audit_rows(kiosk)
    ]


def test_the_fingerprint_check_shows_the_image_quality_only_and_is_audited(qtbot, shell, kiosk):
    click(qtbot, shell, "tab_readers")
    click(qtbot, shell, "fingerprint_check")
    assert "正在处理" in texts(shell)
    kiosk.simulators["fingerprint"].place("good")
    qtbot.waitUntil(lambda: "指纹采集成功" in texts(shell), timeout=40000)
    assert "右手食指" in texts(shell) and "图像质量" in texts(shell)
    assert ("fingerprint_check", "fingerprint", "ok") in [
        (r.action, r.object, r.result) for r in audit_rows(kiosk)
    ]


def finger_rows(kiosk) -> list[tuple[str, str]]:
    return [(r.result, r.detail) for r in audit_rows(kiosk) if r.action == "fingerprint_check"]


def test_no_finger_placed_ends_the_check_after_the_configured_wait_and_is_audited(qtbot, shell, kiosk):
    click(qtbot, shell, "tab_readers")
    click(qtbot, shell, "fingerprint_check")
    assert "正在处理" in texts(shell)
    qtbot.waitUntil(lambda: "秒内没有放上手指" in texts(shell), timeout=60000)
    assert "3 秒内没有放上手指" in texts(shell)
    assert finger_rows(kiosk) == [("failed", "3 秒内没有放上手指")]
    click(qtbot, shell, "fingerprint_check")  # the scanner is free for the next check
    kiosk.simulators["fingerprint"].place("good")
    qtbot.waitUntil(lambda: "指纹采集成功" in texts(shell), timeout=40000)


def test_staff_cancel_the_fingerprint_check_and_can_check_again(qtbot, shell, kiosk):
    kiosk.config = kiosk.config.replace("staff.finger_wait", 120.0)  # would outlast the test
    click(qtbot, shell, "tab_readers")
    click(qtbot, shell, "fingerprint_check")
    assert "取消指纹检测" in texts(shell)
    shell.grab().save(str(SHOTS / "readers_finger_waiting_1080x1920.png"))
    click(qtbot, shell, "fingerprint_cancel")
    qtbot.waitUntil(lambda: "指纹检测已取消" in texts(shell), timeout=30000)
    assert finger_rows(kiosk) == [("failed", "指纹检测已取消")]
    shell.grab().save(str(SHOTS / "readers_finger_cancelled_1080x1920.png"))
    click(qtbot, shell, "fingerprint_check")
    kiosk.simulators["fingerprint"].place("good")
    qtbot.waitUntil(lambda: "指纹采集成功" in texts(shell), timeout=40000)
    assert finger_rows(kiosk)[-1][0] == "ok"


def test_idle_during_the_fingerprint_check_ends_it_at_the_citizen_home(qtbot, shell, kiosk):
    kiosk.config = kiosk.config.replace("staff.finger_wait", 120.0)
    click(qtbot, shell, "tab_readers")
    click(qtbot, shell, "fingerprint_check")
    shell.clock.advance(kiosk.config["staff"]["idle_timeout"] + 1)
    qtbot.waitUntil(lambda: shell.mode == "home", timeout=5000)
    qtbot.waitUntil(lambda: bool(finger_rows(kiosk)), timeout=30000)  # not the 120 s wait
    assert finger_rows(kiosk) == [("failed", "指纹检测已取消")]
    assert shell.mode == "home"


def page_area(shell) -> QScrollArea | None:
    """The scrolled page on show (a redrawn one's old area may not be deleted yet, and a new one
    shows an event round later)."""
    return next((a for a in shell.staff.panel.findChildren(QScrollArea) if a.isVisible()), None)


def in_sight(shell, name: str) -> bool:
    """The button is on show and wholly inside its scrolled page's viewport."""
    found = [b for b in shell.findChildren(QPushButton, name) if b.isVisible()]
    area = page_area(shell)
    if len(found) != 1 or area is None:
        return False
    viewport = area.viewport()
    top = found[0].mapTo(viewport, QPoint(0, 0)).y()
    return top >= 0 and top + found[0].height() <= viewport.height()


def test_on_a_landscape_screen_the_cancel_is_where_staff_pressed_the_check(qtbot, shell, kiosk):
    """The page redraws when the check starts (and at every device status change): it keeps
    where staff had scrolled to, so the cancel is in sight, not below the fold."""
    kiosk.config = kiosk.config.replace("staff.finger_wait", 120.0)
    shell.resize(1920, 1080)
    qtbot.waitUntil(lambda: shell.width() == 1920, timeout=10000)
    click(qtbot, shell, "tab_readers")
    qtbot.waitUntil(lambda: (area := page_area(shell)) is not None and area.verticalScrollBar().maximum() > 0)
    bar = page_area(shell).verticalScrollBar()  # the page is taller than the screen
    bar.setValue(bar.maximum())  # staff scroll down to the fingerprint scanner
    qtbot.waitUntil(lambda: in_sight(shell, "fingerprint_check"), timeout=10000)
    click(qtbot, shell, "fingerprint_check")
    qtbot.waitUntil(lambda: in_sight(shell, "fingerprint_cancel"), timeout=10000)
    shell.grab().save(str(SHOTS / "readers_finger_waiting_1920x1080.png"))
    click(qtbot, shell, "fingerprint_cancel")
    qtbot.waitUntil(lambda: "指纹检测已取消" in texts(shell), timeout=30000)
    click(qtbot, shell, "tab_overview")  # another page starts at its top
    qtbot.waitUntil(lambda: (area := page_area(shell)) is not None and area.verticalScrollBar().value() == 0)
