"""Request/response over a serial stream: one command at a time, per-command timeout.

Replies carry no command echo, so a reply that arrives after its command timed out could be
taken for the next command's. Two defences: the input is flushed before each request, and a
reply whose shape does not fit the command asked (codec.reply_fits) is dropped as stale.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import serial

from core.text import tr
from devices.base import ConnectionLost
from devices.idcard import codec
from devices.idcard.errors import ReaderProtocolError, ReaderTimeout

log = logging.getLogger(__name__)

try:
    import termios

    _TERMIOS_ERRORS: tuple[type[Exception], ...] = (termios.error,)
except ImportError:  # not POSIX
    _TERMIOS_ERRORS = ()

#: What a vanished port raises (tcflush on a dead pty raises termios.error, not OSError).
PORT_ERRORS: tuple[type[Exception], ...] = (serial.SerialException, OSError, *_TERMIOS_ERRORS)

#: Seconds per command (reference/protocols.md "typical timeouts"), before timeout_scale.
TIMEOUTS: dict[tuple[int, int], float] = {
    codec.FIND: 0.1,
    codec.SELECT: 0.1,
    codec.READ: 2.0,
    codec.READ_FINGERPRINT: 3.0,
    codec.READ_ADDRESS: 1.5,
    codec.SAM_ID: 0.3,
    codec.SAM_STATUS: 0.3,
    codec.RESET: 1.0,
    codec.RESET_ALT: 1.0,
    codec.SET_RF_BYTES: 0.3,
}

#: How long one port.read() may block; bounds how late a deadline is noticed.
READ_SLICE = 0.02


class SamLink:
    def __init__(self, port: serial.Serial, timeout_scale: float = 1.0) -> None:
        self.port = port
        self.scale = timeout_scale
        self.splitter = codec.FrameSplitter()
        self.stale = 0  # replies dropped because they did not fit the command
        self.sent = 0  # bytes written, for the benchmark's wire-time figure
        self.received = 0  # bytes read
        self.port.timeout = READ_SLICE

    def close(self) -> None:
        try:
            self.port.close()
        except Exception:
            pass

    def exchange(
        self,
        command: tuple[int, int],
        data: bytes = b"",
        timeout: float | None = None,
        now: Callable[[], float] = time.monotonic,
    ) -> codec.Reply:
        """Send one request and return its reply; ReaderTimeout, ReaderProtocolError or ConnectionLost."""
        limit = (timeout if timeout is not None else TIMEOUTS.get(command, 1.0)) * self.scale
        name = f"{command[0]:02X} {command[1]:02X}"
        try:
            self.port.reset_input_buffer()
            self.splitter.clear()
            raw = codec.request(command, data)
            self.port.write(raw)
            self.sent += len(raw)
            deadline = now() + limit
            while True:
                chunk = self.port.read(self.splitter.need)
                self.received += len(chunk)
                for frame in self.splitter.feed(chunk):
                    try:
                        reply = codec.parse_reply(frame)
                    except codec.CodecError as e:
                        raise ReaderProtocolError(
                            tr("读卡器应答损坏（{cmd}）：{err}", cmd=name, err=e.reason)
                        ) from e
                    if codec.reply_fits(command, reply):
                        return reply
                    self.stale += 1
                    log.debug("dropped a reply that does not fit %s: sw3=%02X", name, reply.sw3)
                if now() >= deadline:
                    cut = len(self.splitter.buffer)
                    what = tr("应答不完整") if cut else tr("无应答")
                    raise ReaderTimeout(
                        tr(
                            "读卡器{what}（命令 {cmd}，{ms} 毫秒）",
                            what=what,
                            cmd=name,
                            ms=round(limit * 1000),
                        )
                    )
        except PORT_ERRORS as e:
            raise ConnectionLost(tr("读卡器连接中断：{err}", err=str(e))) from e
