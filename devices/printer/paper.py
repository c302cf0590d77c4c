"""The simulator's paper: ESC/POS commands drawn as a thermal receipt, one PNG per cut.

Text sits in the printer's character grid (glyphs.py) with its size, bold and alignment; native
QR codes are drawn from the stored data with the module size sent; raster images are copied
dot for dot; column-format images (ESC *) are stitched band by band with the line spacing set by
ESC 3 (a band taller than the spacing pushes the paper by its own height, so python-escpos's
ESC 3 16 with 24-dot bands prints seamless and the default spacing leaves white seams); GS k
barcodes are drawn with the GS h / GS w / GS H settings. Whether text is GB18030 without FS &
(Chinese mode at power-up) is the `chinese_at_power_up` profile setting. The decoded text, QR
payloads and barcodes of each receipt are kept so tests can read them.
"""

from __future__ import annotations

import codecs
import logging
from dataclasses import dataclass, field

import numpy as np
import qrcode
from PIL import Image, ImageDraw

from devices.printer import barcodes, glyphs
from devices.printer.escpos_stream import Cmd

log = logging.getLogger(__name__)

LINE_GAP = 6  # dots between text rows (default line spacing minus the 24-dot cell)
DEFAULT_SPACING = glyphs.CELL_H + LINE_GAP  # ESC 2: about 1/6 inch
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
    barcodes: list[str] = field(default_factory=list)

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

    def __init__(self, dots: int, chinese_at_power_up: bool = False) -> None:
        self.dots = dots
        self.chinese_at_power_up = chinese_at_power_up
        self.receipt = Receipt()
        self._reset()

    def _reset(self) -> None:
        """Power-up state, which ESC @ restores."""
        self.align = 0
        self.bold = False
        self.width = self.height = 1
        self.chinese = self.chinese_at_power_up
        self._decoder = codecs.getincrementaldecoder("gb18030" if self.chinese else "cp437")()
        self.spacing: int | None = None  # ESC 3 n; None: the default (ESC 2)
        self._bands: list[Image.Image] = []  # ESC * bands waiting for their line feed
        self.barcode_height = 162  # GS h
        self.barcode_module = 3  # GS w
        self.hri = 0  # GS H: 0 none, 1 above, 2 below, 3 both
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

    def _flush_line(self, force: bool, advance: int | None = None) -> None:
        """Print the line; the paper moves by `advance` dots, or by the line spacing (at least the
        line's height)."""
        if self._bands:
            self._flush_bands(advance)
            if not self._line:
                return
        step = advance if advance is not None else self.spacing
        if not self._line and force and step is not None:
            self._feed(step)  # an empty line: just the feed
            return
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
        if advance is None:
            gap = LINE_GAP if self.spacing is None else max(0, self.spacing - h)
        else:
            gap = max(0, advance - h)
        self._feed(gap)
        self.receipt.lines.append(text)
        self._line = []

    def _flush_bands(self, advance: int | None) -> None:
        bands, self._bands = self._bands, []
        h = max(b.height for b in bands)
        row = Image.new("1", (sum(b.width for b in bands), h), 1)
        x = 0
        for band in bands:
            row.paste(band, (x, 0))
            x += band.width
        self._place(row.crop((0, 0, min(row.width, self.dots), h)), self._line_align)
        step = (self.spacing if self.spacing is not None else DEFAULT_SPACING) if advance is None else advance
        self._feed(step - h)

    def _column_band(self, m: int, columns: int, data: bytes) -> Image.Image:
        """ESC * data: one column per byte group, MSB at the top; single density doubles dots."""
        rows = 8 if m in (0, 1) else 24
        k = rows // 8
        bits = np.unpackbits(np.frombuffer(data, dtype=np.uint8).reshape(columns, k), axis=1)
        img = np.where(bits.T[:rows], 0, 255).astype(np.uint8)  # rows x columns, 0 = black
        if m in (0, 32):  # single horizontal density: each dot two dots wide
            img = img.repeat(2, axis=1)
        if m in (0, 1):  # 8-dot modes print at a third of the vertical density
            img = img.repeat(3, axis=0)
        return Image.fromarray(img).convert("1")

    def _barcode(self, m: int, data: bytes) -> None:
        try:
            pattern, hri = barcodes.encode(m, data)
        except barcodes.BarcodeError as e:
            log.info("printer simulator: barcode not printed: %s", e)
            return
        w = max(1, min(6, self.barcode_module))
        if len(pattern) * w > self.dots:
            log.info("printer simulator: barcode wider than the paper, not printed")
            return
        bars = np.array([0 if c == "1" else 255 for c in pattern], dtype=np.uint8).repeat(w)
        img = Image.fromarray(np.tile(bars, (max(1, self.barcode_height), 1))).convert("1")
        self._decode_pending()
        self._flush_line(False)
        if self.hri in (1, 3):
            self._hri_line(hri)
        self._place(img, self.align)
        if self.hri in (2, 3):
            self._hri_line(hri)
        self.receipt.barcodes.append(hri)

    def _hri_line(self, text: str) -> None:
        width, height, bold = self.width, self.height, self.bold
        self.width = self.height = 1
        self.bold = False
        self._text(text)
        self._line_align = self.align
        self._line_text_only(advance=glyphs.CELL_H)
        self.width, self.height, self.bold = width, height, bold

    def _line_text_only(self, advance: int) -> None:
        """Print the pending characters with a fixed advance (HRI text is not a receipt line)."""
        lines = len(self.receipt.lines)
        self._flush_line(True, advance)
        del self.receipt.lines[lines:]

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
            self._feed(cmd.arg * (self.spacing if self.spacing is not None else DEFAULT_SPACING))
        elif n == "esc_J":
            self._decode_pending()
            self._flush_line(True, cmd.arg)
        elif n == "esc_3":
            self.spacing = cmd.arg
        elif n == "esc_2":
            self.spacing = None
        elif n == "column":
            if not self._line and not self._bands:
                self._line_align = self.align
            self._bands.append(self._column_band(cmd.arg, cmd.arg2, cmd.data))
        elif n == "barcode":
            self._barcode(cmd.arg, cmd.data)
        elif n == "gs_h":
            self.barcode_height = cmd.arg
        elif n == "gs_w":
            self.barcode_module = cmd.arg
        elif n == "gs_H":
            self.hri = cmd.arg % 48 if cmd.arg >= 48 else cmd.arg
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
