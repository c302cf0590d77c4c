"""The camera driver: OpenCV capture supervised by devices.base.Device.

Frames go out as "frame" events (payload: capture.Frame) at the camera's rate; listeners must
only hand them on (a mailbox, a queued signal). A camera that stops delivering counts as lost:
the Device reopens it with backoff and reports OFFLINE meanwhile.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np

from core.text import tr
from devices.base import ConnectionLost, DeviceStatus, Driver, State
from devices.camera.capture import (
    CaptureThread,
    Frame,
    Mailbox,
    Reader,
    is_file_source,
    open_reader,
    parse_source,
)


class OpenCvCamera(Driver):
    poll_interval = 0.25

    def open(self) -> None:
        s = self.settings
        self.source = parse_source(str(s.get("source", "0")))
        self.fps_target = float(s.get("fps", 30.0))
        self.stall_timeout = float(s.get("stall_timeout", 3.0))
        self.mailbox = Mailbox()
        size = int(s.get("width", 1280)), int(s.get("height", 720))

        def reopen() -> Reader:
            return open_reader(self.source, *size, self.fps_target)

        try:
            reader = reopen()
        except OSError as e:
            raise ConnectionLost(tr("无法打开摄像头：{err}", err=str(e))) from e
        is_file = is_file_source(self.source)
        self._thread = CaptureThread(
            reader, self._on_frame, fps=self.fps_target, paced=is_file, loop=reopen if is_file else None
        )
        self._thread.start()

    def _on_frame(self, frame: Frame) -> None:
        self.mailbox.put(frame)
        self.emit("frame", frame)

    def close(self) -> None:
        thread = getattr(self, "_thread", None)
        if thread is not None:
            thread.stop()
            thread.join(1.0)  # a read blocked on a dead camera ends on its own; the thread releases it
        mailbox = getattr(self, "mailbox", None)
        if mailbox is not None:
            mailbox.close()

    def poll(self) -> DeviceStatus:
        t = self._thread
        if t.error is not None or not t.is_alive():
            raise ConnectionLost(tr("摄像头画面中断"))
        if time.monotonic() - t.last_frame_at > self.stall_timeout:
            raise ConnectionLost(tr("摄像头{s}秒没有画面", s=round(self.stall_timeout)))
        # detail stays constant while nothing changes: every status change is published and logged
        frame = self.mailbox.latest()
        return DeviceStatus(State.OK, detail={"size": "{}x{}".format(*frame.size)} if frame else {})

    @property
    def fps(self) -> float:
        """Frames per second actually delivered (last second or so)."""
        return self._thread.fps

    # ---- calls (run on the Device's worker through Device.call) ----
    def latest(self) -> Frame | None:
        return self.mailbox.latest()

    def snapshot(self, timeout: float = 3.0) -> np.ndarray:
        """A copy of the next fresh frame."""
        last = self.mailbox.latest()
        frame = self.mailbox.wait_newer(last.seq if last else 0, timeout)
        if frame is None:
            raise ConnectionLost(tr("摄像头没有画面"))
        return frame.image.copy()


def snapshot(
    source: str, out: Path, settings: dict[str, Any] | None = None, timeout: float = 5.0
) -> tuple[int, int]:
    """Open `source`, save one frame to `out`, close (the CLI's snapshot)."""
    import cv2

    events: list[Any] = []
    cam = OpenCvCamera({**(settings or {}), "source": source}, lambda kind, payload: events.append(kind))
    cam.open()
    try:
        img = cam.snapshot(timeout)
    finally:
        cam.close()
    if not cv2.imwrite(str(out), img):
        raise OSError(f"cannot write {out}")
    return int(img.shape[1]), int(img.shape[0])
