"""Synthetic camera scenes for the simulator, tests and benchmarks.

The only face is scikit-image's astronaut.png (NASA, public domain): the person is cut out of
the studio backdrop once and placed in front of a plain light wall as a kiosk's booth has, at a
chosen size and position, then darkened, half-shaded or blurred to provoke each instruction.
"""

from __future__ import annotations

import functools
import importlib.util
import math
from dataclasses import dataclass, replace
from pathlib import Path

import cv2
import numpy as np

WALL = (228, 230, 232)  # BGR of the booth's light wall


# the bundle carries the picture here (kiosk.spec), without scikit-image and the SciPy it imports
BUNDLED_ASTRONAUT = Path(__file__).resolve().parents[2] / "resources" / "sim" / "astronaut.png"


@functools.cache
def astronaut() -> np.ndarray:
    """The public-domain astronaut portrait (512x512 BGR) shipped by scikit-image: read from
    its data folder as a file, so neither scikit-image nor SciPy is imported."""
    path = BUNDLED_ASTRONAUT
    if not path.is_file():
        found = importlib.util.find_spec("skimage")  # locates the package without running it
        if found is None or found.origin is None:  # scikit-image is a simulate dependency
            raise RuntimeError("the demo face needs scikit-image (pip install '.[simulate]')")
        path = Path(found.origin).parent / "data" / "astronaut.png"
    img = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if img is None:
        raise RuntimeError(f"the demo face could not be read from {path}")
    img.flags.writeable = False
    return img


@functools.cache
def person() -> tuple[np.ndarray, np.ndarray]:
    """The astronaut's head and shoulders (BGR) and its alpha mask (float32 0-1)."""
    strip = np.ascontiguousarray(astronaut()[0:390, 100:340])
    lab = cv2.cvtColor(cv2.GaussianBlur(strip, (0, 0), 2), cv2.COLOR_BGR2LAB).astype(np.float32)
    backdrop = np.median(lab[0:40, 20:70].reshape(-1, 3), axis=0)
    mask = (np.linalg.norm(lab - backdrop, axis=2) > 28).astype(np.uint8)
    # the face is as light as the backdrop in places: it is person by definition
    cv2.ellipse(mask, (124, 113), (50, 62), 0, 0, 360, 1, -1)
    cv2.ellipse(mask, (124, 62), (60, 42), 0, 0, 360, 1, -1)  # and so is the hair round its parting
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
    _, labels, stats, _ = cv2.connectedComponentsWithStats(mask)
    biggest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))  # the person; specks go
    mask = (labels == biggest).astype(np.uint8) * 255
    holes = mask.copy()
    cv2.floodFill(holes, np.zeros((mask.shape[0] + 2, mask.shape[1] + 2), np.uint8), (0, 0), 255)
    mask = cv2.morphologyEx(mask | cv2.bitwise_not(holes), cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))
    alpha = cv2.GaussianBlur(mask, (0, 0), 1.5).astype(np.float32) / 255.0
    # the body goes on below the portrait's edge: the suit's colour, plain
    last = strip[-24:].reshape(-1, 3)[alpha[-24:].ravel() > 0.5]
    suit = np.median(last, axis=0).astype(np.uint8) if len(last) else np.array(WALL, np.uint8)
    strip = np.vstack([strip, np.broadcast_to(suit, (300, strip.shape[1], 3))])
    alpha = np.vstack([alpha, np.repeat(alpha[-1:], 300, axis=0)])
    return strip, alpha


FACE_AT = (124.5, 113.5)  # centre of the astronaut's face in the cut-out


@dataclass(frozen=True)
class Scene:
    """What the simulated camera sees."""

    width: int = 1280
    height: int = 720
    faces: int = 1  # 0, 1 or 2 people
    scale: float = 1.9  # person size (1.9: face about 190 px wide in 1280x720)
    dx: float = 0.0  # horizontal offset of the face from the centre, share of the width (+ is right)
    fy: float = 0.32  # height of the face centre, share of the frame height from the top
    roll: float = 0.0  # head tilt in degrees
    light: float = 1.0  # overall brightness factor
    shade: float = 0.0  # 0-1: how much darker the right half of the picture is
    blur: float = 0.0  # Gaussian blur sigma in pixels

    def with_(self, **changes: float | int) -> Scene:
        return replace(self, **changes)  # type: ignore[arg-type]


def _place(canvas: np.ndarray, cx: float, scene: Scene) -> None:
    img, alpha = person()
    k = scene.scale * scene.height / 720.0
    w, h = round(img.shape[1] * k), round(img.shape[0] * k)
    img_s = cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA if k < 1 else cv2.INTER_LINEAR)
    a_s = cv2.resize(alpha, (w, h), interpolation=cv2.INTER_LINEAR)
    if scene.roll:
        m = cv2.getRotationMatrix2D((FACE_AT[0] * k, FACE_AT[1] * k), scene.roll, 1.0)
        img_s = cv2.warpAffine(img_s, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        a_s = cv2.warpAffine(a_s, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=0.0)
    x0 = round(cx - FACE_AT[0] * k)
    y0 = round(scene.fy * scene.height - FACE_AT[1] * k)
    H, W = canvas.shape[:2]
    sx0, sy0 = max(0, -x0), max(0, -y0)
    dx0, dy0 = max(0, x0), max(0, y0)
    dx1, dy1 = min(W, x0 + w), min(H, y0 + h)
    if dx1 <= dx0 or dy1 <= dy0:
        return
    src = img_s[sy0 : sy0 + dy1 - dy0, sx0 : sx0 + dx1 - dx0].astype(np.float32)
    a = a_s[sy0 : sy0 + dy1 - dy0, sx0 : sx0 + dx1 - dx0, None]
    dst = canvas[dy0:dy1, dx0:dx1].astype(np.float32)
    canvas[dy0:dy1, dx0:dx1] = (src * a + dst * (1 - a)).astype(np.uint8)


def render(scene: Scene) -> np.ndarray:
    """One BGR frame of the scene."""
    canvas = np.empty((scene.height, scene.width, 3), np.uint8)
    canvas[:] = WALL
    centres = {0: [], 1: [0.5], 2: [0.3, 0.7]}.get(scene.faces, [0.5])
    for c in centres:
        _place(canvas, (c + scene.dx) * scene.width, scene)
    out: np.ndarray = canvas
    if scene.light != 1.0 or scene.shade:
        gain = np.full(scene.width, scene.light, np.float32)
        if scene.shade:
            # a soft edge in the middle, as from a lamp on one side only
            ramp = np.clip((np.arange(scene.width) - scene.width / 2) / (0.04 * scene.width) + 0.5, 0, 1)
            gain *= 1 - scene.shade * ramp.astype(np.float32)
        out = np.clip(canvas.astype(np.float32) * gain[None, :, None], 0, 255).astype(np.uint8)
    if scene.blur:
        out = cv2.GaussianBlur(out, (0, 0), scene.blur)
    return out


def pattern(width: int, height: int, t: float) -> np.ndarray:
    """A moving colour-bar test pattern (no face): shows that frames flow."""
    bars = np.array(
        [(235, 235, 235), (0, 235, 235), (235, 235, 0), (0, 235, 0), (235, 0, 235), (0, 0, 235), (235, 0, 0)],
        np.uint8,
    )
    idx = (np.arange(width) * len(bars) // width).astype(np.intp)
    img = np.repeat(bars[idx][None, :, :], height, axis=0)
    x = int((math.sin(t) * 0.4 + 0.5) * width)
    cv2.rectangle(img, (x - 20, height // 2 - 20), (x + 20, height // 2 + 20), (16, 16, 16), -1)
    return img
