"""Call to board on PostgreSQL: a counter's "call next" until the display board's feed has read
the board showing that call (NOTIFY at commit, LISTEN, the board's read), median and p99; against
a bare NOTIFY round trip (one connection notifies, another that LISTENs receives it) measured in
the same run, the floor under any pushed update.

Run: python bench/bench_calling.py   (or make bench). PostgreSQL: KIOSK_TEST_PG or the test URL.
"""

from __future__ import annotations

import os
import statistics
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from bench.bench_queue import _settings  # noqa: E402  # one bench service, as the queue bench's
from core.clock import SystemClock  # noqa: E402
from hall.db import open_engine  # noqa: E402
from hall.queue.board import Board, BoardFeed, CallShown  # noqa: E402
from hall.queue.calling import Calling  # noqa: E402
from hall.queue.store import QueueStore  # noqa: E402

PG_URL = os.environ.get("KIOSK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
CALLS = 300
WARM_UP = 20
KEY = b"c" * 32
CHANNEL = "bench_calling_bare"


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def bare_notify(url: str, n: int) -> list[float]:
    """Seconds from NOTIFY sent to it received by a listener, n times."""
    dsn = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(dsn, autocommit=True) as listen, psycopg.connect(dsn, autocommit=True) as talk:
        listen.execute(f"LISTEN {CHANNEL}")
        out = []
        for i in range(n + WARM_UP):
            t0 = time.perf_counter()
            talk.execute(f"NOTIFY {CHANNEL}, '{i}'")
            for note in listen.notifies(timeout=5, stop_after=1):
                if note.payload == str(i):
                    break
            if i >= WARM_UP:
                out.append(time.perf_counter() - t0)
        return out


def call_to_board(url: str, n: int, committed: list[float]) -> list[float]:
    """Seconds from a counter pressing "call next" to the board feed holding that call; the
    seconds until call_next returned (committed) go to `committed`."""
    engine = open_engine(url)
    store = QueueStore(engine, _settings(), SystemClock(), "Asia/Shanghai", KEY)
    store.prepare()
    calling = Calling(store)
    calling.login("1")
    seen = threading.Condition()
    latest: list[str] = [""]

    def on_update(board: Board, fresh: list[CallShown]) -> None:
        with seen:
            if board.current is not None:
                latest[0] = board.current.number
            seen.notify_all()

    feed_store = QueueStore(open_engine(url), _settings(), SystemClock(), "Asia/Shanghai", KEY)
    feed = BoardFeed(feed_store, on_update, listen_url=url, min_interval=0.0).start()
    deadline = time.monotonic() + 30
    while feed.state != "live":
        if time.monotonic() > deadline:
            raise RuntimeError(f"the board feed did not go live: {feed.state}")
        time.sleep(0.01)
    out = []
    try:
        for i in range(n + WARM_UP):
            store.issue("bench")
            t0 = time.perf_counter()
            visit = calling.call_next("1")
            called = time.perf_counter()
            assert visit is not None
            number = visit.number
            with seen:
                # every call is a new number: the board holds this call once it shows the number
                if not seen.wait_for(lambda n=number: latest[0] == n, timeout=10):
                    raise RuntimeError("the board never showed the call")
            if i >= WARM_UP:
                out.append(time.perf_counter() - t0)
                committed.append(called - t0)
            calling.finish("1")
    finally:
        feed.stop()
        engine.dispose()
    return out


def main() -> None:
    schema = "bench_calling_" + uuid.uuid4().hex[:8]
    admin = psycopg.connect(PG_URL, autocommit=True)
    admin.execute(f"CREATE SCHEMA {schema}")
    url = f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{schema}"
    try:
        bare = bare_notify(url, CALLS)
        committed: list[float] = []
        board = call_to_board(url, CALLS, committed)
    finally:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()
    bm, bp = statistics.median(bare) * 1000, _pct(bare, 99) * 1000
    cm, cp = statistics.median(board) * 1000, _pct(board, 99) * 1000
    print(f"bare NOTIFY round trip:  median {bm:6.2f} ms  p99 {bp:6.2f} ms  ({CALLS} notifications)")
    print(f"call to board (PG push): median {cm:6.2f} ms  p99 {cp:6.2f} ms  ({CALLS} calls)")
    km = statistics.median(committed) * 1000
    print(f"  of which the counter's call_next transaction: median {km:6.2f} ms")
    print(f"ratio to the bare round trip: median x{cm / bm:.1f}, p99 x{cp / bp:.1f}")


if __name__ == "__main__":
    main()
