"""Queue: each service today (open or why not, tickets by status), pause and resume it, and
reprint a ticket by its number (service prefix, then the digits on the keypad)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout

from core.text import tr
from kiosk.maintenance.actions import Maintenance, ServiceRow
from kiosk.maintenance.queue_desk import STATUS_NAMES, QueueDesk
from kiosk.ui.i18n import ui
from kiosk.ui.maintenance.page import Page, Reading, grid, not_read
from kiosk.ui.widgets import Keypad, button, label

MAX_DIGITS = 4

Today = tuple[list[ServiceRow], dict[str, dict[str, int]]]  # the services, tickets by status


def today(desk: QueueDesk) -> Today:
    return desk.services(), desk.by_status()


class QueuePage(Page):
    key = "queue"
    title = tr("排队")

    def reset(self) -> None:
        self.code = ""  # the service whose ticket is reprinted
        self.digits = ""
        self.today: Reading[Today] = Reading()

    def enter(self) -> None:
        self.today.forget()

    def render(self, maint: Maintenance, box: QVBoxLayout) -> None:
        desk = QueueDesk(maint)
        # the queue database, on a thread: a key of the reprint keypad redraws without a read
        read = self.today.get(self.panel, partial(today, desk))
        if read is None or isinstance(read, Exception):
            box.addWidget(not_read(read))
            return
        rows, counts = read
        if not rows:
            box.addWidget(label(ui(tr("本机没有排队取号服务，或排队数据库不可用")), "Hint"))
            return
        # a pause or a resume writes the hall database: on a thread, then the services read again
        run = partial(self.panel.run, after=self.today.again)
        for r in rows:
            if r.paused:
                state = ui(tr("已由工作人员暂停取号"))
            else:
                state = ui(tr("可取号")) if r.open else ui(tr("暂停取号：{why}", why=r.reason))
            box.addWidget(label(ui(r.name), "Title"))
            box.addWidget(label(state, f"queue_state_{r.code}"))
            box.addWidget(
                label(ui(tr("今日已取 {issued} 个，等候 {waiting} 人", issued=r.issued, waiting=r.waiting)))
            )
            mine = counts.get(r.code, {})
            if mine:
                parts = [f"{ui(name)} {mine.get(status, 0)}" for status, name in STATUS_NAMES.items()]
                box.addWidget(label(" · ".join(parts), f"queue_counts_{r.code}"))
            if r.paused:
                b = button(
                    ui(tr("恢复取号")), partial(run, partial(desk.resume, r.code)), name=f"resume_{r.code}"
                )
            else:
                b = button(
                    ui(tr("暂停取号")),
                    partial(run, partial(desk.pause, r.code)),
                    role="secondary",
                    name=f"pause_{r.code}",
                )
            box.addWidget(b)
        self._reprint(desk, box)

    def _reprint(self, desk: QueueDesk, box: QVBoxLayout) -> None:
        box.addWidget(label(ui(tr("补打号票")), "Title"))
        prefixes = desk.prefixes()
        if not self.code and prefixes:
            self.code = prefixes[0][0]
        choices = []
        for code, prefix in prefixes:
            b = button(prefix, partial(self._choose, code), role="secondary", name=f"reprint_prefix_{code}")
            b.setEnabled(code != self.code)
            choices.append(b)
        box.addWidget(grid(choices, max(1, min(len(choices), 6))))
        prefix = dict(prefixes).get(self.code, "")
        field = QLineEdit(f"{prefix}{int(self.digits):03d}" if self.digits else prefix)
        field.setObjectName("reprint_number")
        field.setReadOnly(True)
        field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(field)
        box.addWidget(Keypad(self._key, "", {"del": ui(tr("删除"))}))
        go = button(ui(tr("补打")), self._print, name="reprint")
        go.setEnabled(bool(self.digits) and int(self.digits) > 0)
        box.addWidget(go)
        self._desk = desk

    def _choose(self, code: str) -> None:
        self.code = code
        self.panel.redraw()

    def _key(self, key: str) -> None:
        if key == "del":
            self.digits = self.digits[:-1]
        elif len(self.digits) < MAX_DIGITS:
            self.digits += key
        self.panel.redraw()

    def _print(self) -> None:
        seq, code = int(self.digits), self.code
        self.digits = ""
        self.panel.run(partial(self._desk.reprint, code, seq))
