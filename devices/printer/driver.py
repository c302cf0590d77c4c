"""The ESC/POS receipt printer driver: status before and after every job, layouts, reconnect.

Runs on its Device's worker thread, so jobs queue there one at a time. A job is refused before
any byte is sent unless the printer reports itself ready, and counts as printed only when the
status read after it still shows paper and no fault: a caller never assumes a receipt was printed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from escpos.escpos import Escpos

from core.text import Text, tr
from devices.base import (
    ConnectionLost,
    DeviceError,
    DeviceStatus,
    Driver,
    Emit,
    OutcomeUnknown,
    PermanentFault,
)
from devices.printer import layout as layouts
from devices.printer import status as st
from devices.printer import transport

log = logging.getLogger(__name__)

CHUNK = 256  # bytes per write: a stall shows within one chunk's time, not the whole job's


@dataclass(frozen=True)
class PrintResult:
    completed: bool
    reason: Text = Text("")
    bytes_sent: int = 0
    status: st.PrinterStatus | None = None


class EscposPrinter(Driver):
    def __init__(
        self,
        settings: Mapping[str, Any],
        emit: Emit,
        *,
        link_factory: Callable[[Mapping[str, Any], str], Escpos] | None = None,
    ) -> None:
        super().__init__(settings, emit)
        self.poll_interval = float(settings.get("status_interval", 2.0))
        self.reply_timeout = float(settings.get("reply_timeout", 1.0))
        self.profile = str(settings.get("profile", "default"))
        self.gs_r = bool(settings.get("gs_r_status", False))
        self.paper = layouts.PaperOptions(
            paper_width_mm=int(settings.get("paper_width_mm", 80)),
            chinese=str(settings.get("chinese", "gb18030")),
            native_qr=bool(settings.get("native_qr", True)),
        )
        layouts_dir = str(settings.get("layouts_dir", "") or "")
        self.layouts_dir = Path(layouts_dir) if layouts_dir else None
        self._link_factory = link_factory or transport.build
        self._link: Escpos | None = None
        self.last_status: st.PrinterStatus | None = None

    # ---- connection ----
    def open(self) -> None:
        try:
            link = self._link_factory(self.settings, self.profile)
        except (ValueError, KeyError, RuntimeError) as e:  # bad transport settings, missing pyusb
            raise PermanentFault(tr("打印机配置错误：{err}", err=str(e))) from e
        try:
            link.open()
        except Exception as e:
            raise ConnectionLost(tr("无法连接打印机：{err}", err=str(e))) from e
        self._link = link

    def close(self) -> None:
        link, self._link = self._link, None
        if link is not None:
            try:
                link.close()
            except Exception:
                log.debug("printer link close failed", exc_info=True)

    def _require_link(self) -> Escpos:
        if self._link is None:
            raise ConnectionLost(tr("打印机未连接"))
        return self._link

    # ---- status ----
    def _query(self, command: bytes, timeout: float) -> int:
        link = self._require_link()
        try:
            link._raw(command)
            if hasattr(link, "set_read_timeout"):
                link.set_read_timeout(timeout)
            reply = link._read()
        except transport.LINK_ERRORS as e:
            raise ConnectionLost(tr("打印机连接中断")) from e
        if not reply:
            raise ConnectionLost(tr("打印机无响应"))
        return reply[-1]  # a late reply to an earlier query may precede this one

    def read_status(self, wait: float = 0.0) -> st.PrinterStatus:
        """One status round (DLE EOT 1, 2, 4, and 3 / GS r 1 when needed); `wait` adds to the first reply."""
        link = self._require_link()
        try:
            if hasattr(link, "discard_input"):
                link.discard_input()
        except transport.LINK_ERRORS as e:
            raise ConnectionLost(tr("打印机连接中断")) from e
        try:
            printer = self._query(st.QUERY_PRINTER, self.reply_timeout + wait)
            cause = self._query(st.QUERY_OFFLINE_CAUSE, self.reply_timeout)
            paper = self._query(st.QUERY_PAPER, self.reply_timeout)
            error = self._query(st.QUERY_ERROR_CAUSE, self.reply_timeout) if cause & 0x40 else None
            gs_r = self._query(st.QUERY_PAPER_GS_R, self.reply_timeout) if self.gs_r else None
            status = st.combine(printer, cause, paper, error, gs_r)
        except st.BadReply as e:
            raise ConnectionLost(tr("打印机应答异常：{err}", err=str(e))) from e
        self.last_status = status
        return status

    def _status_after_job(self, size: int) -> st.PrinterStatus:
        """The status after a job of `size` bytes, asked twice before giving up: one reply lost on
        the line must not turn a ticket in the citizen's hand into an unknown outcome."""
        # the reply queues behind the job on a slow link: allow for the job's transfer time
        wait = size * 10 / int(self.settings.get("baud", 115200))
        try:
            return self.read_status(wait=wait)
        except ConnectionLost as e:
            log.warning("printer: no status after the job (%s): asking again", e)
        return self.read_status(wait=wait)

    def poll(self) -> DeviceStatus:
        return self.read_status().device_status()

    # ---- jobs ----
    def job_data(self, name: str, data: Mapping[str, Any]) -> bytes:
        """The ESC/POS bytes of a layout filled with data (no I/O)."""
        layout = layouts.load_layout(name, self.layouts_dir)
        if name == "test_page":
            data = {**self._test_page_defaults(), **data}
        return layouts.job_bytes(layout, data, self.paper, self.profile)

    def _test_page_defaults(self) -> dict[str, Any]:
        return {
            "hall": "",
            "kiosk_id": "",
            "printed_at": datetime.now().astimezone(),
            "profile": self.profile,
            "paper_width_mm": self.paper.paper_width_mm,
            "chinese": self.paper.chinese,
            "qr_mode": "native" if self.paper.native_qr else "raster",
            "qr": "TEST-PAGE-OK",
        }

    def print_layout(self, name: str, data: Mapping[str, Any]) -> PrintResult:
        job = self.job_data(name, data)
        return self.print_bytes(job)

    def print_bytes(self, job: bytes) -> PrintResult:
        before = self.read_status()
        verdict = before.device_status()
        if not verdict.usable:
            raise DeviceError(tr("无法打印：{why}", why=verdict.reason))
        link = self._require_link()
        sent = 0
        try:
            for i in range(0, len(job), CHUNK):
                link._raw(job[i : i + CHUNK])
                sent += len(job[i : i + CHUNK])
        except transport.LINK_ERRORS as e:
            log.warning("printer link failed after %d of %d bytes: %s", sent, len(job), e)
            raise ConnectionLost(tr("打印机停止接收数据")) from e
        try:  # the whole job is out: from here a lost link leaves the outcome unknown
            after = self._status_after_job(len(job))
        except ConnectionLost as e:
            log.warning("printer link lost after the whole job of %d bytes: outcome unknown", sent)
            raise OutcomeUnknown(tr("打印机在打印后没有应答")) from e
        result_status = after.device_status()
        if after.paper == st.PAPER_OUT or not result_status.usable:
            log.warning("print job of %d bytes not completed: %s", len(job), result_status.reason)
            return PrintResult(False, result_status.reason, sent, after)
        return PrintResult(True, Text(""), sent, after)
