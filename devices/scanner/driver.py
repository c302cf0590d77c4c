"""Scanner drivers: a serial (CDC) scanner, a keyboard-mode scanner through evdev, and the camera.

All three turn what they read into "scanned" events (payload: the code) or "scan_rejected"
events (payload: the reason), with repeats within `repeat_window` dropped. They read in poll(),
which the Device calls every `poll_interval` seconds: without blocking, so a trigger call never
waits behind a read.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from typing import Any

import serial

from core.text import tr
from devices.base import ConnectionLost, DeviceStatus, Driver, Emit, PermanentFault, State
from devices.idcard.link import PORT_ERRORS
from devices.scanner.codec import LineReader, Rejected, RepeatFilter, ScanEvent, Scanned, parse_hex
from devices.serial_port import close_quietly, open_port

log = logging.getLogger(__name__)

#: Seconds of silence after the setup command that end its answer.
SETUP_SETTLE = 0.2


class ScannerDriver(Driver):
    """What the three drivers share: the repeat window and turning scan events into events."""

    def __init__(self, settings: Mapping[str, Any], emit: Emit) -> None:
        super().__init__(settings, emit)
        self.poll_interval = float(settings.get("poll_interval", 0.02))
        self.max_length = int(settings.get("max_length", 2048))
        self.repeats = RepeatFilter(float(settings.get("repeat_window", 2.0)))
        self.scanned = 0
        self.rejected = 0
        try:
            self.setup = parse_hex(str(settings.get("setup_command", "") or ""))
            self.trigger_bytes = parse_hex(str(settings.get("trigger_command", "") or ""))
        except ValueError as e:
            raise PermanentFault(tr("扫码器命令配置有误：{err}", err=str(e))) from e

    def deliver(self, events: list[ScanEvent]) -> None:
        for ev in events:
            if isinstance(ev, Scanned):
                if self.repeats.accept(ev.code, time.monotonic()):
                    self.scanned += 1
                    self.emit("scanned", ev.code)
            elif isinstance(ev, Rejected):
                self.rejected += 1
                log.warning("scanner: %s", ev.reason)
                self.emit("scan_rejected", ev.reason)

    def forget_last(self) -> None:
        """A new journey began: the code the last one read counts again (its slip, after pickup)."""
        self.repeats.forget()

    def trigger(self) -> None:
        """Start one read on a scanner in trigger mode; nothing to do in presentation mode."""


class SerialScanner(ScannerDriver):
    def __init__(self, settings: Mapping[str, Any], emit: Emit) -> None:
        super().__init__(settings, emit)
        self.url = str(settings.get("port", ""))
        self.baud = int(settings.get("baud", 9600))
        self.reader = LineReader(self.max_length)
        self.port: serial.Serial | None = None
        self.received = 0

    def open(self) -> None:
        self.port = open_port(self.url, tr("扫码器"), baudrate=self.baud, timeout=0, write_timeout=1)
        if self.setup:
            self._write(self.setup)
            self._discard_answer()

    def close(self) -> None:
        self.reader.clear()
        close_quietly(self.port)
        self.port = None

    def poll(self) -> DeviceStatus:
        port = self._port()
        try:
            while True:
                data = port.read(4096)
                if not data:
                    break
                self.received += len(data)
                self.deliver(self.reader.feed(data))
        except PORT_ERRORS as e:
            raise ConnectionLost(tr("扫码器连接中断：{err}", err=str(e))) from e
        return DeviceStatus(State.OK)

    def _discard_answer(self) -> None:
        """The scanner's answer to the setup command (Newland: @@@@, no line end) is not a code:
        read and drop input until the line has been quiet for SETUP_SETTLE seconds."""
        port = self._port()
        quiet_since = time.monotonic()
        try:
            while time.monotonic() - quiet_since < SETUP_SETTLE:
                time.sleep(0.02)
                if port.read(4096):
                    quiet_since = time.monotonic()
        except PORT_ERRORS as e:
            raise ConnectionLost(tr("扫码器连接中断：{err}", err=str(e))) from e

    def forget_last(self) -> None:
        """A new journey began: the code the last one read counts again (its slip, after pickup)."""
        self.repeats.forget()

    def trigger(self) -> None:
        if self.trigger_bytes:
            self._write(self.trigger_bytes)

    def _write(self, data: bytes) -> None:
        try:
            self._port().write(data)
        except PORT_ERRORS as e:
            raise ConnectionLost(tr("扫码器连接中断：{err}", err=str(e))) from e

    def _port(self) -> serial.Serial:
        if self.port is None:
            raise ConnectionLost(tr("扫码器未连接"))
        return self.port


class EvdevScanner(ScannerDriver):
    """A keyboard-mode scanner read from /dev/input, grabbed so its keys reach nothing else."""

    def __init__(self, settings: Mapping[str, Any], emit: Emit) -> None:
        super().__init__(settings, emit)
        from devices.scanner.keymap import KeyDecoder

        self.path = str(settings.get("input_device", ""))
        self.decoder = KeyDecoder(self.max_length)
        self.dev: Any = None

    def open(self) -> None:
        import evdev

        if not self.path:
            raise PermanentFault(tr("未配置扫码器输入设备（devices.scanner.input_device）"))
        try:
            dev = evdev.InputDevice(self.path)
        except OSError as e:
            raise ConnectionLost(tr("无法打开扫码器输入设备 {dev}：{err}", dev=self.path, err=str(e))) from e
        try:
            dev.grab()  # the keystrokes must not type into whatever has focus
        except OSError as e:
            dev.close()
            raise ConnectionLost(tr("扫码器输入设备被占用：{err}", err=str(e))) from e
        self.dev = dev

    def close(self) -> None:
        if self.dev is not None:
            try:
                self.dev.ungrab()
            except OSError:
                pass
            try:
                self.dev.close()
            except Exception:
                pass
            self.dev = None

    def poll(self) -> DeviceStatus:
        from evdev import ecodes

        try:
            while True:
                event = self.dev.read_one()
                if event is None:
                    break
                if event.type == ecodes.EV_KEY:
                    got = self.decoder.feed(event.code, event.value)
                    if got is not None:
                        self.deliver([got])
        except OSError as e:  # ENODEV when unplugged
            raise ConnectionLost(tr("扫码器已断开：{err}", err=str(e))) from e
        return DeviceStatus(State.OK)


class CameraQrScanner(ScannerDriver):
    """No scanner fitted: QR codes decoded from camera frames with zxing-cpp.

    It opens its own camera source, so it suits a kiosk whose camera is not also taking photos.
    """

    def __init__(self, settings: Mapping[str, Any], emit: Emit) -> None:
        super().__init__(settings, emit)
        self.poll_interval = float(settings.get("camera_interval", 0.2))
        self.source = str(settings.get("camera_source", "0"))
        self.reader: Any = None
        self._misses = 0

    def open(self) -> None:
        from devices.camera.capture import open_reader, parse_source

        try:
            self.reader = open_reader(parse_source(self.source), 1280, 720, 15)
        except OSError as e:
            raise ConnectionLost(tr("无法打开摄像头：{err}", err=str(e))) from e

    def close(self) -> None:
        if self.reader is not None:
            self.reader.release()
            self.reader = None

    def poll(self) -> DeviceStatus:
        from devices.scanner.qr import decode_image

        ok, frame = self.reader.read()
        if not ok or frame is None:
            self._misses += 1
            if self._misses >= 10:
                raise ConnectionLost(tr("摄像头没有画面"))
            return DeviceStatus(State.OK)
        self._misses = 0
        self.deliver([Scanned(code) for code in decode_image(frame)])
        return DeviceStatus(State.OK)
