"""Overview: every device with its state, the open alerts (acknowledge, clear), today's figures."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QVBoxLayout

from core.redact import redact
from core.text import tr
from kiosk.maintenance.actions import Maintenance
from kiosk.maintenance.figures import Figure
from kiosk.ui.i18n import ui
from kiosk.ui.maintenance.page import Page, Reading, grid, pair, state_line
from kiosk.ui.widgets import button, label


class OverviewPage(Page):
    key = "overview"
    title = tr("总览")

    def reset(self) -> None:
        self.figures: Reading[list[Figure]] = Reading()

    def enter(self) -> None:
        self.figures.forget()

    def render(self, maint: Maintenance, box: QVBoxLayout) -> None:
        run = self.panel.run
        box.addWidget(label(ui(tr("设备")), "Title"))
        devices = maint.devices()
        if not devices:
            box.addWidget(label(ui(tr("本机未配置设备")), "Hint"))
        for d in devices:
            box.addWidget(label(state_line(d), f"device_{d.kind}"))
        box.addWidget(label(ui(tr("未处理的提醒")), "Title"))
        alerts = maint.alerts()
        if not alerts:
            box.addWidget(label(ui(tr("没有未处理的提醒")), "Hint"))
        for i, (alert, acked) in enumerate(alerts):
            seen = ui(tr("（已确认）")) if acked else ""
            shown = redact(ui(alert.text)) if alert.text.source else alert.message  # masked after rendering
            box.addWidget(label(f"{maint.started_local(alert)}  {shown}{seen}", f"alert_{i}"))
            ack = button(ui(tr("确认收到")), partial(run, partial(maint.acknowledge, alert)), name=f"ack_{i}")
            ack.setEnabled(not acked)
            clear = button(
                ui(tr("清除")),
                partial(run, partial(maint.clear_alert, alert)),
                role="secondary",
                name=f"clear_{i}",
            )
            box.addWidget(grid([ack, clear], 2))
        box.addWidget(label(ui(tr("今日数据")), "Title"))
        # the queue, the journal and the journey table (opened, and migrated, on first use)
        # are database reads: on a thread, so a slow database never holds the screen
        figures = self.figures.get(self.panel, maint.figures)
        if figures is None:
            box.addWidget(label(ui(tr("正在读取今日数据…")), "Hint"))
        elif isinstance(figures, Exception):  # a store down is caught in figures.py: this is a bug
            box.addWidget(label(ui(tr("今日数据读取失败")), "Error"))
        elif not figures:
            box.addWidget(label(ui(tr("本机没有可统计的数据")), "Hint"))
        else:
            for f in figures:
                box.addWidget(label(pair(f.label, str(f.value))))
