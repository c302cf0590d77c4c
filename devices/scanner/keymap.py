"""Keyboard-mode (HID wedge) scanners: key events to text, as a US keyboard types them.

Scanners in keyboard mode type each code as key presses ended by Enter, almost always with a
US layout. The decoder follows the shift keys, ignores releases and autorepeat, and returns
a line at Enter. Key codes are Linux's (linux/input-event-codes.h), stable across kernels.
"""

from __future__ import annotations

from core.text import tr
from devices.scanner.codec import Rejected, ScanEvent, Scanned

KEY_ENTER, KEY_KPENTER = 28, 96
SHIFTS = frozenset({42, 54})  # KEY_LEFTSHIFT, KEY_RIGHTSHIFT

#: key code -> (plain, shifted)
KEYS: dict[int, tuple[str, str]] = {
    **{c: (p, s) for c, p, s in zip(range(2, 12), "1234567890", "!@#$%^&*()", strict=True)},
    12: ("-", "_"),
    13: ("=", "+"),
    15: ("\t", "\t"),
    **{c: (ch, ch.upper()) for c, ch in zip(range(16, 26), "qwertyuiop", strict=True)},
    26: ("[", "{"),
    27: ("]", "}"),
    **{c: (ch, ch.upper()) for c, ch in zip(range(30, 39), "asdfghjkl", strict=True)},
    39: (";", ":"),
    40: ("'", '"'),
    41: ("`", "~"),
    43: ("\\", "|"),
    **{c: (ch, ch.upper()) for c, ch in zip(range(44, 51), "zxcvbnm", strict=True)},
    51: (",", "<"),
    52: (".", ">"),
    53: ("/", "?"),
    55: ("*", "*"),  # keypad
    57: (" ", " "),
    **{c: (ch, ch) for c, ch in zip((71, 72, 73, 75, 76, 77, 79, 80, 81, 82), "7894561230", strict=True)},
    74: ("-", "-"),
    78: ("+", "+"),
    83: (".", "."),
    98: ("/", "/"),
}

#: the reverse, for tests and the uinput check: character -> (key code, shifted)
CHARS: dict[str, tuple[int, bool]] = {}
for _code, (_plain, _shifted) in sorted(KEYS.items(), reverse=True):  # main-row keys win over keypad
    CHARS[_shifted] = (_code, _shifted != _plain)
    CHARS[_plain] = (_code, False)


class KeyDecoder:
    def __init__(self, max_length: int = 2048) -> None:
        self.max_length = max_length
        self.chars: list[str] = []
        self.shift: set[int] = set()
        self.unknown = 0  # keys with no character (a scanner set to another layout sends these)
        self.overflow = False

    def feed(self, code: int, value: int) -> ScanEvent | None:
        """One EV_KEY event (value 1 press, 0 release, 2 autorepeat); the code at Enter."""
        if code in SHIFTS:
            if value:
                self.shift.add(code)
            else:
                self.shift.discard(code)
            return None
        if value != 1:
            return None
        if code in (KEY_ENTER, KEY_KPENTER):
            line = "".join(self.chars)
            overflow, self.overflow = self.overflow, False
            self.chars.clear()
            if overflow:
                return Rejected(tr("扫码内容超过 {n} 个字符，已丢弃", n=self.max_length))
            return Scanned(line) if line else None
        pair = KEYS.get(code)
        if pair is None:
            self.unknown += 1
            return None
        if len(self.chars) >= self.max_length:
            self.overflow = True
            self.chars.clear()
        if not self.overflow:
            self.chars.append(pair[1] if self.shift else pair[0])
        return None
