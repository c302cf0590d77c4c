"""Logs: the last lines of the kiosk's (already masked) log, filtered by level."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout

from core.text import tr
from kiosk.maintenance.actions import Maintenance
from kiosk.ui.i18n import ui
from kiosk.ui.maintenance.page import Page, grid
from kiosk.ui.widgets import button

LOG_LEVELS = (("INFO", tr("全部")), ("WARNING", tr("警告")), ("ERROR", tr("错误")))


class LogsPage(Page):
    key = "logs"
    title = tr("日志")

    def reset(self) -> None:
        self.level = "INFO"

    def render(self, maint: Maintenance, box: QVBoxLayout) -> None:
        levels = []
        for level, text in LOG_LEVELS:
            b = button(ui(text), partial(self._set_level, level), name=f"level_{level}")
            b.setEnabled(level != self.level)
            levels.append(b)
        box.addWidget(grid(levels, len(levels)))
        view = QPlainTextEdit()
        view.setObjectName("log_lines")
        view.setReadOnly(True)
        view.setMinimumHeight(600)
        lines = maint.log_lines(200, self.level)
        view.setPlainText("\n".join(lines) if lines else ui(tr("没有日志")))
        box.addWidget(view)

    def _set_level(self, level: str) -> None:
        self.level = level
        self.panel.redraw()
