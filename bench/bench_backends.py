"""Round trip of each platform and gateway call on loopback against its reference server, as a
ratio to a bare request (GET of a tiny JSON route over the same kept-alive connection) measured
in the same run; and the journal's write-before + write-after of one step on SQLite and
PostgreSQL, as a ratio to a bare single-row insert (one row per transaction) in the same run.

Run: python bench/bench_backends.py   (or make bench). PostgreSQL: KIOSK_TEST_PG or the test URL.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
import httpx  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from backends.payment.api import Mode  # noqa: E402
from backends.payment.client import PaymentClient  # noqa: E402
from backends.payment.server import ReferenceGateway  # noqa: E402
from backends.platform.api import Kind  # noqa: E402
from backends.platform.client import PlatformClient  # noqa: E402
from backends.platform.server import ReferencePlatform  # noqa: E402
from backends.refserver import serve  # noqa: E402
from devices.camera.scene import Scene, render  # noqa: E402
from hall.db import migrate, open_engine, sqlite_url  # noqa: E402
from hall.journal import DONE, Journal  # noqa: E402

PG_URL = os.environ.get("KIOSK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
WANG = "360426199101010071"
AUTH = "134567890123456789"
N = 60  # calls per figure
STEPS = 300
BARE_INSERTS = 300


def median_ms(fn: Callable[[int], Any], n: int = N) -> float:
    fn(-1)  # warm up: connection, caches, model load
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def bench_calls() -> None:
    platform, gateway = ReferencePlatform(), ReferenceGateway()
    pr, gr = serve(platform.app()), serve(gateway.app())
    pc, gc = PlatformClient(pr.url), PaymentClient(gr.url)
    bare = httpx.Client(base_url=pr.url)
    jpeg = cv2.imencode(".jpg", render(Scene()))[1].tobytes()
    run = uuid.uuid4().hex[:6]
    apps: dict[int, str] = {}

    def app(i: int) -> str:
        if i not in apps:
            a = pc.create_application(f"bench-{run}-{i}", WANG, Kind.REISSUE_LOST)
            pc.attach_photo(a.acceptance_no, jpeg)
            pc.attach_fingerprints(a.acceptance_no, {"R1": b"t"})
            apps[i] = a.acceptance_no
        return apps[i]

    def order(i: int) -> str:
        return f"B{run}{i + 1:05d}"

    base = median_ms(lambda i: bare.get("/health"))
    for i in range(-1, N):
        app(i)
    rows: list[tuple[str, float]] = [
        ("platform lookup", median_ms(lambda i: pc.lookup(WANG))),
        (
            "platform compare_face (dlib)",
            median_ms(lambda i: pc.compare_face("registry:astronaut", jpeg), 15),
        ),
        (
            "platform create_application",
            median_ms(lambda i: pc.create_application(f"bench-{run}-new-{i}", WANG, Kind.REISSUE_LOST)),
        ),
        ("platform attach_photo (face check)", median_ms(lambda i: pc.attach_photo(app(i), jpeg), 15)),
        ("platform mark_paid", median_ms(lambda i: pc.mark_paid(app(i), f"P{run}{i + 1:05d}", 4000))),
        ("platform submit", median_ms(lambda i: pc.submit(app(i)))),
        ("platform status", median_ms(lambda i: pc.status(app(i)))),
        ("platform certificate", median_ms(lambda i: pc.certificate("social_insurance", WANG))),
        (
            "gateway create (micropay)",
            median_ms(lambda i: gc.create(order(i), 4000, "b", Mode.MICROPAY, AUTH)),
        ),
        ("gateway query", median_ms(lambda i: gc.query(order(max(i, 0))))),
        ("gateway refund", median_ms(lambda i: gc.refund(order(max(i, 0)), order(max(i, 0)) + "R", 4000))),
        ("gateway cancel", median_ms(lambda i: gc.cancel(order(max(i, 0))))),
    ]
    print(f"bare request (httpx GET /health, kept-alive, loopback): {base:.2f} ms median")
    for name, ms in rows:
        print(f"  {name:32s} {ms:8.2f} ms   x{ms / base:6.1f} bare")
    for c in (pc, gc):
        c.close()
    bare.close()
    pr.stop()
    gr.stop()


def bare_insert_ms(engine: sa.Engine) -> float:
    table = sa.Table(
        f"bench_bare_{uuid.uuid4().hex[:6]}",
        sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("v", sa.Text, nullable=False),
    )
    with engine.begin() as conn:
        table.create(conn)
    t0 = time.perf_counter()
    for i in range(BARE_INSERTS):
        with engine.begin() as conn:
            conn.execute(sa.insert(table), {"v": str(i)})
    ms = (time.perf_counter() - t0) / BARE_INSERTS * 1000
    with engine.begin() as conn:
        table.drop(conn)
    return ms


def bench_journal(name: str, url: str) -> None:
    engine = open_engine(url)
    migrate(engine)
    journal = Journal(engine, "BENCH")
    run = uuid.uuid4().hex[:8]
    bare = bare_insert_ms(engine)
    t0 = time.perf_counter()
    for i in range(STEPS):
        key = f"{run}-{i}"
        journal.begin(key, "payment", key, {"order_no": key, "amount_fen": 4000})
        journal.finish("payment", key, DONE, {"detail": "SUCCESS"})
    step = (time.perf_counter() - t0) / STEPS * 1000
    print(
        f"{name}: bare insert {bare:.2f} ms; journal step (before + after) {step:.2f} ms"
        f"   x{step / bare:.1f} bare"
    )
    engine.dispose()


def main() -> None:
    bench_calls()
    with tempfile.TemporaryDirectory() as tmp:
        bench_journal("SQLite", sqlite_url(Path(tmp) / "bench.db"))
    schema = f"bench_journal_{uuid.uuid4().hex[:8]}"
    admin = open_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        bench_journal("PostgreSQL", f"{PG_URL}?options=-csearch_path%3D{schema}")
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
