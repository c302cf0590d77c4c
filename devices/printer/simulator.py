"""A receipt printer on a pty: takes ESC/POS, renders each cut receipt to a PNG, answers status.

The state set from the simulator panel (ok, near end, out, cover open, offline, cutter error)
decides the DLE EOT and GS r replies. While the printer cannot print it still answers status
queries, as real printers do, but draws nothing. Faults beyond the base class's unplug: paper
running out in the middle of the next receipt, and a stall (the printer stops reading; resuming
is a power cycle, so what it held is lost).
"""

from __future__ import annotations

import itertools
import logging
import os
import select
import threading
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from core.text import Text, tr
from devices.printer import escpos_stream, paper
from devices.sim import Control, PtySimulator

log = logging.getLogger(__name__)

STATES: dict[str, Text] = {
    "ok": tr("正常"),
    "near_end": tr("纸将用尽"),
    "out": tr("缺纸"),
    "cover_open": tr("开盖"),
    "offline": tr("脱机"),
    "cutter_error": tr("切刀故障"),
}

# DLE EOT n replies (n = 1, 2, 3, 4) per state, as in reference/protocols.md section 2
REPLIES: dict[str, tuple[int, int, int, int]] = {
    "ok": (0x12, 0x12, 0x12, 0x12),
    "near_end": (0x12, 0x12, 0x12, 0x1E),
    "out": (0x1A, 0x32, 0x12, 0x72),
    "cover_open": (0x1A, 0x16, 0x12, 0x12),
    "offline": (0x1A, 0x12, 0x12, 0x12),
    "cutter_error": (0x1A, 0x52, 0x1A, 0x12),
}
GS_R_REPLIES = {"near_end": 0x03, "out": 0x0F}
# GS I n, as a common 80 mm thermal printer answers: one ID byte for n 1-3 (model, type: bit 0
# two-byte characters supported, bit 1 autocutter fitted; ROM version), a "_"-headed NUL-ended
# string for n 65-69 (firmware, maker, model, serial, fonts)
GS_I_REPLIES: dict[int, bytes] = {
    1: b"\x20", 2: b"\x03", 3: b"\x10",
    65: b"_1.00\x00", 66: b"_KIOSK SIM\x00", 67: b"_POS-80\x00", 68: b"_SIM0000001\x00",
    69: b"_CHINA GB18030\x00",
}  # fmt: skip
# DLE EOT 7 (ink) and 8 (peripheral) answers of a thermal printer: no ink to run out, nothing
# attached - the fixed bits of a status byte and nothing set
INK_STATUS = 0x12

#: receipts remembered (paths, text, QR data) and kept on disk: simulate mode runs for days
RECEIPTS_KEPT = 200
#: paper fed without a cut before the simulator tears it off (about 2.5 m at 8 dots/mm)
TEAR_OFF_DOTS = 20000


class PrinterSimulator(PtySimulator):
    kind = "printer"

    def __init__(self, port: Path, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(port, settings)
        width = int(self.settings.get("paper_width_mm", 80))
        self.dots = 384 if width == 58 else 576
        folder = self.settings.get("sim_receipts_dir") or ""
        self.folder = Path(folder) if folder else self.port.parent / "receipts"
        self.state = "ok"
        # the latest RECEIPTS_KEPT receipts, oldest first; `printed` counts all of them
        self.receipts: list[Path] = []
        self.texts: list[str] = []
        self.qr_codes: list[list[str]] = []
        self.printed = 0
        self.status_queries = 0
        self.paper_left: int | None = None  # dots until the roll runs out (None: plenty)
        self._stream = escpos_stream.CommandStream()
        self._paper = paper.Paper(self.dots, bool(self.settings.get("sim_chinese_at_power_up", False)))
        self._stalled = threading.Event()
        self._stall_next_job = False
        self._unplug_after_next = False
        self._lose_reply_after_next = False
        self._lose_next_reply = False
        self._changed = threading.Condition()
        self._serial = itertools.count(1)

    # ---- what tests and the panel see ----
    @property
    def last_receipt(self) -> Path | None:
        return self.receipts[-1] if self.receipts else None

    @property
    def last_text(self) -> str:
        return self.texts[-1] if self.texts else ""

    def set_state(self, state: str) -> None:
        if state not in STATES:
            raise ValueError(f"unknown printer state {state!r}")
        self.state = state
        if state != "out":
            self.paper_left = None
        self.notify("state", state)

    def run_out_during_next(self, dots: int = 120) -> None:
        """The roll ends `dots` into the next receipt (about five lines)."""
        self.paper_left = dots

    def stall(self) -> None:
        self._stalled.set()
        self.notify("stalled", True)

    def stall_during_next(self) -> None:
        """Stall as the next job starts (after answering the status check before it)."""
        self._stall_next_job = True

    def unplug_after_next(self) -> None:
        """Pull the cable right after the next receipt is cut: printed, but no status after it."""
        self._unplug_after_next = True

    def lose_reply_after_next(self) -> None:
        """The first status reply after the next receipt is lost on the line (noise, a late byte)."""
        self._lose_reply_after_next = True

    def resume(self) -> None:
        """Power cycled: working again, and a stall armed for the next job is gone too."""
        self._stall_next_job = False
        self._stalled.clear()
        self.notify("stalled", False)

    def wait_receipts(self, count: int, timeout: float = 5.0) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self.printed >= count, timeout)

    def settings_overrides(self) -> dict[str, Any]:
        return {"transport": "serial", "port": str(self.port)}

    def controls(self) -> list[Control]:
        return [
            Control(tr("打印机状态"), self.set_state, tuple(STATES.items()), group="faults"),
            Control(tr("打印中缺纸"), self.run_out_during_next, group="faults"),
            Control(tr("打印机卡死"), self.stall, group="faults"),
            Control(tr("打印中卡死"), self.stall_during_next, group="faults"),
            Control(tr("打印后断开"), self.unplug_after_next, group="faults"),
            Control(tr("打印机恢复"), self.resume, group="faults"),
            *super().controls(),
        ]

    # ---- protocol ----
    @property
    def can_print(self) -> bool:
        return self.state in ("ok", "near_end")

    def on_bytes(self, data: bytes) -> None:
        if self._stalled.is_set():
            self._hold()
            return
        for cmd in self._stream.feed(data):
            if cmd.name == "init" and self._stall_next_job:
                self._stall_next_job = False
                self.stall()
                self._hold()
                return
            if cmd.name == "dle_eot":
                self.status_queries += 1
                if self._lose_next_reply:
                    self._lose_next_reply = False
                else:
                    self._reply_status(cmd.arg)
            elif cmd.name == "gs_I":
                self.write(GS_I_REPLIES.get(cmd.arg - 48 if 49 <= cmd.arg <= 51 else cmd.arg, b""))
            elif cmd.name == "gs_r":
                if cmd.arg in (1, 49):
                    self.write(bytes([GS_R_REPLIES.get(self.state, 0x00)]))
                else:
                    self.write(b"\x00")
            elif cmd.name == "unknown":
                log.debug("printer simulator: unknown command %#04x", cmd.arg)
            elif self.can_print or cmd.name in ("init", "chinese"):
                self._draw(cmd)

    def _reply_status(self, n: int) -> None:
        replies = REPLIES[self.state]
        if 1 <= n <= 4:
            self.write(bytes([replies[n - 1]]))
        elif n in (7, 8):
            self.write(bytes([INK_STATUS]))

    def _draw(self, cmd: escpos_stream.Cmd) -> None:
        before = self._paper.receipt.height
        done = self._paper.apply(cmd)
        if self.paper_left is not None:
            self.paper_left -= self._paper.receipt.height - before
            if self.paper_left <= 0:
                log.info("printer simulator: paper ran out mid-receipt")
                self._paper.receipt = paper.Receipt()  # the torn stub is not a receipt
                self.paper_left = None
                self.set_state("out")
                return
        if done is None and self._paper.receipt.height > TEAR_OFF_DOTS:
            log.info("printer simulator: %d dots fed without a cut, torn off", TEAR_OFF_DOTS)
            done, self._paper.receipt = self._paper.receipt, paper.Receipt()
        if done is not None:
            self._lose_next_reply, self._lose_reply_after_next = self._lose_reply_after_next, False
            self._save(done)

    def _save(self, receipt: paper.Receipt) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        # the folder outlives the process: a time stamp keeps a restart from overwriting receipts
        path = self.folder / f"receipt-{datetime.now():%Y%m%d-%H%M%S-%f}-{next(self._serial):04d}.png"
        receipt.image(self.dots).save(path)
        with self._changed:
            self.printed += 1
            self.receipts.append(path)
            self.texts.append(receipt.text)
            self.qr_codes.append(receipt.qr_codes)
            dropped = self.receipts[:-RECEIPTS_KEPT]
            for kept in (self.receipts, self.texts, self.qr_codes):
                del kept[:-RECEIPTS_KEPT]
            self._changed.notify_all()
        for old in dropped:  # written by this simulator and no longer remembered
            old.unlink(missing_ok=True)
        self.notify("receipt", path)
        if self._unplug_after_next:
            self._unplug_after_next = False
            self.unplug()

    def _hold(self) -> None:
        """Stop reading, so the driver's writes back up as on a jammed printer."""
        while self._stalled.is_set() and self.plugged and not self._stop.is_set():
            self._stop.wait(0.05)
        self._drain()
        self._stream = escpos_stream.CommandStream()

    def _drain(self) -> None:
        """Throw away what piled up in the pty while stalled (the power cycle loses it)."""
        with self._lock:  # see PtySimulator.unplug: never a descriptor closed meanwhile
            link = self._link
            if link is None:
                return
            try:
                while select.select([link.master], [], [], 0)[0]:
                    if not os.read(link.master, 65536):
                        break
            except OSError:
                pass
