"""The photo pipeline off the GUI thread: newest frame -> measures -> guidance -> ID photo.

Subscribe `feed` to the camera Device's "frame" events. The worker analyses the newest frame
whenever it is free (frames that arrive meanwhile are skipped), reports each result, and when
guidance (or the shutter) says capture, builds the ID photo from that very frame.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from core.clock import Clock, SystemClock
from devices.base import DeviceEvent
from devices.camera.capture import Frame, Mailbox
from devices.camera.detect import FaceDetector, make_detector
from devices.camera.guidance import Advice, Guidance, GuidanceConfig
from devices.camera.idphoto import IdPhoto, PhotoRefused, build_id_photo
from devices.camera.match import Liveness
from devices.camera.measures import Analyzer, FrameMeasures
from devices.camera.presets import get_preset

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Analysis:
    frame: Frame
    measures: FrameMeasures
    advice: Advice
    fps: float  # frames analysed per second, recently
    alive: bool | None = None  # liveness: moved or blinked (None: not enough frames yet)


@dataclass(frozen=True)
class PhotoResult:
    frame: Frame
    photo: IdPhoto | None = None
    refused: PhotoRefused | None = None


class GuidanceWorker:
    def __init__(
        self,
        settings: Mapping[str, Any],
        on_analysis: Callable[[Analysis], None],
        on_photo: Callable[[PhotoResult], None] | None = None,
        *,
        detector: FaceDetector | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.settings = settings
        self._on_analysis = on_analysis
        self._on_photo = on_photo
        self._analyzer = Analyzer(
            detector or make_detector(settings), int(settings.get("analysis_width", 320))
        )
        self.guidance = Guidance(GuidanceConfig.from_settings(settings))
        self.liveness = Liveness(int(settings.get("liveness_frames", 30)))
        self._clock = clock or SystemClock()
        self._mailbox = Mailbox()
        self._halt = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._times: deque[float] = deque(maxlen=30)
        self.analysed = 0

    def feed(self, item: Frame | DeviceEvent) -> None:
        """Any thread: hand over a frame (or a camera DeviceEvent); never blocks."""
        if isinstance(item, DeviceEvent):
            if item.kind != "frame":
                return
            item = item.payload
        assert isinstance(item, Frame)
        self._mailbox.put(item)

    def start(self) -> GuidanceWorker:
        self._thread = threading.Thread(target=self._run, name="camera-guidance", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._halt.set()
        self._mailbox.close()
        if self._thread is not None:
            self._thread.join(3)

    def shutter(self) -> None:
        with self._lock:
            self.guidance.shutter()

    def retake(self) -> None:
        with self._lock:
            self.guidance.reset()
            self._analyzer.reset()
            self.liveness.reset()

    def _run(self) -> None:
        seq = 0
        while not self._halt.is_set():
            frame = self._mailbox.wait_newer(seq, 0.5)
            if frame is None:
                continue
            seq = frame.seq
            try:
                self.process(frame)
            except Exception:
                log.exception("camera guidance failed on a frame")

    def process(self, frame: Frame) -> Analysis:
        m = self._analyzer.measure(frame.image)
        with self._lock:
            advice = self.guidance.update(m, self._clock.monotonic())
            self.liveness.add(m)
            alive = self.liveness.verdict()
        now = time.monotonic()
        self._times.append(now)
        t = self._times
        fps = (len(t) - 1) / (t[-1] - t[0]) if len(t) > 1 and t[-1] > t[0] else 0.0
        self.analysed += 1
        result = Analysis(frame, m, advice, fps, alive)
        self._on_analysis(result)
        if advice.capture and self._on_photo is not None:
            self._on_photo(self.make_photo(frame))
        return result

    def make_photo(self, frame: Frame) -> PhotoResult:
        s = self.settings
        try:
            photo = build_id_photo(
                frame.image,
                get_preset(str(s.get("photo_preset", "ga461")), s),
                self._analyzer.detector,
                background_min=float(s.get("background_min", 150.0)),
                background_max_spread=float(s.get("background_max_spread", 16.0)),
            )
        except PhotoRefused as e:
            return PhotoResult(frame, refused=e)
        return PhotoResult(frame, photo=photo)


def watch_liveness(
    snapshot: Callable[[], Any],
    settings: Mapping[str, Any],
    detector: FaceDetector | None = None,
    seconds: float = 0.0,
    now: Callable[[], float] = time.monotonic,
) -> tuple[bool, Any]:
    """The basic liveness check before a face comparison: fresh frames from `snapshot` until the
    face has moved or blinked (alive), or, once `seconds` have passed too, `liveness_frames`
    frames with a face show neither (a still picture). The window slides: a person asked to
    blink needs a few seconds to hear it and do it, and a slow sway shows within a one-second
    window only at some moments. Returns the verdict and the last frame with a face (the live
    picture to compare), or None when no face was seen."""
    analyzer = Analyzer(detector or make_detector(settings), int(settings.get("analysis_width", 320)))
    live = Liveness(int(settings.get("liveness_frames", 30)))
    last = None
    start = now()
    looked = 0
    while True:
        image = snapshot()
        looked += 1
        m = analyzer.measure(image)
        live.add(m)
        if m.face is not None:
            last = image
        verdict = live.verdict()
        if verdict:
            return True, last
        if now() - start >= seconds and (verdict is False or looked >= live.frames * 3):
            return False, last  # still, or frames without a face start over, but not for ever
