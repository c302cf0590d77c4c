"""Printers: the ticket printer's state, a test print, "paper refilled"; the A4 printer's state
and its CUPS queue (cancel a job, retry one)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QVBoxLayout

from core.text import Text, tr
from kiosk.maintenance.a4 import A4Desk, A4Job
from kiosk.maintenance.actions import DeviceRow, Maintenance
from kiosk.maintenance.session import Outcome
from kiosk.ui.i18n import ui
from kiosk.ui.maintenance.page import Page, Reading, grid, state_line
from kiosk.ui.widgets import button, label


class PrinterPage(Page):
    key = "printer"
    title = tr("打印机")

    def reset(self) -> None:
        self.jobs: Reading[list[A4Job]] = Reading()  # CUPS's queue: lpstat runs on a thread

    def enter(self) -> None:
        self.jobs.forget()

    def render(self, maint: Maintenance, box: QVBoxLayout) -> None:
        run = self.panel.run
        rows = {r.kind: r for r in maint.devices()}
        row = rows.get("printer")
        if row is None:
            box.addWidget(label(ui(tr("本机没有凭条打印机")), "Hint"))
        else:
            box.addWidget(label(state_line(row), "printer_state"))
            box.addWidget(button(ui(tr("打印测试页")), lambda: run(maint.test_print), name="test_print"))
            box.addWidget(button(ui(tr("已换纸")), lambda: run(maint.paper_refilled), name="paper_refilled"))
        a4 = rows.get("a4printer")
        if a4 is not None:
            self._a4(maint, a4, box)

    def _a4(self, maint: Maintenance, row: DeviceRow, box: QVBoxLayout) -> None:
        desk = A4Desk(maint)
        box.addWidget(label(ui(tr("A4 打印队列")), "Title"))
        box.addWidget(label(state_line(row), "a4_state"))
        jobs = self.jobs.get(self.panel, desk.jobs)
        if jobs is None:
            box.addWidget(label(ui(tr("正在读取打印队列…")), "Hint"))
        elif isinstance(jobs, Exception):
            why = Text(str(getattr(jobs, "reason", None) or jobs))
            box.addWidget(label(ui(tr("读取打印队列失败：{why}", why=why)), "Error"))
        elif not jobs:
            box.addWidget(label(ui(tr("打印队列为空")), "Hint"))
        for job in jobs if isinstance(jobs, list) else []:
            shown = label(f"{job.job_id}  {ui(job.state)}", f"a4_job_{job.job_id}")
            if job.can_cancel:
                act = button(
                    ui(tr("取消")),
                    partial(self._act, desk.cancel, job.job_id),
                    role="secondary",
                    name=f"a4_cancel_{job.job_id}",
                )
                box.addWidget(grid([shown, act], 2))
            elif job.can_retry:
                act = button(
                    ui(tr("重新打印")),
                    partial(self._act, desk.retry, job.job_id),
                    name=f"a4_retry_{job.job_id}",
                )
                box.addWidget(grid([shown, act], 2))
            else:
                box.addWidget(shown)
            if str(job.note):
                box.addWidget(label(ui(job.note), "Hint"))
        box.addWidget(button(ui(tr("刷新打印队列")), self._refresh, role="secondary", name="a4_refresh"))

    def _refresh(self) -> None:
        self.jobs.again()
        self.panel.redraw()

    def _act(self, action: Callable[[str], Outcome], job_id: str) -> None:
        """Cancel or retry (audited; lp or cancel runs), then read the queue again."""
        self.panel.run(partial(action, job_id), after=self.jobs.again)
