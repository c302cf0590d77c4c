"""What CUPS's lp and lpstat print, read back: job ids, printer state and reasons, job state.

Pure functions over the programs' text (run with LC_ALL=C so the words are the English ones).
"""

from __future__ import annotations

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

    def has(self, reason: str) -> bool:
        """Reason keywords come with or without -error / -warning / -report."""
        return any(r == reason or r.startswith(reason + "-") for r in self.reasons)

    def device_status(self) -> DeviceStatus:
        detail = {"cups_state": self.state, "reasons": list(self.reasons), "paper": self.paper}
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
        if self.has("media-empty") or self.has("media-needed"):
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

    @property
    def done(self) -> bool:
        return self.state in ("completed", "failed", "unknown")


FAILED_JOB_REASONS = (
    "job-canceled",
    "aborted-by-system",
    "job-completed-with-errors",
    "job-aborted",
    "document-format-error",
    "document-unprintable-error",
)


def parse_job(out: str, job_id: str, active: bool) -> JobState:
    """`lpstat -l -W all -o DEST`: the job's block and its Alerts (job-state-reasons).

    `active` says whether the job is in `lpstat -W not-completed` (CUPS may print no Alerts).
    """
    lines = out.splitlines()
    for i, line in enumerate(lines):
        if line.split(" ", 1)[0] != job_id:
            continue
        reasons: tuple[str, ...] = ()
        for extra in lines[i + 1 :]:
            if not extra.startswith(("\t", " ")):
                break
            s = extra.strip()
            if s.startswith("Alerts:"):
                reasons = tuple(s[len("Alerts:") :].split())
        if any(r.startswith(FAILED_JOB_REASONS) for r in reasons):
            return JobState(job_id, "failed", reasons)
        if "job-completed-successfully" in reasons:
            return JobState(job_id, "completed", reasons)
        if "job-printing" in reasons or "job-transforming" in reasons:
            return JobState(job_id, "processing", reasons)
        return JobState(job_id, "pending" if active else "completed", reasons)
    return JobState(job_id, "pending" if active else "unknown")


def parse_jobs(listing: str, active: str) -> list[JobState]:
    """Every job in `lpstat -l -W all -o DEST` (oldest first), each with its state; `active` is
    `lpstat -W not-completed -o DEST` (which jobs are not finished)."""
    waiting = {line.split(" ", 1)[0] for line in active.splitlines() if line.strip()}
    ids = [line.split(" ", 1)[0] for line in listing.splitlines() if line.strip() and not line[0].isspace()]
    return [parse_job(listing, job_id, job_id in waiting) for job_id in ids]
