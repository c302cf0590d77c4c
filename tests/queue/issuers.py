"""A separate process that issues tickets, like one more kiosk in the hall (for the concurrency tests)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from core.clock import FakeClock
from hall.db import open_engine
from hall.queue import QueueRefused, QueueSettings, QueueStore, QueueUnavailable

TZ = "Asia/Shanghai"


def issue_many(
    url: str,
    settings: QueueSettings,
    key: bytes,
    start: datetime,
    service: str,
    count: int,
    id_number: str | None,
    barrier: Any,
    results: Any,
) -> None:
    engine = open_engine(url)
    store = QueueStore(engine, settings, FakeClock(start), TZ, key)
    got: list[str] = []
    barrier.wait()
    for _ in range(count):
        try:
            got.append(store.issue(service, id_number=id_number).number)
        except (QueueRefused, QueueUnavailable) as e:
            got.append("refused:" + e.code)
    results.put(got)
    engine.dispose()


def issue_until_killed(url: str, settings: QueueSettings, key: bytes, start: datetime, service: str) -> None:
    """Issue as fast as possible until the test kills this process (SIGKILL, mid-issue)."""
    store = QueueStore(open_engine(url), settings, FakeClock(start), TZ, key)
    while True:
        store.issue(service)
