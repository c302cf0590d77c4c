"""Staff pausing a queue service (a counter short of staff, a system down at the back office):
a row per paused service in the hall's database, so every kiosk of the hall refuses its tickets.

Issuing is hot: on SQLite the store reads the pause with each ticket's estimate, in the same
statement, so a pause made at any kiosk refuses the next ticket everywhere. Elsewhere (the home
screen, check-ins, PostgreSQL's issue) it asks `Pauses.paused()`, which answers from a copy read
at most `ttl` seconds ago: a pause made at another kiosk takes effect there within `ttl`; one
made here takes effect at once (this kiosk's copy is refreshed by the change).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from core.text import Text, tr
from hall.db import METADATA, Migration, autocommit, create_tables, register

pause = sa.Table(
    "queue_pause",
    METADATA,
    sa.Column("service", sa.String(32), primary_key=True),
    sa.Column("paused_at", sa.DateTime, nullable=False),  # UTC, naive
    sa.Column("by", sa.String(64), nullable=False),  # staff id
    sa.Column("kiosk", sa.String(40), nullable=False),
)

# its own component: the queue's own migrations stay a sequence of their own
register(Migration("queue_pause", 1, "staff pauses of queue services", create_tables(pause)))


@dataclass(frozen=True)
class Pause:
    service: str
    paused_at: datetime  # aware, UTC
    by: str
    kiosk: str


def refusal(name: str) -> Text:
    """What a citizen reads when the service they chose is paused."""
    return tr("{name}暂停取号，请稍后再来或到服务台咨询", name=name)


class Pauses:
    """Thread-safe; one per store."""

    def __init__(
        self,
        engine: Engine,
        kiosk_id: str = "",
        ttl: float = 2.0,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.engine = engine
        self._auto = autocommit(engine)
        self.kiosk_id = kiosk_id
        self.ttl = ttl
        self._now = now or (lambda: datetime.now(UTC))
        self._lock = threading.Lock()
        self._copy: dict[str, Pause] = {}
        self._read_at = -1e9

    def current(self) -> dict[str, Pause]:
        """Service code -> its pause, read from the database now."""
        with self._auto.connect() as conn:
            rows = conn.execute(sa.select(pause)).all()
        found = {r.service: Pause(r.service, r.paused_at.replace(tzinfo=UTC), r.by, r.kiosk) for r in rows}
        with self._lock:
            self._copy, self._read_at = found, time.monotonic()
        return found

    def cached(self) -> dict[str, Pause]:
        """The last copy, without touching the database (the home screen's refresh uses it)."""
        with self._lock:
            return dict(self._copy)

    def paused(self, service: str) -> bool:
        """From a copy at most `ttl` seconds old (issuing asks on every ticket)."""
        with self._lock:
            stale = time.monotonic() - self._read_at >= self.ttl
            copy = self._copy
        if stale:
            copy = self.current()
        return service in copy

    def pause(self, service: str, by: str) -> bool:
        """False when it was paused already (by whoever: the first pause stands)."""
        stamp = self._now().astimezone(UTC).replace(tzinfo=None)
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    sa.insert(pause).values(service=service, paused_at=stamp, by=by, kiosk=self.kiosk_id)
                )
        except sa.exc.IntegrityError:
            self.current()
            return False
        self.current()
        return True

    def resume(self, service: str) -> bool:
        """False when it was not paused."""
        with self.engine.begin() as conn:
            n = conn.execute(sa.delete(pause).where(pause.c.service == service)).rowcount
        self.current()
        return bool(n)
