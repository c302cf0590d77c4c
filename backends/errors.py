"""What a call to a system we do not own can end in, sorted by meaning (no httpx here, so a
journey can name these without loading the HTTP stack before the first painted home)."""

from __future__ import annotations

from core.redact import redact
from core.text import Text


class Mismatch(ValueError):
    """An answer that conforms to the schema but not to the request (another order, another
    person): treated as no answer."""


class BackendError(Exception):
    def __init__(self, system: str, code: str, reason: Text, detail: str = "") -> None:
        self.system, self.code, self.reason, self.detail = system, code, reason, detail
        super().__init__(f"{system}: {code} {redact(detail)}".strip())


class Unavailable(BackendError):
    """Not reached: nothing happened there."""


class Uncertain(BackendError):
    """Sent, but no valid answer: it may or may not have happened."""


class Refused(BackendError):
    """A definite, documented no."""
