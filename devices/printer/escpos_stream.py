"""Reading an ESC/POS byte stream back into commands (for the simulator and for tests).

`CommandStream.feed()` takes bytes as they arrive and returns the complete commands seen so far;
a command split across reads waits for its remaining bytes. Commands the simulator does not
draw are still consumed with their exact length, so what follows them parses correctly.
"""

from __future__ import annotations

from dataclasses import dataclass

ESC, GS, FS, DLE = 0x1B, 0x1D, 0x1C, 0x10


@dataclass(frozen=True)
class Cmd:
    name: str
    arg: int = 0
    data: bytes = b""
    arg2: int = 0


class Incomplete(Exception):
    pass


def _need(buf: bytes | bytearray, end: int) -> None:
    if len(buf) < end:
        raise Incomplete


# ESC / GS / FS commands with a fixed number of parameter bytes that the renderer ignores
ESC_FIXED = {
    ord("2"): 0,
    ord("3"): 1,
    ord("M"): 1,
    ord("t"): 1,
    ord("R"): 1,
    ord("V"): 1,
    ord("{"): 1,
    ord("U"): 1,
    ord("G"): 1,
    ord(" "): 1,
    ord("$"): 2,
    ord("\\"): 2,
    ord("p"): 3,
    ord("c"): 2,
    ord("B"): 2,
    ord("i"): 0,
    ord("m"): 0,
    ord("L"): 0,
    ord("S"): 0,
    ord("T"): 1,
    ord("="): 1,
    ord("r"): 1,
    ord("%"): 1,
    ord("+"): 1,
    ord("A"): 1,
    ord("J"): 1,
    ord("K"): 1,
    ord("e"): 1,
}
GS_FIXED = {
    ord("B"): 1,
    ord("L"): 2,
    ord("W"): 2,
    ord("h"): 1,
    ord("w"): 1,
    ord("H"): 1,
    ord("f"): 1,
    ord("b"): 1,
    ord("I"): 1,
    ord("P"): 2,
    ord("a"): 1,
    ord("T"): 1,
    ord("^"): 3,
    ord("E"): 1,
}
FS_FIXED = {ord("!"): 1, ord("-"): 1, ord("C"): 1, ord("S"): 2, ord("W"): 1, ord("p"): 2}


def parse_one(buf: bytes | bytearray, i: int) -> tuple[Cmd, int]:
    """The command starting at buf[i] and the index after it; raises Incomplete."""
    b = buf[i]
    if b == 0x0A:
        return Cmd("lf"), i + 1
    if b in (0x0D, 0x00):
        return Cmd("nop"), i + 1
    if b == DLE:
        _need(buf, i + 2)
        sub = buf[i + 1]
        if sub == 0x04:
            _need(buf, i + 3)
            if buf[i + 2] in (7, 8):  # ink / peripheral status: DLE EOT n a
                _need(buf, i + 4)
                return Cmd("dle_eot", buf[i + 2], arg2=buf[i + 3]), i + 4
            return Cmd("dle_eot", buf[i + 2]), i + 3
        if sub == 0x05:
            _need(buf, i + 3)
            return Cmd("nop"), i + 3
        if sub == 0x14:
            _need(buf, i + 5)
            return Cmd("nop"), i + 5
        return Cmd("nop"), i + 1
    if b == ESC:
        _need(buf, i + 2)
        c = buf[i + 1]
        if c == ord("@"):
            return Cmd("init"), i + 2
        if c == ord("2"):
            return Cmd("esc_2"), i + 2
        if c in (ord("!"), ord("E"), ord("-"), ord("a"), ord("d"), ord("3"), ord("J")):
            _need(buf, i + 3)
            return Cmd("esc_" + chr(c), buf[i + 2]), i + 3
        if c == ord("*"):  # column-format bit image: m, nL nH columns of 1 or 3 bytes
            _need(buf, i + 5)
            m, n = buf[i + 2], buf[i + 3] | buf[i + 4] << 8
            end = i + 5 + n * (1 if m in (0, 1) else 3)
            _need(buf, end)
            return Cmd("column", m, bytes(buf[i + 5 : end]), n), end
        if c == ord("D"):  # tab stops, NUL-terminated
            end = buf.find(b"\x00", i + 2)
            if end < 0:
                raise Incomplete
            return Cmd("nop"), end + 1
        if c in ESC_FIXED:
            n = ESC_FIXED[c]
            _need(buf, i + 2 + n)
            return Cmd("nop"), i + 2 + n
        return Cmd("unknown", c), i + 2
    if b == GS:
        _need(buf, i + 2)
        c = buf[i + 1]
        if c == ord("!"):
            _need(buf, i + 3)
            return Cmd("gs_size", buf[i + 2]), i + 3
        if c == ord("r"):
            _need(buf, i + 3)
            return Cmd("gs_r", buf[i + 2]), i + 3
        if c == ord("V"):
            _need(buf, i + 3)
            m = buf[i + 2]
            if m in (65, 66, 97, 98, 103, 104):
                _need(buf, i + 4)
                return Cmd("cut", m), i + 4
            return Cmd("cut", m), i + 3
        if c == ord("("):
            _need(buf, i + 5)
            fn_class, size = buf[i + 2], buf[i + 3] | buf[i + 4] << 8
            _need(buf, i + 5 + size)
            body = bytes(buf[i + 5 : i + 5 + size])
            return Cmd("gs_paren_" + chr(fn_class), data=body), i + 5 + size
        if c == ord("v"):
            _need(buf, i + 8)
            xb, y = buf[i + 4] | buf[i + 5] << 8, buf[i + 6] | buf[i + 7] << 8
            _need(buf, i + 8 + xb * y)
            return Cmd("raster", xb, bytes(buf[i + 8 : i + 8 + xb * y]), y), i + 8 + xb * y
        if c == ord("k"):  # barcode: function A NUL-terminated, function B with a length
            _need(buf, i + 3)
            m = buf[i + 2]
            if m <= 6:
                end = buf.find(b"\x00", i + 3)
                if end < 0:
                    raise Incomplete
                return Cmd("barcode", m, bytes(buf[i + 3 : end])), end + 1
            _need(buf, i + 4)
            _need(buf, i + 4 + buf[i + 3])
            return Cmd("barcode", m, bytes(buf[i + 4 : i + 4 + buf[i + 3]])), i + 4 + buf[i + 3]
        if c in (ord("h"), ord("w"), ord("H"), ord("I")):  # barcode height, width, HRI; printer ID
            _need(buf, i + 3)
            return Cmd("gs_" + chr(c), buf[i + 2]), i + 3
        if c in GS_FIXED:
            n = GS_FIXED[c]
            _need(buf, i + 2 + n)
            return Cmd("nop"), i + 2 + n
        return Cmd("unknown", c), i + 2
    if b == FS:
        _need(buf, i + 2)
        c = buf[i + 1]
        if c == ord("&"):
            return Cmd("chinese", 1), i + 2
        if c == ord("."):
            return Cmd("chinese", 0), i + 2
        if c in FS_FIXED:
            n = FS_FIXED[c]
            _need(buf, i + 2 + n)
            return Cmd("nop"), i + 2 + n
        return Cmd("unknown", c), i + 2
    # a run of printable bytes (GB18030 bytes never collide with the control bytes above)
    end = i
    while end < len(buf) and buf[end] not in (0x0A, 0x0D, 0x00, DLE, ESC, GS, FS):
        end += 1
    return Cmd("text", data=bytes(buf[i:end])), end


class CommandStream:
    def __init__(self) -> None:
        self._buf = bytearray()

    def feed(self, data: bytes) -> list[Cmd]:
        self._buf += data
        out: list[Cmd] = []
        i = 0
        while i < len(self._buf):
            try:
                cmd, i2 = parse_one(self._buf, i)
            except Incomplete:
                break
            out.append(cmd)
            i = i2
        del self._buf[:i]
        return out

    @property
    def pending(self) -> int:
        return len(self._buf)
