"""The lock-board driver: one serial bus (RS485) with one or more boards of either protocol.

Every exchange clears stale input, sends one frame, reads the reply against a deadline and checks
it. A board that stays silent raises BoardSilent naming it; the bus and the other boards stay
usable. Opens are never retried (a lost reply is not a reason to pulse the lock again); an open
with no reply is settled by a status query - some Kerong boards never answer an unlock, and the
door they opened must not be reported as failed. Queries are retried `query_retries` times.
"""

from __future__ import annotations

import logging
import termios
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import serial

from core.text import tr
from devices.base import ConnectionLost, DeviceError, DeviceStatus, Driver, Emit, PermanentFault, State
from devices.locker.errors import BoardBadReply, BoardSilent, LockJammed, UnknownCompartment
from devices.locker.layout import LayoutError, Slot, boards_of, layout_from_settings
from devices.locker.protocol import BadReply, Codec, codec_for
from devices.serial_port import close_quietly, open_port

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Seconds between an unanswered unlock and the status query that settles it (the lock's pulse).
UNLOCK_SETTLE = 0.1


class LockBoard(Driver):
    def __init__(self, settings: Mapping[str, Any], emit: Emit) -> None:
        super().__init__(settings, emit)
        try:
            self.codec: Codec = codec_for(
                str(settings.get("protocol", "8a")), int(settings.get("channels", 24))
            )
            self.slots: tuple[Slot, ...] = layout_from_settings(settings)
        except (LayoutError, ValueError) as e:
            raise PermanentFault(tr("柜格配置有误：{err}", err=str(e))) from e
        self.by_number = {s.number: s for s in self.slots}
        self.baud = int(settings.get("baud") or 0) or self.codec.default_baud
        self.reply_timeout = float(settings.get("reply_timeout", 0.5))
        self.query_retries = int(settings.get("query_retries", 1))
        self.reversed = settings.get("open_reply_polarity", "normal") == "reversed"
        self.await_unlock_reply = settings.get("unlock_reply", "auto") != "none"
        self.poll_interval = float(settings.get("poll_interval", 2.0))
        # a short reply is whole when no byte follows within a few byte times
        self.quiet = 3 * 10 / self.baud + 0.01
        self.port: serial.Serial | None = None
        self.open_commands = 0  # open frames sent by this driver (diagnostics, tests)
        self._doors: dict[int, bool] = {}

    # ---- lifecycle ----
    def open(self) -> None:
        url = str(self.settings.get("port", ""))
        self.port = open_port(url, tr("锁控板"), baudrate=self.baud, timeout=self.reply_timeout)

    def close(self) -> None:
        close_quietly(self.port)
        self.port = None

    def poll(self) -> DeviceStatus:
        states = self.doors()
        silent = sorted({self.by_number[n].board for n, closed in states.items() if closed is None})
        changed = {n: c for n, c in states.items() if c is not None and self._doors.get(n) != c}
        self._doors.update(changed)
        if changed:
            self.emit("doors", changed)
        if len(silent) == len(boards_of(self.slots)):
            raise ConnectionLost(tr("锁控板均无应答"))
        open_doors = sorted(n for n, c in self._doors.items() if c is False)
        if silent:
            return DeviceStatus(
                State.DEGRADED,
                tr("锁控板 {boards} 无应答", boards=", ".join(map(str, silent))),
                {"silent_boards": silent, "open_doors": open_doors},
            )
        return DeviceStatus(State.OK, detail={"open_doors": open_doors})

    # ---- board level ----
    def open_lock(self, board: int, lock: int, number: int | None = None) -> None:
        """Pulse one lock, exactly once. Raises LockJammed if it did not open."""
        self._check(board, lock)
        self.open_commands += 1
        request = self.codec.open_request(board, lock)
        try:
            if not self.await_unlock_reply:
                self._transact(request, self.codec.open_header, 0)
                raise BoardSilent(board)
            opened = self._ask(
                request,
                self.codec.open_header,
                self.codec.open_reply_len,
                board,
                lambda r: self.codec.parse_open(r, board, lock),
                retries=0,
            )
        except BoardSilent:
            # no reply: the door decides (BoardSilent again if the board is really gone)
            time.sleep(UNLOCK_SETTLE)
            if self.query_lock(board, lock):
                raise LockJammed(board, lock, number) from None
            log.info("board %d lock %d: no reply to the unlock, but the door is open", board, lock)
            return
        if opened != self.reversed:
            return
        # The board says "failed". Believe the door rather than the status code: a wrong polarity
        # setting must not turn every good compartment faulty.
        try:
            closed = self.query_lock(board, lock)
        except DeviceError:
            closed = True
        if not closed:
            log.warning(
                "board %d lock %d reported a failed open but its door is open: check open_reply_polarity",
                board,
                lock,
            )
            return
        raise LockJammed(board, lock, number)

    def query_lock(self, board: int, lock: int) -> bool:
        """True when the door is closed."""
        self._check(board, lock)
        return self._ask(
            self.codec.query_request(board, lock),
            self.codec.query_header,
            self.codec.query_reply_len,
            board,
            lambda r: self.codec.parse_query(r, board, lock),
            retries=self.query_retries,
        )

    def query_board(self, board: int) -> dict[int, bool]:
        """lock -> closed for every lock the board reports."""
        self._check(board, None)

        def complete(reply: bytes) -> bool:
            try:
                self.codec.parse_query_all(reply, board)
            except BadReply:
                return False
            return True

        return self._ask(
            self.codec.query_all_request(board),
            self.codec.query_header,
            self.codec.query_all_reply_len,
            board,
            lambda r: self.codec.parse_query_all(r, board),
            retries=self.query_retries,
            complete=complete,
        )

    def open_board(self, board: int) -> None:
        """Open every lock of one board (staff emptying a wall); the doors are checked by polling."""
        self._check(board, None)
        self.open_commands += 1
        # its answer (if the board gives one) is read and dropped: it says nothing the doors do not,
        # and left on the line it would pass for the next query's reply
        wait = self.codec.open_reply_len if self.await_unlock_reply else 0
        self._transact(self.codec.open_all_request(board), self.codec.open_header, wait)

    # ---- compartment level ----
    def slot(self, number: int) -> Slot:
        try:
            return self.by_number[number]
        except KeyError:
            raise UnknownCompartment(number) from None

    def open_compartment(self, number: int) -> None:
        s = self.slot(number)
        self.open_lock(s.board, s.lock, number)

    def door_closed(self, number: int) -> bool:
        s = self.slot(number)
        return self.query_lock(s.board, s.lock)

    def doors(self, numbers: Iterable[int] | None = None) -> dict[int, bool | None]:
        """number -> door closed, or None where its board did not answer; one query per board."""
        slots = self.slots if numbers is None else tuple(self.slot(n) for n in numbers)
        out: dict[int, bool | None] = {}
        for board in boards_of(slots):
            try:
                locks: dict[int, bool] | None = self.query_board(board)
            except (BoardSilent, BoardBadReply):
                locks = None
            for s in slots:
                if s.board == board:
                    out[s.number] = None if locks is None else locks.get(s.lock)
        return out

    # ---- the wire ----
    def _check(self, board: int, lock: int | None) -> None:
        try:
            self.codec.check_address(board, lock)
        except ValueError as e:
            raise DeviceError(tr("锁号超出范围：{err}", err=str(e))) from None

    def _ask(
        self,
        request: bytes,
        header: int,
        length: int,
        board: int,
        parse: Callable[[bytes], T],
        retries: int,
        complete: Callable[[bytes], bool] | None = None,
    ) -> T:
        error: DeviceError = BoardSilent(board)
        for _ in range(1 + retries):
            reply = self._transact(request, header, length, complete)
            if not reply:
                error = BoardSilent(board)
                continue
            try:
                return parse(reply)
            except BadReply as e:
                log.warning("board %d bad reply %s: %s", board, reply.hex(" "), e)
                error = BoardBadReply(board, str(e))
        raise error

    def _transact(
        self, request: bytes, header: int, length: int, complete: Callable[[bytes], bool] | None = None
    ) -> bytes:
        """Send `request`; read up to `length` reply bytes, or fewer once `complete` accepts them
        and the line stays quiet (a reply whose length the board decides)."""
        port = self.port
        if port is None:
            raise ConnectionLost(tr("锁控板串口未打开"))
        try:
            port.reset_input_buffer()  # a late reply to an earlier command must not pass for this one
            port.write(request)
            port.flush()
            buf = bytearray()
            deadline = time.monotonic() + self.reply_timeout
            while len(buf) < length:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                port.timeout = remaining
                want = length - len(buf)
                if complete is not None:  # byte by byte as they come, to notice a whole short reply
                    want = max(1, min(port.in_waiting, want))
                chunk = port.read(want)
                if not chunk:
                    break
                buf += chunk
                # skip line noise ahead of the reply's first byte
                start = buf.find(bytes([header]))
                del buf[: start if start >= 0 else len(buf)]
                if complete is not None and len(buf) < length and complete(bytes(buf)):
                    port.timeout = self.quiet
                    more = port.read(length - len(buf))
                    if not more:
                        break
                    buf += more
            return bytes(buf)
        except (serial.SerialException, OSError, termios.error) as e:  # termios: flush on a dead tty
            raise ConnectionLost(tr("锁控板串口断开：{err}", err=str(e))) from e
