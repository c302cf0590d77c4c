"""Lockers: the wall as a grid (state, what it holds, since when); open, clear, mark faulty with
a reason, repaired."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QVBoxLayout

from core.text import tr
from kiosk.maintenance.actions import Maintenance
from kiosk.ui.i18n import ui
from kiosk.ui.maintenance.page import Page, grid, state_name
from kiosk.ui.widgets import button, label

FAULT_REASONS = (tr("门锁卡住"), tr("门关不上"), tr("柜内损坏"))


class LockersPage(Page):
    key = "lockers"
    title = tr("取件柜")

    def reset(self) -> None:
        self.selected: int | None = None

    def render(self, maint: Maintenance, box: QVBoxLayout) -> None:
        run = self.panel.run
        slots = maint.slots()
        if maint.lockers is None:
            box.addWidget(label(ui(tr("本机没有取件柜，或库存不可用")), "Hint"))
            return
        wall = []
        for s in slots:
            since = s.since.astimezone(maint.zone)
            text = f"{s.number} {state_name(s.state)}\n{s.holds or '—'}  {since:%m-%d %H:%M}"
            b = button(text, partial(self._select, s.number), role="secondary", name=f"slot_{s.number}")
            b.setEnabled(s.number != self.selected)
            wall.append(b)
        box.addWidget(grid(wall, 3))
        chosen = next((s for s in slots if s.number == self.selected), None)
        if chosen is None:
            box.addWidget(label(ui(tr("轻触一个柜格查看和操作")), "Hint"))
            return
        if chosen.reason:
            box.addWidget(label(ui(tr("故障原因：{why}", why=chosen.reason))))
        n = chosen.number
        buttons = [
            button(ui(tr("开门")), lambda: run(lambda: maint.locker_open(n)), name="locker_open"),
            button(ui(tr("清空")), lambda: run(lambda: maint.locker_clear(n)), name="locker_clear"),
        ]
        if chosen.state == "faulty":
            buttons.append(
                button(
                    ui(tr("已修复")), lambda: run(lambda: maint.locker_repaired(n)), name="locker_repaired"
                )
            )
        else:
            for j, reason in enumerate(FAULT_REASONS):
                why = str(reason)  # the audit and the locker record keep the Chinese source
                buttons.append(
                    button(
                        ui(tr("标记故障：{why}", why=reason)),
                        partial(run, partial(maint.locker_faulty, n, why)),
                        role="secondary",
                        name=f"locker_faulty_{j}",
                    )
                )
        box.addWidget(grid(buttons, 2))

    def _select(self, number: int) -> None:
        self.selected = number
        self.panel.result = None
        self.panel.redraw()
