"""Lockers: the wall as a grid (state, what it holds, since when); open, clear, mark faulty,
repaired, each with a reason chosen by a tap from a short list (kiosk/maintenance/locker_reasons).
The wall follows the doors: a door closed or opened while it shows is read again at once."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import QVBoxLayout

from core.text import Text, tr
from kiosk.maintenance.actions import Maintenance, Outcome, Slot
from kiosk.maintenance.locker_reasons import REASONS
from kiosk.ui.bridge import Channel, channel
from kiosk.ui.i18n import ui
from kiosk.ui.maintenance.page import Page, Reading, grid, not_read, state_name
from kiosk.ui.widgets import button, label

ACTION_NAMES = {"open": tr("开门"), "clear": tr("清空"), "faulty": tr("标记故障"), "repaired": tr("已修复")}


class LockersPage(Page):
    key = "lockers"
    title = tr("取件柜")
    _watched: object = None  # the inventory whose changes redraw the wall

    def reset(self) -> None:
        self.selected: int | None = None
        self.action: str | None = None  # chosen, waiting for its reason
        self.wall: Reading[list[Slot]] = Reading()

    def enter(self) -> None:
        self.wall.forget()

    def render(self, maint: Maintenance, box: QVBoxLayout) -> None:
        if maint.lockers is None:
            box.addWidget(label(ui(tr("本机没有取件柜，或库存不可用")), "Hint"))
            return
        self._watch(maint.lockers)
        # the locker inventory's database, on a thread: choosing a compartment redraws, reads nothing
        slots = self.wall.get(self.panel, maint.slots)
        if slots is None or isinstance(slots, Exception):
            box.addWidget(not_read(slots))
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
            box.addWidget(label(ui(tr("故障原因：{why}", why=Text(chosen.reason)))))
        if self.action is None:
            actions = ["open", "clear", "repaired" if chosen.state == "faulty" else "faulty"]
            buttons = [
                button(ui(ACTION_NAMES[a]), partial(self._choose, a), name=f"locker_{a}") for a in actions
            ]
            box.addWidget(grid(buttons, 3))
            return
        self._reasons(maint, chosen.number, self.action, box)

    def _reasons(self, maint: Maintenance, n: int, action: str, box: QVBoxLayout) -> None:
        """The chosen action's reasons, each a large button that does it; and back."""
        do: dict[str, Callable[[int, str], Outcome]] = {
            "open": maint.locker_open,
            "clear": maint.locker_clear,
            "faulty": maint.locker_faulty,
            "repaired": maint.locker_repaired,
        }
        box.addWidget(
            label(ui(tr("{n} 号柜 {action}：请选择原因", n=n, action=ACTION_NAMES[action])), "Title")
        )
        buttons = [
            # the audit and the locker record keep the Chinese source
            button(ui(why), partial(self._do, do[action], n, str(why)), name=f"locker_{action}_{j}")
            for j, why in enumerate(REASONS[action])
        ]
        buttons.append(
            button(ui(tr("返回")), partial(self._choose, None), role="secondary", name="locker_back")
        )
        box.addWidget(grid(buttons, 2))

    def _choose(self, action: str | None) -> None:
        self.action = action
        self.panel.result = None
        self.panel.redraw()

    def _do(self, fn: Callable[[int, str], Outcome], n: int, why: str) -> None:
        self.action = None
        # on a thread: an open waits for the lock board's reply (seconds when it is slow or
        # silent), and every action writes the hall database
        self.panel.run(partial(fn, n, why), after=self.wall.again)

    def _select(self, number: int) -> None:
        self.selected = number
        self.action = None
        self.panel.result = None
        self.panel.redraw()

    def _watch(self, lockers: Any) -> None:
        """Hear the inventory's changes (the door supervisor's thread: a door staff closed, one a
        citizen opened) on the GUI thread, for as long as the panel lives."""
        if self._watched is lockers:
            return
        self._watched = lockers
        changed: Channel[object] = channel(lambda _compartment: self._changed(), owner=self.panel)
        lockers.listeners.append(changed.send)

    def _changed(self) -> None:
        maint = self.panel.maint
        if self.panel.acting:  # a staff action's own change: its end reads the wall again
            return
        if self.panel.page == self.key and maint is not None and maint.session.active:
            self.wall.again()  # the wall as it was stays on screen until read
            self.panel.redraw()
