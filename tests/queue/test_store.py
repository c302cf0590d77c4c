"""The queue store on SQLite and PostgreSQL: numbers, days, limits, real-name, priority,
appointments, counters (calling through hall/queue/calling.py) and the estimated wait."""

from __future__ import annotations

import itertools
import logging
import time
import uuid
from datetime import date, datetime

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import psycopg

from core.clock import FakeClock
from hall.db import DriverStatement, open_engine
from hall.queue import QueueKeyMismatch, QueueRefused, QueueStore, QueueUnavailable
from hall.queue import tables as t
from tests.conftest import PG_URL
from tests.queue.helpers import (
    ELDER,
    KEY,
    TZ,
    YOUNG,
    Db,
    at_counter,
    database,
    local,
    service,
    settings,
    synthetic_id,
)

OPEN_ALL_DAY = "00:00-24:00"


def hall(**kw):  # type: ignore[no-untyped-def]
    """Two services: A (real-name, counter 1) and B (anonymous allowed, counters 2 and 9)."""
    a = service("a", "A", real_name=True, hours=OPEN_ALL_DAY, days=list(range(1, 8)), counters=["1", "9"])
    b = service(
        "b", "B", hours=OPEN_ALL_DAY, days=list(range(1, 8)), counters=["2", "9"], avg_service_min=10.0
    )
    return settings([a, b], **kw)


class refused:  # lowercase: reads like pytest.raises
    """Expect a QueueRefused with this code; `.reason` is its rendered text afterwards."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.reason = ""

    def __enter__(self) -> refused:
        return self

    def __exit__(self, typ, exc, tb) -> bool:  # type: ignore[no-untyped-def]
        assert isinstance(exc, QueueRefused), f"expected refusal {self.code}, got {exc!r}"
        assert exc.code == self.code, str(exc)
        self.reason = str(exc.reason)
        return True


def test_numbers_count_up_per_service_with_people_ahead(db: Db) -> None:
    clock = FakeClock(local(2026, 1, 5, 10))
    store = db.store(hall(), clock)
    b1, b2 = store.issue("b"), store.issue("B")
    a1 = store.issue("a", id_number=YOUNG)
    b3 = store.issue("b")
    assert [t.number for t in (b1, b2, a1, b3)] == ["B001", "B002", "A001", "B003"]
    assert [t.waiting_ahead for t in (b1, b2, a1, b3)] == [0, 1, 0, 2]
    assert b1.issued_at == datetime(2026, 1, 5, 10, 0, tzinfo=b1.issued_at.tzinfo)
    assert b1.issued_at.utcoffset().total_seconds() == 8 * 3600  # type: ignore[union-attr]
    overview = {a.service.code: a for a in store.overview()}
    assert (overview["b"].waiting, overview["b"].last_number, overview["b"].available) == (3, "B003", True)
    assert (overview["a"].waiting, overview["a"].last_number) == (1, "A001")


def test_numbers_restart_at_the_halls_midnight_not_at_utc_midnight(db: Db) -> None:
    clock = FakeClock(local(2026, 1, 5, 7, 59))  # 23:59 UTC the day before
    store = db.store(hall(), clock)
    assert store.issue("b").number == "B001"
    clock.advance(120)  # 08:01 local: UTC midnight has passed, the hall's day has not
    assert store.issue("b").number == "B002"
    clock.advance(16 * 3600 - 180)  # 23:58 local
    assert store.issue("b").number == "B003"
    assert store.today() == date(2026, 1, 5)
    clock.advance(120)  # 00:00 local, next day
    ticket = store.issue("b")
    assert (ticket.number, ticket.day, ticket.waiting_ahead) == ("B001", date(2026, 1, 6), 0)
    assert store.availability("b").waiting == 1  # yesterday's leftovers do not wait today


def test_closed_services_say_why_and_issue_nothing(db: Db) -> None:
    q = settings([service("a", "A", hours="08:30-12:00,13:30-17:30")])  # Monday to Friday
    clock = FakeClock(local(2026, 1, 5, 8, 0))
    store = db.store(q, clock)
    avail = store.availability("a")
    assert (avail.available, avail.code) == (False, "before_hours")
    assert "08:30" in str(avail.reason)
    with refused("before_hours"):
        store.issue("a")
    clock.advance(30 * 60)
    assert store.issue("a").number == "A001"  # the refusal used no number
    clock.advance(5 * 24 * 3600)  # Saturday
    assert store.availability("a").code == "closed_day"
    with refused("unknown_service"):
        store.issue("zz")


def test_daily_limit_refuses_and_says_so_on_home(db: Db) -> None:
    store = db.store(settings([service("a", "A", hours=OPEN_ALL_DAY, days=list(range(1, 8)), daily_limit=2)]))
    store.issue("a"), store.issue("a")
    with refused("limit_reached") as r:
        store.issue("a")
    assert "2" in r.reason
    avail = store.availability("a")
    assert (avail.available, avail.code, avail.last_number) == (False, "limit_reached", "A002")


def test_real_name_service_needs_a_valid_card(db: Db) -> None:
    store = db.store(hall())
    with refused("id_required") as r:
        store.issue("a")
    assert "身份证" in r.reason
    with refused("invalid_id"):
        store.issue("a", id_number=YOUNG[:-1] + "2")
    assert store.issue("a", id_number=YOUNG).number == "A001"


def test_one_ticket_per_person_per_service_per_day_and_no_gap_after_refusal(
    db: Db, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock(local(2026, 1, 5, 10))
    store = db.store(hall(), clock)
    assert store.issue("b", id_number=YOUNG).number == "B001"
    with caplog.at_level(logging.WARNING), refused("duplicate") as r:
        store.issue("b", id_number=YOUNG.lower())
    assert "B001" in r.reason
    # found by the read before the write: the unique index is the last line, for two machines
    # at once, not the way a second swipe is refused (a failed write, logged as a database error)
    assert not [rec for rec in caplog.records if "database error" in rec.getMessage()]
    assert store.issue("b").number == "B002"  # the refused attempt left no gap
    assert store.issue("a", id_number=YOUNG).number == "A001"  # another service is fine
    clock.advance(24 * 3600)
    assert store.issue("b", id_number=YOUNG).number == "B001"  # and so is tomorrow


def test_elderly_citizens_get_priority_ahead_of_earlier_walk_ins(db: Db) -> None:
    store = db.store(hall())
    walk_ins = [store.issue("b"), store.issue("b", id_number=YOUNG)]
    elder = store.issue("b", id_number=ELDER)
    later = store.issue("b")
    assert (elder.priority, elder.kind, elder.waiting_ahead) == (True, "elderly", 0)
    assert walk_ins[1].kind == "walk_in" and not walk_ins[1].priority
    assert later.waiting_ahead == 3  # the two earlier walk-ins and the elder
    calling = at_counter(store, "2")
    called = []
    for _ in range(4):
        called.append(calling.call_next("2"))
        calling.finish("2")
    assert [t.number for t in called if t] == ["B003", "B001", "B002", "B004"]
    assert calling.call_next("2") is None


def test_elderly_age_comes_from_the_card_birth_date_at_the_configured_age(db: Db) -> None:
    clock = FakeClock(local(2026, 3, 15, 10))
    store = db.store(hall(elderly_age=65), clock)
    turns_65_today = synthetic_id(date(1961, 3, 15), 11)
    turns_65_tomorrow = synthetic_id(date(1961, 3, 16), 12)
    assert store.issue("b", id_number=turns_65_today).priority
    assert not store.issue("b", id_number=turns_65_tomorrow).priority
    # the card's birth field wins over the number's digits
    assert store.issue("a", id_number=turns_65_tomorrow, birth_date=date(1950, 1, 1)).priority
    no_priority = db.store(hall(elderly_age=0), clock)
    assert not no_priority.issue("a", id_number=ELDER).priority


def test_the_queue_keeps_no_readable_id_number(db: Db) -> None:
    store = db.store(hall())
    store.issue("a", id_number=ELDER)
    store.book("b", datetime(2026, 1, 5, 10, 30), id_number=YOUNG, ref="5550001")
    dumped = repr([db.rows(t) for t in ("queue_ticket", "queue_appointment", "queue_meta")])
    for fragment in (ELDER, YOUNG, "19491231", "19910101", ELDER[-6:]):
        assert fragment not in dumped


def test_appointment_check_in_by_card_or_number_within_its_window(db: Db) -> None:
    clock = FakeClock(local(2026, 1, 5, 9, 0))
    store = db.store(hall(appointment_early_min=60, appointment_late_min=30), clock)
    booking = store.book("b", datetime(2026, 1, 5, 10, 30), id_number=YOUNG, ref="2026010500")
    store.issue("b"), store.issue("b")
    assert [a.ref for a in store.lookup_appointment(id_number=YOUNG)] == ["2026010500"]
    assert store.lookup_appointment(id_number=ELDER) == []
    assert store.lookup_appointment(ref="2026010500")[0].at.strftime("%H:%M") == "10:30"
    with refused("appointment_early") as r:
        store.check_in(booking.ref)
    assert "09:30" in r.reason
    clock.advance(40 * 60)  # 09:40
    with refused("appointment_other_person"):
        store.check_in(booking.ref, id_number=ELDER)
    with refused("appointment_other_service"):
        store.issue("a", appointment=booking.ref)
    ticket = store.issue("b", id_number=YOUNG, appointment=booking.ref)
    assert (ticket.number, ticket.kind, ticket.priority, ticket.waiting_ahead) == (
        "B003",
        "appointment",
        True,
        0,
    )
    with refused("duplicate"):  # the booking made it a real-name ticket
        store.issue("b", id_number=YOUNG)
    with refused("appointment_used"):
        store.check_in(booking.ref)
    with refused("appointment_not_found"):
        store.check_in("999")


def test_late_appointments_are_refused_but_early_morning_ones_work_before_opening(db: Db) -> None:
    q = settings([service("b", "B", hours="08:30-17:30", daily_limit=1)], appointment_late_min=15)
    clock = FakeClock(local(2026, 1, 5, 8, 0))
    store = db.store(q, clock)
    early = store.book("b", datetime(2026, 1, 5, 8, 30), id_number=YOUNG)
    late = store.book("b", datetime(2026, 1, 5, 8, 40), id_number=ELDER)
    assert not store.availability("b").available
    assert store.check_in(early.ref).number == "B001"  # before opening and beyond the limit
    clock.advance(56 * 60)  # 08:56
    with refused("appointment_late") as r:
        store.check_in(late.ref)
    assert "08:40" in r.reason


def test_counters_call_finish_and_the_estimate_follows_real_service_times(db: Db) -> None:
    clock = FakeClock(local(2026, 1, 5, 9))
    store = db.store(hall(), clock)
    for _ in range(4):
        store.issue("b")
    # seed 10 minutes, nobody served yet: 3 ahead over the 2 configured counters
    assert store.issue("b").estimated_wait_min == 20
    calling = at_counter(store, "2", "9")
    for i in range(12):  # counters 2 and 9 take turns with quick 2-minute cases
        counter = "2" if i % 2 == 0 else "9"
        called = calling.call_next(counter)
        if called is None:
            store.issue("b")
            called = calling.call_next(counter)
        assert called is not None and called.counter == counter
        clock.advance(120)
        assert calling.finish(counter).status == "done"
    for _ in range(3):
        store.issue("b")
    quick = store.issue("b")
    # 3 ahead at about 4.4 minutes (the 10-minute seed fading) over the 2 counters serving
    assert quick.waiting_ahead == 3 and 5 <= quick.estimated_wait_min <= 8
    assert store.availability("b").estimated_wait_min < 15
    with refused("unknown_counter"):
        calling.login("77")
    with refused("no_current_ticket"):
        calling.finish("2")
    assert store.counters()["2"] is None


def test_a_combined_counter_calls_across_its_services_in_arrival_order(db: Db) -> None:
    clock = FakeClock(local(2026, 1, 5, 9))
    store = db.store(hall(), clock)
    store.issue("b")
    clock.advance(10)
    store.issue("a", id_number=YOUNG)
    clock.advance(10)
    store.issue("b")
    calling = at_counter(store, "9", no_show_after=1)
    first = calling.call_next("9")
    assert first is not None and (first.number, store.counters()["9"]) == ("B001", "B001")
    calling.finish("9")
    second = calling.call_next("9")
    assert second is not None and second.number == "A001"
    ticket = store.ticket("B001")
    assert ticket is not None and ticket.status == "done"
    assert calling.no_show("9").status == "no_show"


def test_reset_day_restarts_todays_numbers(db: Db) -> None:
    store = db.store(hall())
    store.issue("a", id_number=YOUNG), store.issue("b"), store.issue("b")
    assert store.reset_day("b") == 2
    assert store.issue("b").number == "B001"
    assert store.issue("a", id_number=ELDER).number == "A002"
    assert store.reset_day() == 3
    assert store.issue("a", id_number=YOUNG).number == "A001"  # the person rule was reset too


def test_a_machine_with_another_id_key_is_stopped_at_start(db: Db) -> None:
    db.store(hall())
    with pytest.raises(QueueKeyMismatch) as e:
        db.store(hall(), key=b"x" * 32)
    assert "密钥" in str(e.value.reason)
    db.store(hall(), key=KEY)  # the same key is fine


def test_an_unreachable_database_is_reported_not_raised_raw(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = open_engine("postgresql://postgres@127.0.0.1:1/none?connect_timeout=2")
    store = QueueStore(engine, hall(), FakeClock(), TZ, KEY)
    with pytest.raises(QueueUnavailable) as e:
        store.issue("b")
    assert e.value.code == "db_unavailable"


def test_a_database_restart_fails_one_ticket_and_the_next_one_gets_the_next_number(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL restarted (every pooled connection dead): the tap that finds it says "try
    again"; the next tap gets a fresh connection and the next number, with no gap."""
    name = "q" + uuid.uuid4().hex[:12]
    with database("postgresql", tmp_path) as db:
        engine = open_engine(f"{db.url}&application_name={name}")
        db.engines.append(engine)
        store = QueueStore(engine, hall(), FakeClock(local(2026, 1, 5, 10)), TZ, KEY)
        store.prepare()
        held = [engine.connect() for _ in range(3)]  # three connections in the pool
        for conn in held:
            conn.exec_driver_sql("SELECT 1")
            conn.close()
        assert store.issue("b").number == "B001"
        with db.engine().connect() as admin:
            killed = admin.exec_driver_sql(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE application_name = %(n)s",
                {"n": name},
            ).scalar()
        assert killed == 3
        with pytest.raises(QueueUnavailable):
            store.issue("b")
        assert [store.issue("b").number for _ in range(3)] == ["B002", "B003", "B004"]


def test_postgresql_issues_tickets_for_a_role_without_temp(caplog) -> None:  # type: ignore[no-untyped-def]
    """Hardened installations revoke TEMP on the database from PUBLIC: the session cannot make
    its issue procedure in pg_temp. Tickets still come, in two statements, numbered without a
    gap and with the estimate; the store warns once and each connection tries CREATE once."""
    name = "kiosk_notemp_" + uuid.uuid4().hex[:12]  # the database and its role (superusers have TEMP)
    password = uuid.uuid4().hex
    admin = sa.create_engine(
        sa.make_url(PG_URL).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE ROLE {name} LOGIN NOSUPERUSER PASSWORD '{password}'")
            conn.exec_driver_sql(f"CREATE DATABASE {name}")  # not the role's: an owner keeps TEMP
            conn.exec_driver_sql(f"REVOKE TEMP ON DATABASE {name} FROM PUBLIC")
            temp = conn.exec_driver_sql(f"SELECT has_database_privilege('{name}', '{name}', 'TEMP')")
            assert temp.scalar() is False
        url = admin.url.set(database=name)
        granting = sa.create_engine(url, isolation_level="AUTOCOMMIT")
        with granting.connect() as conn:  # PostgreSQL 15: PUBLIC may not create in public
            conn.exec_driver_sql(f"GRANT CREATE ON SCHEMA public TO {name}")
        granting.dispose()
        engine = open_engine(url.set(username=name, password=password).render_as_string(hide_password=False))
        creates = []
        sa.event.listen(
            engine,
            "before_cursor_execute",
            lambda _c, _cur, sql, *_a: creates.append(sql) if sql.startswith("CREATE PROCEDURE") else None,
        )
        try:
            store = QueueStore(engine, hall(), FakeClock(local(2026, 1, 5, 10)), TZ, KEY)
            store.prepare()
            with caplog.at_level(logging.WARNING, logger="hall.queue.store"):
                tickets = [store.issue("b") for _ in range(2)]
                assert len(creates) == 1  # the pool's one connection tried once
                with engine.connect():  # holds it: the next tickets take a second connection
                    tickets += [store.issue("b") for _ in range(2)]
            assert len(creates) == 2
            assert [t.number for t in tickets] == ["B001", "B002", "B003", "B004"]
            ahead_wait = [(t.waiting_ahead, t.estimated_wait_min) for t in tickets]
            assert ahead_wait == [(0, 0), (1, 5), (2, 10), (3, 15)]  # 10 min a case, counters 2 and 9
            warned = [r for r in caplog.records if "pg_temp" in r.getMessage()]
            assert len(warned) == 1 and "permission denied" in warned[0].getMessage()  # once a store
        finally:
            engine.dispose()
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {name}")
        admin.dispose()


def test_postgresql_pushes_issued_and_called_events_to_listeners(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from hall.queue.notify import Listener

    # the channel is database-wide and other test runs share the server: listen for our service
    code = "t" + uuid.uuid4().hex[:12]
    queue = settings([service(code, "B", hours=OPEN_ALL_DAY, days=list(range(1, 8)), counters=["2"])])
    with database("postgresql", tmp_path) as db:
        store = db.store(queue)
        board = Listener(db.url)
        try:
            store.issue(code)
            at_counter(store, "2").call_next("2")
            deadline = time.monotonic() + 30  # however loaded the machine
            events = itertools.takewhile(lambda _: time.monotonic() < deadline, board.events(timeout=30))
            heard = list(itertools.islice((e for e in events if e.get("service") == code), 2))
        finally:
            board.close()
        assert [(e["event"], e["number"]) for e in heard] == [("issued", "B001"), ("called", "B001")]
        assert heard[1]["counter"] == "2"


def test_a_fresh_install_creates_its_database_and_id_key_in_the_data_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from hall.queue import open_queue
    from hall.queue.settings import SECTION

    sections = {
        "kiosk": {"data_dir": "data", "timezone": TZ, "kiosk_id": "K07"},
        "db": {"url": ""},
        "queue": {**{o.key: o.default for o in SECTION.options}, "always_open": True},
    }
    store = open_queue(sections, FakeClock(), resolve=lambda p: tmp_path / p)
    assert store.issue("social").number == "B001"
    assert (tmp_path / "data" / "hall.db").exists() and (tmp_path / "data" / "queue-id.key").exists()
    again = open_queue(sections, FakeClock(), resolve=lambda p: tmp_path / p)  # a restart keeps the day
    assert again.issue("social").number == "B002"
    (tmp_path / "data" / "queue-id.key").unlink()  # a lost key must not silently break one-per-day
    with pytest.raises(QueueKeyMismatch):
        open_queue(sections, FakeClock(), resolve=lambda p: tmp_path / p)


def test_a_driver_statement_as_plpgsql_takes_it() -> None:
    """The issue procedure's body (PostgreSQL) is the issue's statements with each parameter a
    variable and each fixed value a constant: % is single again, in the SQL and in literals."""
    stmt = DriverStatement(
        sa.select(sa.literal("50%"), sa.literal_column("'5%'"), sa.bindparam("x", type_=sa.Integer) + 1),
        psycopg.dialect(),
    )
    assert stmt.fixed() == {"param_1": ("VARCHAR", "'50%'"), "param_2": ("INTEGER", "1")}
    assert stmt.inline(lambda name: f"v_{name}") == (
        "SELECT v_param_1::VARCHAR AS anon_1, '5%', v_x::INTEGER + v_param_2::INTEGER AS anon_2"
    )


def _index_sql(conn: sa.Connection, name: str) -> str:
    if conn.dialect.name == "sqlite":
        return str(conn.exec_driver_sql(f"SELECT sql FROM sqlite_master WHERE name = '{name}'").scalar())
    found = f"SELECT indexdef FROM pg_indexes WHERE indexname = '{name}' AND schemaname = current_schema()"
    return str(conn.exec_driver_sql(found).scalar())


def test_an_older_database_gets_partial_estimate_and_transfer_indexes(db: Db) -> None:
    """A new ticket (not called, not done, not transferred) has no entry in the indexes the
    estimate and the transfers read: an older hall's full ones are made again as partial."""
    store = db.store(hall(), FakeClock(local(2026, 1, 5, 10)))
    engine = store.engine
    names = ("ix_queue_ticket_called", "ix_queue_ticket_done", "ix_queue_ticket_line")
    with engine.begin() as conn:
        for name in names:  # as queue_estimate 1 and queue_calling 2 made them
            conn.exec_driver_sql(f"DROP INDEX {name}")
        conn.exec_driver_sql(
            "CREATE INDEX ix_queue_ticket_called ON queue_ticket (day, service, called_at, counter)"
        )
        conn.exec_driver_sql(
            "CREATE INDEX ix_queue_ticket_done ON queue_ticket (day, service, status, done_at)"
        )
        conn.exec_driver_sql("CREATE INDEX ix_queue_ticket_line ON queue_ticket (day, line)")
        conn.exec_driver_sql("UPDATE schema_version SET version = 1 WHERE component = 'queue_estimate'")
    store.prepare()
    with engine.connect() as conn:
        found = {name: _index_sql(conn, name) for name in names}
    for name, column in zip(names, ("called_at", "done_at", "line"), strict=True):
        assert "WHERE" in found[name] and f"{column} IS NOT NULL" in found[name], found[name]
    # the estimate still counts what it reads through them
    calling = at_counter(store, "2")
    for _ in range(3):
        store.issue("b")
    calling.call_next("2")
    store.clock.advance(600)  # type: ignore[attr-defined]
    calling.finish("2")
    assert store.issue("b").waiting_ahead == 2


def test_an_older_database_gets_the_one_per_person_rule_as_a_partial_index(db: Db) -> None:
    """Where one ticket per person was a table constraint (anonymous tickets had an entry too),
    the migration makes it a partial unique index: tickets and ids kept, the rule still holds."""
    clock = FakeClock(local(2026, 1, 5, 10))
    store = db.store(hall(), clock)
    first = store.issue("a", id_number=YOUNG)
    store.issue("b")
    engine = store.engine
    with engine.begin() as conn:  # back to the constraint, as queue_estimate 2 left it
        conn.exec_driver_sql("DROP INDEX uq_queue_ticket_person")
        if db.kind == "postgresql":
            constraint = "uq_queue_ticket_person UNIQUE (service, day, id_hash)"
            conn.exec_driver_sql(f"ALTER TABLE queue_ticket ADD CONSTRAINT {constraint}")
        else:
            create = str(sa.schema.CreateTable(t.ticket).compile(dialect=conn.dialect)).rstrip().rstrip(")")
            create += ", CONSTRAINT uq_queue_ticket_person UNIQUE (service, day, id_hash))"
            conn.exec_driver_sql(create.replace("TABLE queue_ticket ", "TABLE old_ticket ", 1))
            conn.exec_driver_sql("INSERT INTO old_ticket SELECT * FROM queue_ticket")
            conn.exec_driver_sql("DROP TABLE queue_ticket")
            conn.exec_driver_sql("ALTER TABLE old_ticket RENAME TO queue_ticket")
            for index in t.ticket.indexes:
                if index.name != "uq_queue_ticket_person":
                    index.create(conn)
        conn.exec_driver_sql("UPDATE schema_version SET version = 2 WHERE component = 'queue_estimate'")
        if db.kind == "postgresql":  # the constraint's own index, whole
            assert "WHERE" not in _index_sql(conn, "uq_queue_ticket_person")
        else:  # SQLite names a constraint's index itself: the table says it has the constraint
            found = "SELECT sql FROM sqlite_master WHERE name = 'queue_ticket'"
            assert "uq_queue_ticket_person" in str(conn.exec_driver_sql(found).scalar())
    store.prepare()
    with engine.connect() as conn:
        assert "id_hash IS NOT NULL" in _index_sql(conn, "uq_queue_ticket_person")
        if db.kind == "sqlite":
            found = "SELECT sql FROM sqlite_master WHERE name = 'queue_ticket'"
            assert "uq_queue_ticket_person" not in str(conn.exec_driver_sql(found).scalar())
    kept = store.ticket("A001")
    assert kept is not None and kept.id == first.id
    with refused("duplicate"):
        store.issue("a", id_number=YOUNG)
    assert store.issue("b").number == "B002"
    assert store.issue("a", id_number=ELDER).number == "A002"
