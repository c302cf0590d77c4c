"""Several counter processes calling one service at once, as several counter PCs on one queue:
every ticket is called exactly once, never to two counters."""

from __future__ import annotations

import multiprocessing as mp
from collections import Counter
from typing import Any

from core.clock import FakeClock
from hall.queue.store import QueueStore
from tests.queue.callers import call_until_empty
from tests.queue.helpers import KEY, Db, local, service, settings

START = local(2026, 1, 5, 10)
COUNTERS = [str(n) for n in range(1, 7)]


def test_counters_calling_together_never_get_the_same_ticket(db: Db) -> None:
    queue = settings([service("b", "B", hours="00:00-24:00", daily_limit=0, counters=COUNTERS)])
    store = db.store(queue)
    issuer = QueueStore(store.engine, queue, FakeClock(START), "Asia/Shanghai", KEY)
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["tests.queue.callers", "psycopg"])
    tickets, issued, overlapped = 150, 0, False
    # on a loaded machine one counter process can drain a round before the others are scheduled:
    # such a round still checks the rules, and another round is run until two really overlapped
    for _round in range(4):
        for _ in range(tickets):
            issuer.issue("b")
        by_counter = _call_round(ctx, db, queue)
        called = [n for numbers in by_counter.values() for n in numbers]
        assert not [n for n in called if n.startswith("refused")]
        twice = [n for n, k in Counter(called).items() if k > 1]
        assert not twice, f"called to two counters: {twice}"
        assert sorted(called) == [f"B{i:03d}" for i in range(issued + 1, issued + tickets + 1)]
        issued += tickets
        if sum(1 for numbers in by_counter.values() if numbers) >= 2:
            overlapped = True
            break
    assert overlapped, "the counter processes never called at the same time"
    calls = db.rows("queue_call")
    assert len(calls) == issued and len({r[2] for r in calls}) == issued  # one call row per ticket


def _call_round(ctx: Any, db: Db, queue: Any) -> dict[str, list[str]]:
    barrier, results = ctx.Barrier(len(COUNTERS)), ctx.Queue()
    procs = [
        ctx.Process(target=call_until_empty, args=(db.url, queue, KEY, START, c, barrier, results))
        for c in COUNTERS
    ]
    for p in procs:
        p.start()
    by_counter = dict(results.get(timeout=150) for _ in procs)
    for p in procs:
        p.join(timeout=30)
        assert p.exitcode == 0
    return by_counter
