"""Injected time: production code asks a Clock, tests advance a FakeClock."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float: ...
    def now(self) -> datetime: ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self._mono = 1000.0
        self._start = start or datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        with self._lock:
            return self._mono

    def now(self) -> datetime:
        from datetime import timedelta

        with self._lock:
            return self._start + timedelta(seconds=self._mono - 1000.0)

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._mono += seconds


class AdjustableClock(SystemClock):
    """Real time plus an offset that can be moved forward (the demo skips idle waits with it),
    and a wall-time shift of its own (the demo shows the hall at a chosen hour)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.offset = 0.0
        self.wall_shift = (start - datetime.now(UTC)).total_seconds() if start is not None else 0.0

    def monotonic(self) -> float:
        return time.monotonic() + self.offset

    def now(self) -> datetime:
        from datetime import timedelta

        return datetime.now(UTC) + timedelta(seconds=self.offset + self.wall_shift)

    def advance(self, seconds: float) -> None:
        self.offset += seconds
