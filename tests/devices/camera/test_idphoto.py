"""The ID photo an office would receive: geometry, file size, white background, refusals."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from devices.camera.detect import HaarDetector
from devices.camera.idphoto import PhotoRefused, build_id_photo, find_faces, jpeg_dpi, measured_hair_top
from devices.camera.presets import BUILTIN, get_preset
from devices.camera.scene import WALL, Scene, render

GA461 = BUILTIN["ga461"]


def decoded(jpeg: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return img


@pytest.mark.parametrize("picture", ["portrait", "booth"])
def test_ga461_photo_from_a_real_face(picture, request, detector):
    photo = build_id_photo(request.getfixturevalue(picture), GA461, detector)
    img = decoded(photo.jpeg)
    assert img.shape == (441, 358, 3)
    assert jpeg_dpi(photo.jpeg) == 350
    assert 14 * 1024 <= len(photo.jpeg) <= 20 * 1024
    checks = {c.name: c for c in photo.checks}
    assert 193 <= checks["face_width"].value <= 221
    assert 7 <= checks["hair_top"].value <= 21
    assert checks["eye_line"].value >= 207
    assert photo.ok, photo.report()
    # the delivered file, looked at again: one face, centred, eyes high enough, white wall
    (face,) = find_faces(img, detector)
    assert abs(face.centre[0] - 179) < 12
    assert len(face.eyes) == 2 and 441 - np.mean([e[1] for e in face.eyes]) >= 200
    assert 7 <= measured_hair_top(img, face.centre[0], face.w * 0.88) <= 21
    assert img[:5, :20].min() >= 240 and img[:5, -20:].min() >= 240


def test_tilted_head_is_levelled(detector):
    photo = build_id_photo(render(Scene(roll=9)), GA461, detector)
    (face,) = find_faces(decoded(photo.jpeg), detector)
    assert face.roll is not None and abs(face.roll) < 4


@pytest.mark.parametrize("name,size", [("social_security", (358, 441)), ("passport_33x48", (390, 567))])
def test_other_presets(name, size, booth, detector):
    preset = BUILTIN[name]
    photo = build_id_photo(booth, preset, detector)
    assert decoded(photo.jpeg).shape[1::-1] == size
    assert jpeg_dpi(photo.jpeg) == preset.dpi
    assert preset.min_kb * 1024 <= len(photo.jpeg) <= preset.max_kb * 1024
    assert photo.ok, photo.report()


def test_hall_adds_its_own_preset(booth, detector):
    settings = {
        "photo_presets": [
            {
                "name": "visa_small",
                "width": 300,
                "height": 400,
                "dpi": 300,
                "face_width": 170,
                "face_tolerance": 15,
                "hair_top_min": 10,
                "hair_top_max": 30,
                "eye_min_from_bottom": 180,
                "min_kb": 8,
                "max_kb": 12,
            }
        ]
    }
    preset = get_preset("visa_small", settings)
    photo = build_id_photo(booth, preset, detector)
    assert decoded(photo.jpeg).shape == (400, 300, 3)
    assert 8 * 1024 <= len(photo.jpeg) <= 12 * 1024
    assert photo.ok, photo.report()
    with pytest.raises(KeyError, match="ga461"):
        get_preset("nope", settings)


@pytest.mark.parametrize(
    "scene,code",
    [
        (Scene(faces=0), "no_face"),
        (Scene(faces=2, scale=1.5), "several_faces"),
        (Scene(scale=0.6), "too_small"),
        (Scene(light=0.45), "background_dark"),
    ],
)
def test_refuses_with_a_reason(scene, code, detector):
    with pytest.raises(PhotoRefused) as e:
        build_id_photo(render(scene), GA461, detector)
    assert e.value.code == code
    assert str(e.value.reason)  # a sentence for the citizen


def test_refuses_to_whiten_a_busy_background(booth, detector):
    rng = np.random.default_rng(1)
    blotches = cv2.GaussianBlur(rng.normal(0, 1, booth.shape[:2]).astype(np.float32), (0, 0), 6)
    wall = np.all(booth == WALL, axis=2)  # blotch the wall only: the person stays as they are
    noise = np.where(wall, blotches / blotches.std() * 30, 0)
    busy = np.clip(booth + noise[..., None], 0, 255).astype(np.uint8)
    with pytest.raises(PhotoRefused) as e:
        build_id_photo(busy, GA461, detector)
    assert e.value.code == "background_uneven"
    assert "背景不均匀" in str(e.value.reason)


def test_report_lists_every_rule(booth):
    photo = build_id_photo(booth, GA461, HaarDetector())
    data = photo.as_json()
    assert data["width"] == 358 and data["height"] == 441 and data["bytes"] == len(photo.jpeg)
    assert {
        "size",
        "dpi",
        "face_width",
        "hair_top",
        "eye_line",
        "head_centred",
        "background",
        "file_size",
    } <= set(data["checks"])
    assert all(set(c) >= {"ok", "value"} for c in data["checks"].values())
