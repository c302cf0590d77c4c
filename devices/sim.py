"""Simulators that speak a device's protocol over a pseudo-terminal.

The real driver opens `port`, a stable symlink to the pty's slave side, exactly as it would open
/dev/ttyUSB0. "Unplugging" closes the pty (the driver's reads fail as on a real unplug);
"plugging in" makes a new pty and re-points the symlink.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import threading
import time
import tty
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from core.text import Text, tr

log = logging.getLogger(__name__)

#: input kept for tests to inspect; simulate mode runs for days, so older input is dropped
RECEIVED_KEEP = 64 * 1024
WRITE_WAIT = 5.0  # seconds a reply waits for a driver that stopped reading before it is lost


@dataclass(frozen=True)
class Control:
    """A button (or a choice of buttons) on the simulator panel."""

    label: Text
    action: Callable[..., Any]
    choices: tuple[tuple[str, Text], ...] = ()  # (value, label) when the action takes one
    group: str = "events"  # "events" or "faults"
    text: bool = False  # the action takes free text typed on the panel (choices are suggestions)


@dataclass
class PtyLink:
    master: int
    slave_name: str
    slave_fd: int  # kept open so the pty survives the driver closing and reopening it


class Simulator:
    """What the simulator panel and simulate mode need of any simulator."""

    kind = "device"

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        self.settings = dict(settings or {})
        self.listeners: list[Callable[[str, Any], None]] = []

    def notify(self, what: str, value: Any) -> None:
        for listener in list(self.listeners):
            try:
                listener(what, value)
            except Exception:
                log.exception("simulator listener failed")

    def unplug(self) -> None:
        raise NotImplementedError

    def plug(self) -> None:
        raise NotImplementedError

    def controls(self) -> list[Control]:
        return [
            Control(tr("拔出设备"), self.unplug, group="faults"),
            Control(tr("插回设备"), self.plug, group="faults"),
        ]

    def settings_overrides(self) -> dict[str, Any]:
        raise NotImplementedError


class PtySimulator(Simulator):
    """Base class: subclasses implement on_bytes() and call write() to answer."""

    #: the baud rate the driver should be configured with (ptys ignore it; delays may use it)
    baud = 115200

    def __init__(self, port: Path, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings)
        self.port = Path(port)
        self._link: PtyLink | None = None
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.received = bytearray()  # the latest input, at most RECEIVED_KEEP bytes
        self.received_bytes = 0  # all input since start
        self.silent = False  # a fault: the device reads its input and never answers

    # ---- lifecycle ----
    def start(self) -> Self:
        self.port.parent.mkdir(parents=True, exist_ok=True)
        self.plug()
        self._thread = threading.Thread(target=self._loop, name=f"sim-{self.kind}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(2)
        self.unplug()

    def plug(self) -> None:
        with self._lock:
            if self._link is not None:
                return
            master, slave = os.openpty()
            tty.setraw(master)
            tty.setraw(slave)
            os.set_blocking(master, False)  # a full pty must not block a write holding the lock
            name = os.ttyname(slave)
            tmp = self.port.with_name(self.port.name + ".new")
            tmp.unlink(missing_ok=True)
            tmp.symlink_to(name)
            tmp.replace(self.port)
            self._link = PtyLink(master, name, slave)
        self.notify("plugged", True)

    def unplug(self) -> None:
        # closed under the lock, which every read and write of the link holds: none of them can
        # then use a descriptor number the process has meanwhile reused for another file (the
        # simulator once read away part of an OpenCV cascade file that way)
        with self._lock:
            link, self._link = self._link, None
            if link is None:
                return
            # the port goes, as the kernel removes /dev/ttyUSB0: the terminal's number is free
            # for the next device, and a driver must not reconnect to that one through our name
            with contextlib.suppress(OSError):
                if self.port.is_symlink() and os.readlink(self.port) == link.slave_name:
                    self.port.unlink()
            for fd in (link.master, link.slave_fd):
                try:
                    os.close(fd)
                except OSError:
                    pass
        self.notify("plugged", False)

    @property
    def plugged(self) -> bool:
        return self._link is not None

    def settings_overrides(self) -> dict[str, Any]:
        """What simulate mode changes in the device's config section to reach this simulator."""
        return {"port": str(self.port)}

    # ---- protocol ----
    def on_bytes(self, data: bytes) -> None:
        raise NotImplementedError

    def write(self, data: bytes) -> None:
        """Send to the driver; lost while unplugged, or when the driver reads nothing for a while."""
        deadline = time.monotonic() + WRITE_WAIT
        while data:
            with self._lock:
                if self._link is None:
                    return
                try:
                    data = data[os.write(self._link.master, data) :]
                except BlockingIOError:  # the pty is full: wait for the driver to read, unlocked
                    pass
                except OSError:
                    return
            if data and (time.monotonic() > deadline or self._stop.wait(0.005)):
                return

    def _keep(self, data: bytes) -> None:
        self.received_bytes += len(data)
        self.received += data
        if len(self.received) > RECEIVED_KEEP:
            del self.received[: len(self.received) - RECEIVED_KEEP]

    def _loop(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                link = self._link
            if link is None:
                self._stop.wait(0.05)
                continue
            try:
                ready, _, _ = select.select([link.master], [], [], 0.05)
            except (OSError, ValueError):  # unplugged while waiting
                continue
            if not ready:
                continue
            with self._lock:
                if self._link is not link:
                    continue  # unplugged meanwhile: that fd number may be another file's now
                try:
                    data = os.read(link.master, 65536)
                except BlockingIOError:
                    continue
                except OSError:
                    data = b""
            if not data:
                self._stop.wait(0.05)
                continue
            if not self.silent:
                self._keep(data)
                try:
                    self.on_bytes(data)
                except Exception:
                    log.exception("%s simulator failed on input", self.kind)
