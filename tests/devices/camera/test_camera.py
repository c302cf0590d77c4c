"""The real OpenCV driver against the simulated camera (MJPEG over loopback) and files."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from devices.base import Device, State
from devices.camera.capture import Frame
from devices.camera.driver import OpenCvCamera
from devices.camera.pipeline import Analysis, GuidanceWorker, PhotoResult
from devices.camera.simulator import CameraSimulator


@pytest.fixture
def sim():
    s = CameraSimulator(None, {"fps": 30}).start()
    yield s
    s.stop()


def camera(settings: dict) -> Device[OpenCvCamera]:
    base = {"width": 1280, "height": 720, "fps": 30.0, "stall_timeout": 1.0}
    return Device("camera", lambda emit: OpenCvCamera({**base, **settings}, emit), backoff=(0.1, 0.4))


def wait_for(predicate, seconds: float) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def frames_of(dev: Device) -> list[Frame]:
    got: list[Frame] = []
    dev.subscribe(lambda ev: got.append(ev.payload) if ev.kind == "frame" else None)
    return got


def test_frames_arrive_at_the_camera_rate(sim):
    dev = camera(sim.settings_overrides())
    got = frames_of(dev)
    dev.start()
    try:
        assert dev.wait_until(lambda s: s.state is State.OK, 10)
        time.sleep(1.5)
        n0 = len(got)
        time.sleep(1.0)
        assert 15 <= len(got) - n0 <= 40  # about 30 a second: neither starved nor duplicated
        assert got[-1].image.shape == (720, 1280, 3)
        assert dev.status.detail["size"] == "1280x720"
        seqs = [f.seq for f in got]
        assert seqs == sorted(seqs)
        snap = dev.call(lambda d: d.snapshot())
        assert snap.shape == (720, 1280, 3) and snap.flags.writeable
    finally:
        dev.stop()


def test_camera_lost_and_back(sim):
    dev = camera(sim.settings_overrides())
    got = frames_of(dev)
    dev.start()
    try:
        assert dev.wait_until(lambda s: s.state is State.OK, 10)
        sim.unplug()
        assert dev.wait_until(lambda s: s.state is State.OFFLINE, 10)
        assert str(dev.status.reason)
        time.sleep(0.5)
        n = len(got)
        time.sleep(0.3)
        assert len(got) == n  # nothing flows while it is gone
        sim.plug()
        assert dev.wait_until(lambda s: s.state is State.OK, 10)
        deadline = time.monotonic() + 5
        while len(got) < n + 10 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(got) >= n + 10
        assert dev.reconnects >= 1
    finally:
        dev.stop()


def test_missing_camera_is_offline_with_reason(tmp_path):
    dev = camera({"source": str(tmp_path / "no-such-video.mp4")})
    dev.start()
    try:
        assert dev.wait_until(lambda s: s.state is State.OFFLINE and "无法打开摄像头" in str(s.reason), 10)
    finally:
        dev.stop()


def test_video_file_loops_at_its_configured_rate(tmp_path):
    path = tmp_path / "clip.avi"
    out = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 30, (320, 240))
    for i in range(8):
        out.write(np.full((240, 320, 3), i * 30, np.uint8))
    out.release()
    dev = camera({"source": str(path), "fps": 40.0})
    got = frames_of(dev)
    dev.start()
    try:
        assert dev.wait_until(lambda s: s.state is State.OK, 10)
        deadline = time.monotonic() + 5
        while len(got) < 20 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(got) >= 20  # past the 8 frames of the file: it looped
        assert dev.status.state is State.OK
    finally:
        dev.stop()


class SlowDetector:
    """A detector that takes 300 ms a frame, to show frames are skipped, not queued."""

    def __init__(self, inner):
        self.inner = inner

    def detect(self, image, sizes=None):
        time.sleep(0.3)
        return self.inner.detect(image, sizes)


def test_slow_analysis_skips_to_the_newest_frame(sim, detector):
    dev = camera(sim.settings_overrides())
    got = frames_of(dev)
    results: list[Analysis] = []
    worker = GuidanceWorker({}, results.append, detector=SlowDetector(detector)).start()
    dev.subscribe(worker.feed)
    dev.start()
    try:
        assert dev.wait_until(lambda s: s.state is State.OK, 10)
        wait_for(lambda: len(results) >= 4, 60)  # states, not a fixed time: a loaded machine
        dev.stop()  # no more frames: what is still waiting is analysed next
        # the newest frame is analysed, and only it: a backlog would end on the same frame but
        # only after analysing every one (as many results as frames)
        wait_for(lambda: results[-1].frame.seq == got[-1].seq, 30)
        assert len(results) < len(got), (len(results), len(got))
    finally:
        worker.stop()
        dev.stop()


def test_simulate_mode_guides_and_produces_a_compliant_photo(sim):
    settings = {"steady_seconds": 0.3, "countdown": 1}
    dev = camera(sim.settings_overrides())
    advice: list[str] = []
    alive: list[bool | None] = []
    photos: list[PhotoResult] = []
    done = threading.Event()

    def on_photo(p: PhotoResult) -> None:
        photos.append(p)
        done.set()

    def on_analysis(a: Analysis) -> None:
        advice.append(a.advice.code)
        alive.append(a.alive)

    worker = GuidanceWorker(settings, on_analysis, on_photo).start()
    dev.subscribe(worker.feed)
    sim.set("position", "left")
    dev.start()
    try:
        assert dev.wait_until(lambda s: s.state is State.OK, 10)
        deadline = time.monotonic() + 5
        while "move_left" not in advice and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "move_left" in advice and not done.is_set()
        sim.set("position", "centre")
        assert done.wait(10)
        (result,) = photos
        assert result.photo is not None and result.photo.ok, result.photo and result.photo.report()
        assert "countdown" in advice
        assert True in alive  # the simulated person sways: alive, unlike a printout
        worker.retake()
        sim.set("scene", "none")
        n = len(advice)
        deadline = time.monotonic() + 5
        while "no_face" not in advice[n:] and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "no_face" in advice[n:]
    finally:
        worker.stop()
        dev.stop()


def test_simulator_controls_and_pattern(tmp_path):
    sim = CameraSimulator(Path(tmp_path / "camera"), {"source": "sim:pattern"}).start()
    try:
        labels = [str(c.label) for c in sim.controls()]
        assert "拔出摄像头" in labels and "画面中的人" in labels
        assert sim.settings_overrides()["source"].startswith("http://127.0.0.1:")
        img = sim._frame(0.0)
        assert img.shape == (720, 1280, 3) and len(np.unique(img.reshape(-1, 3), axis=0)) >= 7
    finally:
        sim.stop()
