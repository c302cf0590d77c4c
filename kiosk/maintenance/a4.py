"""The A4 printer's CUPS queue as staff see it: each job with its state, cancel one not yet
printed, retry one that was canceled or failed. Retry only where CUPS still holds the job's
file (deploy/README.md has it drop them), and never a certificate's print: the journal owns
those (printing one again from CUPS would bypass its never-twice rule), so a certificate not
printed is printed again from the journey. Through the device's worker (devices/a4printer),
never on the GUI thread; changes audited."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.text import Text, tr
from devices.a4printer.cups import JobState
from devices.a4printer.driver import describe
from kiosk.maintenance.actions import Maintenance
from kiosk.maintenance.session import Outcome, Refused

SHOWN = 10  # the newest jobs; CUPS keeps a long history


@dataclass(frozen=True)
class A4Job:
    job_id: str
    state: Text
    can_cancel: bool
    can_retry: bool
    note: Text = Text("")  # why a failed job cannot be retried


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
            text = tr("已取消") if s.canceled else describe(s)
            why = self.why_not_retry(s) if s.state == "failed" else None
            out.append(
                A4Job(s.job_id, text, not s.done, s.state == "failed" and why is None, why or Text(""))
            )
        return out

    def why_not_retry(self, job: JobState) -> Text | None:
        """None when staff may print the job again from CUPS's copy."""
        from hall.certificate_prints import owns_job

        journal = self.maint.kiosk.services.get("journal")
        if not job.name or journal is None or owns_job(journal, job):
            # a certificate, or a job that cannot be told from one: the journal decides
            return tr("证明须由市民在自助流程中重新打印；流水记录显示是否已付费")
        if not job.kept:
            return tr("打印服务未保留该任务的文件，无法重新打印")
        return None

    def cancel(self, job_id: str) -> Outcome:
        def run() -> Text:
            self.device.call(lambda d: d.cancel_job(job_id), 30)
            return tr("打印任务 {job} 已取消", job=job_id)

        return self.maint.session.act("a4_cancel", job_id, run)

    def retry(self, job_id: str) -> Outcome:
        def run() -> Text:
            jobs = self.device.call(lambda d: d.jobs(), 30)
            job = next((j for j in jobs if j.job_id == job_id), None)
            why = self.why_not_retry(job) if job is not None else tr("打印队列中没有该任务")
            if why is not None:
                raise Refused(why)
            self.device.call(lambda d: d.retry_job(job_id), 30)
            return tr("打印任务 {job} 已重新提交", job=job_id)

        return self.maint.session.act("a4_retry", job_id, run)
