"""One maintenance page: a tab title and what it draws under the tabs. A page keeps its own
state (the compartment chosen, the log level) and forgets it when staff enter again."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from core.text import Text, TextLike, tr
from kiosk.maintenance.actions import DeviceRow, Maintenance
from kiosk.ui.i18n import ui
from kiosk.ui.widgets import label

if TYPE_CHECKING:
    from kiosk.ui.maintenance.panel import MaintenancePanel

log = logging.getLogger(__name__)

T = TypeVar("T")

STATE_NAMES = {
    "ok": tr("正常"),
    "degraded": tr("需注意"),
    "fault": tr("故障"),
    "offline": tr("离线"),
    "empty": tr("空"),
    "loaded": tr("有件"),
    "open": tr("正在开门"),
    "awaiting_close": tr("等待关门"),
    "faulty": tr("故障"),
}


def state_name(state: str) -> str:
    return ui(STATE_NAMES.get(state, Text(state)))


def pair(name: TextLike, value: TextLike) -> str:
    """ "名称：值" with the colon of the UI language."""
    return ui(tr("{name}：{value}", name=name, value=value))


def state_line(row: DeviceRow) -> str:
    """A device, its state, and why when it is not ok."""
    why = f" — {ui(row.reason)}" if row.reason.source and row.state != "ok" else ""
    return pair(row.name, state_name(row.state)) + why


def grid(widgets: Sequence[QWidget], columns: int) -> QWidget:
    """Buttons (or any widgets) in rows of `columns`, as one widget: a nested layout in the
    scrolled page kept the height its buttons had before the style sized them, and overlapped
    the line under it; a widget item tells its parent when it grows."""
    box = QWidget()
    layout = QGridLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for i, w in enumerate(widgets):
        layout.addWidget(w, i // columns, i % columns)
    return box


class Reading(Generic[T]):
    """What a page reads from a database, read off the GUI thread (panel.load): when the page
    opens and again after an action that changed it, the value read before shown meanwhile. A
    redraw (a key, a device event) reads nothing: a slow database never holds the screen, nor is
    it asked on every tap."""

    def __init__(self) -> None:
        self.value: T | Exception | None = None  # None: nothing read yet
        self.due = True  # read at the next draw
        self.busy = False  # a read under way
        self._asked = 0  # forgets so far: a read asked before the last one is not shown

    def forget(self) -> None:
        """The page opens (or asks for something else): read afresh, and say it is reading until
        then; a read under way for what was asked before is dropped when it comes."""
        self.value, self.due = None, True
        self._asked += 1

    def again(self) -> None:
        """An action changed what was read: read again, showing the value read before."""
        self.due = True

    @property
    def settled(self) -> bool:
        """Read, and nothing more to read (the demo's screenshots wait for this)."""
        return self.value is not None and not self.due and not self.busy

    def get(self, panel: MaintenancePanel, fetch: Callable[[], T]) -> T | Exception | None:
        """The value read (an exception: why not; None: not yet), asking for a read when due."""
        if self.due and not self.busy:
            self.due, self.busy = False, True
            panel.load(fetch, partial(self._got, self._asked))
        return self.value

    def _got(self, asked: int, value: T | Exception) -> None:
        self.busy = False
        if asked != self._asked:  # forgotten meanwhile: read again at the redraw that follows
            self.due = True
            return
        if isinstance(value, Exception):
            log.error("a maintenance page could not read what it shows", exc_info=value)
        self.value = value


def not_read(value: Exception | None) -> QLabel:
    """The line a page shows while it reads (None), or when the read failed."""
    if value is None:
        return label(ui(tr("正在读取…")), "Hint")
    return label(ui(tr("读取失败，请稍后再打开本页")), "Error")


class Page:
    key = ""
    title: Text = Text("")

    def __init__(self, panel: MaintenancePanel) -> None:
        self.panel = panel
        self.reset()

    def reset(self) -> None:
        """Staff entered again: start from the page's first view."""

    def enter(self) -> None:
        """Staff pressed this page's tab: forget what it read, to read it afresh."""

    def render(self, maint: Maintenance, box: QVBoxLayout) -> None:
        raise NotImplementedError

    def leave(self) -> None:
        """The page is about to be cleared (redrawn, another tab, staff gone): stop what it runs."""

    def device_event(self, maint: Maintenance, kind: str, payload: object) -> bool:
        """A device event while this page shows (a card read, a code scanned); True: taken."""
        return False
