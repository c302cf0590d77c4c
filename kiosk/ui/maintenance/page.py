"""One maintenance page: a tab title and what it draws under the tabs. A page keeps its own
state (the compartment chosen, the log level) and forgets it when staff enter again."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from core.text import Text, TextLike, tr
from kiosk.maintenance.actions import DeviceRow, Maintenance
from kiosk.ui.i18n import ui

if TYPE_CHECKING:
    from kiosk.ui.maintenance.panel import MaintenancePanel

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
