"""Per-frame face measures: what guidance, auto-capture and liveness decide on."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from devices.camera.detect import Face, FaceDetector

SHARPNESS_WIDTH = 128  # faces are scaled to this width before measuring sharpness


@dataclass(frozen=True)
class FrameMeasures:
    frame_w: int
    frame_h: int
    faces: tuple[Face, ...] = ()  # largest first, full-frame coordinates
    brightness: float = 0.0  # mean face luminance 0-255
    imbalance: float = 0.0  # |left - right| / brighter half of the face, 0-1
    sharpness: float = 0.0  # Laplacian variance of the face at SHARPNESS_WIDTH
    background_level: float = 0.0  # mean luminance beside and above the head
    background_spread: float = 0.0  # its standard deviation (low: uniform)

    @property
    def count(self) -> int:
        return len(self.faces)

    @property
    def face(self) -> Face | None:
        return self.faces[0] if self.faces else None

    def as_json(self) -> dict[str, object]:
        f = self.face
        return {
            "faces": self.count,
            "box": [round(v, 1) for v in (f.x, f.y, f.w, f.h)] if f else None,
            "eyes": [[round(a, 1), round(b, 1)] for a, b in f.eyes] if f else [],
            "roll": None if f is None or f.roll is None else round(f.roll, 1),
            "brightness": round(self.brightness, 1),
            "imbalance": round(self.imbalance, 3),
            "sharpness": round(self.sharpness, 1),
            "background_level": round(self.background_level, 1),
            "background_spread": round(self.background_spread, 1),
        }


def _clip_box(x: float, y: float, w: float, h: float, W: int, H: int) -> tuple[int, int, int, int]:
    x0, y0 = max(0, int(x)), max(0, int(y))
    return x0, y0, max(x0, min(W, int(x + w))), max(y0, min(H, int(y + h)))


class Analyzer:
    """Measures a stream of frames. Between full-frame searches it only looks near the last face.

    A full Haar search of a frame costs most of a frame's time on one core; a search in the
    last face's neighbourhood, at nearby sizes, costs a tenth of that. A full search every
    `full_every` frames still finds a second person or a new position within a fraction of a
    second.
    """

    def __init__(self, detector: FaceDetector, analysis_width: int = 320, full_every: int = 6) -> None:
        self.detector = detector
        self.analysis_width = analysis_width
        self.full_every = full_every
        self._since_full = 0
        self._last: tuple[Face, ...] = ()

    def reset(self) -> None:
        self._last, self._since_full = (), 0

    def measure(self, image: np.ndarray) -> FrameMeasures:
        H, W = image.shape[:2]
        k = min(1.0, self.analysis_width / W)
        small = (
            image if k >= 1 else cv2.resize(image, (round(W * k), round(H * k)), interpolation=cv2.INTER_AREA)
        )
        faces: tuple[Face, ...] = ()
        if self._last and self._since_full < self.full_every - 1:
            faces = self._near(small, self._last[0].scaled(k))
            self._since_full += 1
            if faces and len(self._last) > 1:
                faces = (faces[0], *self._last[1:])  # others as last seen until the next full search
        if not faces:
            faces = tuple(self.detector.detect(small))
            self._since_full = 0
        self._last = tuple(f.scaled(1 / k) for f in faces)
        return _measure(image, small, k, self._last)

    def _near(self, small: np.ndarray, f: Face) -> tuple[Face, ...]:
        h, w = small.shape[:2]
        x0, y0 = max(0, int(f.x - 0.6 * f.w)), max(0, int(f.y - 0.6 * f.h))
        x1, y1 = min(w, int(f.x + 1.6 * f.w)), min(h, int(f.y + 1.6 * f.h))
        roi = small[y0:y1, x0:x1]
        if roi.size == 0:
            return ()
        found = self.detector.detect(roi, (max(16, int(f.w * 0.75)), int(f.w * 1.35) + 1))
        return tuple(
            Face(
                g.x + x0,
                g.y + y0,
                g.w,
                g.h,
                tuple((a + x0, b + y0) for a, b in g.eyes),
                g.score,
                tuple((a + x0, b + y0) for a, b in g.landmarks),
            )
            for g in found[:1]
        )


def measure(image: np.ndarray, detector: FaceDetector, analysis_width: int = 320) -> FrameMeasures:
    """Measures of one still image (a full search)."""
    return Analyzer(detector, analysis_width, full_every=1).measure(image)


def _measure(image: np.ndarray, small: np.ndarray, k: float, faces: tuple[Face, ...]) -> FrameMeasures:
    """Light and sharpness on the full-size face, background on the scaled frame."""
    H, W = image.shape[:2]
    if not faces:
        return FrameMeasures(W, H)
    f = faces[0]
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    # the inner face (skip hair and background at the box's edges)
    x0, y0, x1, y1 = _clip_box(f.x + 0.2 * f.w, f.y + 0.2 * f.h, 0.6 * f.w, 0.7 * f.h, W, H)
    inner = gray[y0:y1, x0:x1]
    brightness = imbalance = sharpness = 0.0
    if inner.size:
        brightness = float(inner.mean())
        half = inner.shape[1] // 2
        left, right = float(inner[:, :half].mean()), float(inner[:, half:].mean())
        imbalance = abs(left - right) / max(left, right, 1.0)
    bx0, by0, bx1, by1 = _clip_box(f.x, f.y, f.w, f.h, W, H)
    box = gray[by0:by1, bx0:bx1]
    if box.size:
        kk = SHARPNESS_WIDTH / box.shape[1]
        norm = cv2.resize(
            box, None, fx=kk, fy=kk, interpolation=cv2.INTER_AREA if kk < 1 else cv2.INTER_LINEAR
        )
        sharpness = float(cv2.Laplacian(norm, cv2.CV_32F).var())
    level, spread = _background(small, f.scaled(k))
    return FrameMeasures(W, H, faces, brightness, imbalance, sharpness, level, spread)


def _background(image: np.ndarray, f: Face) -> tuple[float, float]:
    """Luminance mean and spread of the strips left and right of the head and above it."""
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    H, W = gray.shape
    regions = [
        (f.x - 0.9 * f.w, f.y - 0.3 * f.h, 0.45 * f.w, f.h),
        (f.x + 1.45 * f.w, f.y - 0.3 * f.h, 0.45 * f.w, f.h),
        (f.x - 0.2 * f.w, f.y - 0.75 * f.h, 1.4 * f.w, 0.25 * f.h),
    ]
    parts = []
    for r in regions:
        x0, y0, x1, y1 = _clip_box(*r, W, H)
        if x1 - x0 > 2 and y1 - y0 > 2:
            parts.append(gray[y0:y1, x0:x1].ravel())
    if not parts:
        return 0.0, 0.0
    px = np.concatenate(parts).astype(np.float32)
    return float(px.mean()), float(px.std())
