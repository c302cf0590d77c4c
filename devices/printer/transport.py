"""The byte links to a receipt printer: python-escpos printer classes that can also read replies.

python-escpos moves bytes; the driver needs two more things from every link: a status reply
read with a timeout, and a close that cannot hang on a stalled printer. Each class here adds
`set_read_timeout()` and `discard_input()` to one python-escpos transport.
"""

from __future__ import annotations

import os
import select
import socket
import termios
from collections.abc import Mapping
from typing import Any

import serial
from escpos.escpos import Escpos
from escpos.printer import File, Network
from escpos.printer import Serial as EscposSerial


class UrlSerial(EscposSerial):
    """python-escpos Serial opened with serial_for_url (so /dev/ttyUSB0, hwgrep://, socket:// work)."""

    def __init__(self, url: str, baudrate: int, write_timeout: float, **kwargs: Any) -> None:
        super().__init__(devfile=url, baudrate=baudrate, timeout=1.0, **kwargs)
        self.write_timeout = write_timeout

    def open(self, raise_not_found: bool = True) -> None:
        self.device = serial.serial_for_url(
            self.devfile,
            baudrate=self.baudrate,
            timeout=self.timeout,
            write_timeout=self.write_timeout,
            dsrdtr=self.dsrdtr,
        )

    def set_read_timeout(self, seconds: float) -> None:
        self.device.timeout = seconds

    def discard_input(self) -> None:
        self.device.reset_input_buffer()

    def _read(self) -> bytes:
        port = self.device
        first = port.read(1)
        return first + (port.read(port.in_waiting) if first and port.in_waiting else b"")

    def close(self) -> None:
        # python-escpos flushes first, which waits forever on a printer that stopped reading
        dev: Any = getattr(self, "_device", False)
        self._device = False
        if dev:
            try:
                dev.reset_output_buffer()
            finally:
                dev.close()


class RawNetwork(Network):
    """Raw TCP (port 9100); the socket timeout bounds both sending and reading replies."""

    def set_read_timeout(self, seconds: float) -> None:
        self.device.settimeout(seconds)

    def discard_input(self) -> None:
        sock = self.device
        sock.setblocking(False)
        try:
            while sock.recv(64):
                pass
        except OSError:
            pass
        finally:
            sock.setblocking(True)

    def _read(self) -> bytes:
        try:
            return bytes(self.device.recv(16))
        except TimeoutError:
            return b""


class DeviceFile(File):
    """A printer device file (/dev/usb/lp0); read back when the file allows (printer class devices do)."""

    _timeout = 1.0
    readable = False

    def open(self, raise_not_found: bool = True) -> None:
        try:
            self.device = open(self.devfile, "r+b", buffering=0)  # noqa: SIM115 - kept open until close()
            self.readable = os.path.exists(self.devfile) and not os.path.isfile(self.devfile)
        except OSError:
            super().open(raise_not_found)

    def set_read_timeout(self, seconds: float) -> None:
        self._timeout = seconds

    def discard_input(self) -> None:
        while self.readable and self._read_ready(0):
            if not os.read(self.device.fileno(), 64):
                return

    def _read_ready(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.device.fileno()], [], [], timeout)
        return bool(ready)

    def _read(self) -> bytes:
        if not self.readable or not self._read_ready(self._timeout):
            return b""
        return os.read(self.device.fileno(), 16)


def build(settings: Mapping[str, Any], profile: str) -> Escpos:
    """A fresh, unopened printer link for the configured transport."""
    transport = settings.get("transport", "serial")
    stall = float(settings.get("stall_timeout", 5.0))
    if transport == "serial":
        return UrlSerial(str(settings["port"]), int(settings.get("baud", 115200)), stall, profile=profile)
    if transport == "network":
        return RawNetwork(str(settings["host"]), port=9100, timeout=stall, profile=profile)
    if transport == "file":
        return DeviceFile(str(settings["port"]), profile=profile)
    if transport == "usb":
        from escpos.printer import Usb  # needs pyusb (python-escpos[usb])

        return Usb(
            int(settings["usb_vendor"]),
            int(settings["usb_product"]),
            timeout=int(stall * 1000),
            profile=profile,
        )
    raise ValueError(f"unknown transport {transport!r}")


# termios.error is not an OSError: pyserial's tcflush raises it when the port vanished (unplugged)
LINK_ERRORS: tuple[type[BaseException], ...] = (
    serial.SerialException,
    OSError,
    socket.timeout,
    termios.error,
)
