"""GUI-thread watchdog: an event loop stalled for more than `stall` seconds is logged with the GUI
thread's stack and raised as a staff alert. systemd's watchdog (WATCHDOG=1, sent from the same
loop in kiosk/ui/app.py) still restarts a kiosk that never recovers.

A QTimer on the GUI thread stamps a heartbeat; a watcher thread compares it with the clock and
reads the GUI thread's frames. A GUI thread blocked in C while holding the GIL stops every Python
thread, the watcher too, so each heartbeat also re-arms faulthandler's C-level timer: it writes
all stacks to `dump_path` if the next heartbeat is late, and the watcher reports that dump when
the GIL is free again.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import IO

from PySide6.QtCore import QObject, QTimer

from core.text import tr
from kiosk.alerts import Alerts

log = logging.getLogger(__name__)

SOURCE, CODE = "kiosk", "gui_stalled"


class GuiWatchdog:
    def __init__(
        self,
        alerts: Alerts,
        dump_path: Path,
        *,
        stall: float = 2.0,
        beat: float = 0.25,
        parent: QObject | None = None,
    ) -> None:
        """Construct on the GUI thread: that is the thread watched."""
        self.alerts = alerts
        self.stall = stall
        self.beat = beat
        self.dump_path = dump_path
        self.checks = 0
        self.stalls = 0
        self._gui = threading.get_ident()
        self._last = time.monotonic()
        self._stalled_since: float | None = None
        self._dump: IO[str] | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="gui-watchdog", daemon=True)
        self._timer = QTimer(parent)
        self._timer.setInterval(int(beat * 1000))
        self._timer.timeout.connect(self._heartbeat)

    def start(self) -> GuiWatchdog:
        self.dump_path.parent.mkdir(parents=True, exist_ok=True)
        self._dump = self.dump_path.open("w+", encoding="utf-8")
        self._heartbeat()
        self._timer.start()
        self._thread.start()
        return self

    def stop(self) -> None:
        self._timer.stop()
        faulthandler.cancel_dump_traceback_later()
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(self.beat * 4)
        if self._dump is not None:
            self._dump.close()
            self._dump = None

    def _heartbeat(self) -> None:
        self._last = time.monotonic()
        if self._dump is not None:
            faulthandler.dump_traceback_later(self.stall, repeat=False, file=self._dump)

    # ---- watcher thread ----
    def _watch(self) -> None:
        while not self._stop.wait(self.beat):
            self.checks += 1
            late = time.monotonic() - self._last
            dump = self._take_dump()
            if self._stalled_since is None and (late > self.stall or dump):
                self._stalled_since = self._last
                # the dump was taken at the moment of the stall; without one the loop is still stuck
                self._report(late, dump or self._gui_stack())
            elif self._stalled_since is not None and late <= self.stall:
                log.warning("GUI thread responsive again after %.1f s", self._last - self._stalled_since)
                self._stalled_since = None
                self.alerts.clear(SOURCE, CODE)

    def _report(self, late: float, stack: str) -> None:
        log.error("GUI event loop stalled for %.1f s; GUI thread stack:\n%s", max(late, self.stall), stack)
        self.alerts.raise_(SOURCE, CODE, tr("界面停止响应超过 {s} 秒", s=f"{self.stall:g}"), "critical")
        self.stalls += 1  # counted once reported: whoever reads it finds the log line and alert

    def _gui_stack(self) -> str:
        frame = sys._current_frames().get(self._gui)
        if frame is None:
            return "(GUI thread not found)"
        return "".join(traceback.format_stack(frame)[-30:])  # innermost 30 frames, as faulthandler's

    def _take_dump(self) -> str:
        """faulthandler's dump, cut to the GUI thread's part; the file is emptied for the next one."""
        f = self._dump
        if f is None:
            return ""
        try:
            f.seek(0)
            text = f.read()
            if not text:
                return ""
            f.seek(0)
            f.truncate()
        except (OSError, ValueError):  # closed by stop() meanwhile
            return ""
        marker = f"0x{self._gui:016x}"
        part = next((b for b in text.split("\n\n") if marker in b.split("\n", 1)[0]), "")
        return part or text
