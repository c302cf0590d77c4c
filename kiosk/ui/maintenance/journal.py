"""Journal: payments and applications the kiosk could not settle on its own, each with what is
known (references only, masked) and the actions that settle it: retry, or by hand with a reason."""

from __future__ import annotations

from datetime import UTC
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout

from core.redact import mask_reference
from core.text import tr
from kiosk.maintenance.actions import Maintenance
from kiosk.maintenance.journal_desk import JournalDesk

if TYPE_CHECKING:
    from hall.handwork import Item
from kiosk.ui.i18n import ui
from kiosk.ui.maintenance.page import Page, Reading, grid, not_read
from kiosk.ui.widgets import button, label


class JournalPage(Page):
    key = "journal"
    title = tr("业务核对")

    def reset(self) -> None:
        self.items: Reading[list[Item]] = Reading()

    def enter(self) -> None:
        self.items.forget()

    def render(self, maint: Maintenance, box: QVBoxLayout) -> None:
        from hall.handwork import HAND_REASONS

        desk = JournalDesk(maint)
        if desk.journal is None:
            box.addWidget(label(ui(tr("本机没有业务日志，或日志不可用")), "Hint"))
            return
        items = self.items.get(self.panel, desk.items)  # the journal's database, on a thread
        if items is None or isinstance(items, Exception):
            box.addWidget(not_read(items))
            return
        # a retry calls the platform and the gateway, by hand writes the journal: on a thread,
        # then the items read again
        run = partial(self.panel.run, after=self.items.again)
        if not items:
            box.addWidget(label(ui(tr("没有需要人工处理的业务")), "Hint"))
            return
        for i, item in enumerate(items):
            since = item.since.replace(tzinfo=UTC).astimezone(maint.zone)
            box.addWidget(label(f"{since:%m-%d %H:%M}  {ui(item.title)}", "Title"))
            facts = [
                ui(tr("受理号 {acc}", acc=mask_reference(item.acceptance_no) or "—")),
                ui(tr("订单 {order}", order=mask_reference(item.order_no) or "—")),
                ui(tr("金额 {yuan} 元", yuan=f"{item.amount_fen / 100:.2f}")),
            ]
            if item.platform_refused:
                facts.append(ui(tr("平台已拒绝申请")))
            box.addWidget(label(" · ".join(facts), f"journal_item_{i}"))
            box.addWidget(label(ui(tr("重试，或已人工处理时选择原因：")), "Hint"))
            buttons = [
                button(ui(tr("重试")), partial(run, partial(desk.retry, item.saga)), name=f"retry_{i}")
            ]
            for key, reason in HAND_REASONS.items():
                buttons.append(
                    button(
                        ui(reason),
                        partial(run, partial(desk.by_hand, item.saga, key)),
                        role="secondary",
                        name=f"by_hand_{i}_{key}",
                    )
                )
            box.addWidget(grid(buttons, 2))
