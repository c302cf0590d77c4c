"""The queue: services from config, tickets and counters in SQL, the rules of the ticket machine.

The journey uses `open_queue(config, clock)` and then `QueueStore.overview()`, `issue()`,
`lookup_appointment()` and `check_in()`; counters use `hall.queue.calling.Calling` (display boards
`hall.queue.board`). Staff and scripts use `python -m kiosk.queue_admin`. No Qt here.

The store and its factory (SQLAlchemy) load on first use, so the queue's errors and settings
cost nothing at start-up: the kiosk paints its home before it opens the database.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from hall.queue.errors import QueueError, QueueKeyError, QueueKeyMismatch, QueueRefused, QueueUnavailable
from hall.queue.services import QueueSettings, Service, parse_settings

if TYPE_CHECKING:
    from hall.queue.factory import open_queue
    from hall.queue.store import Appointment, Availability, QueueStore, Ticket

_LAZY = {
    "open_queue": "hall.queue.factory",
    "Appointment": "hall.queue.store",
    "Availability": "hall.queue.store",
    "QueueStore": "hall.queue.store",
    "Ticket": "hall.queue.store",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Appointment",
    "Availability",
    "QueueError",
    "QueueKeyError",
    "QueueKeyMismatch",
    "QueueRefused",
    "QueueSettings",
    "QueueStore",
    "QueueUnavailable",
    "Service",
    "Ticket",
    "open_queue",
    "parse_settings",
]
