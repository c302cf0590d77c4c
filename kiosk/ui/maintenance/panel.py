"""Maintenance screens: overview, printer, lockers, logs; a row of tabs, exit and restart.
They render what kiosk.maintenance.actions reads and hand each button to it (audited there)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.text import Text, tr
from kiosk.maintenance.actions import Maintenance, Outcome
from kiosk.ui.bridge import channel
from kiosk.ui.i18n import ui
from kiosk.ui.maintenance.followups import FollowupsPage
from kiosk.ui.maintenance.locker_load import LoadPage
from kiosk.ui.screens.base import clear
from kiosk.ui.widgets import button, label

STATE_NAMES = {
    "ok": tr("正常"),
    "degraded": tr("需注意"),
    "fault": tr("故障"),
    "offline": tr("离线"),
    "empty": tr("空"),
    "loaded": tr("有件"),
    "open": tr("正在开门"),
    "awaiting_close": tr("等待关门"),
    "faulty": tr("故障"),
}

PAGES = (
    ("overview", tr("总览")),
    ("printer", tr("打印机")),
    ("lockers", tr("取件柜")),
    ("locker_load", tr("装取证件")),
    ("queue", tr("排队")),
    (FollowupsPage.key, FollowupsPage.title),
    ("logs", tr("日志")),
)

FAULT_REASONS = (tr("门锁卡住"), tr("门关不上"), tr("柜内损坏"))
LOG_LEVELS = (("INFO", tr("全部")), ("WARNING", tr("警告")), ("ERROR", tr("错误")))


def state_name(state: str) -> str:
    return ui(STATE_NAMES.get(state, Text(state)))


class MaintenancePanel(QWidget):
    def __init__(self, on_exit: Callable[[], None], on_restart: Callable[[], None] | None) -> None:
        super().__init__()
        self.on_exit = on_exit
        self.on_restart = on_restart
        self.maint: Maintenance | None = None
        self.page = "overview"
        self.selected: int | None = None
        self.followups = FollowupsPage(self)
        self.log_level = "INFO"
        self.result: Outcome | None = None
        self._done = channel(self._finished, owner=self)
        self.load_page: LoadPage | None = None
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(32, 24, 32, 24)
        self.outer.setSpacing(16)

    def open(self, maint: Maintenance) -> None:
        self.maint = maint
        self.page = "overview"
        self.selected = None
        self.followups.reset()
        self.result = None
        self.redraw()

    # ---- running actions ----
    def run(self, action: Callable[[], Outcome], slow: bool = False) -> None:
        """A quick action runs here; a slow one (a print) on a thread, its outcome back through
        the bridge, so the screen keeps answering."""
        if not slow:
            self.result = action()
            self.redraw()
            return
        self.result = Outcome(True, tr("正在处理，请稍候"))
        self.redraw()
        threading.Thread(target=lambda: self._done.send(action()), daemon=True).start()

    def _finished(self, outcome: Outcome) -> None:
        self.result = outcome
        if self.maint is not None and self.maint.session.active:
            self.redraw()

    def show_page(self, page: str) -> None:
        self.page = page
        self.result = None
        self.redraw()

    # ---- rendering ----
    def redraw(self) -> None:
        maint = self.maint
        if maint is None:
            return
        clear(self.outer)
        self.outer.addWidget(label(ui(tr("维护模式 · {staff}", staff=maint.session.staff or "")), "Title"))
        tabs = QGridLayout()
        window = self.window()
        cols = 4 if window.width() > window.height() else 3  # portrait: room for English labels
        names = [*PAGES, ("exit", tr("退出维护"))]
        if self.on_restart is not None:
            names.append(("restart", tr("重启终端")))
        for i, (key, text) in enumerate(names):
            if key == "exit":
                b = button(ui(text), self.on_exit, role="secondary", name="maint_exit")
            elif key == "restart":
                b = button(
                    ui(text), self.on_restart or (lambda: None), role="secondary", name="maint_restart"
                )
            else:
                b = button(ui(text), partial(self.show_page, key), name=f"tab_{key}")
                b.setEnabled(key != self.page)
            tabs.addWidget(b, i // cols, i % cols)
        self.outer.addLayout(tabs)
        if self.result is not None:
            self.outer.addWidget(label(ui(self.result.message), "Body" if self.result.ok else "Error"))
        body = QWidget()
        box = QVBoxLayout(body)
        box.setSpacing(12)
        getattr(self, f"_page_{self.page}")(maint, box)
        box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # content wraps instead
        scroll.setWidget(body)
        self.outer.addWidget(scroll, 1)

    def _page_overview(self, maint: Maintenance, box: QVBoxLayout) -> None:
        box.addWidget(label(ui(tr("设备")), "Title"))
        devices = maint.devices()
        if not devices:
            box.addWidget(label(ui(tr("本机未配置设备")), "Hint"))
        for d in devices:
            why = f" — {d.reason}" if d.reason and d.state != "ok" else ""
            box.addWidget(label(f"{ui(d.name)}：{state_name(d.state)}{why}", f"device_{d.kind}"))
        box.addWidget(label(ui(tr("未处理的提醒")), "Title"))
        alerts = maint.alerts()
        if not alerts:
            box.addWidget(label(ui(tr("没有未处理的提醒")), "Hint"))
        for i, (alert, acked) in enumerate(alerts):
            seen = ui(tr("（已确认）")) if acked else ""
            box.addWidget(label(f"{maint.started_local(alert)}  {alert.message}{seen}", f"alert_{i}"))
            row = QHBoxLayout()
            ack = button(
                ui(tr("确认收到")), partial(self.run, partial(maint.acknowledge, alert)), name=f"ack_{i}"
            )
            ack.setEnabled(not acked)
            row.addWidget(ack)
            row.addWidget(
                button(
                    ui(tr("清除")),
                    partial(self.run, partial(maint.clear_alert, alert)),
                    role="secondary",
                    name=f"clear_{i}",
                )
            )
            box.addLayout(row)
        box.addWidget(label(ui(tr("今日数据")), "Title"))
        figures = maint.figures()
        if not figures:
            box.addWidget(label(ui(tr("本机没有可统计的数据")), "Hint"))
        for f in figures:
            box.addWidget(label(f"{ui(f.label)}：{f.value}"))

    def _page_printer(self, maint: Maintenance, box: QVBoxLayout) -> None:
        row = maint.printer_status()
        if row is None:
            box.addWidget(label(ui(tr("本机没有凭条打印机")), "Hint"))
            return
        why = f" — {row.reason}" if row.reason and row.state != "ok" else ""
        box.addWidget(label(f"{ui(row.name)}：{state_name(row.state)}{why}", "printer_state"))
        box.addWidget(
            button(ui(tr("打印测试页")), lambda: self.run(maint.test_print, slow=True), name="test_print")
        )
        box.addWidget(button(ui(tr("已换纸")), lambda: self.run(maint.paper_refilled), name="paper_refilled"))

    def _page_lockers(self, maint: Maintenance, box: QVBoxLayout) -> None:
        slots = maint.slots()
        if maint.lockers is None:
            box.addWidget(label(ui(tr("本机没有取件柜，或库存不可用")), "Hint"))
            return
        grid = QGridLayout()
        grid.setSpacing(12)
        for i, s in enumerate(slots):
            since = s.since.astimezone(maint.zone)
            text = f"{s.number} {state_name(s.state)}\n{s.holds or '—'}  {since:%m-%d %H:%M}"
            b = button(text, partial(self._select, s.number), role="secondary", name=f"slot_{s.number}")
            b.setEnabled(s.number != self.selected)
            grid.addWidget(b, i // 3, i % 3)
        box.addLayout(grid)
        chosen = next((s for s in slots if s.number == self.selected), None)
        if chosen is None:
            box.addWidget(label(ui(tr("轻触一个柜格查看和操作")), "Hint"))
            return
        if chosen.reason:
            box.addWidget(label(ui(tr("故障原因：{why}", why=chosen.reason))))
        n = chosen.number
        actions = QGridLayout()
        buttons = [
            button(ui(tr("开门")), lambda: self.run(lambda: maint.locker_open(n)), name="locker_open"),
            button(ui(tr("清空")), lambda: self.run(lambda: maint.locker_clear(n)), name="locker_clear"),
        ]
        if chosen.state == "faulty":
            buttons.append(
                button(
                    ui(tr("已修复")),
                    lambda: self.run(lambda: maint.locker_repaired(n)),
                    name="locker_repaired",
                )
            )
        else:
            for j, reason in enumerate(FAULT_REASONS):
                why = str(reason)  # the audit and the locker record keep the Chinese source
                buttons.append(
                    button(
                        ui(tr("标记故障：{why}", why=reason)),
                        partial(self.run, partial(maint.locker_faulty, n, why)),
                        role="secondary",
                        name=f"locker_faulty_{j}",
                    )
                )
        for i, b in enumerate(buttons):
            actions.addWidget(b, i // 2, i % 2)
        box.addLayout(actions)

    def _page_locker_load(self, maint: Maintenance, box: QVBoxLayout) -> None:
        self.load_page = self.load_page or LoadPage(self, maint)
        self.load_page.build(box)

    def _select(self, number: int) -> None:
        self.selected = number
        self.result = None
        self.redraw()

    def _page_queue(self, maint: Maintenance, box: QVBoxLayout) -> None:
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

    def _page_followups(self, maint: Maintenance, box: QVBoxLayout) -> None:
        self.followups.render(maint, box)

    def _page_logs(self, maint: Maintenance, box: QVBoxLayout) -> None:
        row = QHBoxLayout()
        for level, text in LOG_LEVELS:
            b = button(ui(text), partial(self._set_level, level), name=f"level_{level}")
            b.setEnabled(level != self.log_level)
            row.addWidget(b)
        box.addLayout(row)
        view = QPlainTextEdit()
        view.setObjectName("log_lines")
        view.setReadOnly(True)
        view.setMinimumHeight(600)
        lines = maint.log_lines(200, self.log_level)
        view.setPlainText("\n".join(lines) if lines else ui(tr("没有日志")))
        box.addWidget(view)

    def _set_level(self, level: str) -> None:
        self.log_level = level
        self.redraw()
