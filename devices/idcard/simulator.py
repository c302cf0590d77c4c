"""A SAM serial ID card reader on a pty, with the timing of a real one and its faults.

Replies go out from a writer thread at the wire speed of the configured baud rate (a pty is
otherwise instantaneous), in chunks, after the reader's own working time for each command.
"""

from __future__ import annotations

import queue
import random
import threading
import time
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from core.text import tr
from devices.idcard import codec
from devices.idcard.presets import PRESETS, preset_labels
from devices.idcard.record import IdCard
from devices.sim import Control, PtySimulator

#: Seconds a real reader works on each command before its reply starts (RF exchange, SAM crypto).
READER_DELAYS: dict[tuple[int, int], float] = {
    codec.FIND: 0.015,
    codec.SELECT: 0.015,
    codec.READ: 0.45,
    codec.READ_FINGERPRINT: 0.9,
    codec.READ_ADDRESS: 0.1,
    codec.SAM_ID: 0.005,
    codec.SAM_STATUS: 0.005,
}

FAULTS = ("none", "no_card", "noise", "bad_checksum", "truncated", "slow")
SIMULATED_TIMEOUT_SCALE = 4.0  # the reader's timeouts in simulate mode (the driver's tests allow as much)

SAM_ID_BYTES = (
    bytes.fromhex("05000100")
    + (20101008).to_bytes(4, "little")
    + (123456789).to_bytes(4, "little")
    + (1203).to_bytes(4, "little")
)


class IdCardSimulator(PtySimulator):
    kind = "idcard"

    def __init__(self, port: Path, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(port, settings)
        self.baud = int(self.settings.get("baud", 115200))
        self.card: IdCard | None = None
        self.preset: str | None = None
        self.fault = "none"
        self.pace = True  # deliver replies at the wire speed of `baud`
        self.chunk = 64  # bytes per write: the driver must assemble fragments
        self.delays: dict[tuple[int, int], float] = dict(READER_DELAYS)
        self.slow_delay = 1.0  # extra seconds per reply in "slow" mode
        self.sam_status = codec.SW_OK
        self.work_time = 0.0  # sum of reader delays applied, for the benchmark
        self.bytes_out = 0
        self.commands: Counter[tuple[int, int]] = Counter()  # requests seen, for tests
        self._splitter = codec.FrameSplitter()
        self._found = False
        self._selected = False
        self._out: queue.Queue[tuple[float, bytes] | None] = queue.Queue()
        self._writer: threading.Thread | None = None
        self._rng = random.Random(4)

    # ---- lifecycle ----
    def start(self) -> IdCardSimulator:
        super().start()
        self._writer = threading.Thread(target=self._write_loop, name="sim-idcard-out", daemon=True)
        self._writer.start()
        return self

    def stop(self) -> None:
        self._out.put(None)
        super().stop()
        if self._writer:
            self._writer.join(2)

    def unplug(self) -> None:
        self._drain()
        super().unplug()
        self._splitter.clear()
        self._found = self._selected = False

    def reset_reader(self) -> None:
        """A reader reset or power blip: the port goes away and comes back."""
        self.unplug()
        time.sleep(0.05)
        self.plug()

    # ---- the panel and tests ----
    def insert(self, preset: str = "resident") -> None:
        if preset not in PRESETS:
            raise KeyError(f"unknown card preset {preset!r}; known: {', '.join(PRESETS)}")
        self.insert_card(PRESETS[preset], preset)

    def insert_card(self, card: IdCard, label: str = "custom") -> None:
        self.card, self.preset = card, label
        self._found = self._selected = False
        self.notify("card", label)

    def remove(self) -> None:
        self.card, self.preset = None, None
        self._found = self._selected = False
        self.notify("card", None)

    def set_fault(self, fault: str) -> None:
        if fault not in FAULTS:
            raise KeyError(f"unknown fault {fault!r}; known: {', '.join(FAULTS)}")
        self.fault = fault
        self.notify("fault", fault)

    def controls(self) -> list[Control]:
        faults = (
            ("none", tr("无故障")),
            ("no_card", tr("找不到卡")),
            ("noise", tr("应答前有杂波")),
            ("bad_checksum", tr("应答校验和错误")),
            ("truncated", tr("应答被截断")),
            ("slow", tr("读卡器反应迟缓")),
        )
        return [
            Control(tr("插入身份证"), self.insert, choices=preset_labels()),
            Control(tr("取走身份证"), self.remove),
            Control(tr("读卡器故障"), self.set_fault, choices=faults, group="faults"),
            Control(tr("读卡器复位"), self.reset_reader, group="faults"),
            *super().controls(),
        ]

    # ---- protocol ----
    def on_bytes(self, data: bytes) -> None:
        for raw in self._splitter.feed(data):
            arrived = time.monotonic() + self._wire(len(raw))  # when a real UART has it all
            try:
                command, _ = codec.parse_request(raw)
            except codec.ChecksumError:
                self._send(arrived, None, codec.reply(codec.SW_CHECKSUM))
                continue
            except codec.CodecError:
                self._send(arrived, None, codec.reply(codec.SW_LENGTH))
                continue
            self.commands[command] += 1
            self._send(arrived, command, self.answer(command))

    def answer(self, command: tuple[int, int]) -> bytes:
        card = self.card
        if command in (codec.RESET, codec.RESET_ALT):
            self._found = self._selected = False
            return codec.reply(codec.SW_OK)
        if command == codec.SAM_STATUS:
            return codec.reply(self.sam_status)
        if command == codec.SAM_ID:
            return codec.reply(codec.SW_OK, SAM_ID_BYTES)
        if command == codec.SET_RF_BYTES:
            return codec.reply(codec.SW_OK)
        if command == codec.FIND:
            self._found = card is not None and self.fault != "no_card"
            return codec.reply(codec.SW_FIND_OK, bytes(4)) if self._found else codec.reply(codec.SW_NO_CARD)
        if command == codec.SELECT:
            self._selected = self._found and card is not None
            return (
                codec.reply(codec.SW_OK, bytes(8)) if self._selected else codec.reply(codec.SW_SELECT_FAILED)
            )
        if command in (codec.READ, codec.READ_FINGERPRINT):
            if card is None or not self._selected:
                return codec.reply(codec.SW_READ_FAILED)
            fp = card.fingerprint if command == codec.READ_FINGERPRINT else None
            return codec.reply(codec.SW_OK, codec.encode_read(codec.encode_text(card), card.photo_wlt, fp))
        if command == codec.READ_ADDRESS:
            if card is None or not self._selected:
                return codec.reply(codec.SW_READ_FAILED)
            if not card.extra_address:
                return codec.reply(codec.SW_NO_CONTENT)
            return codec.reply(codec.SW_OK, codec.encode_address(card.extra_address))
        return codec.reply(codec.SW_COMMAND)

    # ---- output with timing and faults ----
    def _wire(self, n: int) -> float:
        return n * 10 / self.baud if self.pace else 0.0

    def _send(self, arrived: float, command: tuple[int, int] | None, frame: bytes) -> None:
        delay = self.delays.get(command, 0.0) if command else 0.0
        self.work_time += delay
        fault = self.fault
        if fault == "slow":
            delay += self.slow_delay
        elif fault == "bad_checksum":
            frame = frame[:-1] + bytes([frame[-1] ^ 0x5A])
        elif fault == "truncated":
            frame = frame[: max(4, len(frame) // 2)]
        elif fault == "noise":
            frame = self._noise() + frame
        self._out.put((arrived + delay, frame))

    def _noise(self) -> bytes:
        """Line garbage, with fragments of the preamble to tempt a naive parser."""
        while True:
            parts = [bytes(self._rng.randrange(256) for _ in range(self._rng.randrange(1, 12)))]
            parts.append(codec.PREAMBLE[: self._rng.randrange(1, 5)])
            parts.append(bytes([0x00, 0xFF, 0xAA])[: self._rng.randrange(0, 4)])
            noise = b"".join(parts)
            if codec.PREAMBLE not in noise + codec.PREAMBLE[:4]:
                return noise

    def _drain(self) -> None:
        while True:
            try:
                item = self._out.get_nowait()
            except queue.Empty:
                return
            if item is None:  # keep the stop signal
                self._out.put(None)
                return

    def _write_loop(self) -> None:
        while True:
            item = self._out.get()
            if item is None:
                return
            due, frame = item
            wait = due - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            start = time.monotonic()
            for i in range(0, len(frame), self.chunk):
                part = frame[i : i + self.chunk]
                # a UART has the chunk's last byte out only after its wire time
                target = start + self._wire(i + len(part))
                wait = target - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                if not self.plugged:
                    break
                self.write(part)
                self.bytes_out += len(part)

    def settings_overrides(self) -> dict[str, Any]:
        # this simulator answers from a thread of the kiosk's own process: on a loaded machine a
        # reply can miss the real reader's 0.1 s, and two misses made the reader faulty mid-journey
        scale = max(SIMULATED_TIMEOUT_SCALE, float(self.settings.get("timeout_scale", 1.0)))
        return {"driver": "sam-serial", "port": str(self.port), "timeout_scale": scale}
