"""A separate process that calls and finishes tickets at one counter, like one more counter PC
(for the concurrency tests)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from core.clock import FakeClock
from hall.db import open_engine
from hall.queue import QueueRefused, QueueSettings, QueueStore, QueueUnavailable
from hall.queue.calling import Calling

TZ = "Asia/Shanghai"


def call_until_empty(
    url: str, settings: QueueSettings, key: bytes, start: datetime, counter: str, barrier: Any, results: Any
) -> None:
    """Call, finish, call ... until nobody waits; report the numbers this counter called."""
    engine = open_engine(url)
    calling = Calling(QueueStore(engine, settings, FakeClock(start), TZ, key))
    calling.login(counter)
    got: list[str] = []
    barrier.wait()
    while True:
        try:
            visit = calling.call_next(counter)
        except (QueueRefused, QueueUnavailable) as e:
            got.append("refused:" + e.code)
            continue
        if visit is None:
            break
        got.append(visit.number)
        calling.finish(counter)
    results.put((counter, got))
    engine.dispose()
