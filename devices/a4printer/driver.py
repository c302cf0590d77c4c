"""The A4 certificate printer through CUPS: `lp` submits a PDF, `lpstat` reports state.

The PDF is made elsewhere (kiosk/ui/certificate_doc.py paints it with Qt); this driver only moves the
file and reads back printer state (idle, stopped, paper out where CUPS reports it) and job state.
A job is refused while the printer is stopped or out of paper, so a citizen is not told to wait
for a certificate that will not come.
"""

from __future__ import annotations

import logging
import os
import subprocess
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.text import Text, tr
from devices.a4printer import cups
from devices.base import ConnectionLost, DeviceError, DeviceStatus, Driver, Emit, PermanentFault

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class A4Job:
    job_id: str
    pages: int = 0


class CupsPrinter(Driver):
    def __init__(self, settings: Mapping[str, Any], emit: Emit) -> None:
        super().__init__(settings, emit)
        self.poll_interval = float(settings.get("status_interval", 5.0))
        self.timeout = float(settings.get("command_timeout", 10.0))
        self.lp = str(settings.get("lp_command", "lp"))
        self.lpstat = str(settings.get("lpstat_command", "lpstat"))
        self.cancel = str(settings.get("cancel_command", "cancel"))
        self.media = str(settings.get("media", "A4"))
        self.name = str(settings.get("printer", ""))
        self.last_state: cups.PrinterState | None = None

    def _run(self, program: str, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "LC_ALL": "C", "LANG": "C"}  # English keywords whatever the locale
        try:
            return subprocess.run(
                [program, *args], capture_output=True, text=True, timeout=self.timeout, env=env
            )
        except FileNotFoundError as e:
            raise PermanentFault(tr("找不到打印命令 {cmd}（未安装 CUPS？）", cmd=program)) from e
        except subprocess.TimeoutExpired as e:
            raise ConnectionLost(tr("打印服务无响应")) from e

    def _failure(self, proc: subprocess.CompletedProcess[str]) -> str:
        return (
            (proc.stderr or proc.stdout).strip().splitlines()[0]
            if (proc.stderr or proc.stdout).strip()
            else ""
        )

    def open(self) -> None:
        if not self.name:
            proc = self._run(self.lpstat, "-d")
            name = cups.parse_default(proc.stdout)
            if not name:
                raise ConnectionLost(tr("没有默认打印机：{err}", err=self._failure(proc) or "lpstat -d"))
            self.name = name
        self.read_state()

    def close(self) -> None:
        pass

    def read_state(self) -> cups.PrinterState:
        proc = self._run(self.lpstat, "-l", "-p", self.name)
        if proc.returncode != 0 or not proc.stdout.strip():
            # scheduler down or printer deleted: both may come back, so reconnect with backoff
            raise ConnectionLost(tr("A4 打印机不可用：{err}", err=self._failure(proc) or self.name))
        try:
            state = cups.parse_printer(proc.stdout, self.name)
        except ValueError as e:
            raise ConnectionLost(tr("A4 打印机不可用：{err}", err=str(e))) from e
        self.last_state = state
        return state

    def poll(self) -> DeviceStatus:
        return self.read_state().device_status()

    def print_pdf(self, path: str | Path, *, copies: int = 1, title: str = "") -> A4Job:
        """Submit a PDF; returns the CUPS job. Refused at once when the printer cannot print."""
        verdict = self.read_state().device_status()
        if not verdict.usable:
            raise DeviceError(tr("无法打印：{why}", why=verdict.reason))
        args = ["-d", self.name, "-n", str(copies), "-o", f"media={self.media}"]
        if title:
            args += ["-t", title]
        proc = self._run(self.lp, *args, "--", str(path))
        if proc.returncode != 0:
            raise DeviceError(tr("打印任务提交失败：{err}", err=self._failure(proc)))
        try:
            job = A4Job(cups.parse_request_id(proc.stdout))
        except ValueError as e:
            raise DeviceError(tr("打印任务提交失败：{err}", err=str(e))) from e
        log.info("a4 job %s submitted (%s)", job.job_id, Path(path).name)
        return job

    def job_state(self, job_id: str) -> cups.JobState:
        active = self._run(self.lpstat, "-W", "not-completed", "-o", self.name)
        listing = self._run(self.lpstat, "-l", "-W", "all", "-o", self.name)
        is_active = any(line.split(" ", 1)[0] == job_id for line in active.stdout.splitlines())
        return cups.parse_job(listing.stdout, job_id, is_active)

    def jobs(self) -> list[cups.JobState]:
        """The queue as CUPS keeps it, finished jobs included, oldest first (staff's view)."""
        active = self._run(self.lpstat, "-W", "not-completed", "-o", self.name)
        listing = self._run(self.lpstat, "-l", "-W", "all", "-o", self.name)
        if listing.returncode != 0:
            raise DeviceError(tr("读取打印队列失败：{err}", err=self._failure(listing)))
        return cups.parse_jobs(listing.stdout, active.stdout)

    def cancel_job(self, job_id: str) -> None:
        """Remove a job not yet printed (CUPS keeps its file, so it can be retried)."""
        proc = self._run(self.cancel, job_id)
        if proc.returncode != 0:
            raise DeviceError(tr("无法取消打印任务：{err}", err=self._failure(proc)))
        log.info("a4 job %s canceled", job_id)

    def retry_job(self, job_id: str) -> None:
        """Print a canceled or failed job again from the file CUPS kept (lp -i JOB -H restart)."""
        proc = self._run(self.lp, "-i", job_id, "-H", "restart")
        if proc.returncode != 0:
            raise DeviceError(tr("无法重新打印：{err}", err=self._failure(proc)))
        log.info("a4 job %s restarted", job_id)

    def withdraw_job(self, job_id: str) -> cups.JobState:
        """Withdraw a job that has not printed (the citizen left, or gave up waiting for paper):
        failed when `cancel` took it, since lpstat lists a cancelled job like a completed one
        (both "processing-to-stop-point" on CUPS 2.4); otherwise the job's state, which says
        whether it had printed after all."""
        try:
            self.cancel_job(job_id)
        except ConnectionLost:
            raise
        except DeviceError:
            return self.job_state(job_id)
        return cups.JobState(job_id, "failed", ("job-canceled-by-user",))

    def wait_job(self, job_id: str, timeout: float, interval: float = 0.5) -> cups.JobState:
        """Poll until the job is done or `timeout` passes (then its last state, still pending)."""
        deadline = time.monotonic() + timeout
        while True:
            state = self.job_state(job_id)
            if state.done or time.monotonic() >= deadline:
                return state
            time.sleep(interval)


def describe(state: cups.JobState) -> Text:
    return {
        "completed": tr("已打印"),
        "failed": tr("打印失败"),
        "pending": tr("等待打印"),
        "processing": tr("正在打印"),
    }.get(state.state, tr("状态未知"))
