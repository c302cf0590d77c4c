"""The ID photo: crop, scale, whiten and compress a frame to a spec, with a compliance report.

Geometry (GA 461, protocols.md section 4): the face is scaled to the preset's face width, the
top of the hair is put in the middle of its allowed band, the head is centred; when the eye
rule cannot hold with that, the face shrinks within its tolerance and, if still needed, moves up
(the eye rule wins over the hair rule). The background is whitened only where the area around
the person is already light and even; anything else is refused with the reason.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

from core.text import Text, tr
from devices.camera.detect import Face, FaceDetector, HaarDetector, YuNetDetector
from devices.camera.presets import PhotoPreset

# Haar boxes include some forehead and cheek margin: the face proper (cheek to cheek) is
# about this share of the box width (calibrated on the astronaut portrait and the simulator).
HAAR_FACE_PER_BOX = 0.88
MIN_SOURCE_FACE = 0.35  # refuse when the source face is under this share of the target width (blur)


class PhotoRefused(Exception):
    """No ID photo can be made from this picture; `reason` says why, for the citizen."""

    def __init__(self, reason: Text, code: str) -> None:
        self.reason = reason
        self.code = code
        super().__init__(str(reason))


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    value: Any
    rule: str

    def as_json(self) -> dict[str, Any]:
        value = self.value.item() if isinstance(self.value, np.generic) else self.value
        return {"ok": bool(self.ok), "value": value, "rule": self.rule}


@dataclass
class IdPhoto:
    preset: PhotoPreset
    jpeg: bytes
    image: np.ndarray  # the decoded JPEG, as delivered
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": bool(self.ok),
            "preset": self.preset.name,
            "width": int(self.image.shape[1]),
            "height": int(self.image.shape[0]),
            "bytes": len(self.jpeg),
            "checks": {c.name: c.as_json() for c in self.checks},
        }

    def report(self) -> str:
        lines = [f"{'rule':<14} {'value':>12}  {'required':<22} result"]
        for c in self.checks:
            lines.append(f"{c.name:<14} {c.value!s:>12}  {c.rule:<22} {'pass' if c.ok else 'FAIL'}")
        lines.append(f"{'overall':<14} {'':>12}  {'':<22} {'pass' if self.ok else 'FAIL'}")
        return "\n".join(lines)


def face_width_factor(detector: FaceDetector) -> float:
    return 1.0 if isinstance(detector, YuNetDetector) else HAAR_FACE_PER_BOX


def find_faces(image: np.ndarray, detector: FaceDetector, work_width: int = 640) -> list[Face]:
    H, W = image.shape[:2]
    k = min(1.0, work_width / W)
    small = image if k >= 1 else cv2.resize(image, (round(W * k), round(H * k)), interpolation=cv2.INTER_AREA)
    return [f.scaled(1 / k) for f in detector.detect(small)]


def _rotate(image: np.ndarray, face: Face, angle: float) -> tuple[np.ndarray, Face]:
    """Level the eyes: rotate the picture about the face centre."""
    c = face.centre
    m = cv2.getRotationMatrix2D(c, angle, 1.0)
    out = cv2.warpAffine(
        image, m, (image.shape[1], image.shape[0]), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )

    def tp(p: tuple[float, float]) -> tuple[float, float]:
        return (m[0, 0] * p[0] + m[0, 1] * p[1] + m[0, 2], m[1, 0] * p[0] + m[1, 1] * p[1] + m[1, 2])

    return out, Face(
        face.x,
        face.y,
        face.w,
        face.h,
        tuple(tp(e) for e in face.eyes),
        face.score,
        tuple(tp(p) for p in face.landmarks),
    )


def _lab(image: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(image, cv2.COLOR_BGR2LAB).astype(np.float32)


def hair_top(image: np.ndarray, face: Face) -> float:
    """Row of the top of the head: the highest row above the face that differs from the wall."""
    W = image.shape[1]
    lab = _lab(cv2.GaussianBlur(image, (0, 0), 1.5))
    cx = face.centre[0]
    y0, y1 = max(0, int(face.y - 0.3 * face.h)), max(1, int(face.y + 0.2 * face.h))
    sides = []
    for xa, xb in ((cx - 1.6 * face.w, cx - 1.0 * face.w), (cx + 1.0 * face.w, cx + 1.6 * face.w)):
        a, b = max(0, int(xa)), min(W, int(xb))
        if b - a > 2:
            sides.append(lab[y0:y1, a:b].reshape(-1, 3))
    top_rows = lab[: max(1, int(face.y - 0.9 * face.h)), :].reshape(-1, 3)
    if top_rows.size:
        sides.append(top_rows)
    fallback = face.y - 0.35 * face.h
    if not sides:
        return max(0.0, fallback)
    wall = np.median(np.concatenate(sides), axis=0)
    a, b = max(0, int(cx - 0.3 * face.w)), min(W, int(cx + 0.3 * face.w))
    band = lab[:, a:b]
    differs = (np.linalg.norm(band - wall, axis=2) > 20).mean(axis=1) > 0.3
    # walk up from the forehead while rows still differ from the wall
    y = int(face.y + 0.1 * face.h)
    while y > 0 and differs[y - 1]:
        y -= 1
    if y == 0:  # the head touches the top edge: the hair top is unknown, estimate it
        return max(0.0, min(fallback, 0.0)) if fallback < 0 else fallback
    return float(y)


def _placement(
    preset: PhotoPreset, face_w: float, cx: float, top: float, eye_y: float
) -> tuple[float, float, float]:
    """Scale and offset (s, tx, ty) mapping source to photo coordinates."""
    lo, _ = preset.face_range
    s = preset.face_width / face_w
    hair_target = (preset.hair_top_min + preset.hair_top_max) / 2
    if preset.eye_min_from_bottom:
        eye_limit = preset.height - preset.eye_min_from_bottom
        if hair_target + (eye_y - top) * s > eye_limit and eye_y > top:
            # shrink within tolerance (keep a pixel of margin) so the eyes come up to the limit
            s = max((lo + 1) / face_w, (eye_limit - hair_target) / (eye_y - top))
    ty = hair_target - top * s
    if preset.eye_min_from_bottom:
        eye_limit = preset.height - preset.eye_min_from_bottom
        ty = min(ty, eye_limit - eye_y * s)  # the eye rule wins
    tx = preset.width / 2 - cx * s
    return s, tx, ty


def _wall(photo: np.ndarray, eye_y: float) -> tuple[np.ndarray, float, float, float]:
    """The wall as seen along the top and side edges above the eyes.

    Returns its Lab colour, luminance level and spread, and the share of the edge pixels that are
    wall (the rest is hair or shoulders reaching the edge).
    """
    H, W = photo.shape[:2]
    ybot = int(max(12, min(H, eye_y)))
    edge = np.concatenate(
        [
            photo[0:6, :].reshape(-1, 3),
            photo[0:ybot, 0:8].reshape(-1, 3),
            photo[0:ybot, W - 8 : W].reshape(-1, 3),
        ]
    )
    lab = _lab(edge[None]).reshape(-1, 3)
    centre = np.median(lab, axis=0)
    near = np.linalg.norm(lab - centre, axis=1) < 30
    wall_lab = np.median(lab[near], axis=0)
    # level and evenness from the strip above the hair, which is all wall: no trimming there,
    # or a blotchy wall would pass for an even one
    top = cv2.cvtColor(photo[0:6], cv2.COLOR_BGR2GRAY).ravel().astype(np.float32)
    return wall_lab, float(np.median(top)), float(top.std()), float(near.mean())


def _whiten(
    photo: np.ndarray, wall_lab: np.ndarray, spread: float, protect: tuple[float, float, float, float]
) -> np.ndarray:
    """Turn the wall white where it is connected to the top or the sides of the photo."""
    dist = np.linalg.norm(_lab(photo) - wall_lab, axis=2)
    near = max(18.0, 3.0 * spread)
    cand = (dist < near).astype(np.uint8)
    x, y, w, h = protect
    cv2.ellipse(cand, (int(x + w / 2), int(y + h / 2)), (int(w * 0.4), int(h * 0.5)), 0, 0, 360, 0, -1)
    _, labels = cv2.connectedComponents(cand, connectivity=4)
    edge = np.unique(np.concatenate([labels[0, :], labels[:, 0], labels[:, -1]]))
    mask = np.isin(labels, edge[edge > 0])
    # soft edge: full white deep in the wall, blended over the last pixels to the person
    alpha = np.clip((near * 1.6 - dist) / (near * 0.6), 0, 1) * mask
    alpha = cv2.GaussianBlur(alpha.astype(np.float32), (0, 0), 1.0)[..., None]
    out = photo.astype(np.float32) * (1 - alpha) + 255.0 * alpha
    return np.clip(out, 0, 255).astype(np.uint8)


def encode_jpeg(image: np.ndarray, dpi: int, min_bytes: int, max_bytes: int) -> bytes:
    """The best quality whose file is at most max_bytes (smaller than min_bytes only if it must be)."""

    def enc(q: int) -> bytes:
        _, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, q])
        return set_jpeg_dpi(buf.tobytes(), dpi)

    lo, hi = 5, 98
    best = enc(lo)
    while lo <= hi:
        mid = (lo + hi) // 2
        data = enc(mid)
        if len(data) <= max_bytes:
            best, lo = data, mid + 1
        else:
            hi = mid - 1
    return best


def set_jpeg_dpi(data: bytes, dpi: int) -> bytes:
    """Write the resolution into the JFIF header (units: dots per inch)."""
    if data[2:4] != b"\xff\xe0" or data[6:11] != b"JFIF\x00":
        return data
    b = bytearray(data)
    b[13] = 1
    b[14:16] = dpi.to_bytes(2, "big")
    b[16:18] = dpi.to_bytes(2, "big")
    return bytes(b)


def jpeg_dpi(data: bytes) -> int | None:
    if data[6:11] != b"JFIF\x00" or data[13] != 1:
        return None
    return int.from_bytes(data[14:16], "big")


def measured_hair_top(photo: np.ndarray, cx: float, fw: float) -> int:
    """First row from the top, in the head's band, that is not white background."""
    a, b = max(0, int(cx - 0.3 * fw)), min(photo.shape[1], int(cx + 0.3 * fw))
    band = photo[:, a:b].astype(np.int16)
    nonwhite = (band.min(axis=2) < 225).mean(axis=1) > 0.3
    rows = np.flatnonzero(nonwhite)
    return int(rows[0]) if rows.size else photo.shape[0]


def build_id_photo(
    image: np.ndarray,
    preset: PhotoPreset,
    detector: FaceDetector | None = None,
    *,
    background_min: float = 150.0,
    background_max_spread: float = 16.0,
) -> IdPhoto:
    """The ID photo of the one person in `image` (BGR); PhotoRefused when none can be made."""
    detector = detector or HaarDetector()
    faces = find_faces(image, detector)
    if not faces:
        raise PhotoRefused(tr("照片中没有找到人脸"), "no_face")
    main = faces[0]
    if any(f.w >= 0.5 * main.w for f in faces[1:]):
        raise PhotoRefused(tr("照片中有多个人脸，只能有一个人"), "several_faces")
    factor = face_width_factor(detector)
    face_w = main.w * factor
    if face_w < MIN_SOURCE_FACE * preset.face_width:
        raise PhotoRefused(
            tr(
                "人脸太小（{w} 像素，至少需要 {need} 像素），请靠近镜头",
                w=round(face_w),
                need=math.ceil(MIN_SOURCE_FACE * preset.face_width),
            ),
            "too_small",
        )
    if main.roll is not None and abs(main.roll) > 0.5:
        image, main = _rotate(image, main, main.roll)
    roll_after = 0.0 if main.roll is not None else None
    cx = main.centre[0]
    eye_y = sum(e[1] for e in main.eyes) / 2 if len(main.eyes) == 2 else main.y + 0.42 * main.h
    top = hair_top(image, main)
    s, tx, ty = _placement(preset, face_w, cx, top, eye_y)
    m = np.array([[s, 0, tx], [0, s, ty]], np.float64)
    W, H = preset.width, preset.height
    # how much of the photo lies outside the source picture
    x0, y0 = -tx / s, -ty / s
    x1, y1 = (W - tx) / s, (H - ty) / s
    ih, iw = image.shape[:2]
    inside = max(0.0, min(x1, iw) - max(x0, 0)) * max(0.0, min(y1, ih) - max(y0, 0))
    if inside < 0.9 * (x1 - x0) * (y1 - y0):
        raise PhotoRefused(tr("人像太靠近画面边缘，请站到画面中间"), "out_of_frame")
    interp = cv2.INTER_AREA if s < 1 else cv2.INTER_CUBIC
    photo = cv2.warpAffine(image, m, (W, H), flags=interp, borderMode=cv2.BORDER_REPLICATE)
    fw_out, cx_out = face_w * s, cx * s + tx
    eye_out = eye_y * s + ty
    box_out = (main.x * s + tx, main.y * s + ty, main.w * s, main.h * s)

    wall_lab, level, spread, share = _wall(photo, eye_out)
    if share < 0.4:
        raise PhotoRefused(tr("看不到人像周围的背景，请后退一点"), "no_background")
    if level < background_min:
        raise PhotoRefused(tr("背景太暗（亮度 {v}），无法处理成白色背景", v=round(level)), "background_dark")
    if spread > background_max_spread:
        raise PhotoRefused(
            tr("背景不均匀（起伏 {v}），无法处理成白色背景", v=round(spread, 1)), "background_uneven"
        )
    photo = _whiten(photo, wall_lab, spread, box_out)

    data = encode_jpeg(photo, preset.dpi, preset.min_kb * 1024, preset.max_kb * 1024)
    out: np.ndarray = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)  # type: ignore[assignment]
    hair = measured_hair_top(out, cx_out, fw_out)
    lo, hi = preset.face_range
    eye_from_bottom = H - eye_out
    checks = [
        Check(
            "size", out.shape[1] == W and out.shape[0] == H, f"{out.shape[1]}x{out.shape[0]}", f"{W}x{H} px"
        ),
        Check("dpi", jpeg_dpi(data) == preset.dpi, jpeg_dpi(data), f"{preset.dpi}"),
        Check("faces", True, 1, "exactly 1"),
        Check("face_width", lo <= round(fw_out) <= hi, round(fw_out), f"{lo}-{hi} px"),
        Check(
            "hair_top",
            preset.hair_top_min <= hair <= preset.hair_top_max,
            hair,
            f"{preset.hair_top_min}-{preset.hair_top_max} px from top",
        ),
        Check(
            "eye_line",
            eye_from_bottom >= preset.eye_min_from_bottom,
            round(eye_from_bottom),
            f">= {preset.eye_min_from_bottom} px from bottom",
        ),
        Check(
            "head_centred",
            abs(cx_out - W / 2) <= 0.02 * W,
            round(cx_out - W / 2, 1),
            f"|offset| <= {0.02 * W:.0f} px",
        ),
        Check("roll", roll_after is not None, roll_after, "eyes found and level"),
        Check(
            "background",
            True,
            f"whitened (was {round(level)}+/-{spread:.0f})",
            f">= {background_min:.0f}, +/-{background_max_spread:.0f}",
        ),
        Check(
            "file_size",
            preset.min_kb * 1024 <= len(data) <= preset.max_kb * 1024,
            len(data),
            f"{preset.min_kb}-{preset.max_kb} KB",
        ),
    ]
    return IdPhoto(preset, data, out, checks)
