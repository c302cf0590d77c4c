"""Layouts to exact ESC/POS bytes (python-escpos Dummy), and what a template may and may not say."""

import os
from pathlib import Path

import pytest

from devices.printer import layout as L
from tests.devices.printer.conftest import HALL, SAMPLES

GOLDEN = Path(__file__).parent / "golden"
VARIANTS = {
    "80-gb18030-native": L.PaperOptions(80, "gb18030", True),
    "58-gb18030-native": L.PaperOptions(58, "gb18030", True),
    "58-gb18030-raster": L.PaperOptions(58, "gb18030", False),
}


def style(w: int, h: int, bold: bool, align: int) -> bytes:
    # what python-escpos set(custom_size, bold, align) sends: GS ! n, ESC E n, ESC a n
    return b"\x1d!" + bytes([(w - 1) << 4 | (h - 1)]) + b"\x1bE" + bytes([bold]) + b"\x1ba" + bytes([align])


def gb(text: str) -> bytes:
    return text.encode("gb18030") + b"\n"


def native_qr(data: bytes, size: int = 6) -> bytes:
    n = len(data) + 3
    return (
        b"\x1d(k\x04\x00\x31\x41\x32\x00"  # model 2
        + b"\x1d(k\x03\x00\x31\x43"
        + bytes([size])  # module size
        + b"\x1d(k\x03\x00\x31\x45\x31"  # error correction M
        + b"\x1d(k"
        + bytes([n & 0xFF, n >> 8])
        + b"\x31\x50\x30"
        + data  # store
        + b"\x1d(k\x03\x00\x31\x51\x30"  # print
    )


def test_queue_ticket_exact_bytes_80mm_native_qr():
    rule = b"-" * 48 + b"\n"
    expected = (
        b"\x1b@\x1c&"
        + style(1, 1, True, 1) + gb(HALL)
        + style(1, 1, False, 0) + rule
        + style(2, 2, False, 1) + gb("社保业务")
        + b"\x1bd\x01"
        + style(6, 6, True, 1) + b"A023\n"
        + b"\x1bd\x01"
        + style(1, 2, False, 1) + gb("您前面还有 5 人等候")
        + style(1, 1, False, 1) + gb("预计等候约 15 分钟")
        + style(1, 1, False, 0) + rule
        + style(1, 1, False, 0) + gb("取号时间：2026-01-05 09:30")
        + style(1, 1, False, 0) + gb("扫码查看排队进度，过号请重新取号。")
        + b"\x1ba\x01" + b"\x1bJ\x18" + native_qr(b"https://q.example.gov.cn/t/A023") + b"\x1bJ\x18"
        + style(1, 1, False, 0) + b"\x1bd\x06\x1dV\x01"
    )  # fmt: skip
    got = L.job_bytes(L.load_layout("queue_ticket"), SAMPLES["queue_ticket"], VARIANTS["80-gb18030-native"])
    assert got == expected


def test_queue_ticket_without_estimate_leaves_that_line_out():
    data = {**SAMPLES["queue_ticket"], "estimated_wait_min": None}
    got = L.job_bytes(L.load_layout("queue_ticket"), data, VARIANTS["80-gb18030-native"])
    assert "预计等候".encode("gb18030") not in got
    assert "您前面还有 5 人".encode("gb18030") in got


def test_a_line_whose_field_is_empty_is_left_out_and_zero_is_printed():
    nobody = {**SAMPLES["queue_ticket"], "waiting_ahead": None, "first_in_line": "yes"}
    got = L.job_bytes(L.load_layout("queue_ticket"), nobody, VARIANTS["80-gb18030-native"])
    assert "您前面还有".encode("gb18030") not in got and "您前面没有人在等".encode("gb18030") in got
    zero = {**SAMPLES["queue_ticket"], "waiting_ahead": 0}  # a value: `when` keeps it
    assert "您前面还有 0 人".encode("gb18030") in L.job_bytes(
        L.load_layout("queue_ticket"), zero, VARIANTS["80-gb18030-native"]
    )


@pytest.mark.parametrize("name", L.LAYOUT_NAMES)
@pytest.mark.parametrize("variant", VARIANTS)
def test_layout_bytes_match_golden(name, variant):
    """Bitmap Chinese is left out: its dots depend on the installed font's version.

    Reviewed outputs (hexdump the .bin); KIOSK_UPDATE_GOLDEN=1 rewrites them after a deliberate change."""
    got = L.job_bytes(L.load_layout(name), SAMPLES[name], VARIANTS[variant])
    path = GOLDEN / f"{name}-{variant}.bin"
    if os.environ.get("KIOSK_UPDATE_GOLDEN"):
        path.write_bytes(got)
        pytest.fail(f"rewrote {path.name}: review it, then run again without KIOSK_UPDATE_GOLDEN")
    assert got == path.read_bytes()


def test_58mm_rule_and_wrap_fit_32_columns():
    got = L.job_bytes(L.load_layout("queue_ticket"), SAMPLES["queue_ticket"], VARIANTS["58-gb18030-native"])
    assert b"-" * 32 + b"\n" in got and b"-" * 33 not in got
    # 17 full-width characters do not fit 32 columns: broken with the full stop kept off the line start
    assert gb("扫码查看排队进度，过号请重新取") + gb("号。") in got


def test_bitmap_mode_sends_no_chinese_text_bytes():
    got = L.job_bytes(
        L.load_layout("queue_ticket"), SAMPLES["queue_ticket"], L.PaperOptions(58, "bitmap", False)
    )
    assert b"\x1c&" not in got
    assert "社保".encode("gb18030") not in got
    assert b"\x1dv0" in got  # raster images instead
    assert b"A023\n" in got  # ASCII still goes as printer text
    assert b"\x1d(k" not in got  # and the QR code is a raster image


def test_profile_without_native_qr_gets_a_raster_qr():
    layout = L.load_layout("queue_ticket")
    native = L.job_bytes(layout, SAMPLES["queue_ticket"], VARIANTS["80-gb18030-native"], profile="POS-5890")
    assert b"\x1d(k" not in native and b"\x1dv0" in native
    assert b"\x1d(k" in L.job_bytes(layout, SAMPLES["queue_ticket"], VARIANTS["80-gb18030-native"], "TM-T88V")


@pytest.mark.parametrize("name", ["reissue_receipt", "pickup_slip"])
def test_id_numbers_are_printed_masked(name):
    got = L.job_bytes(L.load_layout(name), SAMPLES[name], VARIANTS["80-gb18030-native"]).decode("gb18030")
    number = SAMPLES[name]["id_number"]
    assert number not in got
    assert f"{number[:6]}********{number[-4:]}" in got


def test_missing_field_names_the_field():
    data = dict(SAMPLES["queue_ticket"])
    del data["number"]
    with pytest.raises(L.LayoutError, match="'number'"):
        L.job_bytes(L.load_layout("queue_ticket"), data, VARIANTS["80-gb18030-native"])


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('lines = [{ text = "x", size = 9 }]', "size must be 1-8"),
        ('lines = [{ text = "x", qr = "y" }]', "exactly one of"),
        ('lines = [{ text = "x", colour = "red" }]', "unknown keys"),
        ('lines = [{ text = "x", align = "middle" }]', "align must be"),
        ('lines = [{ cut = "half" }]', "cut must be"),
        ('lines = [{ qr = "x", ec = "Z" }]', "ec must be"),
        ("lines = []", "non-empty"),
        ("lines = [", "not valid TOML"),
    ],
)
def test_bad_templates_are_refused_with_the_reason(tmp_path, toml, message):
    (tmp_path / "bad.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(L.LayoutError, match=message):
        L.load_layout("bad", tmp_path)


def test_layout_names_cannot_leave_the_folder():
    with pytest.raises(L.LayoutError):
        L.load_layout("../secrets")
    with pytest.raises(L.LayoutError, match="no layout"):
        L.load_layout("no_such_layout")
