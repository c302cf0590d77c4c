"""The maintenance actions that matter most, with the hall database on PostgreSQL (the tests
beside this one use the kiosk's SQLite file): the PIN lockout and its audit rows, surviving a
restart, and a locker action with its reason in the audit table and the locker history."""

from __future__ import annotations

import pytest

from devices.base import State
from hall.audit import AuditLog
from hall.db import open_engine
from tests.ui.conftest import make_kiosk, shown_shell, simulated_kiosk
from tests.ui.test_maintenance import FAST, PIN, click, staff_shell, taps, texts, type_pin

pytestmark = pytest.mark.parametrize("db", ["postgresql"], indirect=True)


def audit(db) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    rows = AuditLog(open_engine(db.url), "K01").rows()
    return [(r.subject, r.action, r.object, r.result) for r in rows]


@pytest.fixture
def pin_kiosk(tmp_path, db):  # type: ignore[no-untyped-def]
    k = make_kiosk(
        tmp_path,
        **{
            "db.url": db.url,
            "log.dir": str(tmp_path / "log"),
            "staff.pins": [{"id": "S01", "hash": FAST.hash(PIN)}],
            "staff.free_attempts": 2,
            "staff.lockout": 30.0,
        },
    )
    yield k
    k.stop()


def test_wrong_pins_lock_entry_audited_and_the_lockout_survives_a_restart(qtbot, pin_kiosk, db):
    shell = shown_shell(qtbot, pin_kiosk)
    try:
        taps(qtbot, shell)
        type_pin(qtbot, shell, "1111")
        assert "密码不正确" in texts(shell)
        type_pin(qtbot, shell, "2222")  # the second wrong PIN locks: 30 s
        assert "30 秒后再试" in texts(shell)
        assert audit(db) == [("unknown", "enter", "pin", "refused")] * 2
    finally:
        shell.shutdown()
    pin_kiosk.clock.advance(10)
    again = shown_shell(qtbot, pin_kiosk)  # restarted: the count comes back from PostgreSQL
    try:
        taps(qtbot, again)
        type_pin(qtbot, again, PIN)
        assert again.mode == "staff_pin" and "20 秒后再试" in texts(again)
        pin_kiosk.clock.advance(21)
        type_pin(qtbot, again, PIN)
        assert again.mode == "staff"
    finally:
        again.shutdown()
    assert audit(db)[-1] == ("S01", "enter", "pin", "ok")


@pytest.fixture
def locker_kiosk(tmp_path, db):  # type: ignore[no-untyped-def]
    k = simulated_kiosk(
        tmp_path,
        ["pickup"],
        **{
            "db.url": db.url,
            "devices.camera.driver": "none",
            "staff.pins": [{"id": "S01", "hash": FAST.hash(PIN)}],
        },
    )
    assert k.devices["locker"].wait_until(lambda s: s.state is State.OK, 15), k.devices["locker"].status
    yield k
    k.stop()


def test_a_locker_marked_faulty_and_opened_with_reasons_is_audited(qtbot, locker_kiosk, db):
    shell = staff_shell(qtbot, locker_kiosk)
    try:
        click(qtbot, shell, "tab_lockers")
        click(qtbot, shell, "slot_2")
        click(qtbot, shell, "locker_faulty")
        click(qtbot, shell, "locker_faulty_1")
        qtbot.waitUntil(lambda: "2 号柜已标记故障" in texts(shell, 0.2), timeout=5000)  # on a thread
        click(qtbot, shell, "locker_open")
        click(qtbot, shell, "locker_open_0")
        qtbot.waitUntil(lambda: "2 号柜已打开" in texts(shell, 0.2), timeout=5000)
    finally:
        shell.shutdown()
    rows = audit(db)
    assert ("S01", "locker_faulty", "locker 2 门关不上", "ok") in rows
    assert ("S01", "locker_open", "locker 2 检查柜内", "ok") in rows
    told = [(h.event, h.detail) for h in locker_kiosk.services["lockers"].history(2)]
    assert ("faulty", "门关不上") in told and ("open_sent", "inspect: 检查柜内") in told
