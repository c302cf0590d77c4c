"""How each citizen journey ended (completed, abandoned, failed), written to the hall database
(hall/journeys.py) on a thread of its own, so a slow database never holds the screen. Opened at
the first journey's end or the first staff overview: SQLAlchemy stays off the first paint."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hall.journeys import Journeys
    from kiosk.app import Kiosk

log = logging.getLogger(__name__)

# what a journey returns when the citizen left without it done (flows/rating.py NOT_DONE, less
# the faults): turned back, refused, sent to a counter, no usable photo; "failed" and
# "device_lost": the journey ended on a fault it could not get past
LEFT = frozenset({"back", "home", "refused", "counter", "no_retakes", "unsettled", None})
BROKE = frozenset({"failed", "device_lost", "door_failed", "unknown"})


def outcome_of(result: Any) -> str:
    """A journey's return value as completed / abandoned / failed."""
    if isinstance(result, str | None) and result in LEFT:
        return "abandoned"
    if isinstance(result, str) and result in BROKE:
        return "failed"
    return "completed"


class JourneyLog:
    def __init__(self, open_store: Callable[[], Journeys]) -> None:
        self._open = open_store
        self._store: Journeys | None = None
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journey-log")
        self._pending: set[Future[None]] = set()

    def store(self) -> Journeys:
        """The table, opened (and migrated) once; raises while the database cannot be used."""
        with self._lock:
            if self._store is None:
                self._store = self._open()
            return self._store

    def ended(self, service: str, outcome: str) -> None:
        """Record one journey's end, off the calling (GUI) thread."""
        try:
            fut = self._pool.submit(self._write, service, outcome)
        except RuntimeError:  # stopped: the kiosk is leaving
            log.warning("journey %s %s not recorded: stopping", service, outcome)
            return
        self._pending.add(fut)
        fut.add_done_callback(self._pending.discard)

    def _write(self, service: str, outcome: str) -> None:
        try:
            self.store().record(service, outcome)
        except Exception:  # the figures miss one journey; the citizen is not held up for it
            log.exception("journey %s %s not recorded", service, outcome)

    def flush(self, timeout: float = 10.0) -> None:
        """Wait for the records handed over so far (tests, and stop)."""
        wait(list(self._pending), timeout)

    def stop(self) -> None:
        self.flush()
        self._pool.shutdown(wait=False)

    def counts_since(self, since: datetime) -> dict[tuple[str, str], int]:
        return self.store().counts_since(since)


_making = threading.Lock()  # a journey's end (GUI thread) and the staff figures (a thread) may race


def journey_log(kiosk: Kiosk) -> JourneyLog:
    """The kiosk's journey log, made on first use and kept in its services."""
    with _making:
        found = kiosk.services.get("journeys")
        if found is None:

            def open_store() -> Journeys:
                from hall.db import open_engine
                from hall.journeys import Journeys
                from hall.queue.factory import database_url

                config = kiosk.config
                engine = open_engine(database_url(config, config.resolve))
                return Journeys(engine, config["kiosk"]["kiosk_id"], kiosk.clock.now).prepare()

            found = kiosk.services["journeys"] = JourneyLog(open_store)
        return found
