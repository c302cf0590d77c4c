"""What a scanner sends, as text: lines cut at CR / CR LF, noise and runaway lines rejected,
repeats of one code within a short window dropped. Pure; shared by every scanner driver.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from core.text import Text, tr

#: Characters below 0x20 that barcodes legitimately carry: GS (the GS1 group separator, FNC1)
#: and RS / EOT of ISO 15434 envelopes.
ALLOWED_CONTROLS = frozenset("\x1d\x1e\x04\t")


@dataclass(frozen=True)
class Scanned:
    code: str


@dataclass(frozen=True)
class Rejected:
    reason: Text


ScanEvent = Scanned | Rejected


def decode_code(raw: bytes) -> str | Text:
    """The code's text, or why these bytes are not a code (a Text)."""
    for encoding in ("utf-8", "gb18030"):  # Chinese scanners send GB18030 when not set to UTF-8
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return tr("扫码器发送的不是文本（{n} 字节）", n=len(raw))
    bad = [
        c for c in text if c not in ALLOWED_CONTROLS and unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn")
    ]
    if bad:
        return tr("扫码器发送的数据含有控制字符（{n} 个）", n=len(bad))
    return text


class LineReader:
    """Bytes in, scan events out. A line longer than `max_length` is rejected once, whole."""

    def __init__(self, max_length: int = 2048) -> None:
        self.max_length = max_length
        self.buffer = bytearray()
        self._overflow = False  # discarding the rest of a runaway line

    def feed(self, data: bytes) -> list[ScanEvent]:
        out: list[ScanEvent] = []
        for b in data:
            if b in (0x0D, 0x0A):
                if self._overflow:
                    self._overflow = False
                elif self.buffer:
                    decoded = decode_code(bytes(self.buffer))
                    out.append(Scanned(decoded) if isinstance(decoded, str) else Rejected(decoded))
                self.buffer.clear()
                continue
            if self._overflow:
                continue
            self.buffer.append(b)
            if len(self.buffer) > self.max_length:
                self.buffer.clear()
                self._overflow = True
                out.append(Rejected(tr("扫码内容超过 {n} 个字符，已丢弃", n=self.max_length)))
        return out

    def clear(self) -> None:
        self.buffer.clear()
        self._overflow = False


class RepeatFilter:
    """Drops a code seen again within `window` seconds (a presentation scanner reads a held
    phone many times a second); a different code, or the same after the window, passes."""

    def __init__(self, window: float) -> None:
        self.window = window
        self._last: tuple[str, float] | None = None

    def accept(self, code: str, now: float) -> bool:
        last = self._last
        if last is not None and last[0] == code and now - last[1] < self.window:
            self._last = (code, now)  # still held in front of the scanner: keep suppressing
            return False
        self._last = (code, now)
        return True

    def forget(self) -> None:
        """The next read of any code passes: a new journey reads the same slip afresh."""
        self._last = None


def payment_code_kind(code: str) -> str | None:
    """ "wechat" or "alipay" for a payment code of the documented shape, else None."""
    if not code.isdigit():
        return None
    if len(code) == 18 and 10 <= int(code[:2]) <= 15:
        return "wechat"
    if 16 <= len(code) <= 24 and 25 <= int(code[:2]) <= 30:
        return "alipay"
    return None


def parse_hex(text: str) -> bytes:
    """A vendor command from config: hex bytes ("16 54 0D"), or text in quotes ("'$$$$'")."""
    t = text.strip()
    if len(t) >= 2 and t[0] == t[-1] and t[0] in "'\"":
        return t[1:-1].encode("ascii")
    return bytes.fromhex(t)
