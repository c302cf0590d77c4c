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
from kiosk.ui.maintenance.page import Page, grid, state_line
from kiosk.ui.widgets import button, label


class PrinterPage(Page):
    key = "printer"
    title = tr("打印机")

    def reset(self) -> None:
        self.jobs: list[A4Job] | None = None  # None: not read yet
        self.jobs_error: Text | None = None
        self.loading = False

    def render(self, maint: Maintenance, box: QVBoxLayout) -> None:
        run = self.panel.run
        rows = {r.kind: r for r in maint.devices()}
        row = rows.get("printer")
        if row is None:
            box.addWidget(label(ui(tr("本机没有凭条打印机")), "Hint"))
        else:
            box.addWidget(label(state_line(row), "printer_state"))
            box.addWidget(
                button(ui(tr("打印测试页")), lambda: run(maint.test_print, slow=True), name="test_print")
            )
            box.addWidget(
                button(ui(tr("已换纸")), lambda: run(maint.paper_refilled, slow=True), name="paper_refilled")
            )
        a4 = rows.get("a4printer")
        if a4 is not None:
            self._a4(maint, a4, box)

    def _a4(self, maint: Maintenance, row: DeviceRow, box: QVBoxLayout) -> None:
        desk = A4Desk(maint)
        box.addWidget(label(ui(tr("A4 打印队列")), "Title"))
        box.addWidget(label(state_line(row), "a4_state"))
        if self.jobs is None and not self.loading:
            self._read(desk)
        if self.loading:
            box.addWidget(label(ui(tr("正在读取打印队列…")), "Hint"))
        elif self.jobs_error is not None:
            box.addWidget(label(ui(tr("读取打印队列失败：{why}", why=self.jobs_error)), "Error"))
        elif not self.jobs:
            box.addWidget(label(ui(tr("打印队列为空")), "Hint"))
        for job in self.jobs or []:
            shown = label(f"{job.job_id}  {ui(job.state)}", f"a4_job_{job.job_id}")
            if job.can_cancel:
                act = button(
                    ui(tr("取消")),
                    partial(self._act, desk.cancel, desk, job.job_id),
                    role="secondary",
                    name=f"a4_cancel_{job.job_id}",
                )
                box.addWidget(grid([shown, act], 2))
            elif job.can_retry:
                act = button(
                    ui(tr("重新打印")),
                    partial(self._act, desk.retry, desk, job.job_id),
                    name=f"a4_retry_{job.job_id}",
                )
                box.addWidget(grid([shown, act], 2))
            else:
                box.addWidget(shown)
            if str(job.note):
                box.addWidget(label(ui(job.note), "Hint"))
        box.addWidget(
            button(ui(tr("刷新打印队列")), partial(self._read, desk), role="secondary", name="a4_refresh")
        )

    def _read(self, desk: A4Desk) -> None:
        self.loading = True
        self.panel.load(desk.jobs, self._got)

    def _got(self, value: list[A4Job] | Exception) -> None:
        self.loading = False
        if isinstance(value, Exception):
            self.jobs, self.jobs_error = [], Text(str(getattr(value, "reason", None) or value))
        else:
            self.jobs, self.jobs_error = value, None

    def _act(self, action: Callable[[str], Outcome], desk: A4Desk, job_id: str) -> None:
        """Cancel or retry, then read the queue again, on a thread (lp, cancel, lpstat run)."""

        def both() -> tuple[Outcome, list[A4Job] | Exception]:
            outcome = action(job_id)  # audited; a failure is an outcome to show
            try:
                return outcome, desk.jobs()
            except Exception as e:  # the queue cannot be read now: say so under the outcome
                return outcome, e

        self.loading = True
        self.panel.result = Outcome(True, tr("正在处理，请稍候"))
        self.panel.load(both, self._acted)
        self.panel.redraw()

    def _acted(self, value: tuple[Outcome, list[A4Job] | Exception] | Exception) -> None:
        if isinstance(value, Exception):
            self._got(value)
            return
        self.panel.result, jobs = value
        self._got(jobs)
