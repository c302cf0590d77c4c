"""EF 01 packets of the R30x / AS608 / ZFM / R503 serial fingerprint modules, pure functions.

`EF 01 | ADDR(4) | PID | LEN(2) | content | SUM(2)`, big-endian; LEN = len(content) + 2, at
most 256; SUM = (PID + both LEN bytes + content) & 0xFFFF (reference section 5). The builders
are what both the driver and the simulator send, pinned to the reference by the frame tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.text import Text, tr

HEADER = b"\xef\x01"
DEFAULT_ADDRESS = 0xFFFFFFFF
MAX_LEN = 256  # LEN field: content + checksum
OVERHEAD = 11  # header, address, PID, LEN, SUM: bytes on the wire around the content

# packet identifiers
COMMAND, DATA, ACK, END = 0x01, 0x02, 0x07, 0x08

# instruction codes
GEN_IMG = 0x01
IMG2TZ = 0x02
UP_CHAR = 0x08
UP_IMAGE = 0x0A
READ_SYS_PARA = 0x0F
VFY_PWD = 0x13
TEMPLATE_NUM = 0x1D
HANDSHAKE = 0x53

# confirmation codes
OK = 0x00
RECEIVE_ERROR = 0x01
NO_FINGER = 0x02
ENROL_FAIL = 0x03
TOO_MESSY = 0x06
TOO_FEW_FEATURES = 0x07
UPLOAD_IMAGE_FAIL = 0x0F
INVALID_IMAGE = 0x15
HANDSHAKE_OK = 0x55

#: Image from UpImage: 256 x 288 pixels, 4 bits a pixel, high nibble first.
WIDTH, HEIGHT = 256, 288
IMAGE_BYTES = WIDTH * HEIGHT // 2
#: Data bytes per data packet for each ReadSysPara packet-size code.
PACKET_SIZES = (32, 64, 128, 256)

MEANINGS: dict[int, Text] = {
    OK: tr("成功"),
    RECEIVE_ERROR: tr("指纹仪收到的数据包有误"),
    NO_FINGER: tr("传感器上没有手指"),
    ENROL_FAIL: tr("指纹图像采集失败"),
    TOO_MESSY: tr("指纹图像太乱"),
    TOO_FEW_FEATURES: tr("指纹特征点太少"),
    0x08: tr("指纹不匹配"),
    0x09: tr("没有搜索到指纹"),
    0x0D: tr("特征上传失败"),
    UPLOAD_IMAGE_FAIL: tr("图像上传失败"),
    0x13: tr("指纹仪口令错误"),
    INVALID_IMAGE: tr("缓冲区内没有有效图像"),
    0x18: tr("指纹仪闪存错误"),
}


def meaning(code: int) -> Text:
    return MEANINGS.get(code, tr("未知确认码 {code}", code=f"{code:02X}"))


class CodecError(ValueError):
    """Bytes that are not a valid packet; `reason` is fit for staff."""

    def __init__(self, reason: Text) -> None:
        self.reason = reason
        super().__init__(str(reason))


@dataclass(frozen=True)
class Packet:
    pid: int
    content: bytes
    address: int = DEFAULT_ADDRESS

    @property
    def code(self) -> int:
        """An acknowledgement's confirmation code."""
        return self.content[0] if self.content else -1


def checksum(pid: int, length: int, content: bytes) -> int:
    return (pid + (length >> 8) + (length & 0xFF) + sum(content)) & 0xFFFF


def encode(pid: int, content: bytes, address: int = DEFAULT_ADDRESS) -> bytes:
    length = len(content) + 2
    if length > MAX_LEN:
        raise ValueError(f"content of {len(content)} bytes does not fit one packet")
    return (
        HEADER
        + address.to_bytes(4, "big")
        + bytes([pid])
        + length.to_bytes(2, "big")
        + content
        + checksum(pid, length, content).to_bytes(2, "big")
    )


def command(code: int, *params: int, address: int = DEFAULT_ADDRESS) -> bytes:
    return encode(COMMAND, bytes([code, *params]), address)


def ack(code: int, extra: bytes = b"", address: int = DEFAULT_ADDRESS) -> bytes:
    return encode(ACK, bytes([code]) + extra, address)


def data_packets(data: bytes, size: int = 128, address: int = DEFAULT_ADDRESS) -> list[bytes]:
    """A bulk transfer: DATA packets of `size` bytes, the last one an END packet."""
    chunks = [data[i : i + size] for i in range(0, len(data), size)] or [b""]
    return [encode(END if i == len(chunks) - 1 else DATA, c, address) for i, c in enumerate(chunks)]


class PacketSplitter:
    """Cuts a byte stream into packets, skipping noise before a header.

    A bad checksum or an impossible length drops that header and looks for the next one; the
    problem is kept in `errors` (the driver turns it into a reply error, never a crash).
    """

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.errors: list[Text] = []

    def clear(self) -> None:
        self.buffer.clear()
        self.errors.clear()

    def feed(self, data: bytes) -> list[Packet]:
        self.buffer += data
        out: list[Packet] = []
        buf = self.buffer
        while True:
            start = buf.find(HEADER)
            if start < 0:
                # keep a trailing EF that may start the next header
                del buf[: len(buf) - 1 if buf.endswith(HEADER[:1]) else len(buf)]
                return out
            del buf[:start]
            if len(buf) < 9:
                return out
            length = int.from_bytes(buf[7:9], "big")
            if not 2 <= length <= MAX_LEN:
                self.errors.append(tr("数据包长度 {n} 无效", n=length))
                del buf[:2]
                continue
            if len(buf) < 9 + length:
                return out
            pid = buf[6]
            content = bytes(buf[9 : 7 + length])
            got = int.from_bytes(buf[7 + length : 9 + length], "big")
            if got != checksum(pid, length, content):
                self.errors.append(tr("数据包校验和错误"))
                del buf[:2]
                continue
            out.append(Packet(pid, content, int.from_bytes(buf[2:6], "big")))
            del buf[: 9 + length]

    @property
    def need(self) -> int:
        """Bytes worth asking the port for (at least one)."""
        if len(self.buffer) >= 9:
            return max(1, 9 + int.from_bytes(self.buffer[7:9], "big") - len(self.buffer))
        return 9 - len(self.buffer) + 2


def unpack_image(data: bytes, width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """4-bit pixels (high nibble first) to 8-bit grey, one byte a pixel."""
    if len(data) != width * height // 2:
        raise CodecError(tr("图像应为 {n} 字节，实际 {m}", n=width * height // 2, m=len(data)))
    out = bytearray(len(data) * 2)
    out[0::2] = bytes((b >> 4) * 17 for b in data)
    out[1::2] = bytes((b & 0x0F) * 17 for b in data)
    return bytes(out)


def pack_image(grey: bytes) -> bytes:
    """8-bit grey to the module's 4-bit upload format (what the simulator sends)."""
    hi, lo = grey[0::2], grey[1::2]
    return bytes((a & 0xF0) | (b >> 4) for a, b in zip(hi, lo, strict=True))


@dataclass(frozen=True)
class SysPara:
    status: int
    system_id: int
    library_size: int
    security_level: int
    address: int
    packet_size: int  # data bytes per packet
    baud: int

    @classmethod
    def parse(cls, data: bytes) -> SysPara:
        if len(data) < 16:
            raise CodecError(tr("系统参数应为 16 字节，实际 {n}", n=len(data)))
        size_code = int.from_bytes(data[12:14], "big")
        if size_code >= len(PACKET_SIZES):
            raise CodecError(tr("数据包大小代码 {n} 无效", n=size_code))
        return cls(
            status=int.from_bytes(data[0:2], "big"),
            system_id=int.from_bytes(data[2:4], "big"),
            library_size=int.from_bytes(data[4:6], "big"),
            security_level=int.from_bytes(data[6:8], "big"),
            address=int.from_bytes(data[8:12], "big"),
            packet_size=PACKET_SIZES[size_code],
            baud=int.from_bytes(data[14:16], "big") * 9600,
        )

    def encode(self) -> bytes:
        return (
            self.status.to_bytes(2, "big")
            + self.system_id.to_bytes(2, "big")
            + self.library_size.to_bytes(2, "big")
            + self.security_level.to_bytes(2, "big")
            + self.address.to_bytes(4, "big")
            + PACKET_SIZES.index(self.packet_size).to_bytes(2, "big")
            + (self.baud // 9600).to_bytes(2, "big")
        )
