"""ESC/POS status bytes: what DLE EOT n, GS r 1 and automatic status back say about a printer.

Pure functions over bytes, so every reply in reference/protocols.md is tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.text import Text, tr
from devices.base import DeviceStatus, State

DLE_EOT = b"\x10\x04"
QUERY_PRINTER = DLE_EOT + b"\x01"
QUERY_OFFLINE_CAUSE = DLE_EOT + b"\x02"
QUERY_ERROR_CAUSE = DLE_EOT + b"\x03"
QUERY_PAPER = DLE_EOT + b"\x04"
QUERY_PAPER_GS_R = b"\x1d\x72\x01"

PAPER_OK, PAPER_NEAR_END, PAPER_OUT = "ok", "near_end", "out"


class BadReply(ValueError):
    """A byte that cannot be the answer to the status query sent (line noise, wrong baud)."""


def is_status_byte(b: int) -> bool:
    """DLE EOT replies have bits 1 and 4 set and bits 0 and 7 clear."""
    return b & 0x93 == 0x12


def _check(b: int) -> int:
    if not is_status_byte(b):
        raise BadReply(f"not a DLE EOT status byte: {b:#04x}")
    return b


@dataclass(frozen=True)
class PrinterFlags:
    """DLE EOT 1: printer status."""

    offline: bool
    waiting_recovery: bool
    feed_button: bool


def parse_printer(b: int) -> PrinterFlags:
    _check(b)
    return PrinterFlags(offline=bool(b & 0x08), waiting_recovery=bool(b & 0x20), feed_button=bool(b & 0x40))


@dataclass(frozen=True)
class OfflineCause:
    """DLE EOT 2: why the printer is offline."""

    cover_open: bool
    feeding_by_button: bool
    paper_end_stop: bool
    error: bool


def parse_offline_cause(b: int) -> OfflineCause:
    _check(b)
    return OfflineCause(
        cover_open=bool(b & 0x04),
        feeding_by_button=bool(b & 0x08),
        paper_end_stop=bool(b & 0x20),
        error=bool(b & 0x40),
    )


def parse_error_cause(b: int) -> str | None:
    """DLE EOT 3: the error, most serious first; None when no bit is set."""
    _check(b)
    if b & 0x20:
        return "unrecoverable"
    if b & 0x08:
        return "autocutter"
    if b & 0x04:
        return "recoverable"
    if b & 0x40:
        return "auto_recoverable"
    return None


def parse_paper(b: int) -> str:
    """DLE EOT 4: roll paper sensor. Either bit of a pair counts (printers differ)."""
    _check(b)
    if b & 0x60:
        return PAPER_OUT
    if b & 0x0C:
        return PAPER_NEAR_END
    return PAPER_OK


def parse_gs_r_paper(b: int) -> str:
    """GS r 1: paper sensors; bits 4 and 7 are always clear."""
    if b & 0x90:
        raise BadReply(f"not a GS r 1 reply: {b:#04x}")
    if b & 0x0C:
        return PAPER_OUT
    if b & 0x03:
        return PAPER_NEAR_END
    return PAPER_OK


def is_asb_header(b: int) -> bool:
    """First byte of a 4-byte automatic status back: bits 0, 1 and 7 clear, bit 4 set."""
    return b & 0x93 == 0x10


def parse_asb(block: bytes) -> PrinterStatus:
    """Automatic status back (after GS a n): four bytes."""
    if len(block) != 4 or not is_asb_header(block[0]):
        raise BadReply(f"not an automatic status block: {block.hex(' ')}")
    b0, b1, b2, _ = block
    if b2 & 0x0C:
        paper = PAPER_OUT
    elif b2 & 0x03:
        paper = PAPER_NEAR_END
    else:
        paper = PAPER_OK
    error = None
    if b1 & 0x20:
        error = "unrecoverable"
    elif b1 & 0x08:
        error = "autocutter"
    elif b1 & 0x04:
        error = "recoverable"
    elif b1 & 0x40:
        error = "auto_recoverable"
    return PrinterStatus(online=not b0 & 0x08, paper=paper, cover_open=bool(b0 & 0x20), error=error)


ERROR_REASONS: dict[str, Text] = {
    "unrecoverable": tr("打印机故障，需要维修"),
    "autocutter": tr("打印机切刀故障"),
    "recoverable": tr("打印机故障，需重新开机"),
    "auto_recoverable": tr("打印头过热，稍后自动恢复"),
    "unknown": tr("打印机故障"),
}


@dataclass(frozen=True)
class PrinterStatus:
    """Everything one status round tells about the printer."""

    online: bool
    paper: str = PAPER_OK
    cover_open: bool = False
    error: str | None = None

    def as_json(self) -> dict[str, object]:
        return {"online": self.online, "paper": self.paper, "cover_open": self.cover_open}

    @property
    def ready(self) -> bool:
        """A job may start: online, paper in (near end is fine), cover shut, no error."""
        return self.device_status().usable

    def device_status(self) -> DeviceStatus:
        detail = {**self.as_json(), "error": self.error}
        if self.cover_open:
            return DeviceStatus(State.FAULT, tr("打印机盖未关"), detail)
        if self.paper == PAPER_OUT:
            return DeviceStatus(State.FAULT, tr("打印纸已用完"), detail)
        if self.error:
            return DeviceStatus(State.FAULT, ERROR_REASONS.get(self.error, ERROR_REASONS["unknown"]), detail)
        if not self.online:
            return DeviceStatus(State.FAULT, tr("打印机脱机"), detail)
        if self.paper == PAPER_NEAR_END:
            return DeviceStatus(State.DEGRADED, tr("纸将用尽"), detail)
        return DeviceStatus(State.OK, Text(""), detail)


def combine(
    printer: int, offline_cause: int, paper: int, error_cause: int | None = None, gs_r: int | None = None
) -> PrinterStatus:
    """One PrinterStatus from the replies to DLE EOT 1, 2, 4 (3 and GS r 1 when asked)."""
    flags = parse_printer(printer)
    cause = parse_offline_cause(offline_cause)
    sensor = parse_paper(paper)
    if gs_r is not None:
        other = parse_gs_r_paper(gs_r)
        order = (PAPER_OK, PAPER_NEAR_END, PAPER_OUT)
        sensor = max(sensor, other, key=order.index)
    if cause.paper_end_stop:
        sensor = PAPER_OUT
    error = None
    if cause.error:
        error = (parse_error_cause(error_cause) if error_cause is not None else None) or "unknown"
    return PrinterStatus(online=not flags.offline, paper=sensor, cover_open=cause.cover_open, error=error)
