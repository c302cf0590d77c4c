"""Live photo guidance as a pure state machine: frame measures + time in, one instruction out.

Camera frames are as the camera sees them (not mirrored); instructions use the citizen's own
left and right. An instruction must hold for `settle` seconds before it replaces the one on
screen, so measurement noise does not make the text flicker; after the photo has been
compliant and still for `steady_seconds`, a visible 3-2-1 runs and then asks for the capture.
"""

from __future__ import annotations

import math
import statistics
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core.text import Text, tr
from devices.camera.measures import FrameMeasures

# Instruction codes, in order of priority: the first that applies is the one shown.
MESSAGES: dict[str, Text] = {
    "no_face": tr("请面向镜头，让脸出现在画面中"),
    "several_faces": tr("画面中只能有一个人"),
    "too_dark": tr("光线太暗，请靠近灯光"),
    "uneven_light": tr("脸部光线不均匀，请正对灯光"),
    "come_closer": tr("请靠近一点"),
    "step_back": tr("请后退一点"),
    "move_left": tr("请向左移一点"),
    "move_right": tr("请向右移一点"),
    "look_straight": tr("请摆正头部，眼睛看镜头"),
    "blurred": tr("画面模糊，请保持不动"),
    "hold_still": tr("很好，请保持不动"),
    "countdown": tr("准备拍照 {n}"),
    "captured": tr("拍好了"),
}


@dataclass(frozen=True)
class GuidanceConfig:
    face_min: float = 0.13
    face_max: float = 0.25
    centre_tolerance: float = 0.08
    max_roll: float = 8.0
    min_brightness: float = 80.0
    max_imbalance: float = 0.25
    min_sharpness: float = 60.0
    max_motion: float = 0.04  # face centre movement between frames, share of the face width
    steady_seconds: float = 1.0
    countdown: int = 3
    settle: float = 0.3
    repeat_speech: float = 8.0

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> GuidanceConfig:
        keys = (
            "face_min",
            "face_max",
            "centre_tolerance",
            "max_roll",
            "min_brightness",
            "max_imbalance",
            "min_sharpness",
            "steady_seconds",
            "countdown",
        )
        return cls(**{k: settings[k] for k in keys if k in settings})


@dataclass(frozen=True)
class Advice:
    code: str  # one of MESSAGES' keys
    text: Text
    compliant: bool = False  # the current frame would make a good photo
    countdown: int | None = None  # 3, 2, 1 while counting down
    capture: bool = False  # take this frame now (once)
    speak: bool = False  # the instruction is new (or due again): say it


def problem(m: FrameMeasures, cfg: GuidanceConfig, roll: float | None) -> str | None:
    """The most important thing wrong with this frame, or None when it is compliant."""
    f = m.face
    if f is None:
        return "no_face"
    if m.count > 1:
        return "several_faces"
    if m.brightness < cfg.min_brightness:
        return "too_dark"
    if m.imbalance > cfg.max_imbalance:
        return "uneven_light"
    share = f.w / m.frame_w
    if share < cfg.face_min:
        return "come_closer"
    if share > cfg.face_max:
        return "step_back"
    off = (f.centre[0] - m.frame_w / 2) / m.frame_w
    if off > cfg.centre_tolerance:
        return "move_right"  # the face is on the camera's right: the citizen's left
    if off < -cfg.centre_tolerance:
        return "move_left"
    if roll is None or abs(roll) > cfg.max_roll:
        return "look_straight"
    if m.sharpness < cfg.min_sharpness:
        return "blurred"
    return None


class Guidance:
    """Feed one frame's measures at a time with the clock's time; read back the Advice."""

    def __init__(self, config: GuidanceConfig | None = None) -> None:
        self.cfg = config or GuidanceConfig()
        self.reset()

    def reset(self) -> None:
        """Start over (a retake)."""
        self._shown: str | None = None
        self._candidate: str | None = None
        self._candidate_since = 0.0
        self._spoken_at = -math.inf
        self._spoken_key: str | None = None
        self._steady_since: float | None = None
        self._last_centre: tuple[float, float] | None = None
        self._rolls: deque[float] = deque(maxlen=5)
        self._shutter = False
        self.captured = False

    def shutter(self) -> None:
        """The citizen pressed the shutter: capture on the next frame with a face."""
        self._shutter = True

    def update(self, m: FrameMeasures, now: float) -> Advice:
        if self.captured:
            return Advice("captured", MESSAGES["captured"])
        f = m.face
        roll = None
        moving = False
        if f is not None:
            if f.roll is not None:
                self._rolls.append(f.roll)
            roll = statistics.median(self._rolls) if self._rolls and f.roll is not None else None
            c = f.centre
            if self._last_centre is not None:
                moving = math.dist(c, self._last_centre) > self.cfg.max_motion * f.w
            self._last_centre = c
        else:
            self._rolls.clear()
            self._last_centre = None
        raw = problem(m, self.cfg, roll)
        compliant = raw is None
        if self._shutter and f is not None:
            return self._capture(compliant)
        code = raw or ("hold_still" if moving else "ok")
        # debounce: a new code must persist for `settle` before it takes over
        if code != self._candidate:
            self._candidate, self._candidate_since = code, now
        if self._shown is None or (code != self._shown and now - self._candidate_since >= self.cfg.settle):
            self._shown = code
        if self._shown == "ok":
            if self._steady_since is None:
                self._steady_since = now
        else:
            self._steady_since = None
        if self._steady_since is not None and self._shown == "ok":
            held = now - self._steady_since
            if held >= self.cfg.steady_seconds + self.cfg.countdown:
                return self._capture(compliant)
            if held >= self.cfg.steady_seconds:
                n = max(1, math.ceil(self.cfg.countdown - (held - self.cfg.steady_seconds)))
                return self._advise("countdown", now, compliant, countdown=n)
            return self._advise("hold_still", now, compliant)
        return self._advise(self._shown, now, compliant)

    def _capture(self, compliant: bool) -> Advice:
        self.captured = True
        self._shutter = False
        return Advice("captured", MESSAGES["captured"], compliant, capture=True, speak=True)

    def _advise(self, code: str, now: float, compliant: bool, countdown: int | None = None) -> Advice:
        text = MESSAGES[code] if countdown is None else tr("准备拍照 {n}", n=countdown)
        key = f"{code}{countdown or ''}"
        speak = key != self._spoken_key or now - self._spoken_at >= self.cfg.repeat_speech
        if speak:
            self._spoken_key, self._spoken_at = key, now
        return Advice(code, text, compliant, countdown, speak=speak)
