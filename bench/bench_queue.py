"""Queue tickets per second and p99 issue latency for 1, 8 and 32 concurrent issuers (separate
processes, like kiosks sharing one queue) on SQLite and PostgreSQL. Each figure is given as a
ratio to a fair baseline measured in the same run: a bare single-row insert by as many client
processes, each row committed with the same connection handling as the issuers' one write.
SQLite also shows the raw sqlite3 rate (the driver alone), the floor under both.

Run: python bench/bench_queue.py   (or make bench). PostgreSQL: KIOSK_TEST_PG or the test URL.
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
from hall.db import autocommit, open_engine, queued_writer, sqlite_url  # noqa: E402
from hall.queue.services import QueueSettings, parse_settings  # noqa: E402
from hall.queue.settings import SECTION, SERVICE_OPTIONS  # noqa: E402
from hall.queue.store import QueueStore  # noqa: E402

PG_URL = os.environ.get("KIOSK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
ISSUERS = (1, 8, 32)
TICKETS = 480  # per configuration, split between the issuers
BARE_INSERTS = 500
ROUNDS = 3
KEY = b"b" * 32
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


def _insert_one(url: str, day_offset: int) -> tuple[sa.Engine, Callable[[], object]]:
    """A bare single-row insert handled as the issuers handle their one write: a pool checkout
    per row, and the same commit mode (PostgreSQL: one autocommitted statement; SQLite: the
    machine's writer queue, then BEGIN IMMEDIATE ... COMMIT)."""
    engine = open_engine(url)
    stmt = sa.insert(BARE)
    if engine.dialect.name == "postgresql":
        auto = autocommit(engine)

        def one() -> object:
            with auto.connect() as conn:
                return conn.execute(stmt, {"v": day_offset})

        return engine, one

    auto = autocommit(engine)

    def tx() -> object:
        with auto.connect() as conn, queued_writer(conn):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            done = conn.execute(stmt, {"v": day_offset})
            conn.exec_driver_sql("COMMIT")
            return done

    return engine, tx


def _client(kind: str, url: str, day_offset: int, count: int, barrier: Any, results: Any) -> None:
    engine, one = (_issue_one if kind == "issue" else _insert_one)(url, day_offset)
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


def bench_engine(name: str, url: str) -> None:
    engine = open_engine(url)
    QueueStore(engine, _settings(), FakeClock(START), TZ, KEY).prepare()
    with engine.begin() as conn:
        BARE.create(conn, checkfirst=True)
    engine.dispose()
    for i, n in enumerate(ISSUERS):
        # alternated rounds, medians: machine noise hits baseline and issuers alike
        bares, issues = [], []
        for r in range(ROUNDS):
            bares.append(run_clients("bare", url, n, day_offset=100 * r + i + 1))
            issues.append(run_clients("issue", url, n, day_offset=100 * r + i + 1))
        bare, bare_p99 = statistics.median(b[0] for b in bares), statistics.median(b[2] for b in bares)
        rate, p50, p99 = (statistics.median(x[k] for x in issues) for k in range(3))
        target = "  (target >= 0.80)" if n in (1, 8) else ""
        if n == 32 and name == "postgresql":
            target = f"  (target p99 < 100 ms: {'met' if p99 < 0.1 else 'NOT met'})"
        print(
            f"{name:<10} {n:>2} clients: bare insert {bare:7.0f} rows/s (p99 {bare_p99 * 1000:6.2f} ms); "
            f"issue {rate:7.0f} tickets/s  p50 {p50 * 1000:6.2f} ms  p99 {p99 * 1000:7.2f} ms  "
            f"ratio {rate / bare:5.2f}{target}",
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
    with tempfile.TemporaryDirectory() as tmp:
        raw = raw_sqlite_rate(Path(tmp) / "raw.db")
        print(f"sqlite     raw sqlite3 insert, 1 connection: {raw:7.0f} rows/s", flush=True)
        bench_engine("sqlite", sqlite_url(Path(tmp) / "bench.db"))
    schema, url = _pg_schema()
    try:
        bench_engine("postgresql", url)
    finally:
        admin = open_engine(PG_URL)
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


if __name__ == "__main__":
    main()
