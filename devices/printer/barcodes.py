"""GS k barcodes as a printer draws them: module patterns for CODE128, EAN-13/8, UPC-A, CODE39.

The symbol tables are python-barcode's (a python-escpos dependency); what is ESC/POS-specific is
here: CODE128 data carries its own code-set selectors (`{A`, `{B`, `{C`, `{{` for a brace, `{1`
for FNC1) and in set C each byte is a value 0-99, not two digits; EAN/UPC take the data without
or with its check digit (the printer adds it). Patterns are strings of "1" (bar) and "0".
"""

from __future__ import annotations

from barcode.charsets import code39, ean
from barcode.charsets import code128 as c128


class BarcodeError(ValueError):
    """Data the printer would refuse for that symbology (it prints nothing)."""


# GS k m: function A (m 0-6, NUL-terminated) and function B (m 65-73, with a length byte)
SYMBOLOGIES = {
    0: "UPC-A", 2: "EAN13", 3: "EAN8", 4: "CODE39",
    65: "UPC-A", 67: "EAN13", 68: "EAN8", 69: "CODE39", 73: "CODE128",
}  # fmt: skip

_START = {"A": 103, "B": 104, "C": 105}
_SWITCH = {"A": 101, "B": 100, "C": 99}
_FNC1 = 102


def code128(data: bytes) -> tuple[str, str]:
    """(pattern, human-readable text) of ESC/POS CODE128 data."""
    values: list[int] = []
    text: list[str] = []
    codeset = ""
    i = 0
    while i < len(data):
        b = data[i]
        if b == 0x7B and i + 1 < len(data) and data[i + 1] != 0x7B:
            sel = chr(data[i + 1])
            i += 2
            if sel in _START:
                values.append(_START[sel] if not codeset else _SWITCH[sel])
                codeset = sel
            elif sel == "1":
                values.append(_FNC1)
            else:
                raise BarcodeError(f"CODE128 selector {{{sel} is not supported")
            continue
        if b == 0x7B:
            i += 1  # "{{" is one literal brace
        i += 1
        if not codeset:
            raise BarcodeError("CODE128 data must start with {A, {B or {C")
        if codeset == "C":
            if b > 99:
                raise BarcodeError(f"CODE128 set C value {b} is over 99")
            values.append(b)
            text.append(f"{b:02d}")
        elif codeset == "A":
            if b > 95:
                raise BarcodeError(f"byte {b:#04x} is not in CODE128 set A")
            values.append(b - 32 if b >= 32 else b + 64)
            text.append(chr(b) if b >= 32 else " ")
        else:
            if not 32 <= b <= 127:
                raise BarcodeError(f"byte {b:#04x} is not in CODE128 set B")
            values.append(b - 32)
            text.append(chr(b))
    if len(values) < 2:
        raise BarcodeError("CODE128 needs at least one character")
    check = (values[0] + sum(i * v for i, v in enumerate(values[1:], 1))) % 103
    pattern = "".join(c128.CODES[v] for v in [*values, check]) + c128.STOP + "11"
    return pattern, "".join(text)


def _check_digit(digits: str) -> str:
    odd = sum(int(d) for d in digits[-1::-2])
    even = sum(int(d) for d in digits[-2::-2])
    return str((10 - (odd * 3 + even) % 10) % 10)


def _digits(data: bytes, lengths: tuple[int, int], name: str) -> str:
    text = data.decode("ascii", "replace")
    if not text.isdigit() or len(text) not in lengths:
        raise BarcodeError(f"{name} takes {lengths[0]} or {lengths[1]} digits, not {text!r}")
    # the printer adds the check digit when it is left out, and prints the one it is sent
    return text if len(text) == lengths[1] else text + _check_digit(text)


def ean13(data: bytes) -> tuple[str, str]:
    code = _digits(data, (12, 13), "EAN13")
    parity = ean.LEFT_PATTERN[int(code[0])]
    left = "".join(ean.CODES[p][int(d)] for p, d in zip(parity, code[1:7], strict=True))
    right = "".join(ean.CODES["C"][int(d)] for d in code[7:])
    return ean.EDGE + left + ean.MIDDLE + right + ean.EDGE, code


def ean8(data: bytes) -> tuple[str, str]:
    code = _digits(data, (7, 8), "EAN8")
    left = "".join(ean.CODES["A"][int(d)] for d in code[:4])
    right = "".join(ean.CODES["C"][int(d)] for d in code[4:])
    return ean.EDGE + left + ean.MIDDLE + right + ean.EDGE, code


def upca(data: bytes) -> tuple[str, str]:
    pattern, code = ean13(b"0" + data)
    return pattern, code[1:]


def code39_pattern(data: bytes) -> tuple[str, str]:
    text = data.decode("ascii", "replace").strip("*")
    if not text or any(c not in code39.MAP for c in text):
        raise BarcodeError(f"CODE39 cannot encode {text!r}")
    body = code39.MIDDLE.join(code39.MAP[c][1] for c in text)
    return code39.EDGE + code39.MIDDLE + body + code39.MIDDLE + code39.EDGE, f"*{text}*"


ENCODERS = {"CODE128": code128, "EAN13": ean13, "EAN8": ean8, "UPC-A": upca, "CODE39": code39_pattern}


def encode(m: int, data: bytes) -> tuple[str, str]:
    """(pattern, HRI text) of GS k m data; BarcodeError when the printer would print nothing."""
    name = SYMBOLOGIES.get(m)
    if name is None:
        raise BarcodeError(f"barcode system {m} is not drawn by the simulator")
    return ENCODERS[name](data)
