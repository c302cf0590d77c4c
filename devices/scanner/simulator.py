"""A serial (CDC) barcode scanner on a pty: each code "scanned" on the panel goes out as a line.

Presentation mode sends at once; with a trigger command configured (Honeywell `16 54 0D`...),
the code waits in front of the scanner until the driver sends the trigger. Faults: binary noise,
a 10,000-character line, and the base class's unplug. Lines go out at the baud rate's wire speed.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from core.text import Text, tr
from devices.scanner.codec import parse_hex
from devices.sim import Control, PtySimulator

#: Codes offered on the panel (any text can be typed instead): WeChat and Alipay payment
#: codes of the documented shapes, a pickup code, a URL.
SAMPLES = ("134567890123456789", "281234567890123456", "PICKUP-000123", "https://zwfw.example.cn/q/8F3K2")


class ScannerSimulator(PtySimulator):
    kind = "scanner"

    def __init__(self, port: Path, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(port, settings)
        self.baud = int(self.settings.get("baud", 9600))
        self.trigger = parse_hex(str(self.settings.get("trigger_command", "") or ""))
        self.terminator = b"\r\n"
        self.pace = True
        self.sent_at: float | None = None  # perf_counter when the last code's first byte went out
        self._held: list[bytes] = []  # codes waiting for a trigger
        self._buf = bytearray()
        self._rng = random.Random(11)
        self._send_lock = threading.Lock()

    def scan(self, text: str) -> None:
        """Hold a code in front of the scanner (the panel's text field, tests)."""
        self.scan_bytes(text.encode("utf-8"))

    def scan_bytes(self, data: bytes) -> None:
        if self.trigger:
            self._held.append(data)
        else:
            self._send(data + self.terminator)
        self.notify("scanned", data[:40])

    def noise(self) -> None:
        self._send(bytes(self._rng.randrange(256) for _ in range(64)) + b"\r")

    def long_line(self) -> None:
        self._send(b"9" * 10_000 + self.terminator)

    def controls(self) -> list[Control]:
        return [
            Control(tr("扫码"), self.scan, tuple((s, Text(s)) for s in SAMPLES), text=True),
            Control(tr("发送乱码"), self.noise, group="faults"),
            Control(tr("发送超长内容"), self.long_line, group="faults"),
            *super().controls(),
        ]

    def on_bytes(self, data: bytes) -> None:
        self._buf += data
        if b"$$$$" in self._buf:  # Newland: enter setup; it answers without a line end
            self._buf.clear()
            self._send(b"@@@@")
        if not self.trigger:
            del self._buf[:-3]  # keep a possible start of "$$$$"
            return
        while (i := self._buf.find(self.trigger)) >= 0:
            del self._buf[: i + len(self.trigger)]
            if self._held:
                self._send(self._held.pop(0) + self.terminator)
        del self._buf[: max(0, len(self._buf) - len(self.trigger))]

    def _send(self, data: bytes) -> None:
        with self._send_lock:
            self.sent_at = time.perf_counter()
            if self.pace:
                time.sleep(len(data) * 10 / self.baud)
            self.write(data)
