"""Queue: each service today, open or why not, tickets issued and waiting."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from core.text import tr
from kiosk.maintenance.actions import Maintenance
from kiosk.ui.i18n import ui
from kiosk.ui.maintenance.page import Page
from kiosk.ui.widgets import label


class QueuePage(Page):
    key = "queue"
    title = tr("排队")

    def render(self, maint: Maintenance, box: QVBoxLayout) -> None:
        rows = maint.queue()
        if not rows:
            box.addWidget(label(ui(tr("本机没有排队取号服务，或排队数据库不可用")), "Hint"))
        for r in rows:
            state = ui(tr("可取号")) if r.open else ui(tr("暂停取号：{why}", why=r.reason))
            box.addWidget(label(r.name, "Title"))
            box.addWidget(label(state))
            box.addWidget(
                label(ui(tr("今日已取 {issued} 个，等候 {waiting} 人", issued=r.issued, waiting=r.waiting)))
            )
        # the queue store has no pause of its own yet: hours and limits in [queue] decide
        box.addWidget(label(ui(tr("暂停或恢复某项业务请修改排队设置中的办理时间")), "Hint"))
