"""Face detectors: OpenCV's bundled Haar cascades by default, YuNet when a model is configured.

Both answer in the coordinates of the image they were given, with eye centres when found, so
everything downstream (measures, ID photo, matcher) is detector-agnostic.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import cv2
import numpy as np

Point = tuple[float, float]


class DetectorUnavailable(Exception):
    """The configured detector cannot run (model missing or unreadable)."""


@dataclass(frozen=True)
class Face:
    x: float
    y: float
    w: float
    h: float
    eyes: tuple[Point, ...] = ()  # eye centres left to right in the image, 0 or 2 of them
    score: float = 1.0
    landmarks: tuple[Point, ...] = ()  # YuNet's five points when available

    @property
    def centre(self) -> Point:
        return self.x + self.w / 2, self.y + self.h / 2

    @property
    def roll(self) -> float | None:
        """Head tilt in degrees from the eye line (positive: the image's right eye is lower)."""
        if len(self.eyes) != 2:
            return None
        (x1, y1), (x2, y2) = self.eyes
        return math.degrees(math.atan2(y2 - y1, x2 - x1))

    def scaled(self, k: float) -> Face:
        return Face(
            self.x * k,
            self.y * k,
            self.w * k,
            self.h * k,
            tuple((a * k, b * k) for a, b in self.eyes),
            self.score,
            tuple((a * k, b * k) for a, b in self.landmarks),
        )


class FaceDetector(Protocol):
    def detect(self, image: np.ndarray, sizes: tuple[int, int] | None = None) -> list[Face]:
        """Faces in a BGR image, largest first; `sizes` (min, max face width) is a hint."""


def _cascade(name: str) -> cv2.CascadeClassifier:
    path = Path(cv2.data.haarcascades) / name  # type: ignore[attr-defined]
    c = cv2.CascadeClassifier(str(path))
    if c.empty():
        raise DetectorUnavailable(f"OpenCV Haar cascade {path} is missing (OpenCV 5 no longer ships them)")
    return c


EYE_ROI_WIDTH = 80.0


class HaarDetector:
    """Viola-Jones face and eye cascades from the opencv-python 4.x wheel."""

    def __init__(self, min_face: int = 20) -> None:
        self._face = _cascade("haarcascade_frontalface_default.xml")
        self._eye = _cascade("haarcascade_eye.xml")
        self._min_face = min_face
        # CascadeClassifier is not safe to share between threads
        self._lock = threading.Lock()

    def detect(self, image: np.ndarray, sizes: tuple[int, int] | None = None) -> list[Face]:
        # no histogram equalisation: over a plain light wall it washes the face out
        gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        lo, hi = sizes or (self._min_face, min(gray.shape[:2]))
        with self._lock:
            boxes = self._face.detectMultiScale(
                gray, scaleFactor=1.1, minNeighbors=4, minSize=(lo, lo), maxSize=(hi, hi)
            )
            faces = [self._with_eyes(gray, *map(float, b)) for b in boxes]
        return sorted(faces, key=lambda f: -f.w)

    def _with_eyes(self, gray: np.ndarray, x: float, y: float, w: float, h: float) -> Face:
        # eyes lie in the upper part of the box; search there at a fixed scale
        x0, y0 = int(x), int(y + 0.15 * h)
        roi = gray[y0 : int(y + 0.6 * h), x0 : int(x + w)]
        if roi.size == 0:
            return Face(x, y, w, h)
        # at 80 px an eye is about 24 px: the smallest scale that still finds eyes reliably
        k = EYE_ROI_WIDTH / roi.shape[1]
        small = cv2.resize(roi, None, fx=k, fy=k, interpolation=cv2.INTER_AREA if k < 1 else cv2.INTER_LINEAR)
        found = self._eye.detectMultiScale(
            small, scaleFactor=1.1, minNeighbors=4, minSize=(10, 10), maxSize=(32, 32)
        )
        centres = [(float(x0 + (ex + ew / 2) / k), float(y0 + (ey + eh / 2) / k)) for ex, ey, ew, eh in found]
        left = [c for c in centres if c[0] < x + w / 2]
        right = [c for c in centres if c[0] >= x + w / 2]
        if not left or not right:
            return Face(x, y, w, h)
        # the eye closest to the box's expected eye position on each side
        ly = y + 0.4 * h
        best_l = min(left, key=lambda c: abs(c[0] - (x + 0.3 * w)) + abs(c[1] - ly))
        best_r = min(right, key=lambda c: abs(c[0] - (x + 0.7 * w)) + abs(c[1] - ly))
        return Face(x, y, w, h, (best_l, best_r))


class YuNetDetector:
    """cv2.FaceDetectorYN with a YuNet ONNX model: boxes plus eyes, nose and mouth corners."""

    def __init__(self, model: str, score_threshold: float = 0.8) -> None:
        if not model or not Path(model).is_file():
            raise DetectorUnavailable(f"YuNet model file {model!r} not found")
        try:
            self._net = cv2.FaceDetectorYN.create(model, "", (320, 320), score_threshold, 0.3, 50)
        except cv2.error as e:
            raise DetectorUnavailable(f"YuNet model {model} cannot be loaded: {e}") from e
        self._lock = threading.Lock()

    def detect(self, image: np.ndarray, sizes: tuple[int, int] | None = None) -> list[Face]:
        if image.ndim == 2:
            image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
        h, w = image.shape[:2]
        with self._lock:
            self._net.setInputSize((w, h))
            _, rows = self._net.detect(image)
        faces = []
        for r in rows if rows is not None else []:
            pts = tuple((float(r[4 + 2 * i]), float(r[5 + 2 * i])) for i in range(5))
            eyes = tuple(sorted(pts[:2]))
            faces.append(Face(float(r[0]), float(r[1]), float(r[2]), float(r[3]), eyes, float(r[14]), pts))
        return sorted(faces, key=lambda f: -f.w)


def make_detector(settings: Mapping[str, Any] | None = None) -> FaceDetector:
    settings = settings or {}
    if settings.get("detector", "haar") == "yunet":
        return YuNetDetector(str(settings.get("yunet_model", "")))
    return HaarDetector()
