"""The maintenance panel: a row of tabs (one per page module), exit and restart, the last
action's outcome, and the page on show. Pages render what kiosk.maintenance reads and hand each
button to it (audited there). A new page is a Page subclass in its own module, listed in PAGES."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QScrollArea, QScrollBar, QVBoxLayout, QWidget

from core.text import tr
from kiosk.maintenance.actions import Maintenance, Outcome
from kiosk.ui.bridge import channel
from kiosk.ui.i18n import ui
from kiosk.ui.maintenance.camera import CameraPage
from kiosk.ui.maintenance.followups import FollowupsPage
from kiosk.ui.maintenance.journal import JournalPage
from kiosk.ui.maintenance.locker_load import LoadPage
from kiosk.ui.maintenance.lockers import LockersPage
from kiosk.ui.maintenance.logs import LogsPage
from kiosk.ui.maintenance.overview import OverviewPage
from kiosk.ui.maintenance.page import Page
from kiosk.ui.maintenance.printer import PrinterPage
from kiosk.ui.maintenance.queue import QueuePage
from kiosk.ui.maintenance.readers import ReadersPage
from kiosk.ui.screens.base import clear
from kiosk.ui.widgets import button, label

T = TypeVar("T")
log = logging.getLogger(__name__)

PAGES: tuple[type[Page], ...] = (
    OverviewPage,
    PrinterPage,
    CameraPage,
    ReadersPage,
    LockersPage,
    LoadPage,
    QueuePage,
    JournalPage,
    FollowupsPage,
    LogsPage,
)


class MaintenancePanel(QWidget):
    def __init__(
        self,
        on_exit: Callable[[], None],
        on_restart: Callable[[], None] | None,
        on_shutdown: Callable[[], Outcome] | None = None,
    ) -> None:
        super().__init__()
        self.on_exit = on_exit
        self.on_restart = on_restart
        self.on_shutdown = on_shutdown  # None: the config names no shutdown command
        self.confirming = False  # shutdown pressed once: asking to confirm
        self.maint: Maintenance | None = None
        self.pages = {cls.key: cls(self) for cls in PAGES}
        self.page = "overview"
        self.result: Outcome | None = None
        self.acting = 0  # staff actions under way (their end redraws and reads again)
        self._done = channel(self._finished, owner=self)
        self._loaded = channel(self._arrived, owner=self)
        self._scrolled, self._scrolled_page = 0, ""  # where staff scrolled the page on show to
        self._bar: QScrollBar | None = None
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(32, 24, 32, 24)
        self.outer.setSpacing(16)

    def open(self, maint: Maintenance) -> None:
        self.maint = maint
        self.page = "overview"
        self.confirming = False
        for page in self.pages.values():
            page.reset()
        self.result = None
        self.redraw()

    # ---- running actions ----
    def run(self, action: Callable[[], Outcome], after: Callable[[], None] | None = None) -> None:
        """Run a staff action on a thread (each writes its audit row; many wait on a device or
        the network), 正在处理 meanwhile, its outcome back through the bridge, so the screen
        keeps answering. `after` is called on the GUI thread once the action has ended, before
        the redraw (the page reads again what the action changed)."""
        self.result = Outcome(True, tr("正在处理，请稍候"))
        self.acting += 1
        self.redraw()

        def work() -> None:
            try:
                outcome = action()
            except Exception as e:  # never left at 正在处理: the failure is the outcome
                log.exception("staff action failed")
                outcome = Outcome(False, tr("未能完成：{why}", why=str(getattr(e, "reason", None) or e)))
            self._done.send((outcome, after))

        threading.Thread(target=work, daemon=True, name="staff-action").start()

    def load(self, fetch: Callable[[], T], done: Callable[[T | Exception], None]) -> None:
        """Read something slow (a device, the network) on a thread; `done` gets the value, or
        the exception, on the GUI thread, and the page is drawn again."""

        def work() -> None:
            try:
                value: object = fetch()
            except Exception as e:  # the page shows why
                value = e
            self._loaded.send((done, value))

        threading.Thread(target=work, daemon=True, name="staff-load").start()

    def _arrived(self, arrival: tuple[Callable[[Any], None], object]) -> None:
        done, value = arrival
        done(value)
        if self.maint is not None and self.maint.session.active:
            self.redraw()

    def _finished(self, ended: tuple[Outcome, Callable[[], None] | None]) -> None:
        self.result, after = ended
        self.acting -= 1
        if after is not None:
            after()
        if self.maint is not None and self.maint.session.active:
            self.redraw()

    def _ask_shutdown(self) -> None:
        self.confirming, self.result = True, None
        self.redraw()

    def _keep_running(self) -> None:
        self.confirming = False
        self.redraw()

    def _shut_down(self) -> None:
        self.confirming = False
        if self.on_shutdown is not None:
            self.result = self.on_shutdown()  # on success the app is leaving its event loop
        self.redraw()

    def show_page(self, page: str) -> None:
        self.pages[self.page].leave()
        self.page = page
        self.pages[page].enter()
        self.result = None
        self.redraw()

    # ---- rendering ----
    def device_event(self, kind: str, payload: object) -> None:
        """A device event while staff are in: the page on show may want it, nobody else."""
        if self.maint is not None and self.pages[self.page].device_event(self.maint, kind, payload):
            self.redraw()

    def hideEvent(self, event: Any) -> None:
        self.pages[self.page].leave()  # staff left: the camera stops
        super().hideEvent(event)

    def redraw(self) -> None:
        maint = self.maint
        if maint is None:
            return
        self.pages[self.page].leave()
        clear(self.outer)
        self.outer.addWidget(label(ui(tr("维护模式 · {staff}", staff=maint.session.staff or "")), "Title"))
        tabs = QGridLayout()
        window = self.window()
        cols = 4 if window.width() > window.height() else 3  # portrait: room for English labels
        names = [*((p.key, p.title) for p in self.pages.values()), ("exit", tr("退出维护"))]
        ways_out: dict[str, Callable[[], None]] = {"exit": self.on_exit}
        if self.on_restart is not None:
            names.append(("restart", tr("重启终端")))
            ways_out["restart"] = self.on_restart
        if self.on_shutdown is not None:
            names.append(("shutdown", tr("夜间关机")))
            ways_out["shutdown"] = self._ask_shutdown
        for i, (key, text) in enumerate(names):
            if key in ways_out:
                b = button(ui(text), ways_out[key], role="secondary", name=f"maint_{key}")
            else:
                b = button(ui(text), partial(self.show_page, key), name=f"tab_{key}")
                b.setEnabled(key != self.page)
            tabs.addWidget(b, i // cols, i % cols)
        self.outer.addLayout(tabs)
        if self.confirming:
            self.outer.addWidget(label(ui(tr("确定关机吗？关机后本机停止服务，直到有人开机")), "Error"))
            row = QHBoxLayout()
            row.addWidget(button(ui(tr("确认关机")), self._shut_down, name="shutdown_confirm"))
            row.addWidget(
                button(ui(tr("取消")), self._keep_running, role="secondary", name="shutdown_cancel")
            )
            self.outer.addLayout(row)
        self.outer.addWidget(self._result_line())
        body = QWidget()
        box = QVBoxLayout(body)
        box.setSpacing(12)
        self.pages[self.page].render(maint, box)
        box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # content wraps instead
        scroll.setWidget(body)
        self.outer.addWidget(scroll, 1)
        self._keep_scrolled(scroll)

    def _result_line(self) -> QLabel:
        """The last action's outcome, in a line kept even when empty (two lines tall): an outcome
        appearing never pushes the page down under the finger about to tap it again."""
        ok = self.result is None or self.result.ok
        line = label(ui(self.result.message) if self.result else "", "Body" if ok else "Error")
        line.setAccessibleName("result")
        line.ensurePolished()  # its font comes from the style sheet
        line.setMinimumHeight(2 * line.fontMetrics().lineSpacing())
        return line

    def _keep_scrolled(self, scroll: QScrollArea) -> None:
        """A redraw of the page on show (a device's status changed, an action ended) keeps where
        staff had scrolled to, so the button they pressed (and its cancel) stays in sight; another
        page starts at its top. The new page's height is known only once laid out: follow it
        until it is tall enough."""
        bar = scroll.verticalScrollBar()
        wanted = self._scrolled if self._scrolled_page == self.page else 0
        self._scrolled, self._scrolled_page, self._bar = wanted, self.page, bar
        reached = [wanted == 0]

        def follow(_lo: int, hi: int) -> None:
            if not reached[0]:
                bar.setValue(min(wanted, hi))
                reached[0] = hi >= wanted

        def remember(value: int) -> None:
            if self._bar is bar:  # not the bar of a page drawn before, on its way out
                self._scrolled = value

        bar.rangeChanged.connect(follow)
        bar.valueChanged.connect(remember)
