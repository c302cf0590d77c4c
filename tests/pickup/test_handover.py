"""Cards into and out of the locker wall with the platform told, through the real lock-board
driver on the simulator and the reference platform over HTTP, on SQLite and PostgreSQL: load,
pickup, offline pickup told later, jammed and silent boards, a door left open, unload and move."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest

from backends.platform.api import AppState
from hall.journal import DONE, FAILED, OPEN
from hall.lockers import CompartmentBusy, CState, ItemNotFound, LockerJammed, LockerOutcomeUnknown
from hall.lockers.handover import COLLECTED, KINDS
from tests.pickup.support import Kiosk, Platform, dead_platform


@pytest.fixture
def k(wall, db_url, platform: Platform) -> Iterator[Kiosk]:
    sim, settings = wall
    kiosk = Kiosk(sim, settings, db_url, platform.client).start()
    yield kiosk
    kiosk.close()


def card_steps(k: Kiosk, kind: str) -> list[str]:
    return [s.state for s in k.lockers.journal.iter_all() if s.kind == kind]


def test_load_tells_the_platform_ready_then_pickup_is_recorded_once(k: Kiosk, platform: Platform) -> None:
    acc = platform.accepted()
    n = k.loaded(acc)
    app = platform.client.status(acc)
    assert (app.state, app.kiosk, app.locker) == (AppState.READY, "K01", n)

    handed = k.handover.collect(acc, "qr")
    assert handed.compartment.number == n and not k.sim.door_closed(n)
    assert card_steps(k, COLLECTED) == [OPEN]  # written before the door opened
    assert k.handover.wait(handed, 0.3) is None  # the citizen has not shut it yet
    k.shut(n)
    outcome = k.handover.wait(handed, 10)
    assert outcome is not None and outcome.state == "done"
    app = platform.client.status(acc)
    assert app.state == AppState.COLLECTED and app.collected_at
    assert k.handover.collected_at(acc) is not None
    assert card_steps(k, COLLECTED) == [DONE]
    with pytest.raises(ItemNotFound):  # one code, one pickup
        k.handover.collect(acc, "qr")
    assert k.sim.opens_of(n) == 2  # the load and the pickup
    assert card_steps(k, COLLECTED) == [DONE, FAILED]  # the refused second try is closed too


def test_platform_down_pickup_works_and_is_told_later(
    wall,
    db_url,
    platform: Platform,
) -> None:
    sim, settings = wall
    k = Kiosk(sim, settings, db_url, platform.client).start()
    try:
        acc = platform.accepted()
        n = k.loaded(acc)
        k.handover.platform = dead_platform()  # the network to the platform is cut
        handed = k.handover.collect(acc, "qr")
        k.shut(n)
        outcome = k.handover.wait(handed, 10)
        assert outcome is not None and outcome.state == "waiting"
        assert k.lockers.find(acc) is None  # the inventory has it collected
        assert platform.client.status(acc).state == AppState.READY
        assert card_steps(k, COLLECTED) == [OPEN]

        k.handover.platform = platform.client  # the platform answers again
        report = k.reconciler.run(grace=timedelta(0))
        assert list(report.settled.values()) == ["done"]
        app = platform.client.status(acc)
        assert app.state == AppState.COLLECTED
        when = k.handover.collected_at(acc)
        assert when is not None and app.collected_at == when.isoformat(timespec="seconds")
        assert sim.opens_of(n) == 2
    finally:
        k.close()


def test_loaded_while_the_platform_is_down_is_told_later(k: Kiosk, platform: Platform) -> None:
    acc = platform.accepted()
    k.handover.platform = dead_platform()
    handed = k.handover.load(acc, "staff-07")
    k.shut(handed.compartment.number)
    outcome = k.handover.wait(handed, 10)
    assert outcome is not None and outcome.state == "waiting"
    assert k.lockers.find(acc) is not None and platform.client.status(acc).state == AppState.ACCEPTED
    k.handover.platform = platform.client
    k.reconciler.run(grace=timedelta(0))
    app = platform.client.status(acc)
    assert (app.state, app.locker) == (AppState.READY, handed.compartment.number)


def test_loaded_and_collected_while_the_platform_is_down_are_told_in_order(
    k: Kiosk, platform: Platform
) -> None:
    acc = platform.accepted()
    k.handover.platform = dead_platform()  # down all evening
    loading = k.handover.load(acc, "staff-07")
    n = loading.compartment.number
    k.shut(n)
    assert (o := k.handover.wait(loading, 10)) is not None and o.state == "waiting"
    pickup = k.handover.collect(acc, "qr")
    k.shut(n)
    assert (o := k.handover.wait(pickup, 10)) is not None and o.state == "waiting"
    assert k.handover.settle(pickup.key).state == "waiting"  # "ready" first, even when asked out of turn
    k.handover.platform = platform.client  # back in the morning
    report = k.reconciler.run(grace=timedelta(0))
    assert sorted(report.settled.values()) == ["done", "done"]
    app = platform.client.status(acc)
    assert (app.state, app.locker) == (AppState.COLLECTED, n)
    assert f"platform_refused.{acc}" not in k.alert_codes()


def test_a_move_while_the_platform_is_down_ends_ready_at_the_new_compartment(
    k: Kiosk, platform: Platform
) -> None:
    acc = platform.accepted()
    n = k.loaded(acc)
    k.handover.platform = dead_platform()
    out = k.handover.unload(acc, "staff-07")
    k.shut(n)
    assert k.handover.wait(out, 10) is not None
    back_in = k.handover.load(acc, "staff-07", number=6)
    k.shut(6)
    assert k.handover.wait(back_in, 10) is not None
    k.handover.platform = platform.client
    assert sorted(k.reconciler.run(grace=timedelta(0)).settled.values()) == ["done", "done"]
    app = platform.client.status(acc)
    assert (app.state, app.locker) == (AppState.READY, 6)


def test_a_second_scan_while_the_door_is_open_opens_nothing(k: Kiosk, platform: Platform) -> None:
    acc = platform.accepted()
    n = k.loaded(acc)
    k.handover.collect(acc, "qr")
    with pytest.raises(CompartmentBusy):  # a copy of the slip scanned meanwhile
        k.handover.collect(acc, "qr")
    assert k.sim.opens_of(n) == 2


def test_jammed_lock_apologises_keeps_the_card_and_alerts(k: Kiosk, platform: Platform) -> None:
    acc = platform.accepted()
    n = k.loaded(acc)
    k.sim.toggle_jam(n)
    with pytest.raises(LockerJammed):
        k.handover.collect(acc, "qr")
    c = k.lockers.get(n)
    assert c.state is CState.FAULTY and c.application_no == acc
    assert f"lock_jammed.{n}" in k.alert_codes()
    assert card_steps(k, COLLECTED) == [FAILED]
    assert platform.client.status(acc).state == AppState.READY  # nothing given out


def test_silent_board_opens_nothing_and_releases_nothing_unrecorded(k: Kiosk, platform: Platform) -> None:
    acc = platform.accepted()
    n = k.loaded(acc)
    board = k.sim.by_number[n].board
    k.sim.toggle_mute(board)
    with pytest.raises(LockerOutcomeUnknown):
        k.handover.collect(acc, "qr")
    assert card_steps(k, COLLECTED) == [OPEN]  # in doubt: not closed as failed
    k.sim.toggle_mute(board)
    k.lockers.reconcile()  # the board answers: its door was never opened
    c = k.lockers.get(n)
    assert c.state is CState.FAULTY and c.application_no == acc  # staff check; the card is kept
    assert k.reconciler.run(grace=timedelta(0)).waiting  # no pickup told while in doubt
    assert platform.client.status(acc).state == AppState.READY
    assert k.sim.opens_of(n) == 1  # only the load reached the board


def test_door_left_open_alerts_staff_and_pickup_is_recorded_when_shut(
    wall,
    db_url,
    platform: Platform,
) -> None:
    sim, settings = wall
    k = Kiosk(sim, settings, db_url, platform.client, door_open_alert_s=0.2).start()
    try:
        acc = platform.accepted()
        n = k.loaded(acc)
        handed = k.handover.collect(acc, "qr")
        assert k.handover.wait(handed, 1.0) is None  # the citizen walked away
        assert f"door_left_open.{n}" in k.alert_codes()
        assert platform.client.status(acc).state == AppState.READY
        k.shut(n)  # staff shut it on their round
        assert k.lockers.wait_closed(n, 10) is not None
        k.reconciler.run(grace=timedelta(0))
        assert platform.client.status(acc).state == AppState.COLLECTED
        assert f"door_left_open.{n}" not in k.alert_codes()
    finally:
        k.close()


def test_unload_and_move_are_told_to_the_platform(k: Kiosk, platform: Platform) -> None:
    acc = platform.accepted()
    n = k.loaded(acc, size="M")
    out = k.handover.unload(acc, "staff-07")
    k.shut(n)
    assert (o := k.handover.wait(out, 10)) is not None and o.state == "done"
    assert platform.client.status(acc).state == AppState.AT_COUNTER
    assert k.handover.collected_at(acc) is None  # taken out by staff: nobody collected it
    k.loaded(acc, number=8)
    app = platform.client.status(acc)
    assert (app.state, app.locker) == (AppState.READY, 8)
    assert k.lockers.find(acc) is not None and k.lockers.find(acc).number == 8  # type: ignore[union-attr]
    assert k.lockers.get(n).state is CState.EMPTY
    assert all(s.state == DONE for s in k.lockers.journal.iter_all() if s.kind in KINDS)


def test_move_waits_for_the_first_door(k: Kiosk, platform: Platform) -> None:
    acc = platform.accepted()
    n = k.loaded(acc)

    def staff() -> None:  # takes the card out of n once its door opens, and shuts it
        deadline = time.monotonic() + 10
        while k.sim.door_closed(n) and time.monotonic() < deadline:
            time.sleep(0.01)
        k.shut(n)

    closer = threading.Thread(target=staff)
    closer.start()
    handed = k.handover.move(acc, "staff-07", 10, number=7)
    closer.join()
    assert handed.compartment.number == 7 and not k.sim.door_closed(7)
    k.shut(7)
    assert (o := k.handover.wait(handed, 10)) is not None and o.state == "done"
    app = platform.client.status(acc)
    assert (app.state, app.locker, app.kiosk) == (AppState.READY, 7, "K01")
