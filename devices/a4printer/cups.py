"""What CUPS's lp, lpstat and ipptool print, read back: job ids, printer state and reasons, and
each job's IPP job-state (lpstat lists a cancelled job like a printed one, so jobs are read with
ipptool's Get-Jobs).

Pure functions over the programs' text (run with LC_ALL=C so the words are the English ones).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from core.text import Text, tr
from devices.base import DeviceStatus, State

REQUEST_RE = re.compile(r"request id is (\S+)")
PRINTER_RE = re.compile(r"^printer (\S+) (?:is (idle)|(now printing) (\S+?)\.|(disabled))", re.M)
DEFAULT_RE = re.compile(r"system default destination: (\S+)")

# printer-state-reasons (RFC 8011 and PWG 5100.x), strongest first; suffixes -error/-warning/-report
FAULT_REASONS: tuple[tuple[str, Text], ...] = (
    ("media-empty", tr("A4 打印纸已用完")),
    ("media-needed", tr("A4 打印纸已用完")),
    ("media-jam", tr("A4 打印机卡纸")),
    ("door-open", tr("A4 打印机盖未关")),
    ("cover-open", tr("A4 打印机盖未关")),
    ("input-tray-missing", tr("A4 打印机纸盒未装好")),
    ("toner-empty", tr("A4 打印机碳粉已用完")),
    ("marker-supply-empty", tr("A4 打印机碳粉已用完")),
    ("offline", tr("A4 打印机脱机")),
)
WARNING_REASONS: tuple[tuple[str, Text], ...] = (
    ("media-low", tr("A4 纸将用尽")),
    ("toner-low", tr("A4 打印机碳粉不足")),
    ("marker-supply-low", tr("A4 打印机碳粉不足")),
)


def parse_request_id(out: str) -> str:
    m = REQUEST_RE.search(out)
    if not m:
        raise ValueError(f"lp did not report a request id: {out.strip()!r}")
    return m.group(1)


def parse_default(out: str) -> str | None:
    m = DEFAULT_RE.search(out)
    return m.group(1) if m else None


@dataclass(frozen=True)
class PrinterState:
    name: str
    state: str  # "idle", "printing", "stopped"
    reasons: tuple[str, ...] = ()
    message: str = ""
    job: str = ""
    queued: int | None = None  # jobs not finished; read only when paper out may be stale

    @property
    def stale_paper_out(self) -> bool:
        """CUPS keeps a backend's media-empty until another job runs: on an enabled, idle
        printer with nothing queued (the job withdrawn, the queue resumed after a refill) it
        is only a warning, and a new job finds out."""
        return self.state == "idle" and self.queued == 0 and self.paper_reason

    @property
    def paper_reason(self) -> bool:
        return self.has("media-empty") or self.has("media-needed")

    def has(self, reason: str) -> bool:
        """Reason keywords come with or without -error / -warning / -report."""
        return any(r == reason or r.startswith(reason + "-") for r in self.reasons)

    def device_status(self) -> DeviceStatus:
        detail = {"cups_state": self.state, "reasons": list(self.reasons), "paper": self.paper}
        if self.stale_paper_out:
            return DeviceStatus(State.DEGRADED, tr("A4 打印机上次报告缺纸，请确认已加纸"), detail)
        for reason, text in FAULT_REASONS:
            if any(r in (reason, f"{reason}-error", f"{reason}-report") for r in self.reasons):
                return DeviceStatus(State.FAULT, text, detail)
        if self.state == "stopped":
            why = self.message or "stopped"
            return DeviceStatus(State.FAULT, tr("A4 打印机已停用：{why}", why=why), detail)
        for reason, text in (*FAULT_REASONS, *WARNING_REASONS):
            if self.has(reason):
                return DeviceStatus(State.DEGRADED, text, detail)
        return DeviceStatus(State.OK, Text(""), detail)

    @property
    def paper(self) -> str:
        if self.stale_paper_out:
            return "unconfirmed"
        if self.paper_reason:
            return "out"
        if self.has("media-low"):
            return "near_end"
        return "ok"


def parse_printer(out: str, name: str) -> PrinterState:
    """`lpstat -l -p NAME`: the first line's state, the reason line under a stopped printer, Alerts."""
    m = None
    for found in PRINTER_RE.finditer(out):
        if found.group(1) == name:
            m = found
            break
    if m is None:
        raise ValueError(f"lpstat did not report printer {name}: {out.strip()[:200]!r}")
    state = "idle" if m.group(2) else "printing" if m.group(3) else "stopped"
    block = out[m.end() :].split("\nprinter ", 1)[0]
    lines = block.splitlines()[1:]
    reasons: tuple[str, ...] = ()
    message = ""
    for i, line in enumerate(lines):
        s = line.strip()
        if s.startswith("Alerts:"):
            reasons = tuple(r for r in s[len("Alerts:") :].split() if r != "none")
        elif i == 0 and s and ":" not in s.split(" ", 1)[0]:
            message = s  # the printer-state-message line right under the state line
    return PrinterState(name, state, reasons, message, m.group(4) or "")


@dataclass(frozen=True)
class JobState:
    job_id: str
    state: str  # "pending", "processing", "completed", "failed", "unknown"
    reasons: tuple[str, ...] = field(default_factory=tuple)
    ipp_state: str = ""  # CUPS's own job-state: "canceled" and "aborted" are both "failed"
    kept: bool = False  # CUPS still holds the job's file (lp -i JOB -H restart can print it)
    name: str = ""  # job-name (the kiosk titles a certificate's job with its serial)

    @property
    def done(self) -> bool:
        return self.state in ("completed", "failed", "unknown")

    @property
    def canceled(self) -> bool:
        return self.ipp_state == "canceled"


# IPP job-state (RFC 8011 5.3.7) -> the driver's
JOB_STATES = {
    "pending": "pending",
    "pending-held": "pending",
    "processing": "processing",
    "processing-stopped": "processing",
    "completed": "completed",
    "canceled": "failed",
    "aborted": "failed",
}

# ipptool's Get-Jobs request (`ipptool -c URI /dev/stdin`); requesting-user-name lets the job's
# owner (the kiosk) see job-name, which CUPS hides from others. LOADS_JOB is asked for only because
# cupsd cannot answer it from its in-memory summary of a job, so it loads each job's attributes:
# about a second after a job ends cupsd drops them, and as CUPS 2.4 never fills in that summary's
# name for a job it was sent, the job then comes back without job-name.
# (Loading caps the answer at 500 jobs, far more than `PreserveJobHistory 1h` keeps.)
LOADS_JOB = "job-printer-state-message"
GET_JOBS = f"""{{
OPERATION Get-Jobs
GROUP operation-attributes-tag
ATTR charset attributes-charset utf-8
ATTR naturalLanguage attributes-natural-language en
ATTR uri printer-uri $uri
ATTR name requesting-user-name $user
ATTR keyword which-jobs all
ATTR keyword requested-attributes job-id,job-state,job-state-reasons,number-of-documents,job-name,{LOADS_JOB}
STATUS successful-ok
DISPLAY job-id
DISPLAY job-state
DISPLAY job-state-reasons
DISPLAY number-of-documents
DISPLAY job-name
}}
"""


def parse_ipp_jobs(out: str, printer: str) -> list[JobState]:
    """`ipptool -c` CSV of GET_JOBS: every job of the printer, oldest first, ids as lp gives
    them (PRINTER-N)."""
    rows = list(csv.reader(io.StringIO(out)))
    if not rows or rows[0][:2] != ["job-id", "job-state"]:
        raise ValueError(f"ipptool did not list jobs: {out.strip()[:200]!r}")
    head = rows[0]
    jobs = []
    for row in rows[1:]:
        if not row or not row[0].isdigit():
            continue
        got = dict(zip(head, row, strict=False))
        ipp = got.get("job-state", "")
        jobs.append(
            JobState(
                f"{printer}-{row[0]}",
                JOB_STATES.get(ipp, "unknown"),
                tuple(r for r in got.get("job-state-reasons", "").split(",") if r and r != "none"),
                ipp,
                got.get("number-of-documents", "0") not in ("", "0"),
                got.get("job-name", ""),
            )
        )
    return sorted(jobs, key=lambda j: int(j.job_id.rsplit("-", 1)[1]))
