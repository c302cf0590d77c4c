"""Drawing printer text with a CJK font: bitmap Chinese for font-less printers, and the simulator.

Printer text sits in a grid: font A is 12 x 24 dots per half-width character and 24 x 24 per
full-width (Chinese) one, scaled by the GS ! width and height factors.
"""

from __future__ import annotations

import functools
import subprocess
import unicodedata
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

CELL_W, CELL_H = 12, 24
NO_LINE_START = "，。、；：！？）》」』,.;:!?)"
FALLBACK_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
)


@functools.cache
def cjk_font_file() -> tuple[str, int]:
    """(file, face index) of a Simplified Chinese font, as fontconfig picks it."""
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}:%{index}", "Noto Sans CJK SC"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout
        path, _, index = out.rpartition(":")
        if path and Path(path).exists():
            return path, int(index or 0)
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    for path in FALLBACK_FONTS:
        if Path(path).exists():
            return path, 2 if path.endswith("NotoSansCJK-Regular.ttc") else 0
    raise FileNotFoundError("no Chinese font found (install fonts-noto-cjk)")


@functools.cache
def font(px: int) -> ImageFont.FreeTypeFont:
    path, index = cjk_font_file()
    return ImageFont.truetype(path, px, index=index)


def char_cells(ch: str) -> int:
    """1 for half-width characters, 2 for full-width (CJK, full-width punctuation)."""
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_cells(text: str) -> int:
    return sum(char_cells(c) for c in text)


def _latin(ch: str) -> bool:
    return ch.isascii() and not ch.isspace()


def wrap(text: str, columns: int) -> list[str]:
    """Break text into lines of at most `columns` half-width cells, as the printer would."""
    lines: list[str] = []
    current, used = "", 0
    for ch in text:
        n = char_cells(ch)
        if used + n > columns and current:
            carry = ""
            head, space, tail = current.rpartition(" ")
            if ch in NO_LINE_START and len(current) > 1:
                # keep closing punctuation off the start of a line: take a character with it
                current, carry = current[:-1], current[-1]
            elif _latin(ch) and space and head.strip() and all(_latin(c) for c in tail):
                current, carry = head, tail  # an English word moves to the next line whole
            lines.append(current)
            current, used = carry, text_cells(carry)
            if ch == " " and not carry:
                continue  # no space at the start of a line
        current += ch
        used += n
    lines.append(current)
    return lines


def draw_char(img: Image.Image, x: int, y: int, ch: str, width: int, height: int, bold: bool) -> int:
    """Draw one character in its cell at (x, y) scaled width x height; return the cell width in dots."""
    cw, ch_h = CELL_W * char_cells(ch) * width, CELL_H * height
    if ch.strip():
        base_w = CELL_W * char_cells(ch)
        wide = Image.new("L", (CELL_W * 3, CELL_H), 255)
        d = ImageDraw.Draw(wide)
        d.text(
            (wide.width / 2, CELL_H / 2),
            ch,
            font=font(22),
            fill=0,
            anchor="mm",
            stroke_width=1 if bold else 0,
            stroke_fill=0,
        )
        box = Image.eval(wide, lambda v: 255 - v).getbbox()
        cell = Image.new("L", (base_w, CELL_H), 255)
        if box:
            glyph = wide.crop((box[0], 0, box[2], CELL_H))
            if glyph.width > base_w - 1:  # Latin m, W: squeeze into the printer's cell
                glyph = glyph.resize((base_w - 1, CELL_H), Image.Resampling.LANCZOS)
            cell.paste(glyph, ((base_w - glyph.width) // 2, 0))
        if width != 1 or height != 1:
            cell = cell.resize((cw, ch_h), Image.Resampling.NEAREST)
        img.paste(cell, (x, y))
    return cw


def render_line(text: str, width: int = 1, height: int = 1, bold: bool = False) -> Image.Image:
    """One line of text as a 1-bit image, one cell per character."""
    w = max(1, text_cells(text)) * CELL_W * width
    img = Image.new("L", (w, CELL_H * height), 255)
    x = 0
    for ch in text:
        x += draw_char(img, x, 0, ch, width, height, bold)
    # threshold, not dither: thermal heads print solid dots
    return img.point(lambda v: 255 if v >= 128 else 0).convert("1")
