"""The uart driver against the EF 01 simulator over a pty; the livescan driver without its library."""

from __future__ import annotations

import time
from typing import Any

import cv2
import numpy as np
import pytest

from devices.base import Device, State
from devices.fingerprint import DRIVERS, OPTIONS, SIMULATOR
from devices.fingerprint.livescan import LivescanFingerprint
from devices.fingerprint.model import NoFinger
from devices.fingerprint.policy import Policy, capture_pair
from devices.fingerprint.simulator import FingerprintSimulator
from devices.fingerprint.uart import UartFingerprint
from devices.manager import build_devices, load_object
from tests.devices.fingerprint.conftest import settings


def _driver(sim: FingerprintSimulator, events: list[Any] | None = None, **extra: Any) -> UartFingerprint:
    d = UartFingerprint(
        settings(sim, **extra), lambda k, p: events.append((k, p)) if events is not None else None
    )
    d.open()
    return d


def test_declared_once_and_loadable():
    assert {o.key for o in OPTIONS} >= {"quality_threshold", "tries_per_finger", "place_timeout", "library"}
    assert load_object(DRIVERS["uart"]) is UartFingerprint
    assert load_object(SIMULATOR) is FingerprintSimulator


def test_a_good_finger_gives_a_sharp_png_and_a_template(fpsim):
    d = _driver(fpsim)
    try:
        fpsim.place("good")
        image = d.capture("right_thumb")
    finally:
        d.close()
    assert image.quality >= 70
    assert image.template is not None and len(image.template) == 512
    png = cv2.imdecode(np.frombuffer(image.png(), np.uint8), cv2.IMREAD_GRAYSCALE)
    assert png.shape == (288, 256)
    assert png.std() > 40  # ridges, not a blank frame


def test_a_dry_finger_scores_low_and_the_module_finds_too_few_features(fpsim):
    d = _driver(fpsim)
    try:
        fpsim.place("poor")
        image = d.capture("left_thumb")
    finally:
        d.close()
    assert image.quality < 55
    assert image.template is None
    assert str(image.note) == "指纹特征点太少"


def test_no_finger_is_a_clear_error_after_the_place_timeout(fpsim):
    events: list[Any] = []
    d = _driver(fpsim, events, place_timeout=0.5)
    try:
        with pytest.raises(NoFinger, match="没有放上手指"):
            d.capture("right_thumb")
    finally:
        d.close()
    assert ("finger", {"finger": "right_thumb", "state": "timeout"}) in events


def test_finger_lifted_mid_capture_gives_a_partial_print_then_no_finger(fpsim):
    d = _driver(fpsim, place_timeout=0.5)
    try:
        fpsim.place("lift")
        partial = d.capture("right_thumb")
        assert partial.quality < 40
        with pytest.raises(NoFinger):
            d.capture("right_thumb")
        fpsim.place("good")
        assert d.capture("right_thumb").quality >= 70  # the citizen places it again: recovered
    finally:
        d.close()


@pytest.mark.parametrize("fault", ["noise", "corrupt", "oversized"])
def test_noise_damage_and_oversized_packets_do_not_break_a_capture(fpsim, fault):
    d = _driver(fpsim)
    try:
        fpsim.place("good")
        fpsim.set_fault(fault)
        assert d.capture("right_thumb").quality >= 70
    finally:
        d.close()


def test_policy_falls_back_to_the_index_finger_and_says_which_were_taken(fpsim):
    script = {"right_thumb": "poor", "right_index": "good", "left_thumb": "good"}
    prompts: list[tuple[str, int]] = []

    def prompt(finger: str, attempt: int) -> None:
        prompts.append((finger, attempt))
        fpsim.lift()
        if finger in script:
            fpsim.place(script[finger])

    d = _driver(fpsim)
    try:
        result = capture_pair(d.capture, Policy(threshold=55, tries=3), prompt)
    finally:
        d.close()
    assert result.complete and result.taken == ("right_index", "left_thumb")
    assert prompts[:4] == [("right_thumb", 1), ("right_thumb", 2), ("right_thumb", 3), ("right_index", 1)]
    right = result.as_json()["slots"][0]
    assert [t["finger"] for t in right["tried"]] == ["right_thumb", "right_index"]
    assert "右手食指" in str(result.summary())


def test_policy_records_capture_failed_for_a_hand_with_no_usable_finger(fpsim):
    def prompt(finger: str, attempt: int) -> None:
        fpsim.lift()
        if finger.startswith("left"):
            fpsim.place("good")

    d = _driver(fpsim, place_timeout=0.3)
    try:
        result = capture_pair(d.capture, Policy(tries=2, fallback=False), prompt)
    finally:
        d.close()
    assert not result.complete and result.taken == ("left_thumb",)
    assert result.slots[0].tried == (("right_thumb", -1),)
    assert "右手采集失败" in str(result.summary())


def _device(sim: FingerprintSimulator, **extra: Any) -> Device[UartFingerprint]:
    s = settings(sim, poll_interval=0.2, **extra)
    dev: Device[UartFingerprint] = Device(
        "fingerprint", lambda emit: UartFingerprint(s, emit), backoff=(0.1, 0.5)
    )
    dev.start()
    assert dev.wait_until(lambda st: st.state is State.OK, 10)
    return dev


def test_unplugged_mid_image_upload_goes_offline_and_recovers_on_plug(fpsim):
    fpsim.pace = True  # the upload takes seconds at 57600 baud: time to pull the plug
    dev = _device(fpsim)
    try:
        fpsim.place("good")
        fut = dev.submit(lambda d: d.capture("right_thumb"))
        deadline = time.monotonic() + 10
        while fpsim.placed_at is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.3)
        fpsim.unplug()
        with pytest.raises(Exception) as err:
            fut.result(10)
        assert "中断" in str(err.value) or "无应答" in str(err.value)
        assert dev.wait_until(lambda st: st.state is State.OFFLINE, 10)
        fpsim.pace = False
        fpsim.plug()
        assert dev.wait_until(lambda st: st.state is State.OK, 10)
        assert dev.call(lambda d: d.capture("right_thumb"), timeout=10).quality >= 70
        assert dev.reconnects >= 1
    finally:
        dev.stop()


def test_a_module_that_stops_answering_goes_offline_then_comes_back(fpsim):
    dev = _device(fpsim)
    try:
        fpsim.set_fault("mute")
        assert dev.wait_until(lambda st: st.state is State.OFFLINE, 15)
        assert "无应答" in str(dev.status.reason)
        fpsim.set_fault("none")
        assert dev.wait_until(lambda st: st.state is State.OK, 15)
    finally:
        dev.stop()


def test_livescan_without_its_library_is_a_permanent_fault_with_the_reason(tmp_path):
    for library, words in (("", "未配置指纹采集库"), (str(tmp_path / "libID_FprCap.so"), "无法加载")):
        manager = build_devices({"fingerprint": {"driver": "livescan", "library": library}})
        manager.start()
        try:
            dev = manager["fingerprint"]
            assert dev.wait_until(lambda st: st.state is State.FAULT, 10)
            assert words in str(dev.status.reason)
        finally:
            manager.stop()
    assert load_object(DRIVERS["livescan"]) is LivescanFingerprint
