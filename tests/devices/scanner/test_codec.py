from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from devices.scanner.codec import (
    LineReader,
    Rejected,
    RepeatFilter,
    Scanned,
    decode_code,
    parse_hex,
    payment_code_kind,
)
from devices.scanner.keymap import CHARS, KeyDecoder


def test_lines_end_with_cr_or_crlf_and_empty_lines_are_ignored():
    r = LineReader()
    assert r.feed(b"ABC\r\n123\rxy") == [Scanned("ABC"), Scanned("123")]
    assert r.feed(b"z\n\r\n") == [Scanned("xyz")]


def test_chinese_in_utf8_or_gb18030_and_gs1_separators_are_text():
    assert decode_code("取件码 12".encode()) == "取件码 12"
    assert decode_code("取件码".encode("gb18030")) == "取件码"
    assert decode_code(b"0104012345678901\x1d10ABC") == "0104012345678901\x1d10ABC"


def test_binary_noise_is_rejected_with_a_reason_and_the_next_code_reads():
    r = LineReader()
    got = r.feed(bytes(range(0, 256, 3)).replace(b"\r", b"").replace(b"\n", b"") + b"\r\nOK-1\r\n")
    assert isinstance(got[0], Rejected) and got[1:] == [Scanned("OK-1")]


def test_a_ten_thousand_character_line_is_rejected_once_then_reading_recovers():
    r = LineReader(max_length=2048)
    got = r.feed(b"9" * 10_000 + b"\r\nNEXT\r\n")
    assert len(got) == 2 and isinstance(got[0], Rejected) and "2048" in str(got[0].reason)
    assert got[1] == Scanned("NEXT")
    assert len(r.buffer) == 0


def test_repeats_within_the_window_are_dropped_a_new_code_passes():
    f = RepeatFilter(2.0)
    assert [
        f.accept(c, t) for c, t in [("A", 0), ("A", 0.5), ("A", 1.9), ("B", 2.0), ("A", 2.1), ("A", 4.2)]
    ] == [
        True,
        False,
        False,
        True,
        True,
        True,
    ]


def test_payment_codes_and_vendor_commands():
    assert payment_code_kind("134567890123456789") == "wechat"
    assert payment_code_kind("281234567890123456") == "alipay"
    assert payment_code_kind("PICKUP-1") is None
    assert parse_hex("16 54 0D") == b"\x16T\r"
    assert parse_hex("'$$$$'") == b"$$$$"


def _type(decoder: KeyDecoder, text: str) -> list[object]:
    out = []
    for ch in text:
        code, shifted = CHARS[ch]
        if shifted:
            decoder.feed(42, 1)
        out += [decoder.feed(code, 1), decoder.feed(code, 0)]
        if shifted:
            decoder.feed(42, 0)
    out.append(decoder.feed(28, 1))
    return [e for e in out if e is not None]


def test_keyboard_mode_keys_decode_as_a_us_keyboard_types_them():
    d = KeyDecoder()
    assert _type(d, "https://a.cn/Q?x=1&Y=_2") == [Scanned("https://a.cn/Q?x=1&Y=_2")]
    assert d.feed(2, 2) is None  # autorepeat is not a second character
    assert d.feed(28, 1) is None  # Enter on an empty line: nothing


def test_keyboard_mode_overlong_line_is_rejected_then_recovers():
    d = KeyDecoder(max_length=32)
    got = _type(d, "7" * 100)
    assert len(got) == 1 and isinstance(got[0], Rejected)
    assert _type(d, "ok") == [Scanned("ok")]


@given(st.binary(max_size=3000), st.integers(1, 64))
def test_line_reader_never_fails_and_a_code_after_any_garbage_reads(garbage: bytes, step: int):
    r = LineReader(max_length=512)
    stream = garbage + b"\r\nCODE-42\r\n"
    got = []
    for i in range(0, len(stream), step):
        got += r.feed(stream[i : i + step])
    assert got[-1] == Scanned("CODE-42")
    assert all(isinstance(e, Scanned | Rejected) for e in got)
    assert all(len(e.code) <= 512 for e in got if isinstance(e, Scanned))


@given(st.text(alphabet=sorted(set(CHARS) - {"\t"}), min_size=1, max_size=80))
def test_any_typable_code_round_trips_through_the_key_decoder(code: str):
    assert _type(KeyDecoder(), code) == [Scanned(code)]
