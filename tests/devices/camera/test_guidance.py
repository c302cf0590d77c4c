"""Live guidance: each instruction from a transformed picture, and the 3-2-1 auto-capture."""

from __future__ import annotations

import functools

import pytest

from devices.camera.detect import HaarDetector
from devices.camera.guidance import Guidance, GuidanceConfig
from devices.camera.measures import FrameMeasures, measure
from devices.camera.scene import Scene, render

DETECTOR = HaarDetector()


@functools.cache
def measures_of(scene: Scene) -> FrameMeasures:
    return measure(render(scene), DETECTOR)


def shown_after(scene: Scene, seconds: float = 1.0, fps: float = 10.0) -> Guidance:
    g = Guidance(GuidanceConfig(steady_seconds=100))  # no countdown: look at the instruction
    m = measures_of(scene)
    t = 0.0
    while t <= seconds:
        advice = g.update(m, t)
        t += 1 / fps
    g.last = advice  # type: ignore[attr-defined]
    return g


@pytest.mark.parametrize(
    "scene,code,words",
    [
        (Scene(faces=0), "no_face", "面向镜头"),
        (Scene(faces=2, scale=1.5), "several_faces", "一个人"),
        (Scene(scale=1.1, fy=0.36), "come_closer", "靠近"),
        (Scene(scale=4.0), "step_back", "后退"),
        # the face on the camera's left is the citizen's right: they move to their left
        (Scene(dx=-0.2), "move_left", "向左"),
        (Scene(dx=0.2), "move_right", "向右"),
        (Scene(roll=20), "look_straight", "摆正"),
        (Scene(light=0.35), "too_dark", "太暗"),
        (Scene(shade=0.45), "uneven_light", "不均匀"),
        (Scene(blur=5), "blurred", "模糊"),
        (Scene(), "hold_still", "保持不动"),
    ],
)
def test_each_instruction(scene, code, words):
    advice = shown_after(scene).last  # type: ignore[attr-defined]
    assert advice.code == code
    assert words in str(advice.text)
    assert advice.compliant is (code == "hold_still")


def test_countdown_then_one_capture():
    g = Guidance(GuidanceConfig(steady_seconds=1.0, countdown=3))
    good = measures_of(Scene())
    seen = []
    captures = 0
    t = 0.0
    while t < 6:
        a = g.update(good, t)
        seen.append(a.countdown)
        captures += a.capture
        t += 0.1
    counts = [c for c in seen if c is not None]
    assert counts[0] == 3 and counts[-1] == 1 and sorted(set(counts), reverse=True) == [3, 2, 1]
    assert captures == 1
    assert g.update(good, t).code == "captured"
    g.reset()  # retake
    assert g.update(good, t + 0.1).code == "hold_still"


def test_a_lasting_problem_stops_the_countdown_but_a_glitch_does_not():
    g = Guidance(GuidanceConfig(steady_seconds=0.5, countdown=3, settle=0.3))
    good, gone = measures_of(Scene()), measures_of(Scene(faces=0))
    t = 0.0
    for _ in range(12):
        a = g.update(good, t)
        t += 0.1
    assert a.countdown == 3
    g.update(gone, t)  # one bad frame (a detection miss)
    assert g.update(good, t + 0.1).countdown is not None
    t += 0.2
    for _ in range(5):
        a = g.update(gone, t)
        t += 0.1
    assert a.countdown is None and a.code == "no_face"
    assert not a.capture


def test_manual_shutter_captures_the_next_frame_with_a_face():
    g = Guidance()
    g.shutter()
    assert not g.update(measures_of(Scene(faces=0)), 0.0).capture
    a = g.update(measures_of(Scene(dx=0.2)), 0.1)  # even when not compliant: the citizen decided
    assert a.capture and not a.compliant


def test_instruction_is_spoken_once_when_it_changes():
    g = Guidance(GuidanceConfig(steady_seconds=100, repeat_speech=8))
    far = measures_of(Scene(scale=1.1, fy=0.36))
    spoken = [g.update(far, t / 10).speak for t in range(30)]
    assert spoken[0] and sum(spoken) == 1
    assert g.update(far, 9.0).speak  # said again after a while, for someone who did not hear


def test_measures_are_plain_numbers():
    m = measures_of(Scene()).as_json()
    assert m["faces"] == 1 and isinstance(m["roll"], float)
    assert m["brightness"] > 100 and m["sharpness"] > 60 and m["background_spread"] < 10
