"""Lock-board frames, pure functions: requests, reply checks, and the replies a board would send.

Two protocols (reference section 3). "8a": 5-byte frames `HDR BOARD LOCK FUNC BCC`, BCC = XOR,
open `8A`/`11` (lock 00 opens all), query `80`/`33`. Boards have 12, 16, 24 or more channels;
their query-all reply carries one byte per 8 channels, highest group first - ceil(channels/8) + 4
bytes - though many boards always send the 7 bytes of a 24-channel one: both are accepted.
"kerong" (KR-CU16 style): `02 ADDR CMD 03 SUM`, SUM = byte sum, ADDR = board << 4 | (lock - 1);
every reply is a 9-byte status frame, bit set = locked; some boards do not answer an unlock.
Lock numbers are 1-based everywhere in this code; board numbers are the address on the wire.
The reply builders are what the simulator sends, pinned to the reference by the frame tests.
"""

from __future__ import annotations

from abc import ABC, abstractmethod


class BadReply(ValueError):
    """A reply that fails its checks (length, header, address, checksum or status code)."""


def bcc(data: bytes) -> int:
    out = 0
    for b in data:
        out ^= b
    return out


def sum8(data: bytes) -> int:
    return sum(data) & 0xFF


class Codec(ABC):
    name: str
    default_baud: int
    first_board: int
    last_board: int
    max_locks: int  # locks one board reports in its query-all reply
    #: the byte every reply starts with, per request kind (to skip line noise before a reply)
    open_header: int
    query_header: int
    open_reply_len: int
    query_reply_len: int
    query_all_reply_len: int  # the longest query-all reply to read
    #: every query-all reply length a board of this kind may send
    query_all_lengths: tuple[int, ...] = ()
    request_len = 5

    def check_address(self, board: int, lock: int | None = None) -> None:
        if not self.first_board <= board <= self.last_board:
            raise ValueError(
                f"board {board} is outside {self.first_board}..{self.last_board} for {self.name}"
            )
        if lock is not None and not 1 <= lock <= self.max_locks:
            raise ValueError(f"lock {lock} is outside 1..{self.max_locks} for {self.name}")

    # ---- driver side ----
    @abstractmethod
    def open_request(self, board: int, lock: int) -> bytes: ...

    @abstractmethod
    def parse_open(self, reply: bytes, board: int, lock: int) -> bool:
        """True when the reply reports "opened" in the reference's (normal) polarity."""

    @abstractmethod
    def query_request(self, board: int, lock: int) -> bytes: ...

    @abstractmethod
    def parse_query(self, reply: bytes, board: int, lock: int) -> bool:
        """True when the door is closed."""

    @abstractmethod
    def query_all_request(self, board: int) -> bytes: ...

    @abstractmethod
    def open_all_request(self, board: int) -> bytes: ...

    @abstractmethod
    def parse_query_all(self, reply: bytes, board: int) -> dict[int, bool]:
        """lock -> closed, for every lock the board reports."""

    # ---- board side (simulator) ----
    @abstractmethod
    def decode_request(self, frame: bytes) -> tuple[str, int, int] | None:
        """(kind, board, lock) of a valid request: "open", "open_all", "query" or "query_all"."""

    @abstractmethod
    def open_reply(self, board: int, lock: int, opened: bool, closed: dict[int, bool]) -> bytes: ...

    @abstractmethod
    def query_reply(self, board: int, lock: int, closed: dict[int, bool]) -> bytes: ...

    @abstractmethod
    def query_all_reply(self, board: int, closed: dict[int, bool]) -> bytes: ...

    @abstractmethod
    def open_all_reply(self, board: int, closed: dict[int, bool]) -> bytes: ...


def _bits(closed: dict[int, bool], first: int) -> int:
    return sum(1 << i for i in range(8) if closed.get(first + i, True))


class EightA(Codec):
    name = "8a"
    default_baud = 9600
    first_board = 1
    last_board = 32
    open_header = 0x8A
    query_header = 0x80
    open_reply_len = 5
    query_reply_len = 5
    FIXED_QUERY_ALL = 7  # what a 24-channel board sends, and many smaller ones too

    OPEN, QUERY = 0x11, 0x33
    ST_OPEN, ST_CLOSED = 0x00, 0x11  # query status; the open reply uses 00 opened / 11 failed

    def __init__(self, channels: int = 24) -> None:
        if not 1 <= channels <= 8 * 32:
            raise ValueError(f"{channels} channels is not a lock board")
        self.channels = self.max_locks = channels
        # 6 (12/16 channels) and 7 bytes are what boards send in practice, whatever is configured
        own = -(-channels // 8) + 4
        self.query_all_lengths = tuple(sorted({own, 6, self.FIXED_QUERY_ALL}))
        self.query_all_reply_len = max(self.query_all_lengths)

    @staticmethod
    def frame(*head: int) -> bytes:
        data = bytes(head)
        return data + bytes([bcc(data)])

    def _check(self, reply: bytes, length: int, header: int, board: int) -> None:
        if len(reply) != length:
            raise BadReply(f"{len(reply)} bytes instead of {length}")
        if reply[0] != header:
            raise BadReply(f"header {reply[0]:02X} instead of {header:02X}")
        if reply[-1] != bcc(reply[:-1]):
            raise BadReply(f"BCC {reply[-1]:02X} instead of {bcc(reply[:-1]):02X}")
        if reply[1] != board:
            raise BadReply(f"answer from board {reply[1]} instead of {board}")

    def open_request(self, board: int, lock: int) -> bytes:
        return self.frame(0x8A, board, lock, self.OPEN)

    def parse_open(self, reply: bytes, board: int, lock: int) -> bool:
        self._check(reply, 5, 0x8A, board)
        if reply[2] != lock:
            raise BadReply(f"answer for lock {reply[2]} instead of {lock}")
        if reply[3] not in (0x00, 0x11):
            raise BadReply(f"open status {reply[3]:02X}")
        return reply[3] == 0x00

    def query_request(self, board: int, lock: int) -> bytes:
        return self.frame(0x80, board, lock, self.QUERY)

    def parse_query(self, reply: bytes, board: int, lock: int) -> bool:
        self._check(reply, 5, 0x80, board)
        if reply[2] != lock:
            raise BadReply(f"answer for lock {reply[2]} instead of {lock}")
        if reply[3] not in (self.ST_OPEN, self.ST_CLOSED):
            raise BadReply(f"door status {reply[3]:02X}")
        return reply[3] == self.ST_CLOSED

    def query_all_request(self, board: int) -> bytes:
        return self.frame(0x80, board, 0x00, self.QUERY)

    def open_all_request(self, board: int) -> bytes:
        return self.frame(0x8A, board, 0x00, self.OPEN)

    def parse_query_all(self, reply: bytes, board: int) -> dict[int, bool]:
        if len(reply) not in self.query_all_lengths:
            raise BadReply(f"{len(reply)} bytes instead of {' or '.join(map(str, self.query_all_lengths))}")
        self._check(reply, len(reply), 0x80, board)
        if reply[-2] != self.QUERY:
            raise BadReply(f"function {reply[-2]:02X} instead of 33")
        groups = reply[2:-2]  # highest group first, locks 1-8 last
        out: dict[int, bool] = {}
        for g, byte in enumerate(reversed(groups)):
            for i in range(8):
                out[8 * g + i + 1] = bool(byte >> i & 1)
        return out

    def decode_request(self, frame: bytes) -> tuple[str, int, int] | None:
        if len(frame) != 5 or frame[4] != bcc(frame[:4]):
            return None
        if frame[0] == 0x8A and frame[3] == self.OPEN:
            return ("open_all", frame[1], 0) if frame[2] == 0 else ("open", frame[1], frame[2])
        if frame[0] == 0x80 and frame[3] == self.QUERY:
            return ("query_all", frame[1], 0) if frame[2] == 0 else ("query", frame[1], frame[2])
        return None

    def open_reply(self, board: int, lock: int, opened: bool, closed: dict[int, bool]) -> bytes:
        return self.frame(0x8A, board, lock, 0x00 if opened else 0x11)

    def query_reply(self, board: int, lock: int, closed: dict[int, bool]) -> bytes:
        return self.frame(0x80, board, lock, self.ST_CLOSED if closed.get(lock, True) else self.ST_OPEN)

    def query_all_reply(self, board: int, closed: dict[int, bool]) -> bytes:
        """As a board with `channels` channels sends it: ceil(channels / 8) status bytes."""
        groups = -(-self.channels // 8)
        return self.frame(
            0x80, board, *(_bits(closed, 8 * g + 1) for g in reversed(range(groups))), self.QUERY
        )

    def open_all_reply(self, board: int, closed: dict[int, bool]) -> bytes:
        return self.frame(0x8A, board, 0x00, 0x00)


class Kerong(Codec):
    name = "kerong"
    default_baud = 19200
    first_board = 0
    last_board = 15
    max_locks = 16
    open_header = query_header = 0x02
    open_reply_len = query_reply_len = query_all_reply_len = 9
    query_all_lengths = (9,)

    STX, ETX = 0x02, 0x03
    STATUS, UNLOCK, UNLOCK_ALL = 0x30, 0x31, 0x33
    REPLY = 0x35  # "return single CU data"; the driver does not insist on it (sources differ)

    def frame(self, addr: int, cmd: int) -> bytes:
        data = bytes([self.STX, addr, cmd, self.ETX])
        return data + bytes([sum8(data)])

    def open_request(self, board: int, lock: int) -> bytes:
        return self.frame(board << 4 | (lock - 1), self.UNLOCK)

    def query_request(self, board: int, lock: int) -> bytes:
        return self.frame(board << 4 | (lock - 1), self.STATUS)

    def query_all_request(self, board: int) -> bytes:
        return self.frame(board << 4, self.STATUS)

    def open_all_request(self, board: int) -> bytes:
        return self.frame(board << 4, self.UNLOCK_ALL)

    def parse_query_all(self, reply: bytes, board: int) -> dict[int, bool]:
        # Sources agree on STX, ADDR, lock bytes at 3-4 and the SUM last; bytes 5-7 vary
        # (infrared sensors and ETX in one, other data in another), so they are not checked.
        if len(reply) != 9:
            raise BadReply(f"{len(reply)} bytes instead of 9")
        if reply[0] != self.STX:
            raise BadReply(f"header {reply[0]:02X} instead of 02")
        if reply[-1] != sum8(reply[:-1]):
            raise BadReply(f"SUM {reply[-1]:02X} instead of {sum8(reply[:-1]):02X}")
        if reply[1] >> 4 != board:
            raise BadReply(f"answer from board {reply[1] >> 4} instead of {board}")
        out: dict[int, bool] = {}
        for first, byte in ((1, reply[3]), (9, reply[4])):
            for i in range(8):
                out[first + i] = bool(byte >> i & 1)
        return out

    def parse_query(self, reply: bytes, board: int, lock: int) -> bool:
        return self.parse_query_all(reply, board)[lock]

    def parse_open(self, reply: bytes, board: int, lock: int) -> bool:
        # the unlock reply is the board's status after the pulse: a released lock reads unlocked
        return not self.parse_query_all(reply, board)[lock]

    def decode_request(self, frame: bytes) -> tuple[str, int, int] | None:
        if len(frame) != 5 or frame[0] != self.STX or frame[3] != self.ETX or frame[4] != sum8(frame[:4]):
            return None
        board, lock = frame[1] >> 4, (frame[1] & 0x0F) + 1
        if frame[2] == self.UNLOCK:
            return "open", board, lock
        if frame[2] == self.UNLOCK_ALL:
            return "open_all", board, 0
        if frame[2] == self.STATUS:
            return "query", board, lock
        return None

    def status_reply(self, board: int, closed: dict[int, bool]) -> bytes:
        data = bytes([self.STX, board << 4, self.REPLY, _bits(closed, 1), _bits(closed, 9), 0, 0, self.ETX])
        return data + bytes([sum8(data)])

    def open_reply(self, board: int, lock: int, opened: bool, closed: dict[int, bool]) -> bytes:
        return self.status_reply(board, {**closed, lock: not opened})

    def query_reply(self, board: int, lock: int, closed: dict[int, bool]) -> bytes:
        return self.status_reply(board, closed)

    def query_all_reply(self, board: int, closed: dict[int, bool]) -> bytes:
        return self.status_reply(board, closed)

    def open_all_reply(self, board: int, closed: dict[int, bool]) -> bytes:
        return self.status_reply(board, {lock: False for lock in range(1, 17)})


CODECS: dict[str, Codec] = {"8a": EightA(), "kerong": Kerong()}


def codec_for(protocol: str, channels: int = 24) -> Codec:
    """The codec of `protocol`; `channels` is the channel count of 8a boards (Kerong: always 16)."""
    if protocol == "8a":
        return EightA(channels) if channels != 24 else CODECS["8a"]
    try:
        return CODECS[protocol]
    except KeyError:
        raise ValueError(f"unknown lock-board protocol {protocol!r} (known: {', '.join(CODECS)})") from None
