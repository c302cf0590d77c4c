"""Logs: the last lines of the kiosk's (already masked) log, filtered by level. The file (up to
the rotation size, megabytes) is read off the GUI thread: the screen never waits on it."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout

from core.text import tr
from kiosk.maintenance.actions import Maintenance
from kiosk.ui.i18n import ui
from kiosk.ui.maintenance.page import Page, Reading, grid, not_read
from kiosk.ui.widgets import button

LOG_LEVELS = (("INFO", tr("全部")), ("WARNING", tr("警告")), ("ERROR", tr("错误")))


class LogsPage(Page):
    key = "logs"
    title = tr("日志")

    def reset(self) -> None:
        self.level = "INFO"
        self.lines: Reading[list[str]] = Reading()

    def enter(self) -> None:
        self.lines.forget()

    def render(self, maint: Maintenance, box: QVBoxLayout) -> None:
        levels = []
        for level, text in LOG_LEVELS:
            b = button(ui(text), partial(self._set_level, level), name=f"level_{level}")
            b.setEnabled(level != self.level)
            levels.append(b)
        box.addWidget(grid(levels, len(levels)))
        lines = self.lines.get(self.panel, partial(maint.log_lines, 200, self.level))
        if lines is None or isinstance(lines, Exception):
            box.addWidget(not_read(lines))
            return
        view = QPlainTextEdit()
        view.setObjectName("log_lines")
        view.setReadOnly(True)
        view.setMinimumHeight(600)
        view.setPlainText("\n".join(lines) if lines else ui(tr("没有日志")))
        box.addWidget(view)

    def _set_level(self, level: str) -> None:
        self.level = level
        self.lines.forget()
        self.panel.redraw()
