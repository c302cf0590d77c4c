"""Why the queue said no: a reason for the citizen (translatable) and a stable code for scripts."""

from __future__ import annotations

from core.text import Text


class QueueError(Exception):
    def __init__(self, reason: Text, code: str) -> None:
        super().__init__(str(reason))
        self.reason = reason
        self.code = code


class QueueRefused(QueueError):
    """A rule refused the request: closed, limit reached, already has a ticket, no such booking ..."""


class QueueUnavailable(QueueError):
    """The database cannot be reached or answered with an error: no ticket was issued."""


class QueueKeyError(QueueError):
    """The key that hashes ID numbers cannot be read or made (a damaged or unwritable key file)."""


class QueueKeyMismatch(QueueKeyError):
    """This machine hashes ID numbers with another key than the shared queue: one-per-day would break."""
