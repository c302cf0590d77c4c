"""SAM serial protocol codec: frames, status words and the card's data blocks. Pure, no I/O.

Frame, both directions: AA AA AA 96 69 | LEN_H LEN_L | body | CHK, where LEN counts every byte
after itself (CHK included) and CHK is the XOR of LEN_H .. the byte before CHK. Request body:
CMD PARA [data]; reply body: SW1 SW2 SW3 [data]. See reference/protocols.md, section 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from core.text import Text, tr
from devices.idcard.nations import CODES, nation_name
from devices.idcard.record import LONG_TERM, CardType, IdCard

PREAMBLE: Final = b"\xaa\xaa\xaa\x96\x69"
HEADER_LEN: Final = 7  # preamble + LEN
MAX_LEN: Final = 4096  # no reply is longer (fingerprint read: 2314); a bigger LEN is noise

TEXT_LEN: Final = 256
PHOTO_LEN: Final = 1024
ADDRESS_LEN: Final = 70


# ---- commands: (CMD, PARA) ----
RESET: Final = (0x10, 0xFF)
RESET_ALT: Final = (0x01, 0xFF)  # one vendor's reset
SAM_STATUS: Final = (0x11, 0xFF)
SAM_ID: Final = (0x12, 0xFF)
FIND: Final = (0x20, 0x01)
SELECT: Final = (0x20, 0x02)
READ: Final = (0x30, 0x01)
READ_ADDRESS: Final = (0x30, 0x03)
READ_FINGERPRINT: Final = (0x30, 0x10)
SET_RF_BYTES: Final = (0x61, 0xFF)

# ---- SW3 status codes ----
SW_OK: Final = 0x90
SW_FIND_OK: Final = 0x9F
SW_NO_CONTENT: Final = 0x91
SW_NO_CARD: Final = 0x80
SW_SELECT_FAILED: Final = 0x81
SW_READ_FAILED: Final = 0x41
SW_CHECKSUM: Final = 0x10
SW_LENGTH: Final = 0x11
SW_COMMAND: Final = 0x21

STATUS_MEANINGS: Final[dict[int, Text]] = {
    0x90: tr("操作成功"),
    0x9F: tr("找卡成功"),
    0x91: tr("无此内容"),
    0x10: tr("接收业务终端数据的校验和错"),
    0x11: tr("接收业务终端数据的长度错"),
    0x21: tr("接收业务终端的命令错误"),
    0x23: tr("越权操作"),
    0x24: tr("无法识别的错误"),
    0x31: tr("卡认证机具失败"),
    0x32: tr("机具认证卡失败"),
    0x33: tr("信息验证错误"),
    0x40: tr("无法识别的卡类型"),
    0x41: tr("读卡操作失败"),
    0x47: tr("取随机数失败"),
    0x60: tr("SAM 自检失败"),
    0x66: tr("SAM 未经授权"),
    0x80: tr("找卡失败（无卡）"),
    0x81: tr("选卡失败"),
}


def status_meaning(sw3: int) -> Text:
    return STATUS_MEANINGS.get(sw3, tr("未知状态码 {code}", code=f"{sw3:02X}"))


class CodecError(ValueError):
    """Bytes that are not a valid frame or card record; `reason` says why, for staff."""

    def __init__(self, reason: Text) -> None:
        self.reason = reason
        super().__init__(str(reason))


class FrameError(CodecError):
    """The frame itself is damaged (preamble, length, checksum)."""


class ChecksumError(FrameError):
    pass


class StatusError(CodecError):
    """A well-formed reply whose SW3 reports a failure."""

    def __init__(self, sw3: int) -> None:
        self.sw3 = sw3
        super().__init__(tr("读卡器返回 {code}：{meaning}", code=f"{sw3:02X}", meaning=status_meaning(sw3)))


# ---- frames ----
def checksum(data: bytes) -> int:
    c = 0
    for b in data:
        c ^= b
    return c


def frame(body: bytes) -> bytes:
    """Wrap a request or reply body: preamble, big-endian length, body, XOR checksum."""
    if len(body) + 1 > 0xFFFF:
        raise ValueError("body too long for one frame")
    head = (len(body) + 1).to_bytes(2, "big") + body
    return PREAMBLE + head + bytes([checksum(head)])


def request(command: tuple[int, int], data: bytes = b"") -> bytes:
    return frame(bytes(command) + data)


def set_rf_bytes(count: int = 0x50) -> bytes:
    return request(SET_RF_BYTES, bytes([count]))


def reply(sw3: int, data: bytes = b"", sw1: int = 0, sw2: int = 0) -> bytes:
    return frame(bytes([sw1, sw2, sw3]) + data)


def frame_body(raw: bytes) -> bytes:
    """The body of one complete frame, after checking preamble, length and checksum."""
    if raw[:5] != PREAMBLE:
        raise FrameError(tr("帧头错误"))
    if len(raw) < HEADER_LEN + 1:
        raise FrameError(tr("帧过短：{n} 字节", n=len(raw)))
    length = int.from_bytes(raw[5:7], "big")
    if length != len(raw) - HEADER_LEN:
        raise FrameError(tr("长度字段 {length} 与实际 {actual} 字节不符", length=length, actual=len(raw) - 7))
    if checksum(raw[5:-1]) != raw[-1]:
        raise ChecksumError(tr("校验和错误"))
    return bytes(raw[7:-1])


@dataclass(frozen=True)
class Reply:
    sw1: int
    sw2: int
    sw3: int
    data: bytes = b""

    @property
    def ok(self) -> bool:
        return self.sw3 in (SW_OK, SW_FIND_OK)

    @property
    def meaning(self) -> Text:
        return status_meaning(self.sw3)

    def require(self, *accepted: int) -> Reply:
        if self.sw3 not in (accepted or (SW_OK,)):
            raise StatusError(self.sw3)
        return self


def parse_reply(raw: bytes) -> Reply:
    body = frame_body(raw)
    if len(body) < 3:
        raise FrameError(tr("应答缺少状态字"))
    return Reply(body[0], body[1], body[2], body[3:])


def parse_request(raw: bytes) -> tuple[tuple[int, int], bytes]:
    """((CMD, PARA), data) of a request frame: the simulator's side."""
    body = frame_body(raw)
    if len(body) < 2:
        raise FrameError(tr("请求缺少命令字"))
    return (body[0], body[1]), body[2:]


class FrameSplitter:
    """Cuts a byte stream into frames, resynchronising on the preamble after garbage.

    Pure state, no I/O: feed() what the port gave, get the complete frames back; `need` says how
    many more bytes finish the frame in progress (so a reader can ask the port for exactly that).
    A frame with a bad checksum is still returned (parse_reply reports it) unless another
    preamble starts inside it, in which case its "preamble" was noise and scanning goes on.
    """

    def __init__(self, max_len: int = MAX_LEN) -> None:
        self.max_len = max_len
        self.buffer = bytearray()
        self.discarded = 0  # garbage bytes skipped, for diagnostics

    def clear(self) -> None:
        self.buffer.clear()

    @property
    def need(self) -> int:
        # After feed() the buffer is empty, a possible preamble start, or a frame in progress.
        buf = self.buffer
        if len(buf) < HEADER_LEN:
            return HEADER_LEN - len(buf)
        return max(1, HEADER_LEN + int.from_bytes(buf[5:7], "big") - len(buf))

    def feed(self, data: bytes) -> list[bytes]:
        self.buffer += data
        frames: list[bytes] = []
        buf = self.buffer
        while True:
            start = buf.find(PREAMBLE)
            if start < 0:
                # keep a tail that may be the start of a preamble
                keep = next((k for k in range(4, 0, -1) if buf.endswith(PREAMBLE[:k])), 0)
                self._drop(len(buf) - keep)
                break
            self._drop(start)
            if len(buf) < HEADER_LEN:
                break
            length = int.from_bytes(buf[5:7], "big")
            if length < 3 or length > self.max_len:
                self._drop(1)
                continue
            if len(buf) < HEADER_LEN + length:
                break
            raw = bytes(buf[: HEADER_LEN + length])
            if checksum(raw[5:-1]) != raw[-1] and raw.find(PREAMBLE, 1) > 0:
                self._drop(1)
                continue
            del buf[: len(raw)]
            frames.append(raw)
        return frames

    def _drop(self, n: int) -> None:
        if n > 0:
            del self.buffer[:n]
            self.discarded += n


# ---- text fields ----
def _ucs2(raw: bytes, what: str) -> str:
    try:
        text = raw.decode("utf-16-le")
    except UnicodeDecodeError:
        raise CodecError(tr("{field}的文字编码无效", field=what)) from None
    return text.rstrip(" \x00")


def _date(raw: bytes, what: str) -> date:
    s = _ucs2(raw, what)
    if len(s) != 8 or not s.isdigit() or not s.isascii():
        raise CodecError(tr("{field}不是有效日期：{value!r}", field=what, value=s))
    try:
        return date(int(s[:4]), int(s[4:6]), int(s[6:]))
    except ValueError:
        raise CodecError(tr("{field}不是有效日期：{value!r}", field=what, value=s)) from None


def _until(raw: bytes, what: str) -> date | str:
    s = _ucs2(raw, what)
    return LONG_TERM if s == LONG_TERM else _date(raw, what)


_SEX = {"0": "未知", "1": "男", "2": "女", "9": "未说明"}
_SEX_CODE = {v: k for k, v in _SEX.items()}


def _sex(raw: bytes) -> str:
    code = _ucs2(raw, "性别")
    if code not in _SEX:
        raise CodecError(tr("性别代码无效：{code!r}", code=code))
    return _SEX[code]


def _int(raw: bytes, what: str) -> int:
    s = _ucs2(raw, what)
    if not s:
        return 0
    if not s.isdigit() or not s.isascii():
        raise CodecError(tr("{field}不是数字：{value!r}", field=what, value=s))
    return int(s)


_FLAGS: dict[str, CardType] = {
    " ": "resident",
    "\x00": "resident",
    "J": "hmt",
    "I": "foreign2017",
    "Y": "foreign2023",
}


def card_type_of(block: bytes) -> CardType:
    if len(block) != TEXT_LEN:
        raise CodecError(tr("文字信息长度应为 256 字节，实际 {n}", n=len(block)))
    try:
        flag = block[248:250].decode("utf-16-le")
    except UnicodeDecodeError:
        flag = "?"
    if flag not in _FLAGS:
        raise CodecError(tr("无法识别的证件类型标志：{flag!r}", flag=flag))
    return _FLAGS[flag]


def decode_text(block: bytes, photo_wlt: bytes = b"", fingerprint: bytes = b"") -> IdCard:
    """The 256-byte UCS-2LE text block of any of the four card types, as one record."""
    kind = card_type_of(block)
    b = block
    if kind in ("resident", "hmt"):
        code = _ucs2(b[32:36], "民族")
        return IdCard(
            card_type=kind,
            name=_ucs2(b[0:30], "姓名"),
            sex=_sex(b[30:32]),
            nation=nation_name(code) or "",
            nation_code=code,
            birth_date=_date(b[36:52], "出生日期"),
            address=_ucs2(b[52:122], "住址"),
            id_number=_ucs2(b[122:158], "身份号码"),
            issuer=_ucs2(b[158:188], "签发机关"),
            valid_from=_date(b[188:204], "有效期起始日期"),
            valid_until=_until(b[204:220], "有效期截止日期"),
            pass_number=_ucs2(b[220:238], "通行证号码") if kind == "hmt" else "",
            issue_count=_int(b[238:242], "签发次数") if kind == "hmt" else 0,
            photo_wlt=photo_wlt,
            fingerprint=fingerprint,
        )
    if kind == "foreign2017":
        return IdCard(
            card_type=kind,
            english_name=_ucs2(b[0:120], "英文姓名"),
            sex=_sex(b[120:122]),
            id_number=_ucs2(b[122:152], "永久居留证号码"),
            nationality=_ucs2(b[152:158], "国籍"),
            name=_ucs2(b[158:188], "中文姓名"),
            valid_from=_date(b[188:204], "有效期起始日期"),
            valid_until=_until(b[204:220], "有效期截止日期"),
            birth_date=_date(b[220:236], "出生日期"),
            card_version=_ucs2(b[236:240], "证件版本"),
            issuer=_ucs2(b[240:248], "签发机关代码"),
            nation="",
            address="",
            photo_wlt=photo_wlt,
            fingerprint=fingerprint,
        )
    # foreign2023: the English name is split in two parts around the number and dates
    return IdCard(
        card_type=kind,
        name=_ucs2(b[0:30], "中文姓名"),
        sex=_sex(b[30:32]),
        card_version=_ucs2(b[32:36], "换证次数"),
        birth_date=_date(b[36:52], "出生日期"),
        english_name=_ucs2(b[52:122] + b[220:242], "英文姓名"),
        id_number=_ucs2(b[122:158], "身份号码"),
        valid_from=_date(b[188:204], "有效期起始日期"),
        valid_until=_until(b[204:220], "有效期截止日期"),
        nationality=_ucs2(b[242:248], "国籍"),
        nation="",
        address="",
        issuer="",
        photo_wlt=photo_wlt,
        fingerprint=fingerprint,
    )


def _put(s: str, size: int, what: str) -> bytes:
    raw = s.encode("utf-16-le")
    if len(raw) > size:
        raise ValueError(f"{what} {s!r} does not fit in {size} bytes")
    return raw + " ".encode("utf-16-le") * ((size - len(raw)) // 2)


def _ymd(d: date) -> str:
    return f"{d.year:04d}{d.month:02d}{d.day:02d}"


def _until_str(v: date | str) -> str:
    return v if isinstance(v, str) else _ymd(v)


def encode_text(card: IdCard) -> bytes:
    """The 256-byte block a card of this record would hold (simulator and tests)."""
    sex = _SEX_CODE.get(card.sex, "0")
    if card.card_type in ("resident", "hmt"):
        code = card.nation_code or CODES.get(card.nation, "")
        parts = [
            _put(card.name, 30, "name"),
            _put(sex, 2, "sex"),
            _put(code, 4, "nation"),
            _put(_ymd(card.birth_date), 16, "birth"),
            _put(card.address, 70, "address"),
            _put(card.id_number, 36, "id_number"),
            _put(card.issuer, 30, "issuer"),
            _put(_ymd(card.valid_from), 16, "valid_from"),
            _put(_until_str(card.valid_until), 16, "valid_until"),
        ]
        if card.card_type == "hmt":
            count = f"{card.issue_count:02d}" if card.issue_count else ""
            parts += [_put(card.pass_number, 18, "pass"), _put(count, 4, "count"), _put("", 6, "-")]
            parts += [_put("J", 2, "flag"), _put("", 6, "-")]
        else:
            parts += [_put("", 28, "-"), _put(" ", 2, "flag"), _put("", 6, "-")]
    elif card.card_type == "foreign2017":
        parts = [
            _put(card.english_name, 120, "english_name"),
            _put(sex, 2, "sex"),
            _put(card.id_number, 30, "id_number"),
            _put(card.nationality, 6, "nationality"),
            _put(card.name, 30, "name"),
            _put(_ymd(card.valid_from), 16, "valid_from"),
            _put(_until_str(card.valid_until), 16, "valid_until"),
            _put(_ymd(card.birth_date), 16, "birth"),
            _put(card.card_version, 4, "version"),
            _put(card.issuer, 8, "authority"),
            _put("I", 2, "flag"),
            _put("", 6, "-"),
        ]
    else:
        english = card.english_name.encode("utf-16-le")
        if len(english) > 92:
            raise ValueError("english name longer than 46 characters")
        parts = [
            _put(card.name, 30, "name"),
            _put(sex, 2, "sex"),
            _put(card.card_version, 4, "renewals"),
            _put(_ymd(card.birth_date), 16, "birth"),
            _put(card.english_name[:35], 70, "english_name"),
            _put(card.id_number, 36, "id_number"),
            _put("", 30, "-"),
            _put(_ymd(card.valid_from), 16, "valid_from"),
            _put(_until_str(card.valid_until), 16, "valid_until"),
            _put(card.english_name[35:], 22, "english_name2"),
            _put(card.nationality, 6, "nationality"),
            _put("Y", 2, "flag"),
            _put("", 6, "-"),
        ]
    block = b"".join(parts)
    assert len(block) == TEXT_LEN, len(block)
    return block


# ---- read replies ----
@dataclass(frozen=True)
class CardData:
    text: bytes
    photo: bytes
    fingerprint: bytes = b""


def decode_read(data: bytes, with_fingerprint: bool) -> CardData:
    """The data of a successful 30 01 (text + photo) or 30 10 (+ fingerprint) reply."""
    n_len = 6 if with_fingerprint else 4
    if len(data) < n_len:
        raise FrameError(tr("读卡应答过短：{n} 字节", n=len(data)))
    sizes = [int.from_bytes(data[i : i + 2], "big") for i in range(0, n_len, 2)]
    if n_len + sum(sizes) != len(data):
        raise FrameError(
            tr("读卡应答长度 {n} 与分段长度 {sizes} 不符", n=len(data), sizes="+".join(map(str, sizes)))
        )
    if sizes[0] != TEXT_LEN:
        raise CodecError(tr("文字信息长度应为 256 字节，实际 {n}", n=sizes[0]))
    text = data[n_len : n_len + sizes[0]]
    photo = data[n_len + sizes[0] : n_len + sizes[0] + sizes[1]]
    fingerprint = data[n_len + sizes[0] + sizes[1] :] if with_fingerprint else b""
    return CardData(bytes(text), bytes(photo), bytes(fingerprint))


def encode_read(text: bytes, photo: bytes, fingerprint: bytes | None = None) -> bytes:
    """Reply data of a read: None fingerprint means the 30 01 layout (no third length)."""
    lens = len(text).to_bytes(2, "big") + len(photo).to_bytes(2, "big")
    if fingerprint is None:
        return lens + text + photo
    return lens + len(fingerprint).to_bytes(2, "big") + text + photo + fingerprint


def decode_card(data: bytes, with_fingerprint: bool) -> IdCard:
    part = decode_read(data, with_fingerprint)
    return decode_text(part.text, photo_wlt=part.photo, fingerprint=part.fingerprint)


def decode_address(data: bytes) -> str:
    """The additional-address reply (30 03): UCS-2LE, normally 70 bytes."""
    if len(data) % 2:
        raise CodecError(tr("追加住址长度无效：{n} 字节", n=len(data)))
    return _ucs2(data, "追加住址")


def encode_address(address: str) -> bytes:
    return _put(address, ADDRESS_LEN, "address")


def format_sam_id(data: bytes, digits: int = 9) -> str:
    """SAM ID from its 16 data bytes: d[0].d[2]-u32LE@4-u32LE@8-u32LE@12.

    Sources disagree on zero padding of the last two numbers (9 or 10 digits): `digits` picks.
    """
    if len(data) < 16:
        raise CodecError(tr("SAM 编号应为 16 字节，实际 {n}", n=len(data)))

    def u32(i: int) -> int:
        return int.from_bytes(data[i : i + 4], "little")

    return f"{data[0]:02d}.{data[2]:02d}-{u32(4)}-{u32(8):0{digits}d}-{u32(12):0{digits}d}"


def reply_fits(command: tuple[int, int], rep: Reply) -> bool:
    """Could `rep` be the reply to `command`? Replies carry no command echo, so judge by shape:
    a late reply to an earlier, timed-out command is then recognised and dropped."""
    if rep.sw3 not in (SW_OK, SW_FIND_OK):
        return not rep.data  # failures carry no data
    data = rep.data
    if command == FIND:
        return rep.sw3 == SW_FIND_OK
    if rep.sw3 != SW_OK:
        return False
    if command == SELECT:
        return len(data) == 8
    if command in (READ, READ_FINGERPRINT):
        n = 6 if command == READ_FINGERPRINT else 4
        return len(data) >= n and n + sum(
            int.from_bytes(data[i : i + 2], "big") for i in range(0, n, 2)
        ) == len(data)
    if command == READ_ADDRESS:
        return len(data) % 2 == 0 and len(data) != 8 and len(data) <= 256
    if command == SAM_ID:
        return len(data) == 16
    return not data
