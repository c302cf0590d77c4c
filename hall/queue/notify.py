"""Queue events pushed by PostgreSQL (LISTEN kiosk_queue): display boards and the other kiosks
of a hall hear "issued" and "called" at commit instead of polling. SQLite has no such push:
a single machine's UI simply re-reads after its own actions.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import psycopg

from hall.queue.store import NOTIFY_CHANNEL


def _event(payload: str) -> dict[str, Any]:
    """Anything on the channel wakes a board; a payload that is not ours is an unknown event."""
    try:
        found = json.loads(payload)
    except ValueError:
        return {"event": "unknown"}
    return found if isinstance(found, dict) else {"event": "unknown"}


class Listener:
    """Subscribed from construction on, so no event between "subscribe" and "read" is missed.

    Read on a worker thread; a dropped connection raises psycopg.OperationalError for the
    caller's reconnect loop (then re-read the store: events during the gap are not replayed).
    """

    def __init__(self, url: str) -> None:
        self._conn = psycopg.connect(
            url.replace("postgresql+psycopg://", "postgresql://", 1), autocommit=True
        )
        self._conn.execute(f"LISTEN {NOTIFY_CHANNEL}")

    def events(self, timeout: float | None = None) -> Iterator[dict[str, Any]]:
        """Each event ({"event", "service", "number"[, "counter"]}) as it commits; ends after
        `timeout` seconds without one (None: never)."""
        while True:
            got = False
            for note in self._conn.notifies(timeout=timeout, stop_after=1):
                got = True
                yield json.loads(note.payload)
            if not got:
                return

    def batch(self, timeout: float) -> list[dict[str, Any]]:
        """Every event that has arrived, waiting up to `timeout` seconds for the first: a storm
        of notifications is taken in batches, one wake-up for many events."""
        first = list(self._conn.notifies(timeout=timeout, stop_after=1))
        if not first:
            return []
        rest = self._conn.notifies(timeout=0.0)
        return [_event(n.payload) for n in (*first, *rest)]

    def close(self) -> None:
        self._conn.close()
