"""The follow-up page of maintenance mode: open items (overdue first marked), one selected with
its details, a reply typed or picked from the quick replies, and 办结 to close it."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QLineEdit, QVBoxLayout

from core.text import tr
from kiosk.maintenance.followups import QUICK_REPLIES, Followups
from kiosk.ui.i18n import ui
from kiosk.ui.widgets import button, label

if TYPE_CHECKING:
    from kiosk.maintenance.actions import Maintenance
    from kiosk.ui.maintenance.panel import MaintenancePanel


def render(panel: MaintenancePanel, maint: Maintenance, box: QVBoxLayout) -> None:
    followups = Followups(maint)
    if followups.store is None:
        box.addWidget(label(ui(tr("评价系统不可用")), "Hint"))
        return
    rows = followups.items()
    open_rows = [r for r in rows if not r.closed]
    overdue = sum(r.overdue for r in open_rows)
    box.addWidget(label(ui(tr("待办 {n} 项，其中超期 {late} 项", n=len(open_rows), late=overdue)), "Body"))
    if not rows:
        box.addWidget(label(ui(tr("没有回访事项")), "Hint"))
        return
    grid = QGridLayout()
    grid.setSpacing(12)
    for i, r in enumerate(rows):
        state = (
            ui(tr("已办结"))
            if r.closed
            else ui(tr("已超期"))
            if r.overdue
            else ui(tr("期限 {due}", due=r.due))
        )
        text = f"{r.ref} {ui(r.kind)}\n{state}"
        b = button(text, partial(select, panel, r.ref), role="secondary", name=f"item_{r.ref}")
        b.setEnabled(r.ref != panel.followup)
        grid.addWidget(b, i // 2, i % 2)
    box.addLayout(grid)
    chosen = next((r for r in rows if r.ref == panel.followup), None)
    if chosen is None:
        box.addWidget(label(ui(tr("轻触一项查看和答复")), "Hint"))
        return
    details = [
        ui(tr("编号：{ref}（{kind}）", ref=chosen.ref, kind=chosen.kind)),
        ui(tr("受理：{at}，期限：{due}", at=chosen.opened, due=chosen.due)),
        ui(tr("业务：{s}", s=chosen.service or "—")),
        ui(tr("内容：{what}", what=chosen.what or "—")),
        ui(tr("回访电话：{phone}", phone=chosen.phone or ui(tr("未留")))),
    ]
    box.addWidget(label("\n".join(details), "item_details"))
    if chosen.closed:
        box.addWidget(label(ui(tr("答复：{reply}", reply=chosen.reply)), "Body"))
        return
    field = QLineEdit()
    field.setObjectName("reply")
    field.setPlaceholderText(ui(tr("答复内容")))
    box.addWidget(field)
    for j, reply in enumerate(QUICK_REPLIES):
        box.addWidget(
            button(ui(reply), partial(field.setText, ui(reply)), role="secondary", name=f"quick_{j}")
        )
    ref = chosen.ref
    box.addWidget(
        button(ui(tr("办结")), lambda: close(panel, followups, ref, field.text()), name="close_item")
    )


def select(panel: MaintenancePanel, ref: str) -> None:
    panel.followup = ref
    panel.result = None
    panel.redraw()


def close(panel: MaintenancePanel, followups: Followups, ref: str, reply: str) -> None:
    panel.run(lambda: followups.close(ref, reply))
