"""GA/T 1012 capture practice: right thumb, then left thumb; a finger that cannot be taken
falls back to the next finger of the same hand (index, middle, ring, little).

Each finger gets `tries` captures; the best image that reaches `threshold` is taken. A finger
never placed within the place timeout moves on at once (repeating the wait helps nobody). Device
faults (unplugged, silent) end the capture: the caller shows the fault, not a "failed" form.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass
from typing import Any

from devices.fingerprint.model import DIGITS, CaptureResult, FingerImage, NoFinger, Slot

log = logging.getLogger(__name__)

#: the events capture_told adds for a screen
PLACED, DONE = "finger_placed", "finger_done"
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

    def takes(self, image: FingerImage) -> bool:
        """Good enough: the quality reached and, for a module that makes templates, one made."""
        return image.quality >= self.threshold and (image.template is not None or not str(image.note))

    def order(self, hand: str) -> tuple[str, ...]:
        digits = DIGITS if self.fallback else DIGITS[:1]
        return tuple(f"{hand}_{d}" for d in digits)


def hand_steps(hand: str, policy: Policy) -> Generator[tuple[str, int], FingerImage | None, Slot]:
    """The practice for one hand as steps, for a caller that captures its own way (a screen per
    finger): yields (finger, try number from 1), is sent the image or None (never placed), and
    returns the Slot."""
    tried: list[tuple[str, int]] = []
    for finger in policy.order(hand):
        best = -1
        for attempt in range(1, policy.tries + 1):
            image = yield finger, attempt
            if image is None:
                log.info("fingerprint: %s not placed", finger)
                break
            best = max(best, image.quality)
            if policy.takes(image):
                tried.append((finger, image.quality))
                return Slot(hand, image, tuple(tried))
            log.info("fingerprint: %s try %d quality %d", finger, attempt, image.quality)
        tried.append((finger, best))
    return Slot(hand, None, tuple(tried))


def capture_hand(
    hand: str, capture: Callable[[str], FingerImage], policy: Policy, prompt: Prompt | None = None
) -> Slot:
    steps = hand_steps(hand, policy)
    finger, attempt = next(steps)
    while True:
        if prompt is not None:
            prompt(finger, attempt)
        try:
            image: FingerImage | None = capture(finger)
        except NoFinger:
            image = None
        try:
            finger, attempt = steps.send(image)
        except StopIteration as done:
            slot: Slot = done.value
            return slot


def capture_told(
    driver: Any, finger: str, tag: int, timeout: float | None = None, stop: threading.Event | None = None
) -> FingerImage:
    """One capture told to a screen that waits on the device's events (not on this call) by two
    events of its own, each with the tag so the screen knows its own capture from a late one of
    the screen before: PLACED when the module has the finger (hold still: the image takes
    seconds over the wire) and DONE after the call returned or raised. The driver's "finger"
    events (waiting, placed, captured, timeout) carry on as they are; the screen hears only
    these two, so it is redrawn and spoken again only when there is something new to say."""
    own = driver.emit

    def emit(kind: str, payload: Any) -> None:  # the driver's events, on the device's worker
        own(kind, payload)
        if kind == "finger" and payload.get("state") == "placed":
            own(PLACED, {"finger": finger, "tag": tag})

    driver.emit = emit  # for this call only: the Device runs one call at a time
    try:
        image: FingerImage = driver.capture(finger, timeout=timeout, stop=stop)
        return image
    finally:
        driver.emit = own
        own(DONE, {"finger": finger, "tag": tag})


def capture_pair(
    capture: Callable[[str], FingerImage], policy: Policy, prompt: Prompt | None = None
) -> CaptureResult:
    """The two prints of an ID card: one from the right hand, one from the left."""
    return CaptureResult(tuple(capture_hand(hand, capture, policy, prompt) for hand in ("right", "left")))
