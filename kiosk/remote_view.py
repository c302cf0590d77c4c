"""What a hall's monitoring reads in each kiosk's health file beyond devices and alerts: the
journal items needing a hand and the last staff visit. Both come from the hall's database, so
a thread of their own reads them every `every` seconds and the health write (on the GUI
thread) only copies the last answer; a database that does not answer never stalls the screen.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from core.every import Every
from core.redact import mask_reference

log = logging.getLogger(__name__)


class RemoteView:
    def __init__(
        self,
        needing_hand: Callable[[], list[Any]] | None,
        last_visit: Callable[[], datetime | None] | None,
        every: float = 60.0,
    ) -> None:
        self._needing_hand = needing_hand
        self._last_visit = last_visit
        self._lock = threading.Lock()
        self._view: dict[str, Any] = {}
        self._every = Every("remote-view", every, self.refresh, first=self.refresh)

    def refresh(self) -> dict[str, Any]:
        """Read both now (the loop's work; staff actions call it so the file follows at once)."""
        view: dict[str, Any] = {}
        if self._needing_hand is not None:
            try:
                items = self._needing_hand()
                view["journal_needing_hand"] = [
                    {
                        "saga": i.saga,
                        "kind": i.kind,
                        "since": i.since.replace(tzinfo=UTC).isoformat(timespec="seconds"),
                        "acceptance_no": mask_reference(i.acceptance_no),
                        "amount_fen": i.amount_fen,
                    }
                    for i in items
                ]
            except Exception as e:  # the journal's own alert says the database is down
                log.warning("journal items not read for the health file: %s", e)
                view["journal_needing_hand"] = None  # unknown, not "none"
        if self._last_visit is not None:
            try:
                visit = self._last_visit()
                view["last_staff_visit"] = visit.isoformat(timespec="seconds") if visit else None
            except Exception as e:
                log.warning("last staff visit not read for the health file: %s", e)
        with self._lock:
            self._view = view
        return view

    def as_json(self) -> dict[str, Any]:
        with self._lock:
            return dict(self._view)

    def start(self) -> None:
        self._every.start()

    def stop(self) -> None:
        self._every.stop()


def for_kiosk(engine: Any, journal: Any, kiosk_id: str, grace_min: float, every: float) -> RemoteView:
    """The view over this kiosk's journal and the hall's audit table."""
    from hall.audit import AuditLog
    from hall.db import migrate
    from hall.handwork import needing_hand

    audit = AuditLog(engine, kiosk_id)
    grace = timedelta(minutes=grace_min)
    hand = (lambda: needing_hand(journal, grace)) if journal is not None else None
    migrated: list[bool] = []

    def last_visit() -> datetime | None:
        if not migrated:  # importing hall.audit registered its table: a fresh database gets it
            migrate(engine)  # here, on the view's thread (a broken database is a warning there)
            migrated.append(True)
        return audit.last_visit()

    return RemoteView(hand, last_visit, every)
