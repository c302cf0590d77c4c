"""The one way from a worker thread to the GUI thread.

Device workers, the flow's thread pool and the camera guidance worker hand values to the GUI
through a `Channel`: `send(value)` (any thread) appends to a locked queue and, if no wake-up is
pending, writes one byte to a pipe that a QSocketNotifier of the bridge (a QObject living in the
GUI thread) watches; the GUI thread drains the queue and calls each channel's handler there.

Why a pipe and not QCoreApplication.postEvent: a worker then makes no call into Qt or its
bindings at all. A posted QEvent is a Python wrapper the worker creates and Qt deletes on the GUI
thread, the bindings guard their wrappers with a lock of their own, and the GUI thread runs most
C++ calls holding the interpreter lock: two locks taken in either order by two threads. A full
test run here once stalled with the GUI thread inside a widget's setParent() while workers
posted (not proven to be this; the pipe takes the question away).

Why not a queued `Signal(object)`: PySide6 6.12's `SignalInstance.emit()` returns `True`
without taking a reference, so every Python-side emit drops one reference to `True` and after a
few thousand (a camera emits 15-30 frames a second) the interpreter dies with `Fatal Python
error: bool_dealloc` on whichever thread emits next. Values here never pass through Qt's
meta-type system either: only Python touches them, under the GIL. So nothing in the kiosk calls
`.emit()` from Python (tests/ui/test_bridge.py guards that).
"""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QThread

log = logging.getLogger(__name__)

T = TypeVar("T")

_NEWEST = object()  # queue marker: take the channel's newest value when draining


class Channel(Generic[T]):
    """A handler on the GUI thread that any thread may send values to.

    `newest=True` keeps only the newest unsent value (camera frames: a slow screen skips frames
    rather than queueing them); otherwise every value is delivered, in order.
    """

    def __init__(self, bridge: Bridge, handler: Callable[[T], None], newest: bool) -> None:
        self._bridge = bridge
        self.handler = handler
        self.newest = newest
        self.closed = False

    def send(self, value: T) -> None:
        """Any thread: hand `value` to the handler on the GUI thread (dropped once closed)."""
        self._bridge._put(self, value)

    def close(self) -> None:
        """Values sent after this, or still queued, are dropped."""
        self.closed = True


class Bridge(QObject):
    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._queue: deque[tuple[Channel[Any], Any]] = deque()
        self._newest: dict[Channel[Any], Any] = {}
        self._posted = False  # a wake-up byte is in the pipe, not yet drained
        self._wake_read, self._wake_write = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
        self._notifier = QSocketNotifier(self._wake_read, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        self.delivered = 0

    def channel(
        self, handler: Callable[[T], None], *, newest: bool = False, owner: QObject | None = None
    ) -> Channel[T]:
        """GUI thread. With `owner`, the channel closes when that widget is destroyed."""
        ch: Channel[T] = Channel(self, handler, newest)
        if owner is not None:
            owner.destroyed.connect(ch.close)
        return ch

    def _put(self, ch: Channel[Any], value: Any) -> None:
        with self._lock:
            if ch.closed:
                return
            if ch.newest:
                if ch not in self._newest:
                    self._queue.append((ch, _NEWEST))
                self._newest[ch] = value
            else:
                self._queue.append((ch, value))
            post, self._posted = not self._posted, True
        if post:
            os.write(self._wake_write, b"\0")  # one byte per batch: the pipe never fills

    def _woken(self, *_: object) -> None:
        try:
            os.read(self._wake_read, 64)  # before draining: a byte written after it wakes us again
        except BlockingIOError:
            pass
        self.drain()

    def drain(self) -> None:
        """GUI thread: run the handlers for everything sent so far."""
        with self._lock:
            items, self._queue = self._queue, deque()
            newest, self._newest = self._newest, {}
            self._posted = False
        for ch, value in items:
            if ch.closed:
                continue
            try:
                ch.handler(newest[ch] if value is _NEWEST else value)
            except Exception:
                log.exception("GUI handler %r failed", ch.handler)
            self.delivered += 1


_bridge: Bridge | None = None


def bridge() -> Bridge:
    """The application's bridge, created on first use, which must be on the GUI thread."""
    global _bridge
    if _bridge is None:
        app = QCoreApplication.instance()
        if app is None or QThread.currentThread() is not app.thread():
            raise RuntimeError("the GUI bridge is created on the GUI thread, after the QApplication")
        _bridge = Bridge()
    return _bridge


def channel(
    handler: Callable[[T], None], *, newest: bool = False, owner: QObject | None = None
) -> Channel[T]:
    return bridge().channel(handler, newest=newest, owner=owner)


def bindings_keep_references(calls: int = 200) -> bool:
    """False when the installed PySide6 drops references to None/True (6.12.0 on CPython 3.11):
    such a kiosk dies within hours however carefully it uses threads."""
    import sys

    probe = QObject()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(calls):
        probe.setObjectName("probe")  # returns None
        probe.blockSignals(True)  # returns True after the first call
    after = sys.getrefcount(None), sys.getrefcount(True)
    return after[0] > before[0] - calls // 2 and after[1] > before[1] - calls // 2
