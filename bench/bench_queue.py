"""Queue tickets per second and p99 issue latency for 1, 8 and 32 concurrent issuers (separate
processes, like kiosks sharing one queue) on SQLite and PostgreSQL. Each figure is also given as a
ratio to the engine's bare single-row insert rate (one row per transaction, one connection)
measured in the same run, so the numbers compare across machines.

Run: python bench/bench_queue.py   (or make bench). PostgreSQL: KIOSK_TEST_PG or the test URL.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from core.clock import FakeClock  # noqa: E402
from hall.db import open_engine, sqlite_url  # noqa: E402
from hall.queue.services import QueueSettings, parse_settings  # noqa: E402
from hall.queue.settings import SECTION, SERVICE_OPTIONS  # noqa: E402
from hall.queue.store import QueueStore  # noqa: E402

PG_URL = os.environ.get("KIOSK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
ISSUERS = (1, 8, 32)
TICKETS = 480  # per configuration, split between the issuers
BARE_INSERTS = 500
KEY = b"b" * 32
TZ = "Asia/Shanghai"
START = datetime(2026, 1, 5, 2, 0, tzinfo=UTC)  # 10:00 in the hall


def _settings() -> QueueSettings:
    section = {o.key: o.default for o in SECTION.options}
    svc = {o.key: o.default for o in SERVICE_OPTIONS}
    svc.update(code="bench", prefix="A", name_zh="基准", counters=["1"], daily_limit=0)
    section.update(services=[svc], always_open=True)
    return parse_settings(section)


def _issuer(url: str, day_offset: int, count: int, barrier: Any, results: Any) -> None:
    engine = open_engine(url)
    store = QueueStore(engine, _settings(), FakeClock(START + timedelta(days=day_offset)), TZ, KEY)
    store.issue("bench")  # connect and warm up outside the measurement
    latencies = []
    barrier.wait()
    began = time.monotonic()  # CLOCK_MONOTONIC: comparable between processes on Linux
    for _ in range(count):
        t0 = time.perf_counter()
        store.issue("bench")
        latencies.append(time.perf_counter() - t0)
    results.put((began, time.monotonic(), latencies))
    engine.dispose()


def bare_insert_rate(engine: sa.Engine) -> float:
    table = sa.Table(
        "bench_bare_insert",
        sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("v", sa.Integer, nullable=False),
    )
    with engine.begin() as conn:
        table.create(conn, checkfirst=True)
    stmt = sa.insert(table)
    with engine.connect() as conn:
        conn.commit()
        t0 = time.perf_counter()
        for i in range(BARE_INSERTS):
            conn.execute(stmt, {"v": i})
            conn.commit()
        return BARE_INSERTS / (time.perf_counter() - t0)


def run_issuers(url: str, issuers: int, day_offset: int) -> tuple[float, float, float]:
    """tickets/s, p50 and p99 latency in seconds."""
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["sqlalchemy", "psycopg", "hall.queue.store"])
    barrier, results = ctx.Barrier(issuers), ctx.Queue()
    count = max(5, TICKETS // issuers)
    procs = [
        ctx.Process(target=_issuer, args=(url, day_offset, count, barrier, results)) for _ in range(issuers)
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
    store = QueueStore(engine, _settings(), FakeClock(START), TZ, KEY)
    store.prepare()
    bare = bare_insert_rate(engine)
    engine.dispose()
    print(f"{name:<10} bare single-row insert: {bare:8.0f} rows/s", flush=True)
    for i, n in enumerate(ISSUERS):
        rate, p50, p99 = run_issuers(url, n, day_offset=i + 1)
        print(
            f"{name:<10} {n:>2} issuers: {rate:8.0f} tickets/s  p50 {p50 * 1000:6.2f} ms  "
            f"p99 {p99 * 1000:7.2f} ms  ratio to bare insert {rate / bare:5.2f}",
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
