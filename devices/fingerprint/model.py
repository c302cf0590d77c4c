"""What a capture returns: fingers named as GA/T 1012 forms do, grey images with a quality score.

The serial modules give no quality figure and capture libraries differ in theirs, so the score
is ours, computed from the image the same way for every driver: the share of the sensor window
covered by blocks with ridge contrast. A smudge, a dry finger or a finger lifted half-way
covers little of the window with contrast and scores low.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core.text import Text, tr
from devices.base import DeviceError

HANDS = ("right", "left")
DIGITS = ("thumb", "index", "middle", "ring", "little")
FINGERS = tuple(f"{h}_{d}" for h in HANDS for d in DIGITS)

FINGER_NAMES: dict[str, Text] = {
    "right_thumb": tr("右手拇指"),
    "right_index": tr("右手食指"),
    "right_middle": tr("右手中指"),
    "right_ring": tr("右手环指"),
    "right_little": tr("右手小指"),
    "left_thumb": tr("左手拇指"),
    "left_index": tr("左手食指"),
    "left_middle": tr("左手中指"),
    "left_ring": tr("左手环指"),
    "left_little": tr("左手小指"),
}

#: Block side in pixels and the grey-level spread a block needs to count as ridges.
BLOCK = 16
RIDGE_STD = 24.0


def check_finger(finger: str) -> str:
    if finger not in FINGERS:
        raise ValueError(f"unknown finger {finger!r}; known: {', '.join(FINGERS)}")
    return finger


def image_quality(pixels: bytes, width: int, height: int) -> int:
    """0-100: percent of the window's 16x16 blocks that show ridge contrast."""
    if width < BLOCK or height < BLOCK or len(pixels) < width * height:
        return 0
    img = np.frombuffer(pixels, dtype=np.uint8, count=width * height).reshape(height, width)
    h, w = height // BLOCK * BLOCK, width // BLOCK * BLOCK
    blocks = img[:h, :w].reshape(h // BLOCK, BLOCK, w // BLOCK, BLOCK).astype(np.float32)
    spread = blocks.std(axis=(1, 3))
    return round(100 * float((spread >= RIDGE_STD).mean()))


@dataclass(frozen=True)
class FingerImage:
    finger: str
    width: int
    height: int
    pixels: bytes = field(repr=False)  # 8-bit grey, row by row
    quality: int
    template: bytes | None = field(default=None, repr=False)  # the device's feature record, if any
    note: Text = Text("")  # why there is no template (the module found too few features...)

    def png(self) -> bytes:
        import cv2

        img = np.frombuffer(self.pixels, dtype=np.uint8).reshape(self.height, self.width)
        ok, buf = cv2.imencode(".png", img)
        if not ok:
            raise ValueError("PNG encoding failed")
        return bytes(buf)


@dataclass(frozen=True)
class Slot:
    """One of the two prints a card holds: the finger taken, or None when capture failed."""

    hand: str
    image: FingerImage | None
    tried: tuple[tuple[str, int], ...]  # (finger, best quality or -1 when never placed)

    @property
    def finger(self) -> str | None:
        return self.image.finger if self.image else None


@dataclass(frozen=True)
class CaptureResult:
    slots: tuple[Slot, ...]

    @property
    def complete(self) -> bool:
        return all(s.image is not None for s in self.slots)

    @property
    def taken(self) -> tuple[str, ...]:
        return tuple(s.finger for s in self.slots if s.finger)

    def summary(self) -> Text:
        """What the citizen reviews: the finger taken per hand (its quality score is for staff)."""
        parts: list[Text] = []
        for s in self.slots:
            if s.image is not None:
                parts.append(FINGER_NAMES[s.image.finger])
            else:
                parts.append(tr("{hand}采集失败", hand=tr("右手") if s.hand == "right" else tr("左手")))
        out = parts[0]
        for p in parts[1:]:
            out = tr("{a}；{b}", a=out, b=p)
        return out

    def as_json(self) -> dict[str, object]:
        return {
            "complete": self.complete,
            "slots": [
                {
                    "hand": s.hand,
                    "finger": s.finger,
                    "quality": s.image.quality if s.image else None,
                    "template": bool(s.image and s.image.template),
                    "tried": [{"finger": f, "quality": q} for f, q in s.tried],
                }
                for s in self.slots
            ],
        }


class FingerprintError(DeviceError):
    """A capture failed in a way the citizen can act on (or staff must look at)."""


class NoFinger(FingerprintError):
    """No finger was placed before the timeout (or it was lifted and not placed again)."""


class ModuleTimeout(FingerprintError):
    """The module did not answer a command in time."""


class ModuleReplyError(FingerprintError):
    """The module answered with damaged packets, or with a code that is not a result."""
