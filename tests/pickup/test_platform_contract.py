"""The platform's locker calls over HTTP against the reference server, each answer checked
against the contract by the client: ready (idempotent, moves), returned, pickup with the time it
happened, the application's photo as the reference for the face check."""

from __future__ import annotations

import pytest

from backends.errors import Refused
from backends.platform.api import AppState, Kind
from backends.platform.demo import PEOPLE
from tests.pickup.support import Platform, accepted


def test_ready_is_idempotent_and_follows_a_move(platform: Platform) -> None:
    c = platform.client
    acc = accepted(c)
    assert c.status(acc).photo_ref == f"application:{acc}"  # the photo taken at application
    first = c.mark_ready(acc, "K01", 3)
    assert (first.state, first.kiosk, first.locker) == (AppState.READY, "K01", 3)
    assert c.mark_ready(acc, "K01", 3) == first  # repeated after a lost answer: same
    assert c.mark_ready(acc, "K01", 7).locker == 7  # moved
    with pytest.raises(Refused) as e:
        c.mark_returned(acc, "K02")  # not in that kiosk's locker
    assert e.value.code == "wrong_state"
    back = c.mark_returned(acc, "K01")
    assert back.state == AppState.AT_COUNTER and back.locker is None
    assert c.mark_returned(acc, "K01") == back


def test_pickup_keeps_the_time_it_happened(platform: Platform) -> None:
    c = platform.client
    acc = accepted(c)
    c.mark_ready(acc, "K01", 2)
    with pytest.raises(Refused):
        c.record_pickup(acc, 5, "qr")  # another compartment: not where the card is
    done = c.record_pickup(acc, 2, "qr", "2026-01-05T17:00:00+08:00")
    assert (done.state, done.collected_at) == (AppState.COLLECTED, "2026-01-05T17:00:00+08:00")
    assert c.record_pickup(acc, 2, "qr") == done  # told again (the reconciler): idempotent


def test_a_card_not_yet_made_or_cancelled_cannot_be_ready(platform: Platform) -> None:
    c = platform.client
    created = c.create_application("pickup-contract-created", PEOPLE[0].id_number, Kind.REISSUE_LOST)
    with pytest.raises(Refused) as e:
        c.mark_ready(created.acceptance_no, "K01", 1)
    assert e.value.code == "wrong_state"
    assert c.status(created.acceptance_no).photo_ref.startswith("registry:")  # no photo yet
