"""The A4 certificate printer through CUPS: `lp` submits a PDF, `lpstat` reports the printer's
state and `ipptool` each job's (IPP Get-Jobs: lpstat cannot tell a cancelled job from a printed
one).

The PDF is made elsewhere (kiosk/ui/certificate_doc.py paints it with Qt); this driver only moves the
file and reads back printer state (idle, stopped, paper out where CUPS reports it) and job state.
A job is refused while the printer is stopped or out of paper, so a citizen is not told to wait
for a certificate that will not come.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import subprocess
import time
import urllib.parse
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
        self.ipptool = str(settings.get("ipptool_command", "ipptool"))
        self.media = str(settings.get("media", "A4"))
        self.name = str(settings.get("printer", ""))
        self.last_state: cups.PrinterState | None = None

    def _run(self, program: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "LC_ALL": "C", "LANG": "C"}  # English keywords whatever the locale
        try:
            return subprocess.run(
                [program, *args], capture_output=True, text=True, timeout=self.timeout, env=env, input=stdin
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
        if state.paper_reason and state.state == "idle":
            try:
                state = dataclasses.replace(state, queued=sum(not j.done for j in self.jobs()))
            except DeviceError as e:  # unknown: the paper stays out
                log.warning("a4 queue unreadable: %s", e)
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

    def printer_uri(self) -> str:
        """The queue's IPP URI on the scheduler lp uses: CUPS_SERVER (a socket path or host),
        else Debian's local socket, else localhost:631."""
        local = "/run/cups/cups.sock"
        server = os.environ.get("CUPS_SERVER", "") or (local if os.path.exists(local) else "localhost")
        host = urllib.parse.quote(server, safe="") if server.startswith("/") else server
        return f"ipp://{host}/printers/{urllib.parse.quote(self.name)}"

    def job_state(self, job_id: str) -> cups.JobState:
        """The job's IPP job-state: a cancelled or aborted job is failed, never "printed"."""
        found = next((j for j in self.jobs() if j.job_id == job_id), None)
        return found if found is not None else cups.JobState(job_id, "unknown")

    def jobs(self) -> list[cups.JobState]:
        """The queue as CUPS keeps it, finished jobs included, oldest first (staff's view)."""
        timeout = str(max(1, int(self.timeout)))
        proc = self._run(
            self.ipptool, "-c", "-T", timeout, self.printer_uri(), "/dev/stdin", stdin=cups.GET_JOBS
        )
        if proc.returncode != 0:
            raise DeviceError(tr("读取打印队列失败：{err}", err=self._failure(proc)))
        try:
            return cups.parse_ipp_jobs(proc.stdout, self.name)
        except ValueError as e:
            raise DeviceError(tr("读取打印队列失败：{err}", err=str(e))) from e

    def cancel_job(self, job_id: str) -> None:
        """Remove a job not yet printed (its file goes too where `PreserveJobFiles No`)."""
        proc = self._run(self.cancel, job_id)
        if proc.returncode != 0:
            raise DeviceError(tr("无法取消打印任务：{err}", err=self._failure(proc)))
        log.info("a4 job %s canceled", job_id)

    def retry_job(self, job_id: str) -> None:
        """Print a canceled or failed job again from the file CUPS kept (lp -i JOB -H restart);
        only where CUPS keeps job files (JobState.kept), and never a certificate's (the journal
        owns those: kiosk/maintenance/a4.py)."""
        proc = self._run(self.lp, "-i", job_id, "-H", "restart")
        if proc.returncode != 0:
            raise DeviceError(tr("无法重新打印：{err}", err=self._failure(proc)))
        log.info("a4 job %s restarted", job_id)

    def withdraw_job(self, job_id: str) -> cups.JobState:
        """Withdraw a job that has not printed (the citizen left, or gave up waiting for paper):
        failed when `cancel` took it; otherwise the job's state, which says whether it had
        printed after all."""
        try:
            self.cancel_job(job_id)
        except ConnectionLost:
            raise
        except DeviceError:
            return self.job_state(job_id)
        return cups.JobState(job_id, "failed", ("job-canceled-by-user",), "canceled")

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
