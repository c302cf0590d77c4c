"""The counter terminal and the display board as windows of this process: alone (--role counter,
--role display) or beside the kiosk (a small hall on one SQLite file runs every role at once).

The queue store opens on a worker thread (a database that does not answer must not hold the
window); until then the windows say they are connecting, and they retry every few seconds."""

from __future__ import annotations

import logging
import signal
import threading
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget

from core.clock import Clock, SystemClock
from hall.queue.errors import QueueError
from kiosk.config import Config
from kiosk.hall_roles import Announcer, calling, listen_url, open_ratings, open_store
from kiosk.ui.board_window import BoardWindow
from kiosk.ui.bridge import channel
from kiosk.ui.counter_window import CounterWindow
from kiosk.ui.i18n import ui
from kiosk.ui.rating_pad import RatingPad
from kiosk.voice import Voice

log = logging.getLogger(__name__)

RETRY_MS = 5000


class HallWindows:
    def __init__(
        self, config: Config, roles: tuple[str, ...], clock: Clock, voice: Voice | None = None
    ) -> None:
        """voice: the board's (None: its own, started here and stopped with the windows; never
        the kiosk's, whose next prompt would cancel a call still queued)."""
        c = config["calling"]
        self.config, self.clock = config, clock
        self.counter: CounterWindow | None = None
        self.board: BoardWindow | None = None
        self.pad: RatingPad | None = None
        self._own_voice: Voice | None = None
        if "counter" in roles:
            self.counter = CounterWindow(c["counter"], tuple(c["counter_services"]))
            if c["rating_pad"]:
                runtime = config.resolve(config["kiosk"]["runtime_dir"])
                self.pad = pad = RatingPad(config, clock, runtime)
                self.counter.on_finished = lambda visit: pad.rate(visit.number, visit.counter or "")
        if "display" in roles:
            if voice is None:
                self._own_voice = voice = Voice(config["kiosk"]["voice"]).start()
            announcer = Announcer(voice, c["announce_times"])
            kcfg = config["kiosk"]
            self.board = BoardWindow(
                kcfg["hall_name"], announcer, c["announce_max_age"], clock, kcfg["timezone"]
            )
        self.store: Any = None
        anchor = self.counter or self.board
        self._opened = channel(self._attach, owner=anchor)
        if anchor is not None:
            self._open()

    def windows(self) -> list[QWidget]:
        return [w for w in (self.counter, self.pad, self.board) if w is not None]

    def _open(self) -> None:
        def work() -> None:
            try:
                store = open_store(self.config, self.clock)
                if self.pad is not None:
                    self.pad.attach(open_ratings(self.config, self.clock, store.engine))
                self._opened.send(store)
            except QueueError as e:
                log.error("hall windows: queue not available: %s", e)
                self._opened.send(e)

        threading.Thread(target=work, name="hall-open", daemon=True).start()

    def _attach(self, store: Any) -> None:
        if isinstance(store, QueueError):
            for w in self.windows():
                w.setWindowTitle(ui(store.reason))
            if self.counter is not None:
                self.counter.show_error(store.reason)
            if self.board is not None:
                self.board.on_feed_status("offline", str(store.reason))
            QTimer.singleShot(RETRY_MS, self._open)
            return
        from hall.queue.board import BoardFeed

        self.store = store
        if self.counter is not None:
            self.counter.attach(calling(self.config, store))
        if self.board is not None:
            c = self.config["calling"]
            feed = BoardFeed(
                store,
                self.board.on_feed_update,
                listen_url=listen_url(self.config),
                recent=c["board_recent"] + 1,  # the current call and the recent ones
                poll=c["board_poll"],
                on_status=self.board.on_feed_status,
            )
            self.board.attach(store, feed)

    def by_name(self) -> dict[str, QWidget]:
        named = {"board": self.board, "counter": self.counter, "pad": self.pad}
        return {name: w for name, w in named.items() if w is not None}

    def size_windows(self) -> None:
        """Windowed sizes: a counter PC's window, a tablet-shaped pad, a 16:9 board."""
        sizes = {"counter": (1280, 800), "pad": (800, 1280), "board": (960, 540)}
        for name, w in self.by_name().items():
            w.resize(*sizes[name])

    def show(self, windowed: bool) -> None:
        """The roles without a kiosk: the board fills its screen unless windowed."""
        self.size_windows()
        for name, w in self.by_name().items():
            if name == "board" and not windowed:
                w.setWindowFlags(Qt.WindowType.FramelessWindowHint)
                w.showFullScreen()
            else:
                w.show()

    def stop(self) -> None:
        if self.board is not None:
            self.board.stop()
        for w in self.windows():
            w.close()
        if self._own_voice is not None:
            self._own_voice.stop()


def run_roles(config: Config, roles: tuple[str, ...], *, windowed: bool) -> int:
    """Counter terminal and/or display board without the kiosk."""
    from kiosk import logs
    from kiosk.ui.app import application, check_installation

    lcfg = config["log"]
    logs.setup(config.resolve(lcfg["dir"]), lcfg["level"], lcfg["max_bytes"], lcfg["backups"])
    app = application()
    hall = HallWindows(config, roles, SystemClock())
    hall.show(windowed)
    check_installation()
    signal.signal(signal.SIGTERM, lambda *_: app.exit(0))
    code = app.exec()
    hall.stop()
    return code
