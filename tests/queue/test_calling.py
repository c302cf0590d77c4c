"""Counters calling on SQLite and PostgreSQL: the ticket's states and every refusal a counter
clerk can meet, with what the board and the line show afterwards."""

from __future__ import annotations

import sqlalchemy as sa

from core.clock import FakeClock
from hall.db import migrate, open_engine
from hall.queue.board import read_board
from hall.queue.calling import Calling
from tests.queue.helpers import Db, local, service, settings
from tests.queue.test_store import refused

ALL_DAY = "00:00-24:00"
EVERY_DAY = list(range(1, 8))


def hall(**kw):  # type: ignore[no-untyped-def]
    """A (counters 1, 9), B (counters 2, 9) open all day; C (counter 3) opens 13:00-14:00."""
    a = service("a", "A", hours=ALL_DAY, days=EVERY_DAY, counters=["1", "9"])
    b = service("b", "B", hours=ALL_DAY, days=EVERY_DAY, counters=["2", "9"])
    c = service("c", "C", hours="13:00-14:00", days=EVERY_DAY, counters=["3"])
    return settings([a, b, c], **kw)


def setup(db: Db, clock: FakeClock | None = None, **kw):  # type: ignore[no-untyped-def]
    clock = clock or FakeClock(local(2026, 1, 5, 10))
    store = db.store(hall(), clock)
    return store, Calling(store, **kw), clock


def test_a_ticket_goes_called_serving_done_and_the_board_follows(db: Db) -> None:
    store, calling, clock = setup(db)
    store.issue("b"), store.issue("b")
    calling.login("2")
    called = calling.call_next("2")
    assert called is not None and (called.number, called.status, called.calls) == ("B001", "called", 1)
    board = read_board(store, 5)
    assert board.current is not None and (board.current.number, board.current.counter) == ("B001", "2")
    assert {c.name: c.number for c in board.counters}["2"] == "B001"
    assert board.waiting["b"] == 1
    clock.advance(60)
    assert calling.start("2").status == "serving"
    clock.advance(300)
    done = calling.finish("2")
    assert done.status == "done" and done.served_at is not None
    assert calling.state("2").current is None
    assert store.ticket("B001").status == "done"  # type: ignore[union-attr]
    assert {c.name: c.number for c in read_board(store, 5).counters}["2"] is None


def test_a_counter_must_log_in_finish_before_calling_again_and_pause_stops_calls(db: Db) -> None:
    store, calling, _ = setup(db)
    store.issue("a"), store.issue("a")
    with refused("not_logged_in"):
        calling.call_next("1")
    with refused("unknown_counter"):
        calling.login("77")
    with refused("service_not_at_counter"):
        calling.login("1", ["b"])
    calling.login("1")
    assert calling.call_next("1").number == "A001"  # type: ignore[union-attr]
    with refused("counter_busy"):
        calling.call_next("1")
    with refused("counter_busy"):
        calling.pause("1")
    calling.finish("1")  # finished straight from "called": served from the call
    assert calling.pause("1").paused
    with refused("counter_paused"):
        calling.call_next("1")
    assert [c.paused for c in read_board(store, 5).counters if c.name == "1"] == [True]
    assert not calling.resume("1").paused
    assert calling.call_next("1").number == "A002"  # type: ignore[union-attr]
    calling.finish("1")
    assert calling.call_next("1") is None  # nobody waits
    with refused("no_current_ticket"):
        calling.finish("1")


def test_recall_up_to_n_calls_then_no_show_and_every_call_is_on_the_board(db: Db) -> None:
    store, calling, _ = setup(db, no_show_after=3)
    store.issue("b")
    calling.login("2")
    calling.call_next("2")
    with refused("too_few_calls") as r:
        calling.no_show("2")
    assert "1 次" in r.reason and "3 次" in r.reason
    assert calling.recall("2").calls == 2
    assert calling.recall("2").calls == 3
    with refused("calls_used"):
        calling.recall("2")
    calls = read_board(store, 5).calls
    assert [(c.number, c.kind) for c in calls] == [("B001", "recall"), ("B001", "recall"), ("B001", "call")]
    assert calling.no_show("2").status == "no_show"
    assert calling.state("2").current is None
    with refused("no_current_ticket"):
        calling.recall("2")


def test_a_held_ticket_comes_back_after_the_hold_ahead_of_the_line(db: Db) -> None:
    store, calling, clock = setup(db, hold_minutes=5)
    for _ in range(3):
        store.issue("b")
    calling.login("2")
    calling.call_next("2")
    held = calling.hold("2")
    assert held.status == "held" and held.return_at is not None and held.counter is None
    assert [v.number for v in calling.waiting(["b"])["b"]] == ["B001", "B002", "B003"]
    assert read_board(store, 5).waiting["b"] == 3
    assert calling.call_next("2").number == "B002"  # type: ignore[union-attr]  # B001 is not due yet
    calling.finish("2")
    clock.advance(5 * 60)
    back = calling.call_next("2")
    assert back is not None and (back.number, back.calls) == ("B001", 1)  # first once due, calls anew
    calling.start("2")
    with refused("already_serving"):
        calling.recall("2")


def test_transfer_keeps_the_number_and_a_closed_service_is_refused(db: Db) -> None:
    store, calling, clock = setup(db)
    store.issue("b")
    store.issue("a")
    calling.login("2")
    calling.call_next("2")
    calling.start("2")
    with refused("service_closed") as r:
        calling.transfer("2", "c")  # C opens 13:00
    assert "C" in r.reason or "业务C" in r.reason
    with refused("same_service"):
        calling.transfer("2", "b")
    with refused("unknown_service"):
        calling.transfer("2", "zz")
    moved = calling.transfer("2", "a")
    assert (moved.number, moved.line, moved.status, moved.counter) == ("B001", "a", "waiting", None)
    assert [v.number for v in calling.waiting(["a"])["a"]] == ["B001", "A001"]  # it came first
    assert read_board(store, 5).waiting == {"a": 2, "b": 0, "c": 0}
    calling.login("1")
    again = calling.call_next("1")
    assert again is not None and again.number == "B001" and again.line == "a"
    assert read_board(store, 5).current.service == "a"  # type: ignore[union-attr]
    calling.finish("1")
    clock.advance(3 * 3600)  # 13:00: C is open now
    store.issue("a")
    calling.call_next("1")
    assert calling.transfer("1", "c").line == "c"


def test_priority_tickets_are_called_first_as_the_store_orders_them(db: Db) -> None:
    store, calling, clock = setup(db)
    store.issue("b")
    clock.advance(10)
    store.book("b", store.local_now().replace(tzinfo=None), id_number="360426199101010071", ref="R1")
    checked = store.check_in("R1")
    assert checked.priority
    calling.login("2")
    assert calling.call_next("2").number == checked.number  # type: ignore[union-attr]


def test_an_older_database_gets_the_calling_columns_by_migration(db: Db) -> None:
    """A hall that ran before calling existed: queue 1 only, then the new code migrates."""
    engine = open_engine(db.url)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE queue_ticket (id INTEGER PRIMARY KEY, service VARCHAR(32), day DATE, seq INTEGER,"
            " number VARCHAR(12), priority SMALLINT, kind VARCHAR(16), id_hash VARCHAR(64),"
            " appointment_id INTEGER, status VARCHAR(12), counter VARCHAR(16), kiosk_id VARCHAR(40),"
            " issued_at TIMESTAMP, called_at TIMESTAMP, done_at TIMESTAMP)"
        )
        conn.exec_driver_sql(
            "CREATE TABLE queue_counter (name VARCHAR(16) PRIMARY KEY, ticket_id INTEGER,"
            " number VARCHAR(12), updated_at TIMESTAMP)"
        )
        conn.exec_driver_sql(
            "CREATE TABLE schema_version (component VARCHAR(40) PRIMARY KEY, version INTEGER)"
        )
        conn.exec_driver_sql("INSERT INTO schema_version VALUES ('queue', 1)")
        conn.exec_driver_sql(
            "CREATE INDEX ix_queue_ticket_waiting ON queue_ticket (day, service, status, priority, seq)"
        )
    assert migrate(engine)["queue_calling"] == 2
    columns = {c["name"] for c in sa.inspect(engine).get_columns("queue_ticket")}
    assert {"calls", "served_at", "return_at", "line"} <= columns
    assert {"services", "paused"} <= {c["name"] for c in sa.inspect(engine).get_columns("queue_counter")}
    indexes = {i["name"] for i in sa.inspect(engine).get_indexes("queue_ticket")}
    assert {"ix_queue_ticket_lane", "ix_queue_ticket_line"} <= indexes  # counts follow `line`
    assert "ix_queue_ticket_waiting" not in indexes  # replaced by the lane index: one write less
    engine.dispose()


def test_staff_resetting_the_day_clears_the_boards_calls_too(db: Db) -> None:
    store, calling, _ = setup(db)
    store.issue("b")
    calling.login("2")
    calling.call_next("2")
    assert read_board(store, 5).current is not None
    store.reset_day()
    board = read_board(store, 5)
    assert board.current is None and {c.name: c.number for c in board.counters}["2"] is None
    assert calling.state("2").current is None


def test_a_service_out_of_tickets_for_today_still_takes_a_transfer(db: Db) -> None:
    a = service("a", "A", hours=ALL_DAY, days=EVERY_DAY, counters=["1"], daily_limit=1)
    b = service("b", "B", hours=ALL_DAY, days=EVERY_DAY, counters=["2"])
    store = db.store(settings([a, b]), FakeClock(local(2026, 1, 5, 10)))
    calling = Calling(store)
    store.issue("a"), store.issue("b")
    assert store.availability("a").code == "limit_reached"
    calling.login("2")
    calling.call_next("2")
    assert calling.transfer("2", "a").line == "a"  # the ticket exists: no new number is taken
    assert [v.number for v in calling.waiting(["a"])["a"]] == ["A001", "B001"]


def test_a_transferred_ticket_counts_in_the_line_it_waits_in_on_the_home_and_its_tickets(db: Db) -> None:
    """The kiosk home's waiting counts, a new ticket's people ahead and a reprint's standing
    follow the service that will serve a transferred ticket, in the order counters call."""
    store, calling, clock = setup(db)
    store.issue("b"), store.issue("b")
    clock.advance(10)
    store.issue("a")
    calling.login("2")
    calling.call_next("2")
    clock.advance(10)
    calling.transfer("2", "a")  # B001 now waits for A, ahead of A001 (issued earlier)
    waiting = {a.service.code: a.waiting for a in store.overview()}
    assert (waiting["a"], waiting["b"]) == (2, 1)
    assert store.issue("a").waiting_ahead == 2  # A001 and B001
    assert store.issue("b").waiting_ahead == 1  # B002 only
    moved = store.ticket("B001")
    assert moved is not None and moved.line == "a"
    assert store.standing(moved).waiting_ahead == 0
    assert store.standing(store.ticket("A001")).waiting_ahead == 1  # type: ignore[arg-type]
    assert [v.number for v in calling.waiting(["a"])["a"]][:2] == ["B001", "A001"]
    calling.login("1")
    assert calling.call_next("1").number == "B001"  # type: ignore[union-attr]
    assert {a.service.code: a.waiting for a in store.overview()}["a"] == 2  # A001, A002
