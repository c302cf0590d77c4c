"""The A4 printer's CUPS queue as staff see it: each job with its state, cancel one not yet
printed, retry one that was canceled or failed (CUPS keeps its file). Through the device's
worker (devices/a4printer), never on the GUI thread; changes audited."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.text import Text, tr
from devices.a4printer.driver import describe
from kiosk.maintenance.actions import Maintenance
from kiosk.maintenance.session import Outcome

SHOWN = 10  # the newest jobs; CUPS keeps a long history


@dataclass(frozen=True)
class A4Job:
    job_id: str
    state: Text
    can_cancel: bool
    can_retry: bool


class A4Desk:
    def __init__(self, maint: Maintenance) -> None:
        self.maint = maint

    @property
    def device(self) -> Any:
        return self.maint.kiosk.devices.get("a4printer")

    def jobs(self) -> list[A4Job]:
        """The newest jobs, newest first (slow: lpstat runs; call it off the GUI thread)."""
        states = self.device.call(lambda d: d.jobs(), 30)
        out = []
        for s in reversed(states[-SHOWN:]):
            canceled = any(r.startswith("job-canceled") for r in s.reasons)
            text = tr("已取消") if canceled else describe(s)
            out.append(A4Job(s.job_id, text, not s.done, s.state == "failed"))
        return out

    def cancel(self, job_id: str) -> Outcome:
        def run() -> Text:
            self.device.call(lambda d: d.cancel_job(job_id), 30)
            return tr("打印任务 {job} 已取消", job=job_id)

        return self.maint.session.act("a4_cancel", job_id, run)

    def retry(self, job_id: str) -> Outcome:
        def run() -> Text:
            self.device.call(lambda d: d.retry_job(job_id), 30)
            return tr("打印任务 {job} 已重新提交", job=job_id)

        return self.maint.session.act("a4_retry", job_id, run)
