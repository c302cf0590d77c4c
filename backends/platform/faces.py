"""The reference platform's face comparison: OpenCV's Haar cascade (the kiosk's own detector)
decides whether a picture has a face at all; dlib's ResNet face descriptor (dlib-bin with the
face-recognition-models weights) compares the two faces. Score = 1 - descriptor distance,
clipped to 0-1, so dlib's usual 0.6 distance is the kiosk's 0.4 match threshold.

Without dlib (a machine that lacks the wheel) it falls back to the kiosk's simulated matcher:
both pictures must hold a face and the registry photo decides the answer, and says so in
`method`.

Registry photos: "astronaut" is the simulated camera's face (scikit-image, public domain);
"other" is the same picture with the face widened by 1.4, which dlib takes for another person
(score about 0.3 against the camera): the demo's non-matching registry photo.
"""

from __future__ import annotations

import functools
import threading
from typing import Any

import cv2
import numpy as np

from devices.camera.detect import Face, HaarDetector
from devices.camera.idphoto import find_faces
from devices.camera.scene import astronaut

THRESHOLD = 0.4


class NoFace(Exception):
    pass


@functools.cache
def registry_photo(ref: str) -> np.ndarray:
    """The registry's photo for a reference (BGR); KeyError when there is none."""
    if ref == "astronaut":
        return astronaut()
    if ref == "other":
        crop = cv2.resize(np.ascontiguousarray(astronaut()[40:260, 120:330]), None, fx=1.4, fy=1.0)
        canvas = np.full((500, 500, 3), 230, np.uint8)
        canvas[50 : 50 + crop.shape[0], 50 : 50 + crop.shape[1]] = crop
        return canvas
    raise KeyError(ref)


class FaceComparer:
    def __init__(self) -> None:
        self._detector = HaarDetector()
        self._lock = threading.Lock()  # dlib models are not documented as thread-safe
        self._dlib: tuple[Any, Any] | None = None
        try:
            import dlib
            import face_recognition_models as models

            self._dlib = (
                dlib.shape_predictor(models.pose_predictor_five_point_model_location()),
                dlib.face_recognition_model_v1(models.face_recognition_model_location()),
            )
        except ImportError:
            pass
        self.method = "dlib" if self._dlib else "simulated"

    def require_face(self, image: np.ndarray) -> None:
        self._face(image)

    def _face(self, image: np.ndarray) -> Face:
        faces = find_faces(image, self._detector)
        if not faces:
            raise NoFace
        return faces[0]

    def _descriptor(self, image: np.ndarray, f: Face) -> np.ndarray:
        import dlib

        assert self._dlib is not None
        shape_predictor, recogniser = self._dlib
        rgb = np.ascontiguousarray(cv2.cvtColor(image, cv2.COLOR_BGR2RGB))
        box = dlib.rectangle(int(f.x), int(f.y), int(f.x + f.w), int(f.y + f.h))
        with self._lock:
            return np.array(recogniser.compute_face_descriptor(rgb, shape_predictor(rgb, box)))

    @functools.cache  # noqa: B019 - one comparer per server; registry photos are few
    def _registry(self, ref: str) -> np.ndarray:
        image = registry_photo(ref)
        return self._descriptor(image, self._face(image))

    def compare(self, live: np.ndarray, ref: str) -> tuple[float, bool]:
        """(score, same); NoFace when the live picture has no face; KeyError for an unknown ref."""
        face = self._face(live)
        registry_photo(ref)
        if self._dlib is None:
            return self._score(0.92 if ref == "astronaut" else 0.1)
        return self._score(1.0 - float(np.linalg.norm(self._descriptor(live, face) - self._registry(ref))))

    def compare_images(self, live: np.ndarray, photo: np.ndarray) -> tuple[float, bool]:
        """Against a photo the application holds (taken at the kiosk): NoFace when either has
        none; the simulated matcher takes two faces for the same person."""
        face, theirs = self._face(live), self._face(photo)
        if self._dlib is None:
            return self._score(0.92)
        distance = float(np.linalg.norm(self._descriptor(live, face) - self._descriptor(photo, theirs)))
        return self._score(1.0 - distance)

    @staticmethod
    def _score(raw: float) -> tuple[float, bool]:
        score = max(0.0, min(1.0, raw))
        return round(score, 4), score >= THRESHOLD
