"""A tap meant for one screen must never act on the screen that replaced it.

Screens change on their own (a timeout, a device event, work done) and a citizen's finger is
often already on its way: the fingerprint step's "好的，开始" turned into "这个手指按不上，换一个"
at the same place and skipped a finger never placed. A double tap does the same on any screen.
So for a moment after the screen's buttons change, presses on it are ignored: nothing happens
at all (no action, no half-pressed button), and a citizen who meant the new screen taps again.
"""

from __future__ import annotations

import time
from typing import Any


def _face(view: Any) -> tuple[Any, ...]:
    """What a tap can hit: a screen redrawn with the same buttons (the payment's countdown)
    keeps its meaning and is not guarded again."""
    return (type(view), view.title, getattr(view, "actions", ()), getattr(view, "options", ()))


class TapGuard:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._face: tuple[Any, ...] | None = None
        self._until = 0.0

    def shown(self, view: Any) -> bool:
        """A view is on screen now; its buttons are guarded when they are not the ones before.
        True: they are not (a new screen, not the same one redrawn)."""
        face = _face(view)
        changed = face != self._face
        if changed:
            self.arm()
        self._face = face
        return changed

    def arm(self) -> None:
        """The screen changed (home after a journey): ignore presses for a moment."""
        self._face = None
        self._until = time.monotonic() + self.seconds

    @property
    def active(self) -> bool:
        return time.monotonic() < self._until
