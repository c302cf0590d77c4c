"""Queue tickets per second and p99 issue latency for 1, 8 and 32 concurrent issuers (separate
processes, like kiosks sharing one queue) on SQLite and PostgreSQL. Each figure is given as a
ratio to a fair baseline measured in the same run: a bare single-row insert by as many client
processes, each row committed with the same connection handling as the issuers' one write and
executed the same way (on the driver, hall.db.DriverStatement). The same insert executed through
SQLAlchemy Core is shown beside it, and SQLite also shows the raw sqlite3 rate (the driver
alone on one connection, no pool), the floor under all. A second baseline writes the ticket's
own row (queue_ticket: its columns, and the three b-trees an anonymous ticket writes) the same
way with no numbering and no reads: what issuing costs above the row it must write.

Run: python bench/bench_queue.py   (or make bench). PostgreSQL: KIOSK_TEST_PG or the test URL.
BENCH_QUEUE_ENGINES=postgresql (or sqlite) runs one engine only.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from core.clock import FakeClock  # noqa: E402
from hall.db import DriverStatement, autocommit, open_engine, queued_writer, sqlite_url  # noqa: E402
from hall.queue import tables as t  # noqa: E402
from hall.queue.calling import Calling  # noqa: E402
from hall.queue.services import QueueSettings, parse_settings  # noqa: E402
from hall.queue.settings import SECTION, SERVICE_OPTIONS  # noqa: E402
from hall.queue.store import QueueStore, active_since  # noqa: E402

PG_URL = os.environ.get("KIOSK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
ISSUERS = (1, 8, 32)
TICKETS = 320  # per configuration and round, split between the issuers
BARE_INSERTS = 500
ROUNDS = 5
KEY = b"b" * 32
ENGINES = set(os.environ.get("BENCH_QUEUE_ENGINES", "sqlite,postgresql").split(","))
TZ = "Asia/Shanghai"
START = datetime(2026, 1, 5, 2, 0, tzinfo=UTC)  # 10:00 in the hall


def _settings() -> QueueSettings:
    section = {o.key: o.default for o in SECTION.options}
    svc = {o.key: o.default for o in SERVICE_OPTIONS}
    svc.update(code="bench", prefix="A", name_zh="基准", counters=["1"], daily_limit=0)
    section.update(services=[svc], always_open=True)
    return parse_settings(section)


BARE = sa.Table(
    "bench_bare_insert",
    sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("v", sa.Integer, nullable=False),
)


def _issue_one(url: str, day_offset: int) -> tuple[sa.Engine, Callable[[], object]]:
    engine = open_engine(url)
    store = QueueStore(engine, _settings(), FakeClock(START + timedelta(days=day_offset)), TZ, KEY)
    return engine, lambda: store.issue("bench")


def _insert_one(url: str, day_offset: int, core: bool = False) -> tuple[sa.Engine, Callable[[], object]]:
    """A bare single-row insert handled as the issuers handle their one write: a pool checkout
    per row, and the same commit mode (PostgreSQL: one autocommitted statement; SQLite: the
    machine's writer queue, then BEGIN IMMEDIATE ... COMMIT), each statement run on the driver
    as the issuers run theirs, or with core=True through SQLAlchemy Core's execute()."""
    engine = open_engine(url)
    auto = autocommit(engine)
    params = {"v": day_offset}
    driver = {sql: DriverStatement(sa.text(sql), engine.dialect) for sql in ("BEGIN IMMEDIATE", "COMMIT")}
    stmt = sa.insert(BARE).values(v=sa.bindparam("v"))
    insert = DriverStatement(stmt, engine.dialect)

    def run(conn: sa.Connection, sql: str | None = None) -> object:
        if sql is None:  # the insert
            return conn.execute(stmt, params) if core else insert.execute(conn, params)
        return conn.exec_driver_sql(sql) if core else driver[sql].execute(conn, {})

    if engine.dialect.name == "postgresql":

        def one() -> object:
            with auto.connect() as conn:
                return run(conn)

        return engine, one

    def tx() -> object:
        with auto.connect() as conn, queued_writer(conn):
            run(conn, "BEGIN IMMEDIATE")
            done = run(conn)
            run(conn, "COMMIT")
            return done

    return engine, tx


def _insert_core(url: str, day_offset: int) -> tuple[sa.Engine, Callable[[], object]]:
    return _insert_one(url, day_offset, core=True)


def _insert_row(url: str, day_offset: int) -> tuple[sa.Engine, Callable[[], object]]:
    """A ticket's own row (its columns, into queue_ticket and its indexes) written and committed
    as the issuers write theirs, with no numbering and no reads: each client its own service,
    numbered by a counter of its own. What issuing costs above writing the row it makes."""
    engine = open_engine(url)
    auto = autocommit(engine)
    service = f"row{os.getpid()}"
    day = (START + timedelta(days=day_offset)).date()
    issued = START.replace(tzinfo=None)
    insert = DriverStatement(
        sa.insert(t.ticket).values(
            {c: sa.bindparam(c, type_=t.ticket.c[c].type) for c in (*ROW_COLUMNS, "seq", "number")}
        ),
        engine.dialect,
    )
    begin, commit = (DriverStatement(sa.text(sql), engine.dialect) for sql in ("BEGIN IMMEDIATE", "COMMIT"))
    seq = iter(range(1, 10**9))
    pg = engine.dialect.name == "postgresql"

    def one() -> object:
        n = next(seq)
        params = {**WALK_IN, "service": service, "day": day, "issued_at": issued}
        params.update(seq=n, number=f"A{n:03d}")
        with auto.connect() as conn:
            if pg:
                return insert.execute(conn, params)
            with queued_writer(conn):
                begin.execute(conn, {})
                done = insert.execute(conn, params)
                commit.execute(conn, {})
                return done

    return engine, one


# an anonymous walk-in ticket's columns besides its service, day, time and number
WALK_IN = {
    "priority": 0,
    "kind": t.WALK_IN,
    "id_hash": None,
    "appointment_id": None,
    "status": t.WAITING,
    "kiosk_id": "",
}
ROW_COLUMNS = (
    "service",
    "day",
    "priority",
    "kind",
    "id_hash",
    "appointment_id",
    "status",
    "kiosk_id",
    "issued_at",
)
# Other ticket models, for what the issue's statements could cost: a row numbered max(seq) + 1 in
# the statement that inserts it, with nothing but what numbering needs. "numbered": a rowid table
# (PostgreSQL: a heap with its serial key) with its number's unique index: the ticket's model
# without its lane index or columns. "keyed" (SQLite): a WITHOUT ROWID table whose key is the
# number, with the ticket's columns: one b-tree, an upper bound, as the lane index that calling
# needs is left out, and the ticket's integer id (referenced by calls, counters and bookings)
# would need an index of its own.
MODEL_KINDS = ("numbered", "keyed")


def _model(kind: str) -> tuple[sa.Table, sa.Insert]:
    keyed = kind == "keyed"
    columns = (
        [sa.Column(c, t.ticket.c[c].type) for c in (*ROW_COLUMNS, "number") if c not in ("service", "day")]
        if keyed
        else [sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)]
    )
    table = sa.Table(
        f"bench_{kind}",
        sa.MetaData(),
        *columns,
        sa.Column("service", sa.String(32), nullable=False, primary_key=keyed),
        sa.Column("day", sa.Date, nullable=False, primary_key=keyed),
        sa.Column("seq", sa.Integer, nullable=False, primary_key=keyed, autoincrement=False),
        *(() if keyed else (sa.UniqueConstraint("service", "day", "seq"),)),
        sqlite_with_rowid=not keyed,
        implicit_returning=not keyed,  # its key is not generated: nothing to read back, as the bare's
    )
    c = table.c
    same_day = sa.and_(c.service == sa.bindparam("service"), c.day == sa.bindparam("day"))
    given = [col.name for col in table.columns if col.name not in ("id", "seq")]
    values: dict[str, Any] = {name: sa.bindparam(name, type_=c[name].type) for name in given}
    values["seq"] = sa.select(sa.func.coalesce(sa.func.max(c.seq), 0) + 1).where(same_day).scalar_subquery()
    insert = sa.insert(table).values(values)
    return table, insert


MODELS = {kind: _model(kind) for kind in MODEL_KINDS}


CLIENTS = {"issue": _issue_one, "bare": _insert_one, "core": _insert_core, "row": _insert_row}


def _client(kind: str, url: str, day_offset: int, count: int, barrier: Any, results: Any) -> None:
    engine, one = CLIENTS[kind](url, day_offset)
    one()  # connect and warm up outside the measurement
    latencies = []
    barrier.wait()
    began = time.monotonic()  # CLOCK_MONOTONIC: comparable between processes on Linux
    for _ in range(count):
        t0 = time.perf_counter()
        one()
        latencies.append(time.perf_counter() - t0)
    results.put((began, time.monotonic(), latencies))
    engine.dispose()


def raw_sqlite_rate(path: Path) -> float:
    """The driver alone: one connection, BEGIN IMMEDIATE / INSERT / COMMIT per row, WAL as the kiosk."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE IF NOT EXISTS raw_insert (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)")
    t0 = time.perf_counter()
    for i in range(BARE_INSERTS):
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO raw_insert (v) VALUES (?)", (i,))
        db.execute("COMMIT")
    rate = BARE_INSERTS / (time.perf_counter() - t0)
    db.close()
    return rate


def run_clients(kind: str, url: str, clients: int, day_offset: int) -> tuple[float, float, float]:
    """Operations/s, p50 and p99 latency in seconds, with `clients` processes at once."""
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["sqlalchemy", "psycopg", "hall.queue.store"])
    barrier, results = ctx.Barrier(clients), ctx.Queue()
    count = max(5, TICKETS // clients)
    procs = [
        ctx.Process(target=_client, args=(kind, url, day_offset, count, barrier, results))
        for _ in range(clients)
    ]
    for p in procs:
        p.start()
    got = [results.get(timeout=600) for _ in procs]
    for p in procs:
        p.join()
    began = min(g[0] for g in got)
    ended = max(g[1] for g in got)
    latencies = sorted(x for g in got for x in g[2])
    p99 = latencies[min(len(latencies) - 1, round(0.99 * (len(latencies) - 1)))]
    return len(latencies) / (ended - began), statistics.median(latencies), p99


def bench_engine(name: str, url: str) -> float:
    """Prints each issuer count's figures; returns the fair baseline's rate at 1 client."""
    engine = open_engine(url)
    QueueStore(engine, _settings(), FakeClock(START), TZ, KEY).prepare()
    with engine.begin() as conn:
        BARE.create(conn, checkfirst=True)
        for kind, (table, _) in MODELS.items():
            if kind == "numbered" or engine.dialect.name == "sqlite":
                table.create(conn, checkfirst=True)
    engine.dispose()
    one_client = 0.0
    for i, n in enumerate(ISSUERS):
        # alternated rounds, medians: machine noise hits baselines and issuers alike; a ratio is
        # the median of the rounds' own ratios, with their lowest and highest
        runs: dict[str, list[tuple[float, float, float]]] = {k: [] for k in CLIENTS}
        for r in range(ROUNDS):
            for kind in CLIENTS:
                runs[kind].append(run_clients(kind, url, n, day_offset=100 * r + i + 1))
        med = {kind: [statistics.median(x[k] for x in got) for k in range(3)] for kind, got in runs.items()}
        bare, core, issue, row = med["bare"], med["core"], med["issue"], med["row"]
        # each round's issuers against the baselines measured just before them
        ratios = sorted(x[0] / b[0] for x, b in zip(runs["issue"], runs["bare"], strict=True))
        to_core = statistics.median(x[0] / c[0] for x, c in zip(runs["issue"], runs["core"], strict=True))
        to_row = statistics.median(x[0] / w[0] for x, w in zip(runs["issue"], runs["row"], strict=True))
        target = "  (target >= 0.80)" if n in (1, 8) else ""
        if n == 32 and name == "postgresql":
            target = f"  (target p99 < 100 ms: {'met' if issue[2] < 0.1 else 'NOT met'})"
        # a stalled process (the machine is shared) drags a rate down; the medians' ratio shows
        # what a quiet machine would
        by_p50, ratio = bare[1] / issue[1], statistics.median(ratios)
        print(
            f"{name:<10} {n:>2} clients: bare insert {bare[0]:6.0f}/s p50 {bare[1] * 1000:5.2f} "
            f"p99 {bare[2] * 1000:6.2f} ms (Core {core[0]:6.0f}/s) | issue {issue[0]:6.0f}/s "
            f"p50 {issue[1] * 1000:5.2f} p99 {issue[2] * 1000:6.2f} ms | ratio {ratio:4.2f} "
            f"[{ratios[0]:.2f}-{ratios[-1]:.2f}], of p50s {by_p50:4.2f}, to Core {to_core:4.2f}{target}",
            flush=True,
        )
        if n == 1:
            one_client = bare[0]
        print(
            f"{'':<10} {n:>2} clients: the ticket's own row alone {row[0]:6.0f}/s p50 {row[1] * 1000:5.2f} "
            f"p99 {row[2] * 1000:6.2f} ms | issue / own row {to_row:4.2f}",
            flush=True,
        )
    return one_client


def midday(name: str, url: str, served: int = 500, waiting: int = 50, tickets: int = 200) -> None:
    """One issuer on a queue late in the day against one on a fresh day: the reads every ticket
    makes (people ahead, counters serving lately, latest service times) must not grow with the
    day's tickets (indexes on the estimate's columns)."""
    engine = open_engine(url)
    per_ticket = []
    for day_offset, busy in ((1000, True), (1001, False)):
        clock = FakeClock(START + timedelta(days=day_offset))
        store = QueueStore(engine, _settings(), clock, TZ, KEY)
        if busy:
            for _ in range(served + waiting):
                store.issue("bench")
            calling = Calling(store)
            calling.login("1")
            for i in range(served):
                clock.advance(60)  # a busy service: one served a minute since the morning
                if i:
                    calling.finish("1")
                calling.call_next("1")
        store.issue("bench")  # warm
        t0 = time.perf_counter()
        for _ in range(tickets):
            store.issue("bench")
        per_ticket.append((time.perf_counter() - t0) / tickets)
    engine.dispose()
    late, fresh = per_ticket
    print(
        f"{name:<10}  1 client, mid-day queue ({served} served, {waiting} waiting): {late * 1e6:6.0f} us "
        f"per ticket, fresh day {fresh * 1e6:6.0f} us: {late / fresh:4.2f}x",
        flush=True,
    )


def statement_floor(name: str, url: str, bare_rate: float, rounds: int = 5) -> None:
    """What the ticket's statements as they are allow: an issue's statements alone (the
    estimate's read, the numbering write, their commits; on PostgreSQL the one CALL) against
    the bare insert, both on one connection taken once, run on the driver, with no pool checkout,
    no writer queue and none of issue()'s Python; the numbering write alone; and the rows of the
    other ticket models (MODELS), for what a change of the data model could gain. From each, the
    most the 1-issuer ratio can be: the bare insert's whole time (`bare_rate`, the fair baseline
    at 1 client) plus only what those statements cost beyond the bare insert's. Reaches into
    QueueStore's statements on purpose: these are what an issue sends."""
    engine = open_engine(url)
    store = QueueStore(engine, _settings(), FakeClock(START), TZ, KEY)
    svc = store.service("bench")
    now = store.local_now()
    issued = now.astimezone(UTC).replace(tzinfo=None)
    values: dict[str, Any] = {**WALK_IN, "service": svc.code, "issued_at": issued}
    values.update(limit=0, prefix=svc.prefix, number="A001")  # the number: for the other models
    context = {"service": svc.code, "seq": -1, "rank": 0, "issued": issued, "person": None}
    context.update(since=active_since(now), n=store.settings.recent_samples)
    bare_insert = DriverStatement(sa.insert(BARE).values(v=sa.bindparam("v")), engine.dialect)
    pg = engine.dialect.name == "postgresql"
    with autocommit(engine).connect() as conn:
        begin, commit = store._begin, store._commit

        def in_tx(write: Callable[[], object]) -> None:
            if pg:
                write()
                return
            begin.execute(conn, {})
            write()
            commit.execute(conn, {})

        def bare() -> None:
            in_tx(lambda: bare_insert.execute(conn, {"v": 1}))

        def write() -> None:
            if pg:
                store._issue_pg.execute(conn, values).fetchone()  # commits without waiting for the disk
            else:
                in_tx(lambda: store._issue_sqlite.execute(conn, values).fetchone())

        def estimate() -> None:  # SQLite's read before a walk-in's write
            store._reads[False, None].execute(conn, context).fetchone()

        def issue() -> None:
            if pg:
                store._issue_call(conn, svc, now, values)
                return
            estimate()
            write()

        def model(kind: str) -> Callable[[], None]:
            insert = DriverStatement(MODELS[kind][1], engine.dialect)
            return lambda: in_tx(lambda: insert.execute(conn, values))  # committed as the bare insert is

        kinds: dict[str, Callable[[], None]] = {"bare": bare, "issue": issue, "write": write}
        kinds["numbered"] = model("numbered")
        if not pg:  # PostgreSQL's tables are heaps: a key is an index beside them
            kinds["keyed"] = model("keyed")
            keyed = kinds["keyed"]

            def keyed_estimated() -> None:  # with the estimate's read, on a day with nobody waiting
                estimate()
                keyed()

            kinds["keyed+estimate"] = keyed_estimated
        rates: dict[str, list[float]] = {k: [] for k in kinds}
        for r in range(rounds):
            for i, (kind, one) in enumerate(kinds.items()):
                values["day"] = context["day"] = (START + timedelta(days=500 + 10 * r + i)).date()
                t0 = time.perf_counter()
                for _ in range(TICKETS):
                    one()
                rates[kind].append(TICKETS / (time.perf_counter() - t0))
    engine.dispose()
    med = {k: statistics.median(v) for k, v in rates.items()}

    def ceiling(kind: str) -> float:
        """The 1-issuer ratio if issuing cost the fair bare insert's whole time plus only what
        `kind`'s statements cost beyond the bare insert's."""
        extra = 1 / med[kind] - 1 / med["bare"]
        return (1 / bare_rate) / (1 / bare_rate + extra)

    note = "committed without waiting for the disk, as the ticket's is" if pg else "under BEGIN IMMEDIATE"
    print(
        f"{name:<10}  1 client, statements alone on one connection: bare insert {med['bare']:6.0f}/s, "
        f"issue {med['issue']:6.0f}/s ({med['issue'] / med['bare']:4.2f}); the numbering write alone "
        f"({note}) {med['write'] / med['bare']:4.2f}. With none of issue()'s Python, the 1-issuer "
        f"ratio would be at most {ceiling('issue'):4.2f}",
        flush=True,
    )
    keyed_line = ""
    if "keyed" in med:
        keyed_line = (
            f"; keyed by its number with the ticket's columns (WITHOUT ROWID, one b-tree: an upper "
            f"bound, without the lane index calling needs) "
            f"{med['keyed'] / med['bare']:4.2f}, at most {ceiling('keyed'):4.2f}, and with the estimate's "
            f"read on an empty queue at most {ceiling('keyed+estimate'):4.2f}"
        )
    print(
        f"{'':<10}  1 client, other ticket models (a row numbered in its insert, committed as the bare "
        f"insert is): with only its number's unique index {med['numbered'] / med['bare']:4.2f} of the "
        f"bare insert, 1-issuer ratio at most {ceiling('numbered'):4.2f}{keyed_line}  (target 0.80)",
        flush=True,
    )


def _pg_schema() -> tuple[str, str]:
    schema = "bench_" + uuid.uuid4().hex[:10]
    admin = open_engine(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    admin.dispose()
    sep = "&" if "?" in PG_URL else "?"
    return schema, f"{PG_URL}{sep}options=-csearch_path%3D{schema}"


def main() -> None:
    print(
        f"queue issue benchmark: {TICKETS} tickets per run, issuers {ISSUERS} as processes, "
        f"{os.cpu_count()} CPUs"
    )
    if "sqlite" in ENGINES:
        with tempfile.TemporaryDirectory() as tmp:
            raw = raw_sqlite_rate(Path(tmp) / "raw.db")
            print(f"sqlite     raw sqlite3 insert, 1 connection: {raw:7.0f} rows/s", flush=True)
            bare_rate = bench_engine("sqlite", sqlite_url(Path(tmp) / "bench.db"))
            midday("sqlite", sqlite_url(Path(tmp) / "bench.db"))
            statement_floor("sqlite", sqlite_url(Path(tmp) / "bench.db"), bare_rate)
    if "postgresql" not in ENGINES:
        return
    schema, url = _pg_schema()
    try:
        bare_rate = bench_engine("postgresql", url)
        midday("postgresql", url)
        statement_floor("postgresql", url, bare_rate)
    finally:
        admin = open_engine(PG_URL)
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


if __name__ == "__main__":
    main()
