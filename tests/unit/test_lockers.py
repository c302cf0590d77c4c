"""The locker inventory and door supervision, through the real driver over a pty, on SQLite and
PostgreSQL. The test plays the person at the wall (closing doors on the simulator) and the clock."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.clock import FakeClock
from devices.base import DeviceError, State
from devices.locker.layout import layout_from_settings
from devices.locker.simulator import LockerSimulator
from hall.db import migrate, open_engine
from hall.journal import DONE, FAILED, OPEN
from hall.lockers import (
    OPEN_STEP,
    CompartmentBusy,
    CState,
    DeviceBoards,
    ItemNotFound,
    LockerJammed,
    LockerOutcomeUnknown,
    Lockers,
    LockerUnavailable,
    NoFreeCompartment,
)
from kiosk.alerts import Alerts
from tests.devices.locker.support import db_url, start_device, wall, wall_settings  # noqa: F401

APP = "SL2026010500017"
APP2 = "SL2026010500018"


class Wall:
    """The inventory wired as the kiosk wires it, plus the hands of the person at the wall."""

    def __init__(self, sim: LockerSimulator, settings: dict[str, Any], url: str) -> None:
        self.sim = sim
        self.settings = settings
        self.engine = open_engine(url)
        migrate(self.engine)
        self.device = start_device(settings)
        self.clock = FakeClock()
        self.alerts = Alerts(None)
        self.lockers = Lockers.from_settings(
            self.engine,
            DeviceBoards(self.device, timeout=10),
            {"door_open_alert_s": 60, "open_confirm_s": 3},
            alerts=self.alerts,
            clock=self.clock,
        )
        self.lockers.sync_layout(layout_from_settings(settings))

    def shut(self, number: int) -> None:
        """The door is seen open, then the person shuts it and the supervisor notices."""
        self.lockers.tick()
        self.sim.close_door(number)
        self.lockers.tick()

    def loaded(self, app: str = APP, **kw: Any) -> int:
        c = self.lockers.load(app, "staff-07", **kw)
        self.shut(c.number)
        assert self.lockers.get(c.number).state is CState.LOADED
        return c.number

    def active_alerts(self) -> set[str]:
        return {a.code for a in self.alerts.active()}

    def close(self) -> None:
        self.device.stop()
        self.engine.dispose()


@pytest.fixture
def w(wall, db_url) -> Iterator[Wall]:  # noqa: F811
    sim, settings = wall
    ww = Wall(sim, settings, db_url)
    yield ww
    ww.close()


def events(w: Wall, number: int) -> list[str]:
    return [h.event for h in w.lockers.history(number)]


def door_opens(w: Wall, number: int) -> list[tuple[str, str]]:
    """(state, result) of the journal's door-open steps of this compartment, oldest first."""
    steps = w.lockers.journal.iter_all()
    return [
        (s.state, s.after.get("result", ""))
        for s in steps
        if s.kind == OPEN_STEP and s.refs["compartment"] == number
    ]


def test_load_then_release_to_owner(w: Wall) -> None:
    c = w.lockers.load(APP, "staff-07")
    assert c.state is CState.AWAITING_CLOSE and c.application_no == APP
    assert not w.sim.door_closed(c.number) and w.sim.opens_of(c.number) == 1
    w.shut(c.number)
    c = w.lockers.get(c.number)
    assert c.state is CState.LOADED and c.loaded_by == "staff-07" and c.loaded_at is not None

    r = w.lockers.release(APP)
    assert r.number == c.number and r.state is CState.AWAITING_CLOSE
    assert w.sim.opens_of(c.number) == 2
    w.lockers.tick()
    assert w.lockers.get(c.number).state is CState.AWAITING_CLOSE  # door still open: not yet collected
    w.sim.close_door(c.number)
    w.lockers.tick()
    assert w.lockers.get(c.number).state is CState.EMPTY
    assert w.lockers.find(APP) is None
    ev = events(w, c.number)
    assert ev == [
        "open_sent", "open_ok", "door_opened", "door_closed", "loaded",
        "open_sent", "open_ok", "door_opened", "door_closed", "collected",
    ]  # fmt: skip
    assert [h.application_no for h in w.lockers.history(c.number) if h.event == "collected"] == [APP]
    assert door_opens(w, c.number) == [(DONE, "opened"), (DONE, "opened")]
    (step, _) = [s for s in w.lockers.journal.iter_all() if s.kind == OPEN_STEP]
    assert step.refs == {"wall": "K01", "compartment": c.number, "purpose": "load", "application_no": APP}
    assert "staff-07" not in str(step.to_json())  # references only: no one's name or id


def test_release_twice_opens_once(w: Wall) -> None:
    n = w.loaded()
    w.lockers.release(APP)
    with pytest.raises(CompartmentBusy):
        w.lockers.release(APP)
    assert w.sim.opens_of(n) == 2  # the load and one release


def test_jammed_lock_on_release_keeps_the_item_and_alerts(w: Wall) -> None:
    n = w.loaded()
    w.sim.toggle_jam(n)
    with pytest.raises(LockerJammed) as e:
        w.lockers.release(APP)
    assert e.value.number == n and e.value.application_no == APP
    c = w.lockers.get(n)
    assert c.state is CState.FAULTY and c.application_no == APP
    assert w.lockers.find(APP) == c
    assert f"lock_jammed.{n}" in w.active_alerts()
    assert w.sim.opens_of(n) == 2  # never retried
    assert door_opens(w, n)[-1] == (FAILED, "jammed")
    with pytest.raises(CompartmentBusy):
        w.lockers.release(APP)
    # staff fix the lock; the citizen can then collect
    w.sim.toggle_jam(n)
    assert w.lockers.mark_repaired(n, "staff-07").state is CState.LOADED
    assert f"lock_jammed.{n}" not in w.active_alerts()
    w.lockers.release(APP)
    w.shut(n)
    assert w.lockers.get(n).state is CState.EMPTY


def test_jammed_lock_on_load_leaves_item_unassigned_and_next_load_works(w: Wall) -> None:
    w.sim.toggle_jam(1)
    with pytest.raises(LockerJammed):
        w.lockers.load(APP, "staff-07", number=1)
    assert w.lockers.get(1).state is CState.FAULTY and w.lockers.get(1).application_no is None
    assert w.lockers.find(APP) is None
    assert w.loaded(APP) == 2  # compartment 1 is skipped now


def test_door_left_open_alerts_once_and_keeps_watching(w: Wall) -> None:
    n = w.loaded()
    w.lockers.release(APP)
    w.lockers.tick()
    w.clock.advance(59)
    w.lockers.tick()
    assert f"door_left_open.{n}" not in w.active_alerts()
    w.clock.advance(2)
    w.lockers.tick()
    w.clock.advance(300)
    w.lockers.tick()
    assert [a.code for a in w.alerts.recent()].count(f"door_left_open.{n}") == 1
    assert f"door_left_open.{n}" in w.active_alerts()
    assert w.lockers.get(n).state is CState.AWAITING_CLOSE
    w.sim.close_door(n)
    w.lockers.tick()
    assert w.lockers.get(n).state is CState.EMPTY
    assert f"door_left_open.{n}" not in w.active_alerts()


def test_board_says_opened_but_door_never_moves_is_faulty(w: Wall) -> None:
    n = w.loaded()
    # a jammed lock on a board whose reply polarity is the reverse of the configured one
    w.sim.reversed = True
    w.sim.toggle_jam(n)
    c = w.lockers.release(APP)
    assert c.state is CState.AWAITING_CLOSE
    w.lockers.tick()
    assert w.lockers.get(n).state is CState.AWAITING_CLOSE  # give the door time to spring
    w.clock.advance(3)
    w.lockers.tick()
    c = w.lockers.get(n)
    assert c.state is CState.FAULTY and c.application_no == APP
    assert f"lock_jammed.{n}" in w.active_alerts()
    assert door_opens(w, n)[-1] == (FAILED, "door never opened")


def test_silent_board_on_release_fails_naming_board_and_keeps_item(w: Wall) -> None:
    n = w.loaded(number=5)  # board 2
    w.sim.toggle_mute(2)
    with pytest.raises(LockerUnavailable) as e:
        w.lockers.release(APP)
    assert "锁控板 2" in str(e.value.reason)
    assert isinstance(e.value, LockerOutcomeUnknown)
    c = w.lockers.get(n)
    # the door cannot be asked either: undecided until the board answers; the item is recorded
    assert c.state is CState.OPEN and c.application_no == APP and not w.lockers.reconciled
    assert "open_unknown" in events(w, n) and not w.active_alerts()
    assert w.sim.opens_of(n) == 1  # the load; the muted board ignored the release frame
    w.sim.toggle_mute(2)
    # back, door shut, never seen open: that stays unknown, so staff look; the item is kept
    assert w.lockers.reconcile() == [(n, "faulty")]
    c = w.lockers.get(n)
    assert c.state is CState.FAULTY and c.application_no == APP
    assert w.active_alerts() == {f"check_needed.{n}"}


def test_lost_open_reply_with_door_open_is_watched(w: Wall) -> None:
    n = w.loaded()
    w.sim.corrupt_opens = 1  # the open reply arrives with a broken checksum
    # the door says it opened: no error for the citizen standing at it
    assert w.lockers.release(APP).state is CState.AWAITING_CLOSE
    w.shut(n)
    assert w.lockers.get(n).state is CState.EMPTY and w.sim.opens_of(n) == 2


def test_offline_device_refuses_and_reverts(w: Wall) -> None:
    n = w.loaded()
    w.sim.unplug()
    with pytest.raises(DeviceError):  # the worker notices the lost link on its next exchange
        w.device.call(lambda d: d.doors())
    assert w.device.wait_until(lambda s: s.state is State.OFFLINE, 10)
    with pytest.raises(LockerUnavailable):
        w.lockers.release(APP)
    c = w.lockers.get(n)
    assert c.state is CState.LOADED and c.application_no == APP
    assert events(w, n)[-2:] == ["open_sent", "open_failed"]


def test_staff_operations(w: Wall) -> None:
    n = w.loaded()
    w.lockers.mark_faulty(n, "hinge broken", "staff-07")
    assert w.lockers.get(n).state is CState.FAULTY
    with pytest.raises(CompartmentBusy):
        w.lockers.release(APP)
    # staff open a faulty compartment to look; it stays faulty when shut, still holding the item
    assert w.lockers.staff_open(n, "staff-07").state is CState.AWAITING_CLOSE
    w.shut(n)
    assert w.lockers.get(n).state is CState.FAULTY and w.lockers.get(n).application_no == APP
    cleared = w.lockers.clear(n, "staff-07")
    assert cleared.application_no is None and cleared.state is CState.FAULTY
    assert w.lockers.mark_repaired(n, "staff-07").state is CState.EMPTY
    assert "cleared" in events(w, n) and "repaired" in events(w, n)


def test_size_choice_and_full_wall(tmp_path: Path, db_url: str) -> None:  # noqa: F811
    settings = wall_settings(
        tmp_path / "lk",
        protocol="kerong",
        compartments=[
            {"number": 1, "board": 0, "lock": 1, "size": "L"},
            {"number": 2, "board": 0, "lock": 2, "size": "M"},
            {"number": 3, "board": 1, "lock": 16, "size": "S"},
        ],
    )
    sim = LockerSimulator(tmp_path / "lk", settings).start()
    sim.set_auto_close(0.05)
    w = Wall(sim, settings, db_url)
    try:
        assert w.lockers.load("A1", "s", size="M").number == 2
        assert w.lockers.load("A2", "s", size="M").number == 1  # no M left: the next size up
        assert w.lockers.load("A3", "s").number == 3
        with pytest.raises(NoFreeCompartment):
            w.lockers.load("A4", "s")
        with pytest.raises(CompartmentBusy):
            w.lockers.load("A1", "s")
        with pytest.raises(ItemNotFound):
            w.lockers.release("A9")
    finally:
        w.close()
        sim.stop()


def test_reconcile_watches_a_door_found_open_and_never_opens(w: Wall) -> None:
    n = w.loaded()
    sent = len(w.sim.opens)
    w.sim.force_open(n)
    assert w.lockers.reconcile() == [(n, "watching")]
    assert f"door_found_open.{n}" in w.active_alerts()
    w.sim.close_door(n)
    w.lockers.tick()
    c = w.lockers.get(n)
    assert c.state is CState.LOADED and c.application_no == APP
    assert len(w.sim.opens) == sent


def test_two_walls_share_one_database(w: Wall) -> None:
    other = Lockers(w.engine, w.lockers.boards, wall="K02", clock=w.clock)
    other.sync_layout(layout_from_settings(w.settings))
    w.loaded()
    assert all(c.state is CState.EMPTY for c in other.compartments())
    assert other.find(APP) is None


def test_reconcile_waits_for_a_silent_board_and_decides_nothing_meanwhile(w: Wall) -> None:
    n = w.loaded()
    w.lockers.release(APP)  # awaiting close, door open
    w.sim.toggle_mute(1)
    w.sim.close_door(n)  # shut while nobody can see it
    assert w.lockers.reconcile() == [] and w.lockers.reconciled is False
    assert w.lockers.get(n).state is CState.AWAITING_CLOSE
    w.sim.toggle_mute(1)
    assert w.lockers.reconcile() == [(n, "faulty")]  # never seen open: staff check, item kept
    assert w.lockers.reconciled is True and w.lockers.find(APP) is not None


def test_kiosk_wiring_supervises_in_the_background(wall, db_url) -> None:  # noqa: F811
    sim, settings = wall
    engine = open_engine(db_url)
    migrate(engine)
    device = start_device(settings)
    alerts = Alerts(None)
    lockers = Lockers.for_kiosk(
        engine, device, {**settings, "door_poll_interval": 0.1}, wall="K09", alerts=alerts
    )
    changes: list[CState] = []
    lockers.listeners.append(lambda c: changes.append(c.state))
    try:
        assert lockers.reconciled and len(lockers.compartments()) == 8
        n = lockers.load(APP, "staff-07").number
        assert lockers.wait_closed(n, 0.3) is None  # door still open
        sim.close_door(n)
        c = lockers.wait_closed(n, 10)
        assert c is not None and c.state is CState.LOADED
        deadline = time.monotonic() + 5  # listeners hear it on the supervisor's thread
        while changes[-1] is not CState.LOADED and time.monotonic() < deadline:
            time.sleep(0.01)
        assert changes[0] is CState.OPEN and changes[-1] is CState.LOADED
    finally:
        lockers.stop()
        device.stop()
        engine.dispose()


def test_board_unplugged_mid_release_settles_from_the_door_after_reconnect(wall, db_url) -> None:  # noqa: F811
    """The open reaches the board and the door opens, then the board is unplugged before it
    replies. Once it is back, the door is read: open -> watched -> shut -> collected."""
    sim, settings = wall
    w = Wall(sim, {**settings, "reply_timeout": 10.0}, db_url)
    try:
        n = w.loaded()
        sim.open_reply_delay[sim.by_number[n].board] = 60.0  # the reply would come late...

        def unplug_once_opened() -> None:  # ...but the board is unplugged first
            deadline = time.monotonic() + 30
            while sim.opens_of(n) < 2 and time.monotonic() < deadline:
                time.sleep(0.005)
            sim.unplug()

        hands = threading.Thread(target=unplug_once_opened)
        hands.start()
        with pytest.raises(LockerOutcomeUnknown) as e:
            w.lockers.release(APP)
        hands.join()
        assert str(n) in str(e.value.reason) and "关好柜门" in str(e.value.reason)
        assert not sim.door_closed(n) and sim.opens_of(n) == 2
        c = w.lockers.get(n)
        assert c.state is CState.OPEN and c.application_no == APP  # undecided, not faulty
        assert not w.active_alerts()
        assert door_opens(w, n)[-1] == (OPEN, "")  # the journal waits for the door too

        sim.drop_late_replies()
        sim.open_reply_delay.clear()
        sim.plug()
        w.lockers.poll_interval = 0.05
        w.lockers.start()  # the supervisor reconciles once the board answers again
        deadline = time.monotonic() + 60
        while not (w.lockers.get(n).state is CState.AWAITING_CLOSE and w.lockers.get(n).door_seen_open):
            assert time.monotonic() < deadline, w.lockers.get(n)
            time.sleep(0.05)
        sim.close_door(n)
        assert w.lockers.wait_closed(n, 60) is not None
        w.lockers.stop()
        c = w.lockers.get(n)
        assert c.state is CState.EMPTY and c.application_no is None and c.fault_reason is None
        assert events(w, n)[-2:] == ["door_closed", "collected"]
        assert not w.active_alerts() and sim.opens_of(n) == 2  # opened once, never again
        assert door_opens(w, n) == [(DONE, "opened"), (DONE, "door found open")]
    finally:
        w.lockers.stop()
        w.close()
