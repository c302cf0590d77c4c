"""Building queue settings, stores and synthetic identities for the queue tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from core.clock import FakeClock
from hall.db import open_engine
from hall.queue.calling import Calling
from hall.queue.services import QueueSettings, parse_settings
from hall.queue.settings import SECTION, SERVICE_OPTIONS
from hall.queue.store import QueueStore
from tests.databases import empty_database

TZ = "Asia/Shanghai"
KEY = b"k" * 32

# Synthetic identities with valid GB 11643 check digits (never real people).
ELDER = "11010519491231002X"  # born 1949-12-31
YOUNG = "360426199101010071"  # born 1991-01-01

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def synthetic_id(born: date, seq: int = 1, region: str = "110105") -> str:
    body = f"{region}{born:%Y%m%d}{seq % 1000:03d}"
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, _WEIGHTS, strict=True)) % 11]


def local(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    """A hall-local (UTC+8, no DST) wall time as the UTC instant a FakeClock starts at."""
    return datetime(y, mo, d, h, mi, tzinfo=UTC) - timedelta(hours=8)


def service(code: str, prefix: str, **kw: Any) -> dict[str, Any]:
    entry = {o.key: o.default for o in SERVICE_OPTIONS}
    entry.update(code=code, prefix=prefix, name_zh=f"业务{prefix}", counters=[str(ord(prefix[0]) - 64)])
    entry.update(kw)
    return entry


def at_counter(store: QueueStore, *counters: str, **kw: Any) -> Calling:
    """Counters logged in for all their services, as clerks at their terminals."""
    calling = Calling(store, **kw)
    for counter in counters:
        calling.login(counter)
    return calling


def settings(services: list[dict[str, Any]] | None = None, **kw: Any) -> QueueSettings:
    section = {o.key: o.default for o in SECTION.options}
    if services is not None:
        section["services"] = services
    section.update(kw)
    return parse_settings(section)


class Db:
    """One empty database (an SQLite file, or a fresh PostgreSQL schema) for one test."""

    def __init__(self, kind: str, url: str) -> None:
        self.kind = kind
        self.url = url
        self.engines: list[sa.Engine] = []

    def engine(self) -> sa.Engine:
        engine = open_engine(self.url)
        self.engines.append(engine)
        return engine

    def store(
        self, queue: QueueSettings, clock: FakeClock | None = None, key: bytes = KEY, kiosk_id: str = "K01"
    ) -> QueueStore:
        store = QueueStore(self.engine(), queue, clock or FakeClock(), TZ, key, kiosk_id=kiosk_id)
        store.prepare()
        return store

    def rows(self, table: str) -> list[tuple[Any, ...]]:
        with self.engines[0].connect() as conn:
            return [tuple(r) for r in conn.exec_driver_sql(f"SELECT * FROM {table}")]

    def close(self) -> None:
        for e in self.engines:
            e.dispose()


@contextmanager
def database(kind: str, tmp_path: Any) -> Iterator[Db]:
    with empty_database(kind, tmp_path, "q") as url:
        db = Db(kind, url)
        try:
            yield db
        finally:
            db.close()
