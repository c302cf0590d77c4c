"""The follow-up page of maintenance mode: open items (overdue ones marked), one chosen with its
details, a reply typed or picked from the quick replies, and 办结 to close it.

A page in the panel's page interface (key, title, reset, render), keeping the item chosen."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QVBoxLayout

from core.text import tr
from kiosk.maintenance.followups import QUICK_REPLIES, Followups, ItemRow, quick_replies
from kiosk.ui.i18n import ui
from kiosk.ui.maintenance.page import Page, Reading, grid, not_read
from kiosk.ui.widgets import button, label

if TYPE_CHECKING:
    from kiosk.maintenance.actions import Maintenance


class FollowupsPage(Page):
    key = "followups"
    title = tr("回访")

    def reset(self) -> None:
        self.chosen: str | None = None
        self.rows: Reading[list[ItemRow]] = Reading()

    def enter(self) -> None:
        self.rows.forget()

    def choose(self, ref: str) -> None:
        self.chosen = ref
        self.panel.result = None
        self.panel.redraw()

    def render(self, maint: Maintenance, box: QVBoxLayout) -> None:
        followups = Followups(maint)
        if followups.store is None:
            box.addWidget(label(ui(tr("评价系统不可用")), "Hint"))
            return
        rows = self.rows.get(self.panel, followups.items)  # the ratings database, on a thread
        if rows is None or isinstance(rows, Exception):
            box.addWidget(not_read(rows))
            return
        open_rows = [r for r in rows if not r.closed]
        late = sum(r.overdue for r in open_rows)
        box.addWidget(label(ui(tr("待办 {n} 项，其中超期 {late} 项", n=len(open_rows), late=late)), "Body"))
        if not rows:
            box.addWidget(label(ui(tr("没有回访事项")), "Hint"))
            return
        chosen = next((r for r in rows if r.ref == self.chosen), None)
        if chosen is None:
            box.addWidget(label(ui(tr("轻触一项查看和答复")), "Hint"))
        else:  # above the list: on a long list it would be a scroll away from the item tapped
            self._details(followups, chosen, box)
        items = []
        for r in rows:
            state = tr("已办结") if r.closed else tr("已超期") if r.overdue else tr("期限 {due}", due=r.due)
            b = button(
                f"{r.ref} {ui(r.kind)}\n{ui(state)}",
                partial(self.choose, r.ref),
                role="secondary",
                name=f"item_{r.ref}",
            )
            b.setEnabled(r.ref != self.chosen)
            items.append(b)
        # one widget, not a nested layout: on a long page a nested grid kept its pre-style
        # height and overlapped what follows it (page.grid)
        box.addWidget(grid(items, 2))

    def _details(self, followups: Followups, chosen: ItemRow, box: QVBoxLayout) -> None:
        details = [
            tr("编号：{ref}（{kind}）", ref=chosen.ref, kind=chosen.kind),
            tr("受理：{at}，期限：{due}", at=chosen.opened, due=chosen.due),
            tr("业务：{s}", s=chosen.service if chosen.service.source else "—"),
            tr("内容：{what}", what=chosen.what or "—"),
            tr("回访电话：{phone}", phone=chosen.phone or tr("未留")),
        ]
        box.addWidget(label("\n".join(ui(d) for d in details), "item_details"))
        if chosen.closed:
            box.addWidget(label(ui(tr("答复：{reply}", reply=chosen.reply)), "Body"))
            return
        field = QLineEdit()
        field.setObjectName("reply")
        field.setPlaceholderText(ui(tr("答复内容")))
        box.addWidget(field)
        offered = quick_replies(chosen.phone)
        quick = [
            button(ui(reply), partial(field.setText, ui(reply)), role="secondary", name=f"quick_{j}")
            for j, reply in enumerate(QUICK_REPLIES)
            if reply in offered
        ]
        box.addWidget(grid(quick, 1))
        box.addWidget(
            button(ui(tr("办结")), partial(self._close, followups, chosen.ref, field), name="close_item")
        )

    def _close(self, followups: Followups, ref: str, field: QLineEdit) -> None:
        # the reply taken here (the redraw replaces the field); the close writes the ratings
        # database and checks what is overdue: on a thread, then the items read again
        action = partial(followups.close, ref, field.text())
        self.panel.run(action, after=self.rows.again)
