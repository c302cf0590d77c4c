"""Starting the Qt side: application, fonts, kiosk window, simulator panel, health heartbeat."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable

import PySide6
from PySide6.QtCore import QEvent, QMessageLogContext, QObject, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from core import code_cache
from kiosk.app import Kiosk
from kiosk.health import sd_notify
from kiosk.ui import placement, theme
from kiosk.ui.bridge import Channel, bindings_keep_references, channel
from kiosk.ui.screen_fit import ScreenFit
from kiosk.ui.shell import Shell, install
from kiosk.ui.watchdog import GuiWatchdog

log = logging.getLogger(__name__)


#: Qt warnings that say nothing to staff: the offscreen platform (demo, tests) prints this for
#: every top-level window whose size limits change
QUIET_QT_WARNINGS = ("This plugin does not support propagateSizeHints()",)
GC_AFTER_MS = 3000


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message in QUIET_QT_WARNINGS:
        return
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    log.log(level, "Qt: %s", message)


def application() -> QApplication:
    qInstallMessageHandler(_qt_message)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("gov-kiosk")
    # run_kiosk.py starts with garbage collection off; the kiosk's first paint turns it on, and
    # this covers the windows that have no home (counter, board, the demo). Counted from the
    # event loop's start, not from here: on a slow or loaded machine the window takes long to
    # build, and a timer due before its first paint ran a full collection ahead of it
    QTimer.singleShot(0, lambda: QTimer.singleShot(GC_AFTER_MS, gc.enable))
    app.setFont(theme.app_font())
    return app


def check_installation() -> None:
    """Tell staff what in this installation will fail the kiosk: no CJK font (Chinese would not
    render), or a PySide6 that drops references (it would crash within hours). Asked once the
    first window is up, as neither stops it painting: listing the fonts costs ~10 ms and the
    bindings' probe 200 calls (~1.2 M instructions); QFontDatabase is imported then, as PySide
    makes a class's enums at its first import."""
    from PySide6.QtGui import QFontDatabase

    if not any(f in QFontDatabase.families() for f in theme.FONT_FAMILIES):
        log.error("no CJK font installed: Chinese will not render (install fonts-noto-cjk)")
    if not bindings_keep_references():
        log.critical(
            "PySide6 %s drops references to None/True: the kiosk will crash (install PySide6 < 6.12)",
            PySide6.__version__,
        )


class _FirstPaint(QObject):
    """Runs `then` once, right after the watched widget's first paint event has been handled."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, then)  # after this paint reaches the screen
        return False


def after_first_paint(kiosk: Kiosk, shell: Shell) -> None:
    """Open the databases and start devices and voice once the home is on screen, on a worker
    thread (Python imports and migrations would otherwise hold the GUI); the home redraws when
    the services are there."""
    if kiosk.deferred is None:
        return
    ready: Channel[None] = channel(lambda _: shell.refresh_home(), owner=shell)

    def then() -> None:
        gc.enable()  # off while the home was built (run_kiosk.py)
        code_cache.started()
        kiosk.start_deferred(lambda: ready.send(None))
        shell.build_rest()
        check_installation()

    _FirstPaint(shell.home_screen, then)


def exit_on_sigterm(app: QApplication) -> None:
    """SIGTERM (systemd stopping the kiosk) ends the event loop. exit(), not quit(): Qt 6's
    quit() first asks every window to close, and the kiosk window refuses (a citizen must not
    close it), so SIGTERM did nothing. Set after the first paint: the signal module makes its
    enums at import, and until then the default action ends a start-up that has nothing to save."""
    import signal

    signal.signal(signal.SIGTERM, lambda *_: app.exit(0))


def run(kiosk: Kiosk, *, windowed: bool, simulate: bool, roles: tuple[str, ...] = ("kiosk",)) -> int:
    app = application()
    kcfg = kiosk.config["kiosk"]
    shell = Shell(kiosk, kiosk_mode=not windowed)
    install(shell)
    after_first_paint(kiosk, shell)
    panel = None
    if simulate:  # a developer's tool: its module loads only in simulate mode
        from kiosk.ui.sim_panel import SimulatorPanel

        panel = SimulatorPanel(kiosk)
        panel.resize(420, 800)
    if windowed:
        room = app.primaryScreen().availableGeometry().size()
        shape = kcfg["orientation"]
        if shape == "auto":  # the screen's own shape: a portrait monitor gets the portrait layout
            shape = "portrait" if room.height() > room.width() else "landscape"
        hall_too = bool(set(roles) - {"kiosk"})  # their windows open behind the kiosk
        placement.place_windowed(shell, placement.size_for(shape), panel, fill=hall_too)
        shell.show()
    else:
        shell.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        if kcfg["touch_only"]:
            app.setOverrideCursor(Qt.CursorShape.BlankCursor)
        shell.screen_fit = ScreenFit(shell, app)  # type: ignore[attr-defined]  # kept with the window
    if panel is not None:
        panel.show()

    hall = None
    if set(roles) - {"kiosk"}:  # a small hall: counter and board beside the kiosk, one process
        from kiosk.ui.roles import HallWindows

        hall = HallWindows(kiosk.config, roles, kiosk.clock)
        hall.size_windows()
        placement.place_hall(hall.by_name(), shell, full_screen=not windowed)
        if panel is not None:
            placement.bring_forward(panel)
            panel.add_window_buttons({"kiosk": shell, **hall.by_name()})
        placement.add_shortcuts({"kiosk": shell, **hall.by_name()}, shell)

    heartbeat = QTimer()
    heartbeat.setInterval(int(kiosk.config["health"]["interval"] * 1000))

    def beat() -> None:
        # sent from the event loop: a frozen UI stops the pings and systemd restarts us
        sd_notify("WATCHDOG=1")
        try:
            kiosk.write_health({"screen": shell.mode})
        except OSError as e:
            log.warning("health file not written: %s", e)

    heartbeat.timeout.connect(beat)
    heartbeat.start()
    log_dir = kiosk.config.resolve(kiosk.config["log"]["dir"])
    watchdog = GuiWatchdog(kiosk.alerts, log_dir / "gui-stall.txt").start()

    def on_screen() -> None:
        # READY=1 once the home is on screen (a timer due at once ran before its first paint)
        exit_on_sigterm(app)
        sd_notify("READY=1")
        beat()

    _FirstPaint(shell.home_screen, on_screen)
    code = app.exec()
    watchdog.stop()
    shell.shutdown()
    if panel is not None:
        panel.close()
    if hall is not None:
        hall.stop()
    kiosk.stop()
    return code
