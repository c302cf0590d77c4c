"""The hidden way in: N taps in one corner of the screen within a few seconds. Qt-free, fed
with each press's position and the injected clock's time."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from typing import Any


class CornerTaps:
    def __init__(self, settings: Mapping[str, Any], px_per_mm: float) -> None:
        self.corner = str(settings["gesture_corner"])
        self.taps = int(settings["gesture_taps"])
        self.window = float(settings["gesture_window"])
        self.side = float(settings["gesture_size_mm"]) * px_per_mm
        self._times: deque[float] = deque(maxlen=self.taps)

    def in_corner(self, x: float, y: float, width: float, height: float) -> bool:
        top = "top" in self.corner
        left = "left" in self.corner
        in_x = x <= self.side if left else x >= width - self.side
        in_y = y <= self.side if top else y >= height - self.side
        return in_x and in_y

    def press(self, x: float, y: float, width: float, height: float, now: float) -> bool:
        """True when this press completes the gesture; a press elsewhere starts it over."""
        if not self.in_corner(x, y, width, height):
            self._times.clear()
            return False
        self._times.append(now)
        if len(self._times) == self.taps and now - self._times[0] <= self.window:
            self._times.clear()
            return True
        return False
