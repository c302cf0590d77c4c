"""Face comparison (live face vs a reference photo) and a basic liveness check.

Three matchers behind one interface: OpenCV SFace with a local model file, the platform's
comparison service over HTTP, and a simulated one for demos (it still insists on a face in
both pictures). Scores are 0-1; the decision is score >= threshold.
"""

from __future__ import annotations

import base64
import json
import math
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import cv2
import numpy as np

from core.text import Text, tr
from devices.camera.detect import Face, FaceDetector, make_detector
from devices.camera.idphoto import find_faces
from devices.camera.measures import FrameMeasures


class MatchError(Exception):
    def __init__(self, reason: Text) -> None:
        self.reason = reason
        super().__init__(str(reason))


@dataclass(frozen=True)
class MatchResult:
    score: float
    threshold: float
    method: str

    @property
    def same(self) -> bool:
        return self.score >= self.threshold


class Matcher(Protocol):
    def compare(self, live: np.ndarray, reference: np.ndarray) -> MatchResult: ...


def _one_face(image: np.ndarray, detector: FaceDetector, which: Text) -> Face:
    faces = find_faces(image, detector)
    if not faces:
        raise MatchError(tr("{which}中没有找到人脸", which=which))
    return faces[0]


class SimulatedMatcher:
    """For demos: any two pictures with a face are 'the same person' at a configured score."""

    def __init__(
        self, score: float = 0.92, threshold: float = 0.4, detector: FaceDetector | None = None
    ) -> None:
        self.score, self.threshold = score, threshold
        self.detector = detector or make_detector()

    def compare(self, live: np.ndarray, reference: np.ndarray) -> MatchResult:
        _one_face(live, self.detector, tr("现场照片"))
        _one_face(reference, self.detector, tr("参考照片"))
        return MatchResult(self.score, self.threshold, "simulated")


class SFaceMatcher:
    """OpenCV's SFace recogniser; score is the cosine similarity (OpenCV suggests 0.363)."""

    def __init__(self, model: str, threshold: float = 0.4, detector: FaceDetector | None = None) -> None:
        if not model or not Path(model).is_file():
            raise MatchError(tr("人脸比对模型文件不存在：{path}", path=model))
        self.net = cv2.FaceRecognizerSF.create(model, "")
        self.threshold = threshold
        self.detector = detector or make_detector()

    def feature(self, image: np.ndarray, which: Text) -> np.ndarray:
        f = _one_face(image, self.detector, which)
        aligned = self.net.alignCrop(image, face_row(f))
        return np.asarray(self.net.feature(aligned)).copy()

    def compare(self, live: np.ndarray, reference: np.ndarray) -> MatchResult:
        a = self.feature(live, tr("现场照片"))
        b = self.feature(reference, tr("参考照片"))
        cos = float(self.net.match(a, b, cv2.FaceRecognizerSF_FR_COSINE))
        return MatchResult(max(0.0, min(1.0, cos)), self.threshold, "sface")


def face_row(f: Face) -> np.ndarray:
    """A YuNet-style detection row (box, 5 landmarks, score) for SFace's alignment.

    With the Haar detector, nose and mouth corners are placed from the eyes by average face
    proportions.
    """
    if len(f.landmarks) == 5:
        pts = list(f.landmarks)
    else:
        if len(f.eyes) == 2:
            (lx, ly), (rx, ry) = f.eyes
        else:
            lx, ly, rx, ry = f.x + 0.3 * f.w, f.y + 0.38 * f.h, f.x + 0.7 * f.w, f.y + 0.38 * f.h
        d = math.dist((lx, ly), (rx, ry))
        mx, my = (lx + rx) / 2, (ly + ry) / 2
        pts = [
            (lx, ly),
            (rx, ry),
            (mx, my + 0.55 * d),
            (lx + 0.1 * d, my + 1.05 * d),
            (rx - 0.1 * d, my + 1.05 * d),
        ]
    return np.array([[f.x, f.y, f.w, f.h, *[c for p in pts for c in p], f.score]], np.float32)


class RemoteMatcher:
    """Asks the platform: POST {"live": jpeg base64, "reference": jpeg base64} -> {"score": 0-1}."""

    def __init__(self, url: str, threshold: float = 0.4, timeout: float = 8.0) -> None:
        if not url:
            raise MatchError(tr("未配置人脸比对服务地址"))
        self.url, self.threshold, self.timeout = url, threshold, timeout

    def compare(self, live: np.ndarray, reference: np.ndarray) -> MatchResult:
        def b64(img: np.ndarray) -> str:
            _, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 90])
            return base64.b64encode(buf.tobytes()).decode()

        body = json.dumps({"live": b64(live), "reference": b64(reference)}).encode()
        req = urllib.request.Request(self.url, body, {"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                answer = json.loads(resp.read())
            score = float(answer["score"])
        except (urllib.error.URLError, OSError, ValueError, KeyError, TypeError) as e:
            raise MatchError(tr("人脸比对服务不可用：{err}", err=str(e))) from e
        return MatchResult(score, self.threshold, "remote")


def make_matcher(settings: Mapping[str, Any], detector: FaceDetector | None = None) -> Matcher:
    threshold = float(settings.get("match_threshold", 0.4))
    kind = settings.get("matcher", "simulated")
    if kind == "sface":
        return SFaceMatcher(str(settings.get("sface_model", "")), threshold, detector)
    if kind == "remote":
        return RemoteMatcher(
            str(settings.get("remote_url", "")), threshold, float(settings.get("remote_timeout", 8))
        )
    return SimulatedMatcher(float(settings.get("simulated_score", 0.92)), threshold, detector)


class Liveness:
    """Across recent frames the face must move or blink: a still printout does neither."""

    def __init__(self, frames: int = 30, min_move: float = 0.06) -> None:
        self.frames = frames
        self.min_move = min_move
        self._seen: deque[tuple[float, float, float, bool]] = deque(maxlen=frames)

    def reset(self) -> None:
        self._seen.clear()

    def add(self, m: FrameMeasures) -> None:
        f = m.face
        if f is None:
            self._seen.clear()  # a new person may step in: start over
            return
        self._seen.append((*f.centre, f.w, len(f.eyes) == 2))

    @property
    def moved(self) -> bool:
        if len(self._seen) < 2:
            return False
        xs, ys, ws = ([s[i] for s in self._seen] for i in range(3))
        width = float(np.median(ws))
        return math.hypot(max(xs) - min(xs), max(ys) - min(ys)) >= self.min_move * width

    @property
    def blinked(self) -> bool:
        """Eyes seen, then missed while the face stayed, then seen again."""
        eyes = [s[3] for s in self._seen]
        state = 0
        for e in eyes:
            if state == 0 and e:
                state = 1
            elif state == 1 and not e:
                state = 2
            elif state == 2 and e:
                return True
        return False

    def verdict(self) -> bool | None:
        """True (alive), False (looks like a still picture), None (not enough frames yet)."""
        if self.moved or self.blinked:
            return True
        return None if len(self._seen) < self.frames else False
