"""The queue: services from config, tickets and counters in SQL, the rules of the ticket machine.

The journey uses `open_queue(config, clock)` and then `QueueStore.overview()`, `issue()`,
`lookup_appointment()` and `check_in()`; counters use `call_next()` and `complete()`. Staff and
scripts use `python -m kiosk.queue_admin`. No Qt here.
"""

from hall.queue.errors import QueueError, QueueKeyError, QueueKeyMismatch, QueueRefused, QueueUnavailable
from hall.queue.factory import open_queue
from hall.queue.services import QueueSettings, Service, parse_settings
from hall.queue.store import Appointment, Availability, QueueStore, Ticket

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
