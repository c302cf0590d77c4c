"""The simulator's paper: ESC/POS commands drawn as a thermal receipt, one PNG per cut.

Text sits in the printer's character grid (glyphs.py) with its size, bold and alignment; native
QR codes are drawn from the stored data with the module size sent; raster images are copied
dot for dot. The decoded text and QR payloads of each receipt are kept so tests can read them.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

import qrcode
from PIL import Image, ImageDraw

from devices.printer import glyphs
from devices.printer.escpos_stream import Cmd

LINE_GAP = 6  # dots between text rows (default line spacing minus the 24-dot cell)
MARGIN = 16  # white border around the saved image, so it looks like a strip of paper
QR_EC = {
    48: qrcode.constants.ERROR_CORRECT_L,
    49: qrcode.constants.ERROR_CORRECT_M,
    50: qrcode.constants.ERROR_CORRECT_Q,
    51: qrcode.constants.ERROR_CORRECT_H,
}


@dataclass
class Cell:
    ch: str
    width: int
    height: int
    bold: bool


@dataclass
class Receipt:
    """What has been printed since the last cut."""

    strips: list[Image.Image] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    qr_codes: list[str] = field(default_factory=list)

    @property
    def height(self) -> int:
        return sum(s.height for s in self.strips)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def image(self, dots: int) -> Image.Image:
        img = Image.new("L", (dots + 2 * MARGIN, self.height + 2 * MARGIN), 255)
        y = MARGIN
        for strip in self.strips:
            img.paste(strip.convert("L"), (MARGIN, y))
            y += strip.height
        return img


class Paper:
    """Draws commands; `on_cut(receipt)` is called at each cut."""

    def __init__(self, dots: int) -> None:
        self.dots = dots
        self.receipt = Receipt()
        self._reset()

    def _reset(self) -> None:
        self.align = 0
        self.bold = False
        self.width = self.height = 1
        self.chinese = False
        self._decoder = codecs.getincrementaldecoder("cp437")()
        self._line: list[Cell] = []
        self._line_align = 0
        self._qr_data = b""
        self._qr_size = 3
        self._qr_ec = 48
        self._graphics: Image.Image | None = None

    # ---- output ----
    def _add_strip(self, strip: Image.Image) -> None:
        self.receipt.strips.append(strip)

    def _place(self, img: Image.Image, align: int) -> None:
        """A strip of paper width with img at the alignment."""
        strip = Image.new("1", (self.dots, img.height), 1)
        free = max(0, self.dots - img.width)
        x = {0: 0, 1: free // 2, 2: free}.get(align, 0)
        strip.paste(img.convert("1"), (x, 0))
        self._add_strip(strip)

    def _flush_line(self, force: bool) -> None:
        if not self._line and not force:
            return
        h = max((c.height for c in self._line), default=self.height) * glyphs.CELL_H
        w = sum(glyphs.CELL_W * glyphs.char_cells(c.ch) * c.width for c in self._line)
        img = Image.new("L", (max(1, w), h), 255)
        x = 0
        for c in self._line:
            cell_h = glyphs.CELL_H * c.height
            x += glyphs.draw_char(img, x, h - cell_h, c.ch, c.width, c.height, c.bold)
        text = "".join(c.ch for c in self._line)
        self._place(img.point(lambda v: 255 if v >= 128 else 0).convert("1"), self._line_align)
        self._add_strip(Image.new("1", (self.dots, LINE_GAP), 1))
        self.receipt.lines.append(text)
        self._line = []

    def _feed(self, dots: int) -> None:
        if dots > 0:
            self._add_strip(Image.new("1", (self.dots, dots), 1))

    def _text(self, chars: str) -> None:
        for ch in chars:
            if ch == "\t":
                ch = " "
            if not ch.isprintable():
                continue
            if not self._line:
                self._line_align = self.align
            used = sum(glyphs.char_cells(c.ch) * c.width for c in self._line) * glyphs.CELL_W
            if used + glyphs.char_cells(ch) * self.width * glyphs.CELL_W > self.dots:
                self._flush_line(False)  # the printer wraps at the paper edge
                self._line_align = self.align
            self._line.append(Cell(ch, self.width, self.height, self.bold))

    def _decode_pending(self) -> None:
        tail = self._decoder.decode(b"", final=True)
        if tail:
            self._text(tail)

    def _qr_print(self) -> None:
        content = self._qr_data.decode("utf-8", "replace")
        code = qrcode.QRCode(
            version=None,
            box_size=max(1, self._qr_size),
            border=0,
            error_correction=QR_EC.get(self._qr_ec, qrcode.constants.ERROR_CORRECT_M),
        )
        code.add_data(content)
        code.make(fit=True)
        self._flush_line(False)
        self._place(code.make_image().get_image().convert("1"), self.align)
        self.receipt.qr_codes.append(content)

    def _raster(self, width_bytes: int, height: int, data: bytes) -> Image.Image:
        # ESC/POS raster: 1 = black; PIL mode "1": 0 = black
        img = Image.frombytes("1", (width_bytes * 8, height), data)
        return Image.eval(img.convert("L"), lambda v: 255 - v).convert("1")

    # ---- commands ----
    def apply(self, cmd: Cmd) -> Receipt | None:
        """Draw one command; returns the finished receipt at a cut."""
        n = cmd.name
        if n == "text":
            self._text(self._decoder.decode(cmd.data))
        elif n == "lf":
            self._decode_pending()
            self._flush_line(True)
        elif n == "init":
            self._decode_pending()
            self._flush_line(False)
            self._reset()
        elif n == "chinese":
            self._decode_pending()
            self.chinese = bool(cmd.arg)
            self._decoder = codecs.getincrementaldecoder("gb18030" if self.chinese else "cp437")()
        elif n == "esc_a":
            self.align = cmd.arg % 48 if cmd.arg >= 48 else cmd.arg
        elif n == "esc_E":
            self.bold = bool(cmd.arg & 1)
        elif n == "esc_!":
            self.bold = bool(cmd.arg & 0x08)
            self.height = 2 if cmd.arg & 0x10 else 1
            self.width = 2 if cmd.arg & 0x20 else 1
        elif n == "gs_size":
            self.width, self.height = (cmd.arg >> 4) + 1, (cmd.arg & 0x0F) + 1
        elif n == "esc_d":
            self._decode_pending()
            self._flush_line(False)
            self._feed(cmd.arg * (glyphs.CELL_H + LINE_GAP))
        elif n == "raster":
            self._flush_line(False)
            self._place(self._raster(cmd.arg, cmd.arg2, cmd.data), self.align)
        elif n == "gs_paren_k":
            self._qr_command(cmd.data)
        elif n == "gs_paren_L":
            self._graphics_command(cmd.data)
        elif n == "cut":
            self._decode_pending()
            self._flush_line(False)
            done, self.receipt = self.receipt, Receipt()
            return done
        return None

    def _qr_command(self, body: bytes) -> None:
        if len(body) < 2 or body[0] != 0x31:  # cn 49: QR code
            return
        fn = body[1]
        if fn == 0x43 and len(body) >= 3:
            self._qr_size = body[2]
        elif fn == 0x45 and len(body) >= 3:
            self._qr_ec = body[2]
        elif fn == 0x50:
            self._qr_data = body[3:]
        elif fn == 0x51:
            self._qr_print()

    def _graphics_command(self, body: bytes) -> None:
        if len(body) >= 2 and body[1] == 0x70 and len(body) >= 10:  # store raster graphics
            w, h = body[6] | body[7] << 8, body[8] | body[9] << 8
            self._graphics = self._raster((w + 7) // 8, h, body[10:])
        elif len(body) >= 2 and body[1] == 0x32 and self._graphics is not None:  # print it
            self._flush_line(False)
            self._place(self._graphics, self.align)
            self._graphics = None


def draw_torn(img: Image.Image) -> Image.Image:
    """Mark a receipt cut short by paper running out."""
    d = ImageDraw.Draw(img)
    d.line([(0, img.height - 2), (img.width, img.height - 2)], fill=0, width=3)
    return img
