"""Receipt layouts: TOML templates in resources/receipts rendered to ESC/POS with python-escpos.

A template is a list of lines, each one table:

    { text = "前面还有 {waiting_ahead} 人", align = "center", bold = true, size = 2 }
    { rule = "-" }                      a full-width line of that character
    { qr = "{qr}", size = 6, ec = "M" } a QR code (native GS ( k or a raster image)
    { image = "{photo}", width_mm = 40 } a picture file, dithered to a raster image that wide
    { feed = 2 }                        print and feed n lines
    { cut = "full" }                    feed and cut ("full" or "partial")

`size` is a magnification 1-8 or [width, height]; `when = "field"` keeps a line only when the
data has that field with a value. Fields are filled with str.format; ID numbers in printed text
are masked. Text is pre-wrapped to the paper width, so every mode breaks lines the same way.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import qrcode
from escpos.constants import QR_ECLEVEL_H, QR_ECLEVEL_L, QR_ECLEVEL_M, QR_ECLEVEL_Q
from escpos.escpos import Escpos
from escpos.printer import Dummy

from core.redact import ID_RE, mask_id
from devices.printer import glyphs

BUILTIN_DIR = Path(__file__).resolve().parents[2] / "resources" / "receipts"
LAYOUT_NAMES = (
    "queue_ticket",
    "queue_ticket_en",
    "photo_sheet",
    "reissue_receipt",
    "pickup_slip",
    "unresolved_slip",
    "unresolved_slip_en",
    "test_page",
)
DOTS_PER_MM = 8  # 203 dpi, the head of every supported receipt printer

INIT = b"\x1b@"
CHINESE_ON = b"\x1c&"
#: modules of white a QR needs around it to be found (ISO/IEC 18004); printers print none of it
QR_QUIET_MODULES = 4
ALIGN = {"left": 0, "center": 1, "right": 2}
EC_LEVELS = {"L": QR_ECLEVEL_L, "M": QR_ECLEVEL_M, "Q": QR_ECLEVEL_Q, "H": QR_ECLEVEL_H}
QR_EC_LIB = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}
KEYS = {
    "text": {"text", "align", "bold", "size", "when"},
    "rule": {"rule", "when"},
    "qr": {"qr", "size", "ec", "align", "when"},
    "image": {"image", "width_mm", "align", "when"},
    "feed": {"feed", "when"},
    "cut": {"cut"},
}


class LayoutError(ValueError):
    """A template that cannot be used, or data that does not fit it (a programming error)."""


@dataclass(frozen=True)
class PaperOptions:
    """What the rendering depends on besides the template and the data."""

    paper_width_mm: int = 80
    chinese: str = "gb18030"  # or "bitmap"
    native_qr: bool = True

    @property
    def dots(self) -> int:
        return 384 if self.paper_width_mm == 58 else 576

    @property
    def columns(self) -> int:
        return self.dots // glyphs.CELL_W


@dataclass(frozen=True)
class Layout:
    name: str
    lines: tuple[Mapping[str, Any], ...]


def _size(value: Any, where: str) -> tuple[int, int]:
    w, h = (value, value) if isinstance(value, int) else tuple(value) if isinstance(value, list) else (0, 0)
    if not (isinstance(w, int) and isinstance(h, int) and 1 <= w <= 8 and 1 <= h <= 8):
        raise LayoutError(f"{where}: size must be 1-8 or [width, height], not {value!r}")
    return w, h


def _validate(name: str, raw: Any) -> Layout:
    lines = raw.get("lines") if isinstance(raw, dict) else None
    if not isinstance(lines, list) or not lines:
        raise LayoutError(f"layout {name}: needs a non-empty `lines` list")
    for i, line in enumerate(lines):
        where = f"layout {name} line {i + 1}"
        kinds = [k for k in KEYS if isinstance(line, dict) and k in line]
        if len(kinds) != 1:
            raise LayoutError(f"{where}: needs exactly one of {', '.join(KEYS)}")
        kind = kinds[0]
        unknown = set(line) - KEYS[kind]
        if unknown:
            raise LayoutError(f"{where}: unknown keys {sorted(unknown)} for a {kind} line")
        if "size" in line:
            _size(line["size"], where)
        if line.get("align", "left") not in ALIGN:
            raise LayoutError(f"{where}: align must be left, center or right")
        if kind == "qr" and line.get("ec", "M") not in EC_LEVELS:
            raise LayoutError(f"{where}: ec must be L, M, Q or H")
        if kind == "cut" and line["cut"] not in ("full", "partial"):
            raise LayoutError(f"{where}: cut must be full or partial")
        if kind == "image" and not 10 <= line.get("width_mm", 40) <= 72:
            raise LayoutError(f"{where}: width_mm must be 10-72")
        if kind == "rule" and len(line["rule"]) != 1:
            raise LayoutError(f"{where}: rule is one character")
    return Layout(name, tuple(lines))


def load_layout(name: str, directory: Path | None = None) -> Layout:
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise LayoutError(f"bad layout name {name!r}")
    path = (directory or BUILTIN_DIR) / f"{name}.toml"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LayoutError(f"no layout {name!r} in {path.parent}") from None
    except tomllib.TOMLDecodeError as e:
        raise LayoutError(f"layout {path} is not valid TOML: {e}") from None
    return _validate(name, raw)


class _Fields(string.Formatter):
    def get_value(self, key: int | str, args: Any, kwargs: Mapping[str, Any]) -> Any:
        if str(key) not in kwargs:
            raise LayoutError(f"layout needs the field {key!r}")
        return kwargs[str(key)]

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, datetime) and not format_spec:
            return value.strftime("%Y-%m-%d %H:%M")
        if isinstance(value, date) and not format_spec:
            return value.strftime("%Y-%m-%d")
        return super().format_field(value, format_spec)


def fill(template: str, data: Mapping[str, Any]) -> str:
    return _Fields().vformat(template, (), data)


def mask_ids(text: str) -> str:
    return ID_RE.sub(lambda m: mask_id(m.group(0)), text)


def _present(line: Mapping[str, Any], data: Mapping[str, Any]) -> bool:
    field = line.get("when")
    return field is None or data.get(field) not in (None, "")


def _qr_image(content: str, size: int, ec: str) -> Any:
    code = qrcode.QRCode(version=None, box_size=size, border=QR_QUIET_MODULES, error_correction=QR_EC_LIB[ec])
    code.add_data(content)
    code.make(fit=True)
    return code.make_image().get_image().convert("1")


def _feed_dots(dots: int) -> bytes:
    """ESC J n: print what is buffered and feed n dots (at most 255)."""
    return b"\x1bJ" + bytes([min(max(dots, 0), 255)])


def _photo_raster(path: str, width_mm: int, opts: PaperOptions) -> Any:
    """A photo as thermal dots: greyscale, scaled to width, contrast stretched, dithered."""
    from PIL import Image, ImageOps

    with Image.open(path) as im:
        grey = ImageOps.autocontrast(im.convert("L"), cutoff=1)
    width = min(width_mm * DOTS_PER_MM, opts.dots)
    height = round(grey.height * width / grey.width)
    # Floyd-Steinberg error diffusion (PIL's default for mode "1") keeps the face's shading
    return grey.resize((width, height), Image.Resampling.LANCZOS).convert("1")


def render(p: Escpos, layout: Layout, data: Mapping[str, Any], opts: PaperOptions) -> None:
    """Write the layout's commands to p (any python-escpos printer, usually a Dummy)."""
    native_qr = opts.native_qr and p.profile.supports("qrCode")
    p._raw(INIT)
    if opts.chinese == "gb18030":
        p._raw(CHINESE_ON)
    for line in layout.lines:
        if not _present(line, data):
            continue
        if "text" in line or "rule" in line:
            if "rule" in line:
                w, h, bold, align = 1, 1, False, "left"
                text = line["rule"] * opts.columns
            else:
                w, h = _size(line.get("size", 1), layout.name)
                bold, align = bool(line.get("bold", False)), line.get("align", "left")
                text = mask_ids(fill(line["text"], data))
            p.set(align=align, bold=bold, custom_size=True, width=w, height=h)
            for part in text.splitlines() or [""]:
                for row in glyphs.wrap(part, opts.columns // w):
                    if opts.chinese == "bitmap" and not row.isascii():
                        # raster lines print and advance on their own
                        p.image(glyphs.render_line(row, w, h, bold), impl="bitImageRaster")
                    else:
                        p._raw(row.encode("gb18030" if opts.chinese == "gb18030" else "ascii") + b"\n")
        elif "qr" in line:
            content = fill(line["qr"], data)
            size, ec = int(line.get("size", 6)), line.get("ec", "M")
            p.set(align=line.get("align", "center"))
            if native_qr:
                # the printed symbol has no margin: white paper above and below (ESC J n dots) keeps
                # the line of text before it from touching it, which phones and scanners miss
                quiet = _feed_dots(QR_QUIET_MODULES * size)
                p._raw(quiet)
                p.qr(content, native=True, size=size, ec=EC_LEVELS[ec])
                p._raw(quiet)
            else:
                p.image(_qr_image(content, size, ec), impl="bitImageRaster")
        elif "image" in line:
            p.set(align=line.get("align", "center"))
            img = _photo_raster(fill(line["image"], data), int(line.get("width_mm", 40)), opts)
            p.image(img, impl="bitImageRaster")
        elif "feed" in line:
            p.print_and_feed(int(line["feed"]))
        elif "cut" in line:
            p.set(align="left", bold=False, custom_size=True, width=1, height=1)
            p.cut("PART" if line["cut"] == "partial" else "FULL")


def make_dummy(profile: str, opts: PaperOptions) -> Dummy:
    """A Dummy printer whose profile knows the paper width (python-escpos centres and checks with it)."""
    d = Dummy(profile=profile)
    data = dict(d.profile.profile_data)
    data["media"] = {**data.get("media", {}), "width": {"mm": opts.paper_width_mm, "pixels": opts.dots}}
    d.profile.profile_data = data  # per instance: the class-level dict is shared by every printer
    return d


def job_bytes(layout: Layout, data: Mapping[str, Any], opts: PaperOptions, profile: str = "default") -> bytes:
    d = make_dummy(profile, opts)
    render(d, layout, data, opts)
    return bytes(d.output)
