"""The printer simulator as real printers behave: receipts made with python-escpos's own API
(barcodes, column-format images, Chinese without FS &) render as they would on paper, read back
from the PNG; GS I and DLE EOT 7/8 are answered as a common printer answers them."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import serial
import zxingcpp
from escpos.printer import Dummy
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from devices.printer import barcodes
from devices.printer.escpos_stream import CommandStream
from devices.printer.paper import Paper
from devices.printer.simulator import PrinterSimulator

SHOTS = os.environ.get("KIOSK_SHOTS", "")  # a folder to keep the rendered receipts in, to look at


def _sim(tmp_path: Path, **settings: object) -> PrinterSimulator:
    sim = PrinterSimulator(tmp_path / "printer", {"sim_receipts_dir": str(tmp_path / "receipts"), **settings})
    sim.start()
    return sim


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[PrinterSimulator]:
    s = _sim(tmp_path)
    yield s
    s.stop()


def _print(sim: PrinterSimulator, data: bytes, name: str) -> Image.Image:
    before = len(sim.receipts)
    with serial.serial_for_url(str(sim.port), timeout=1) as port:
        port.write(data)
        port.flush()
        assert sim.wait_receipts(before + 1, 10)
    path = sim.receipts[-1]
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        Image.open(path).save(Path(SHOTS) / f"printer-{name}.png")
    return Image.open(path).convert("L")


def _codes(img: Image.Image) -> list[tuple[str, str]]:
    return [(r.text, str(r.format)) for r in zxingcpp.read_barcodes(np.array(img))]


def test_python_escpos_barcodes_render_readable_with_their_text(sim):
    p = Dummy()
    p.set(align="center")
    p.barcode("{BSL2026010500017", "CODE128", function_type="B", pos="BELOW", width=2, height=80)
    p.text("\n")
    p.barcode("692012345678", "EAN13", pos="OFF", width=3, height=100)  # the printer adds the 9
    p.text("\n")
    p.barcode("1234567", "EAN8", function_type="A", width=3, height=60)
    p.cut()
    img = _print(sim, p.output, "barcodes")
    found = _codes(img)
    assert ("SL2026010500017", "Code 128") in found
    assert ("6920123456789", "EAN-13") in found
    assert ("12345670", "EAN-8") in found
    assert "SL2026010500017" not in sim.last_text  # HRI text is part of the barcode, not a line


def test_a_wrong_barcode_is_not_printed_and_the_rest_of_the_receipt_is(sim):
    p = Dummy()
    p._raw(b"\x1dkI\x05{Xabc")  # CODE128 with an unknown set selector: the printer prints nothing
    p.text("AFTER\n")
    p.cut()
    img = _print(sim, p.output, "bad-barcode")
    assert _codes(img) == []
    assert sim.last_text == "AFTER"


def _picture() -> Image.Image:
    img = Image.new("1", (96, 96), 1)
    d = ImageDraw.Draw(img)
    d.ellipse((8, 8, 88, 88), outline=0, width=6)
    d.rectangle((40, 40, 56, 56), fill=0)
    return img


def _bbox(dark: np.ndarray) -> np.ndarray:
    ys, xs = np.nonzero(dark)
    return dark[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]


def test_column_format_image_from_python_escpos_is_seamless_and_dot_for_dot(sim):
    pic = _picture()
    p = Dummy()
    p.image(pic, impl="bitImageColumn")
    p.text("END\n")
    p.cut()
    img = _print(sim, p.output, "column-image")
    dark = np.array(img) < 128
    top = np.where(dark.any(axis=1))[0][0]
    want = _bbox(np.array(pic.convert("L")) < 128)
    printed = _bbox(dark[top : top + want.shape[0]])
    assert printed.shape == want.shape
    assert (printed == want).mean() > 0.99  # ESC 3 16: bands meet


def test_column_bands_with_the_default_line_spacing_leave_white_seams():
    band = b"\x1b*\x21\x10\x00" + b"\xff\xff\xff" * 16  # 24-dot double density, 16 columns, black
    paper = Paper(576)
    for cmd in CommandStream().feed(band + b"\n" + band + b"\n" + b"\x1b3\x18" + band + b"\n" + band + b"\n"):
        paper.apply(cmd)
    col = np.array(paper.receipt.image(576))[:, 16 + 8] < 128
    runs = np.diff(np.flatnonzero(np.diff(np.r_[0, col.astype(int), 0])))[::2]
    assert list(runs) == [24, 24, 48]  # 30-dot default spacing: a 6-dot seam; ESC 3 24: none


def test_eight_dot_single_density_columns_are_stretched():
    paper = Paper(576)
    for cmd in CommandStream().feed(b"\x1b*\x00\x02\x00\xff\x81\n"):
        paper.apply(cmd)
    dark = np.array(paper.receipt.image(576)) < 128
    ys, xs = np.nonzero(dark)
    assert (ys.max() - ys.min() + 1, xs.max() - xs.min() + 1) == (24, 4)


def test_chinese_mode_at_power_up_prints_gb18030_without_fs_ampersand(tmp_path):
    text = "取件码 7F3K".encode("gb18030")
    plain = _sim(tmp_path / "a")
    chinese = _sim(tmp_path / "b", sim_chinese_at_power_up=True)
    try:
        for s in (plain, chinese):
            _print(s, b"\x1b@" + text + b"\n\x1dV\x00", f"power-up-chinese-{s is chinese}")
        assert chinese.last_text == "取件码 7F3K"
        assert plain.last_text != "取件码 7F3K"  # the same bytes as code page 437
    finally:
        plain.stop()
        chinese.stop()


def _ask(sim: PrinterSimulator, request: bytes, size: int) -> bytes:
    with serial.serial_for_url(str(sim.port), timeout=2) as port:
        port.reset_input_buffer()
        port.write(request)
        out = b""
        deadline = time.monotonic() + 5
        while len(out) < size and time.monotonic() < deadline:
            out += port.read(size - len(out))
        return out


def test_gs_i_and_dle_eot_7_8_are_answered_like_a_common_printer(sim):
    assert _ask(sim, b"\x1dI\x01", 1) == b"\x20"
    assert _ask(sim, b"\x1dI\x32", 1)[0] & 0x03 == 0x03  # GS I 50: multi-byte chars, autocutter
    assert _ask(sim, b"\x1dIB", 11) == b"_KIOSK SIM\x00"
    assert _ask(sim, b"\x1dIC", 8) == b"_POS-80\x00"
    for n, a in ((7, 1), (7, 2), (8, 3)):
        reply = _ask(sim, bytes([0x10, 0x04, n, a]), 1)
        assert len(reply) == 1 and reply[0] & 0x93 == 0x12  # a status byte: bits 1, 4 set; 0, 7 clear
    # the `a` byte was consumed: it did not print as text
    p = Dummy()
    p.text("OK\n")
    p.cut()
    _print(sim, p.output, "after-status")
    assert sim.last_text == "OK"


def test_barcode_encoder_matches_what_zxing_reads():
    for m, data, want in [(73, b"{C\x01\x17\x63{Bab", "012399ab"), (65, b"03600029145", "036000291452")]:
        pattern, hri = barcodes.encode(m, data)
        row = np.array([0 if c == "1" else 255 for c in pattern], np.uint8).repeat(2)
        img = np.tile(np.r_[np.full(30, 255, np.uint8), row, np.full(30, 255, np.uint8)], (40, 1))
        assert hri == want
        assert zxingcpp.read_barcodes(img)[0].text.endswith(want)


@settings(max_examples=300)
@given(st.sampled_from(sorted(barcodes.SYMBOLOGIES)), st.binary(max_size=40))
def test_any_barcode_data_draws_or_is_refused_cleanly(m: int, data: bytes):
    try:
        pattern, _ = barcodes.encode(m, data)
    except barcodes.BarcodeError:
        return
    assert set(pattern) <= {"0", "1"} and pattern.startswith("1") and pattern.endswith("1")


@given(st.binary(max_size=300))
def test_any_bytes_through_the_paper_never_crash_it(data: bytes):
    paper = Paper(576)
    for cmd in CommandStream().feed(data):
        paper.apply(cmd)
