"""Staff maintenance mode as staff and citizens meet it: the hidden gesture, the PIN keypad and
its lockout, the overview, idle and exit back to the citizen home, and the audit trail."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QPushButton

from core.text import tr
from hall.audit import AuditLog
from hall.db import open_engine, sqlite_url
from kiosk.home import DEVICE_NAMES
from tests.ui.conftest import make_kiosk, shown_shell

# the real argon2id, with small costs so the tests stay quick; the kiosk verifies whatever
# costs a stored hash names
FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PIN = "246813"
STAFF_ID_NUMBER = "11010519491231002X"  # synthetic, valid check digit
SHOTS = Path(os.environ.get("KIOSK_SHOTS", "/work/shots")) / "maint"
SHOTS.mkdir(parents=True, exist_ok=True)


def _shown_texts(widget) -> str:
    return " ".join(w.text() for w in widget.findChildren(QLabel) if w.isVisible()) + " ".join(
        b.text() for b in widget.findChildren(QPushButton) if b.isVisible()
    )


def texts(widget, settle: float = 2.0) -> str:
    """What the screen shows once it has settled: a redraw (a device's status changed, a
    reading arrived) builds new widgets that are shown an event round later, so read until two
    rounds in a row agree (within `settle` seconds)."""
    deadline = time.monotonic() + settle
    QApplication.processEvents()
    last = _shown_texts(widget)
    while time.monotonic() < deadline:
        QApplication.processEvents()
        now = _shown_texts(widget)
        if now == last:
            break
        last = now
    return last


def btn(shell, name: str, timeout: float = 5.0) -> QPushButton:
    """The visible button; a device's status change may be redrawing the screen just now."""
    deadline = time.monotonic() + timeout
    while True:
        QApplication.processEvents()
        found = [b for b in shell.findChildren(QPushButton, name) if b.isVisible()]
        if found or time.monotonic() > deadline:
            break
    assert found, f"no visible button {name}"
    return found[0]


@pytest.fixture
def staff_kiosk(tmp_path):
    k = make_kiosk(
        tmp_path,
        **{
            "kiosk.data_dir": str(tmp_path / "data"),
            "log.dir": str(tmp_path / "log"),
            "staff.pins": [{"id": "S01", "hash": FAST.hash(PIN)}],
            "staff.cards": [{"id": "S02", "hash": FAST.hash(STAFF_ID_NUMBER)}],
            "staff.free_attempts": 2,
            "staff.lockout": 30.0,
            "staff.idle_timeout": 60,
        },
    )
    # as the app raises a device's alert: marked text, rendered in the UI language
    k.alerts.raise_(
        "printer", "paper_near_end", tr("{device}：{why}", device=DEVICE_NAMES["printer"], why=tr("纸将用尽"))
    )
    yield k
    k.stop()


@pytest.fixture
def shell(qtbot, staff_kiosk):
    s = shown_shell(qtbot, staff_kiosk)
    yield s
    s.shutdown()


def taps(qtbot, shell, n: int = 5, corner: bool = True) -> None:
    pos = QPoint(5, 5) if corner else QPoint(shell.width() // 2, shell.height() // 2)
    for _ in range(n):
        qtbot.mouseClick(shell, Qt.MouseButton.LeftButton, pos=pos)


def type_pin(qtbot, shell, pin: str) -> None:
    for k in pin:
        qtbot.mouseClick(btn(shell, f"key_{k}"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(btn(shell, "pin_confirm"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shell.staff.checking, timeout=20000)  # argon2 runs on a thread


def click(qtbot, shell, name: str) -> None:
    qtbot.mouseClick(btn(shell, name), Qt.MouseButton.LeftButton)


def staff_shell(qtbot, kiosk):  # type: ignore[no-untyped-def]
    """A shell on `kiosk` with staff S01 in maintenance mode (gesture and PIN, as staff do)."""
    s = shown_shell(qtbot, kiosk)
    taps(qtbot, s)
    type_pin(qtbot, s, PIN)
    assert s.mode == "staff"
    return s


def audit_log(kiosk) -> AuditLog:
    engine = open_engine(sqlite_url(Path(kiosk.config["kiosk"]["data_dir"]) / "hall.db"))
    return AuditLog(engine, "K01")


def audit_rows(kiosk) -> list:
    return audit_log(kiosk).rows()


def test_gesture_shows_only_a_keypad(qtbot, shell):
    taps(qtbot, shell, 4)
    assert shell.mode == "home"  # four taps are not the gesture
    taps(qtbot, shell, 1)
    assert shell.mode == "staff_pin"
    shown = texts(shell)
    assert "请输入密码" in shown
    # nothing names staff, maintenance or who is enrolled
    assert "维护" not in shown and "S01" not in shown
    shell.grab().save(str(SHOTS / "pin_1080x1920.png"))


def test_quick_taps_the_window_system_calls_double_clicks_open_the_keypad(qtbot, shell):
    """On X (and a touch panel driven as a mouse) every second quick tap is a double click: five
    taps within a second came as three presses and two double clicks, and no keypad showed."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    local = QPointF(5, 5)
    where = QPointF(shell.mapToGlobal(QPoint(5, 5)))
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    down = [QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick] * 2 + [
        QEvent.Type.MouseButtonPress
    ]
    for i, kind in enumerate(down):
        for j, (k, held) in enumerate(((kind, left), (QEvent.Type.MouseButtonRelease, none))):
            ev = QMouseEvent(k, local, where, left, held, Qt.KeyboardModifier.NoModifier)
            ev.setTimestamp(1000 + 150 * i + 60 * j)
            QApplication.sendEvent(shell, ev)
    assert shell.mode == "staff_pin"


def test_taps_elsewhere_or_too_slow_do_not_open(qtbot, shell):
    taps(qtbot, shell, 5, corner=False)
    assert shell.mode == "home"
    for _ in range(5):
        taps(qtbot, shell, 1)
        shell.clock.advance(1.0)  # five taps over 4 s: longer than the 3 s window
    assert shell.mode == "home"


def test_wrong_pins_lock_entry_for_longer_each_time(qtbot, shell, staff_kiosk):
    taps(qtbot, shell)
    type_pin(qtbot, shell, "1111")
    assert "密码不正确" in texts(shell)
    type_pin(qtbot, shell, "2222")  # the second wrong PIN locks: 30 s
    assert "30 秒后再试" in texts(shell)
    type_pin(qtbot, shell, PIN)  # even the right PIN is refused while locked
    assert shell.mode == "staff_pin"
    shell.clock.advance(31)
    type_pin(qtbot, shell, "3333")  # the next failure doubles the delay
    assert "60 秒后再试" in texts(shell)
    rows = audit_rows(staff_kiosk)
    assert [(r.subject, r.action, r.result) for r in rows] == [("unknown", "enter", "refused")] * 4
    assert "locked 30s" in rows[1].detail and "locked 60s" in rows[3].detail


def test_right_pin_shows_devices_and_alerts_and_is_audited(qtbot, shell, staff_kiosk):
    taps(qtbot, shell)
    type_pin(qtbot, shell, PIN)
    assert shell.mode == "staff"
    shown = texts(shell)
    assert "维护模式 · S01" in shown
    assert "凭条打印机" in shown and "纸将用尽" in shown  # the open alert, with its time
    shell.grab().save(str(SHOTS / "overview_1080x1920.png"))
    shell.resize(1920, 1080)
    QApplication.processEvents()
    shell.grab().save(str(SHOTS / "overview_1920x1080.png"))
    qtbot.mouseClick(btn(shell, "ack_0"), Qt.MouseButton.LeftButton)
    assert "已确认" in texts(shell)
    qtbot.mouseClick(btn(shell, "clear_0"), Qt.MouseButton.LeftButton)
    assert staff_kiosk.alerts.active() == []
    assert "没有未处理的提醒" in texts(shell)
    qtbot.mouseClick(btn(shell, "maint_exit"), Qt.MouseButton.LeftButton)
    assert shell.mode == "home"
    from kiosk.remote_view import RemoteView

    staff_kiosk.services["remote"] = view = RemoteView(None, audit_log(staff_kiosk).last_visit)
    view.refresh()  # the health file reports the visit from the audit table
    assert staff_kiosk.health()["last_staff_visit"] == shell.clock.now().isoformat(timespec="seconds")
    rows = [(r.subject, r.action, r.object, r.result) for r in audit_rows(staff_kiosk)]
    assert rows == [
        ("S01", "enter", "pin", "ok"),
        ("S01", "alert_ack", "printer/paper_near_end", "ok"),
        ("S01", "alert_clear", "printer/paper_near_end", "ok"),
        ("S01", "exit", "exit", "ok"),
    ]


def test_idle_ends_the_staff_session_at_the_citizen_home(qtbot, shell, staff_kiosk):
    taps(qtbot, shell)
    type_pin(qtbot, shell, PIN)
    assert shell.mode == "staff"
    shell.clock.advance(61)
    qtbot.waitUntil(lambda: shell.mode == "home", timeout=5000)
    assert shell.stack.currentWidget() is shell.home_screen
    assert audit_rows(staff_kiosk)[-1].action == "exit" and audit_rows(staff_kiosk)[-1].object == "idle"


def test_staff_card_enters_and_a_citizen_card_does_not(qtbot, shell, staff_kiosk):
    class Card:
        def __init__(self, number: str) -> None:
            self.id_number = number

    shell._on_device_event(("card_inserted", Card("110105194912310037")))
    qtbot.waitUntil(lambda: not shell.staff.checking, timeout=20000)
    assert shell.mode == "home"  # a citizen's card on the home screen changes nothing
    assert shell.staff.auth.failures == 0  # nor counts towards locking staff out
    shell._on_device_event(("card_inserted", Card(STAFF_ID_NUMBER.lower())))
    qtbot.waitUntil(lambda: shell.mode == "staff", timeout=20000)
    assert "S02" in texts(shell)
    rows = audit_rows(staff_kiosk)
    assert [(r.subject, r.object, r.result) for r in rows] == [
        ("unknown", "card", "refused"),
        ("S02", "card", "ok"),
    ]


def test_a_card_not_enrolled_on_the_keypad_is_refused_as_such_and_audited(qtbot, shell, staff_kiosk):
    class Card:
        id_number = "110105194912310037"  # synthetic, valid check digit, not enrolled

    taps(qtbot, shell)
    shell._on_device_event(("card_inserted", Card()))
    qtbot.waitUntil(lambda: not shell.staff.checking, timeout=20000)
    assert shell.mode == "staff_pin" and "此卡未登记为工作人员卡" in texts(shell)
    assert shell.staff.auth.failures == 0  # a card cannot be guessed: it does not lock PIN entry
    assert [(r.subject, r.action, r.object, r.result) for r in audit_rows(staff_kiosk)] == [
        ("unknown", "enter", "card", "refused")
    ]
    assert Card.id_number not in " ".join(r.line() for r in audit_rows(staff_kiosk))


def test_no_plain_pin_in_config_or_database(qtbot, shell, staff_kiosk):
    taps(qtbot, shell)
    type_pin(qtbot, shell, PIN)
    toml = staff_kiosk.config.to_toml()
    assert PIN not in toml and STAFF_ID_NUMBER not in toml and "$argon2id$" in toml
    data = Path(staff_kiosk.config["kiosk"]["data_dir"])
    logs = Path(staff_kiosk.config["log"]["dir"])
    # the database with its WAL, anything else written there, and the logs
    files = [*data.iterdir(), *(logs.iterdir() if logs.exists() else [])]
    assert any(f.name == "hall.db" for f in files)
    for f in files:
        content = f.read_bytes()
        assert PIN.encode() not in content and STAFF_ID_NUMBER.encode() not in content, f.name


def test_gesture_mid_journey_leaves_the_citizen_alone(qtbot, shell):
    qtbot.mouseClick(btn(shell, "service_demo"), Qt.MouseButton.LeftButton)
    assert shell.mode == "flow"
    taps(qtbot, shell)
    assert shell.mode == "flow"  # ignored: the citizen's session and data stay as they were


def log_view(qtbot, shell) -> QPlainTextEdit:
    """The log lines once read (the file is read on a thread)."""
    qtbot.waitUntil(lambda: shell.staff.panel.pages["logs"].lines.settled, timeout=5000)
    QApplication.processEvents()
    view = shell.findChild(QPlainTextEdit, "log_lines")
    assert view is not None and view.isVisible()
    return view


def test_logs_page_filters_by_level(qtbot, shell, staff_kiosk):
    log_dir = Path(staff_kiosk.config["log"]["dir"])
    log_dir.mkdir(parents=True, exist_ok=True)
    (log_dir / "kiosk.jsonl").write_text(
        '{"ts": "2026-01-05T09:00:01.000+00:00", "level": "INFO", "logger": "kiosk", "msg": "started"}\n'
        '{"ts": "2026-01-05T09:00:02.000+00:00", "level": "ERROR", "logger": "printer", "msg": "jammed"}\n',
        encoding="utf-8",
    )
    taps(qtbot, shell)
    type_pin(qtbot, shell, PIN)
    qtbot.mouseClick(btn(shell, "tab_logs"), Qt.MouseButton.LeftButton)
    view = log_view(qtbot, shell)
    assert "started" in view.toPlainText() and "jammed" in view.toPlainText()
    # newest first, in the hall's time as the header clock shows it (written in UTC)
    assert view.toPlainText().splitlines()[:2] == ["17:00:02 E printer: jammed", "17:00:01 I kiosk: started"]
    qtbot.mouseClick(btn(shell, "level_ERROR"), Qt.MouseButton.LeftButton)
    view = log_view(qtbot, shell)
    assert "started" not in view.toPlainText() and "printer: jammed" in view.toPlainText()


def test_keypad_in_english_and_landscape(qtbot, shell):
    qtbot.mouseClick(btn(shell, "language"), Qt.MouseButton.LeftButton)
    taps(qtbot, shell)
    type_pin(qtbot, shell, "1")
    assert "Enter PIN" in texts(shell) and "Wrong PIN" in texts(shell)
    shell.resize(1920, 1080)
    QApplication.processEvents()
    assert "Wrong PIN" in texts(shell)
    shell.grab().save(str(SHOTS / "pin_en_1920x1080.png"))


def test_restart_is_audited_and_leaves_the_event_loop(qtbot, shell, staff_kiosk, monkeypatch):
    import kiosk.ui.maintenance as maintenance

    codes: list[int] = []
    monkeypatch.setattr(maintenance.QApplication, "exit", codes.append)
    taps(qtbot, shell)
    type_pin(qtbot, shell, PIN)
    qtbot.mouseClick(btn(shell, "maint_restart"), Qt.MouseButton.LeftButton)
    assert codes == [maintenance.RESTART_CODE] and shell.mode == "home"
    assert [r.action for r in audit_rows(staff_kiosk)][-2:] == ["restart", "exit"]


def test_keypad_left_alone_goes_back_to_the_citizen_home(qtbot, shell):
    taps(qtbot, shell)
    assert shell.mode == "staff_pin"
    shell.clock.advance(shell.kcfg["idle_timeout"] + 1)
    qtbot.waitUntil(lambda: shell.mode == "home", timeout=5000)
    assert shell.stack.currentWidget() is shell.home_screen


def test_each_tap_counts_once_though_the_widgets_under_it_all_see_it(qtbot, shell):
    # a tap on the hall name is seen by the window, the label and its parents in turn
    for _ in range(4):
        qtbot.mouseClick(shell.hall_label, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert shell.mode == "home"
    qtbot.mouseClick(shell.hall_label, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert shell.mode == "staff_pin"


def test_panel_switches_to_english(qtbot, shell):
    taps(qtbot, shell)
    type_pin(qtbot, shell, PIN)
    qtbot.mouseClick(btn(shell, "language"), Qt.MouseButton.LeftButton)
    shown = texts(shell)
    assert "Maintenance · S01" in shown and "Open alerts" in shown and "Exit maintenance" in shown
    assert "Receipt printer: Paper running low" in shown and "纸将用尽" not in shown  # the alert too
    shell.resize(1920, 1080)
    QApplication.processEvents()
    shell.grab().save(str(SHOTS / "overview_en_1920x1080.png"))


def test_lockout_survives_a_restart(qtbot, shell, staff_kiosk):
    taps(qtbot, shell)
    for pin in ("1111", "2222"):  # locked for 30 s
        type_pin(qtbot, shell, pin)
    shell.clock.advance(10)
    again = shown_shell(qtbot, staff_kiosk)  # the kiosk restarted (same database, clock 10 s on)
    try:
        taps(qtbot, again)
        type_pin(qtbot, again, PIN)
        assert again.mode == "staff_pin" and "20 秒后再试" in texts(again)
    finally:
        again.shutdown()


def shell_with(qtbot, kiosk, **settings):  # type: ignore[no-untyped-def]
    """A fresh shell on the kiosk with changed settings (as after editing the config)."""
    for key, value in settings.items():
        kiosk.config = kiosk.config.replace(key, value)
    return shown_shell(qtbot, kiosk)


def test_shutdown_is_offered_only_where_configured_and_asks_first(
    qtbot, shell, staff_kiosk, tmp_path, monkeypatch
):
    import sys

    import kiosk.ui.maintenance as maintenance

    taps(qtbot, shell)
    type_pin(qtbot, shell, PIN)
    assert not [b for b in shell.findChildren(QPushButton, "maint_shutdown") if b.isVisible()]
    qtbot.mouseClick(btn(shell, "maint_exit"), Qt.MouseButton.LeftButton)
    shell.shutdown()
    marker = tmp_path / "powered-off"
    command = [sys.executable, "-c", f"open({str(marker)!r}, 'w').write('off')"]
    again = shell_with(qtbot, staff_kiosk, **{"staff.shutdown_command": command})
    codes: list[int] = []
    monkeypatch.setattr(maintenance.QApplication, "exit", codes.append)
    try:
        taps(qtbot, again)
        type_pin(qtbot, again, PIN)
        qtbot.mouseClick(btn(again, "maint_shutdown"), Qt.MouseButton.LeftButton)
        assert "确定关机吗" in texts(again) and not marker.exists()  # nothing yet
        again.grab().save(str(SHOTS / "shutdown_confirm_1080x1920.png"))
        qtbot.mouseClick(btn(again, "shutdown_cancel"), Qt.MouseButton.LeftButton)
        assert "确定关机吗" not in texts(again) and not marker.exists()
        qtbot.mouseClick(btn(again, "maint_shutdown"), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(btn(again, "shutdown_confirm"), Qt.MouseButton.LeftButton)
        assert marker.read_text() == "off" and codes == [0] and again.mode == "home"
    finally:
        again.shutdown()
    assert [(r.action, r.object, r.result) for r in audit_rows(staff_kiosk)][-2:] == [
        ("shutdown", "machine", "ok"),
        ("exit", "shutdown", "ok"),
    ]


def test_a_shutdown_command_that_fails_leaves_staff_in_maintenance_with_the_reason(
    qtbot, shell, staff_kiosk, monkeypatch
):
    import sys

    import kiosk.ui.maintenance as maintenance

    codes: list[int] = []
    monkeypatch.setattr(maintenance.QApplication, "exit", codes.append)
    shell.shutdown()
    command = [sys.executable, "-c", "import sys; sys.exit('Access denied by polkit')"]
    again = shell_with(qtbot, staff_kiosk, **{"staff.shutdown_command": command})
    try:
        taps(qtbot, again)
        type_pin(qtbot, again, PIN)
        qtbot.mouseClick(btn(again, "maint_shutdown"), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(btn(again, "shutdown_confirm"), Qt.MouseButton.LeftButton)
        assert again.mode == "staff" and codes == []
        assert "关机命令失败：Access denied by polkit" in texts(again)
    finally:
        again.shutdown()
    assert ("shutdown", "machine", "failed") in [
        (r.action, r.object, r.result) for r in audit_rows(staff_kiosk)
    ]
