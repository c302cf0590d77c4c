"""One maintenance page: a tab title and what it draws under the tabs. A page keeps its own
state (the compartment chosen, the log level) and forgets it when staff enter again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout

from core.text import Text, tr
from kiosk.maintenance.actions import Maintenance
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


class Page:
    key = ""
    title: Text = Text("")

    def __init__(self, panel: MaintenancePanel) -> None:
        self.panel = panel
        self.reset()

    def reset(self) -> None:
        """Staff entered again: start from the page's first view."""

    def render(self, maint: Maintenance, box: QVBoxLayout) -> None:
        raise NotImplementedError

    def leave(self) -> None:
        """The page is about to be cleared (redrawn, another tab, staff gone): stop what it runs."""

    def device_event(self, maint: Maintenance, kind: str, payload: object) -> bool:
        """A device event while this page shows (a card read, a code scanned); True: taken."""
        return False
