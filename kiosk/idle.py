"""Idle tracking on the injected clock: warning countdown, session end, attract screen."""

from __future__ import annotations

from dataclasses import dataclass

from core.clock import Clock


@dataclass(frozen=True)
class IdleState:
    """Where a session stands against its idle timeout."""

    remaining: float  # seconds until the session ends (while in a session)
    warning: bool  # show "还剩 N 秒"
    expired: bool


class IdleWatch:
    def __init__(self, clock: Clock, timeout: float, warning: float) -> None:
        self.clock = clock
        self.timeout = timeout
        self.warning = min(warning, timeout)
        self._last = clock.monotonic()

    def touch(self) -> None:
        self._last = self.clock.monotonic()

    @property
    def idle_for(self) -> float:
        return self.clock.monotonic() - self._last

    def state(self) -> IdleState:
        remaining = self.timeout - self.idle_for
        return IdleState(max(0.0, remaining), remaining <= self.warning, remaining <= 0)
