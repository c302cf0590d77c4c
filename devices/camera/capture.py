"""Frame capture on its own thread, keeping only the newest frame.

The capture thread owns the OpenCV handle for its whole life (it is released by the same
thread that reads it, since a read can block for seconds on a dying camera); everyone else
sees only the one-slot mailbox and the frame events.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp"}


@dataclass(frozen=True)
class Frame:
    seq: int
    time: float  # monotonic seconds when it was read
    image: np.ndarray  # BGR, read-only: shared by every consumer

    @property
    def size(self) -> tuple[int, int]:
        return int(self.image.shape[1]), int(self.image.shape[0])


class Mailbox:
    """One slot: a new frame replaces an unread one (slow consumers skip frames, never queue)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._frame: Frame | None = None
        self._closed = False

    def put(self, frame: Frame) -> None:
        with self._cond:
            self._frame = frame
            self._cond.notify_all()

    def latest(self) -> Frame | None:
        with self._cond:
            return self._frame

    def wait_newer(self, seq: int, timeout: float) -> Frame | None:
        """The newest frame with a sequence number above `seq`, waiting up to `timeout`."""
        with self._cond:
            self._cond.wait_for(
                lambda: self._closed or (self._frame is not None and self._frame.seq > seq), timeout
            )
            f = self._frame
            return f if f is not None and f.seq > seq else None

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()


class Reader(Protocol):
    def read(self) -> tuple[bool, np.ndarray | None]: ...
    def release(self) -> None: ...


class StillImage:
    """A picture file as a camera that shows it forever."""

    def __init__(self, path: Path) -> None:
        img = cv2.imread(str(path), cv2.IMREAD_COLOR)
        if img is None:
            raise OSError(f"cannot read image {path}")
        self._img = img

    def read(self) -> tuple[bool, np.ndarray | None]:
        return True, self._img.copy()

    def release(self) -> None:
        pass


def parse_source(source: str) -> int | str:
    """'0' -> camera index 0; anything else is a path or URL for OpenCV."""
    s = source.strip()
    return int(s) if s.isdigit() else s


def is_file_source(source: int | str) -> bool:
    return isinstance(source, str) and "://" not in source and Path(source).exists()


def open_reader(source: int | str, width: int, height: int, fps: float, timeout_ms: int = 3000) -> Reader:
    """Open a camera index, a picture or video file, or a stream URL; OSError when it cannot."""
    if isinstance(source, str) and Path(source).suffix.lower() in IMAGE_SUFFIXES and "://" not in source:
        return StillImage(Path(source))
    params = [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, timeout_ms, cv2.CAP_PROP_READ_TIMEOUT_MSEC, timeout_ms]
    if isinstance(source, int):
        cap = cv2.VideoCapture(source, cv2.CAP_ANY, params)
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        cap.set(cv2.CAP_PROP_FPS, fps)
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # we want the newest frame, not a backlog
    else:
        backend = cv2.CAP_FFMPEG if "://" in source else cv2.CAP_ANY
        cap = cv2.VideoCapture(source, backend, params)
    if not cap.isOpened():
        cap.release()
        raise OSError(f"cannot open camera source {source!r}")
    return cap


class CaptureThread(threading.Thread):
    """Reads frames as fast as the source gives them (files: paced to `fps` and looped)."""

    def __init__(
        self,
        reader: Reader,
        on_frame: Callable[[Frame], None],
        *,
        fps: float,
        paced: bool,
        loop: Callable[[], Reader] | None = None,
    ) -> None:
        super().__init__(name="camera-capture", daemon=True)
        self._reader = reader
        self._on_frame = on_frame
        self._period = 1.0 / fps
        self._paced = paced
        self._loop = loop
        self._halt = threading.Event()
        self.error: str | None = None
        self.last_frame_at = time.monotonic()
        self._times: deque[float] = deque(maxlen=30)
        self.seq = 0

    @property
    def fps(self) -> float:
        t = list(self._times)
        return (len(t) - 1) / (t[-1] - t[0]) if len(t) > 1 and t[-1] > t[0] else 0.0

    def stop(self) -> None:
        self._halt.set()

    def run(self) -> None:
        next_at = time.monotonic()
        try:
            while not self._halt.is_set():
                ok, img = self._reader.read()
                if (not ok or img is None) and self._loop is not None:
                    self._reader.release()
                    self._reader = self._loop()  # end of a video file: start it again
                    ok, img = self._reader.read()
                if not ok or img is None:
                    self.error = "no frame from the camera"
                    return
                if self._paced:
                    next_at += self._period
                    delay = next_at - time.monotonic()
                    if delay > 0:
                        self._halt.wait(delay)
                    else:
                        next_at = time.monotonic()
                now = time.monotonic()
                self.seq += 1
                img.flags.writeable = False
                self.last_frame_at = now
                self._times.append(now)
                self._on_frame(Frame(self.seq, now, img))
        except Exception as e:  # a broken backend must end this thread, not the process
            self.error = str(e)
        finally:
            try:
                self._reader.release()
            except Exception:
                pass
