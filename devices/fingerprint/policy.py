"""GA/T 1012 capture practice: right thumb, then left thumb; a finger that cannot be taken
falls back to the next finger of the same hand (index, middle, ring, little).

Each finger gets `tries` captures; the best image that reaches `threshold` is taken. A finger
never placed within the place timeout moves on at once (repeating the wait helps nobody). Device
faults (unplugged, silent) end the capture: the caller shows the fault, not a "failed" form.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from devices.fingerprint.model import DIGITS, CaptureResult, FingerImage, NoFinger, Slot

log = logging.getLogger(__name__)

Prompt = Callable[[str, int], None]  # (finger, try number from 1): ask the citizen to place it


@dataclass(frozen=True)
class Policy:
    threshold: int = 55
    tries: int = 5
    fallback: bool = True

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Policy:
        return cls(
            threshold=int(settings.get("quality_threshold", 55)),
            tries=int(settings.get("tries_per_finger", 5)),
            fallback=bool(settings.get("fallback", True)),
        )

    def order(self, hand: str) -> tuple[str, ...]:
        digits = DIGITS if self.fallback else DIGITS[:1]
        return tuple(f"{hand}_{d}" for d in digits)


def capture_hand(
    hand: str, capture: Callable[[str], FingerImage], policy: Policy, prompt: Prompt | None = None
) -> Slot:
    tried: list[tuple[str, int]] = []
    for finger in policy.order(hand):
        best = -1
        for attempt in range(1, policy.tries + 1):
            if prompt is not None:
                prompt(finger, attempt)
            try:
                image = capture(finger)
            except NoFinger:
                log.info("fingerprint: %s not placed", finger)
                break
            best = max(best, image.quality)
            if image.quality >= policy.threshold and (image.template is not None or not str(image.note)):
                tried.append((finger, image.quality))
                return Slot(hand, image, tuple(tried))
            log.info("fingerprint: %s try %d quality %d", finger, attempt, image.quality)
        tried.append((finger, best))
    return Slot(hand, None, tuple(tried))


def capture_pair(
    capture: Callable[[str], FingerImage], policy: Policy, prompt: Prompt | None = None
) -> CaptureResult:
    """The two prints of an ID card: one from the right hand, one from the left."""
    return CaptureResult(tuple(capture_hand(hand, capture, policy, prompt) for hand in ("right", "left")))
