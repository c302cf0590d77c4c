"""A pickup kiosk killed (SIGKILL) between "open sent" and "pickup recorded", then restarted:
no door is opened twice, and no card leaves without a record (the inventory's, the journal's,
then the platform's). SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from backends.platform.api import AppState
from hall.journal import DONE, OPEN
from hall.lockers import CState
from hall.lockers.handover import COLLECTED
from tests.pickup.support import Kiosk, Platform
from tests.unit.test_lockers_crash import run_and_kill


@pytest.fixture
def loaded(wall, db_url, platform: Platform) -> Iterator[tuple[Kiosk, str, int]]:
    sim, settings = wall
    k = Kiosk(sim, settings, db_url, platform.client).start()
    acc = platform.accepted()
    n = k.loaded(acc)
    k.close()  # one process on the bus at a time, as on a real kiosk
    yield k, acc, n


def collect_and_kill(k: Kiosk, settings: dict, url: str, platform: Platform, n: int, acc: str) -> Kiosk:
    run_and_kill(k.sim, url, settings, n, platform.server.url, acc, child="tests.pickup.crash_child")
    return Kiosk(k.sim, settings, url, platform.client)


def steps(k: Kiosk) -> list[str]:
    return [s.state for s in k.lockers.journal.iter_all() if s.kind == COLLECTED]


def test_killed_with_the_door_open_records_the_pickup_once_shut(
    wall,
    db_url,
    platform: Platform,
    loaded,
) -> None:
    _, settings = wall
    k, acc, n = loaded
    k = collect_and_kill(k, settings, db_url, platform, n, acc)
    try:
        assert steps(k) == [OPEN] and k.lockers.get(n).state is CState.OPEN
        k.start()  # reconcile at start: the door is open, so it is watched, never opened again
        assert k.reconciler.run(grace=timedelta(0)).waiting  # door still open: nothing told yet
        assert platform.client.status(acc).state == AppState.READY
        k.shut(n)
        assert k.lockers.wait_closed(n, 10) is not None
        k.reconciler.run(grace=timedelta(0))
        assert steps(k) == [DONE]
        assert platform.client.status(acc).state == AppState.COLLECTED
        assert k.lockers.find(acc) is None
        assert k.sim.opens_of(n) == 2  # the load and the one pickup
    finally:
        k.close()


def test_killed_and_door_found_shut_keeps_the_card_for_staff(
    wall,
    db_url,
    platform: Platform,
    loaded,
) -> None:
    _, settings = wall
    k, acc, n = loaded
    k = collect_and_kill(k, settings, db_url, platform, n, acc)
    k.sim.close_door(n)  # shut while the kiosk restarted: did the citizen take the card?
    try:
        k.start()
        c = k.lockers.get(n)
        assert c.state is CState.FAULTY and c.application_no == acc  # staff look; nothing guessed
        assert f"check_needed.{n}" in k.alert_codes()
        k.reconciler.run(grace=timedelta(0))
        assert steps(k) == [OPEN]
        assert platform.client.status(acc).state == AppState.READY  # no pickup recorded
        assert k.sim.opens_of(n) == 2
    finally:
        k.close()
