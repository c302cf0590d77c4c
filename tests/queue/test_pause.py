"""Staff pausing a queue service, on SQLite and PostgreSQL: a paused service refuses walk-in
tickets with a reason a citizen understands, shows off in the overview at every kiosk of the
hall, and issues again once resumed; the day's figures per status."""

from __future__ import annotations

from datetime import datetime

from core.clock import FakeClock
from hall.queue.pause import Pauses
from hall.queue.today import tickets_by_status
from tests.queue.helpers import YOUNG, Db, at_counter, database, local
from tests.queue.test_store import hall, refused


def test_a_paused_service_refuses_tickets_until_resumed(db: Db) -> None:
    clock = FakeClock(local(2026, 1, 5, 10))
    here, other = db.store(hall(), clock), db.store(hall(), clock, kiosk_id="K02")
    here.issue("b")
    assert here.pauses.pause("b", "S01") is True
    assert here.pauses.pause("b", "S02") is False  # the first pause stands
    with refused("paused") as r:
        here.issue("b")
    assert "暂停取号" in r.reason and "服务台" in r.reason
    assert here.issue("a", id_number="11010519491231002X").number == "A001"  # the other service runs
    seen = {a.service.code: a for a in here.overview()}
    assert not seen["b"].available and seen["b"].code == "paused" and "暂停取号" in str(seen["b"].reason)
    # another kiosk of the hall sees it once its copy is older than the ttl
    other.pauses.ttl = 0
    assert {a.service.code: a.available for a in other.overview()} == {"a": True, "b": False}
    pause = other.pauses.current()["b"]
    assert (pause.by, pause.kiosk) == ("S01", "K01")
    assert here.pauses.resume("b") is True and here.pauses.resume("b") is False
    assert here.issue("b").number == "B002"  # numbering goes on where it stopped
    with refused("paused"):
        other.pauses.pause("b", "S02")
        other.issue("b")


def test_the_day_s_tickets_by_status_and_a_reprint_s_standing(db: Db) -> None:
    clock = FakeClock(local(2026, 1, 5, 10))
    store = db.store(hall(), clock)
    for _ in range(3):
        store.issue("b")
    calling = at_counter(store, "2")
    calling.call_next("2")
    calling.finish("2")
    calling.call_next("2")
    counts = tickets_by_status(store.engine, store.today())
    assert counts == {"b": {"done": 1, "called": 1, "waiting": 1}}
    ticket = store.ticket("B003")
    assert ticket is not None and ticket.waiting_ahead == 0  # as read back: no standing yet
    assert store.standing(ticket).waiting_ahead == 0  # B002 is at the counter, none ahead
    store.issue("b")
    later = store.ticket("B004")
    assert later is not None and store.standing(later).waiting_ahead == 1
    assert tickets_by_status(store.engine, store.today().replace(day=6)) == {}


def test_a_booking_is_not_checked_in_while_its_service_is_paused(db: Db) -> None:
    clock = FakeClock(local(2026, 1, 5, 10, 20))
    store = db.store(hall(), clock)
    booking = store.book("b", datetime(2026, 1, 5, 10, 30), id_number=YOUNG)
    store.pauses.pause("b", "S01")
    with refused("paused"):
        store.check_in(booking.ref)
    store.pauses.resume("b")
    assert store.check_in(booking.ref).kind == "appointment"  # the booking still stands


def test_on_sqlite_a_pause_made_at_another_desk_refuses_the_next_ticket(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """SQLite reads the pause with each ticket, so a kiosk whose copy of the pauses is fresh
    still refuses at once a pause staff made elsewhere (another connection, its own copy), and
    issues again at once on the resume. A service that needs an ID card tells a citizen without
    one it is paused, not to swipe."""
    with database("sqlite", tmp_path) as db:
        clock = FakeClock(local(2026, 1, 5, 10))
        store = db.store(hall(), clock)
        store.pauses.ttl = 3600  # its copy never goes stale here: only the read can see the pause
        assert store.issue("b").number == "B001"
        desk = Pauses(db.engine(), "S09")  # a staff desk of the hall: its own engine and copy

        desk.pause("b", "S09")
        with refused("paused"):
            store.issue("b")
        desk.pause("a", "S09")
        with refused("paused"):
            store.issue("a")  # no ID card: paused first
        desk.resume("b")
        assert store.issue("b").number == "B002"
