"""Printer: the ticket printer's state, a test print, "paper refilled"."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from core.text import tr
from kiosk.maintenance.actions import Maintenance
from kiosk.ui.i18n import ui
from kiosk.ui.maintenance.page import Page, state_name
from kiosk.ui.widgets import button, label


class PrinterPage(Page):
    key = "printer"
    title = tr("打印机")

    def render(self, maint: Maintenance, box: QVBoxLayout) -> None:
        run = self.panel.run
        row = maint.printer_status()
        if row is None:
            box.addWidget(label(ui(tr("本机没有凭条打印机")), "Hint"))
            return
        why = f" — {row.reason}" if row.reason and row.state != "ok" else ""
        box.addWidget(label(f"{ui(row.name)}：{state_name(row.state)}{why}", "printer_state"))
        box.addWidget(
            button(ui(tr("打印测试页")), lambda: run(maint.test_print, slow=True), name="test_print")
        )
        box.addWidget(button(ui(tr("已换纸")), lambda: run(maint.paper_refilled), name="paper_refilled"))
