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
def restarted(wall, db_url, platform: Platform) -> Iterator[tuple[Kiosk, str, int]]:
    """A card loaded; a kiosk killed after sending its pickup's open; the kiosk started again
    (not yet reconciled), with the platform and the wall as they were."""
    sim, settings = wall
    k = Kiosk(sim, settings, db_url, platform.client).start()
    acc = platform.accepted()
    n = k.loaded(acc)
    k.close()  # one process on the bus at a time, as on a real kiosk
    run_and_kill(sim, db_url, settings, n, platform.server.url, acc, child="tests.pickup.crash_child")
    k = Kiosk(sim, settings, db_url, platform.client)
    yield k, acc, n
    k.close()


def steps(k: Kiosk) -> list[str]:
    return [s.state for s in k.lockers.journal.iter_all() if s.kind == COLLECTED]


def test_killed_with_the_door_open_records_the_pickup_once_shut(platform: Platform, restarted) -> None:
    k, acc, n = restarted
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


def test_killed_and_door_found_shut_keeps_the_card_for_staff(platform: Platform, restarted) -> None:
    k, acc, n = restarted
    k.sim.close_door(n)  # shut while the kiosk restarted: did the citizen take the card?
    k.start()
    c = k.lockers.get(n)
    assert c.state is CState.FAULTY and c.application_no == acc  # staff look; nothing guessed
    assert f"check_needed.{n}" in k.alert_codes()
    k.reconciler.run(grace=timedelta(0))
    assert steps(k) == [OPEN]
    assert platform.client.status(acc).state == AppState.READY  # no pickup recorded
    assert k.sim.opens_of(n) == 2
