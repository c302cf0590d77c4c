"""Frames byte for byte against every example in reference/protocols.md, section 1."""

import pytest

from devices.idcard import codec
from devices.idcard.presets import PRESETS


def hx(s: str) -> bytes:
    return bytes.fromhex(s)


@pytest.mark.parametrize(
    ("command", "data", "expected"),
    [
        (codec.RESET, b"", "AA AA AA 96 69 00 03 10 FF EC"),
        (codec.SAM_STATUS, b"", "AA AA AA 96 69 00 03 11 FF ED"),
        (codec.SAM_ID, b"", "AA AA AA 96 69 00 03 12 FF EE"),
        (codec.FIND, b"", "AA AA AA 96 69 00 03 20 01 22"),
        (codec.SELECT, b"", "AA AA AA 96 69 00 03 20 02 21"),
        (codec.READ, b"", "AA AA AA 96 69 00 03 30 01 32"),
        (codec.READ_ADDRESS, b"", "AA AA AA 96 69 00 03 30 03 30"),
        (codec.READ_FINGERPRINT, b"", "AA AA AA 96 69 00 03 30 10 23"),
        (codec.SET_RF_BYTES, b"\x50", "AA AA AA 96 69 00 04 61 FF 50 CA"),
    ],
)
def test_request_frames_match_the_reference(command, data, expected):
    assert codec.request(command, data) == hx(expected)
    assert codec.parse_request(hx(expected)) == (command, data)


def test_set_rf_bytes_helper():
    assert codec.set_rf_bytes() == hx("AA AA AA 96 69 00 04 61 FF 50 CA")


@pytest.mark.parametrize(
    ("raw", "sw3", "data"),
    [
        ("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97", 0x9F, bytes(4)),  # find OK
        ("AA AA AA 96 69 00 04 00 00 80 84", 0x80, b""),  # no card
        ("AA AA AA 96 69 00 0C 00 00 90" + " 00" * 8 + " 9C", 0x90, bytes(8)),  # select OK
        ("AA AA AA 96 69 00 04 00 00 81 85", 0x81, b""),  # select failed
        ("AA AA AA 96 69 00 04 00 00 41 45", 0x41, b""),  # read failed
    ],
)
def test_reply_examples_parse_and_rebuild(raw, sw3, data):
    rep = codec.parse_reply(hx(raw))
    assert (rep.sw1, rep.sw2, rep.sw3, rep.data) == (0, 0, sw3, data)
    assert codec.reply(sw3, data) == hx(raw)


def test_status_meanings():
    assert str(codec.status_meaning(0x90)) == "操作成功"
    assert str(codec.status_meaning(0x80)) == "找卡失败（无卡）"
    assert str(codec.status_meaning(0x66)) == "SAM 未经授权"
    assert "7E" in str(codec.status_meaning(0x7E))
    assert codec.parse_reply(hx("AA AA AA 96 69 00 04 00 00 41 45")).ok is False
    with pytest.raises(codec.StatusError, match="41"):
        codec.parse_reply(hx("AA AA AA 96 69 00 04 00 00 41 45")).require()


def test_read_reply_layout_offsets():
    card = PRESETS["resident"]
    text = codec.encode_text(card)
    raw = codec.reply(0x90, codec.encode_read(text, card.photo_wlt))
    assert len(raw) == 1295
    assert raw[5:7] == hx("05 08")
    assert raw[7:10] == hx("00 00 90")
    assert raw[10:12] == hx("01 00") and raw[12:14] == hx("04 00")
    assert raw[14:270] == text and raw[270:1294] == card.photo_wlt
    assert raw[1294] == codec.checksum(raw[5:1294])
    decoded = codec.decode_card(codec.parse_reply(raw).data, with_fingerprint=False)
    assert decoded.id_number == "360426199101010071" and decoded.photo_wlt == card.photo_wlt


@pytest.mark.parametrize(("fp_len", "total"), [(1024, 2321), (512, 1809), (0, 1297)])
def test_fingerprint_read_reply_variants(fp_len, total):
    card = PRESETS["resident"]
    fp = bytes(range(256)) * (fp_len // 256)
    raw = codec.reply(0x90, codec.encode_read(codec.encode_text(card), card.photo_wlt, fp))
    assert len(raw) == total
    assert raw[14:16] == fp_len.to_bytes(2, "big")
    assert raw[16:272] == codec.encode_text(card)
    decoded = codec.decode_card(codec.parse_reply(raw).data, with_fingerprint=True)
    assert decoded.fingerprint == fp and decoded.name == "王小明"


def test_additional_address_reply():
    raw = codec.reply(0x90, codec.encode_address("江西省南昌市东湖区示例新村2栋301室"))
    assert len(raw) == 10 + 70 + 1
    assert codec.decode_address(raw[10:80]) == "江西省南昌市东湖区示例新村2栋301室"


def test_sam_id_formatting_both_paddings():
    data = hx("05 00 01 00") + (20101008).to_bytes(4, "little") + (12345).to_bytes(4, "little")
    data += (4294967295).to_bytes(4, "little")
    raw = codec.reply(0x90, data)
    assert raw[10:26] == data  # 16 data bytes from offset 10
    assert codec.format_sam_id(raw[10:26]) == "05.01-20101008-000012345-4294967295"
    assert codec.format_sam_id(raw[10:26], digits=10) == "05.01-20101008-0000012345-4294967295"
    with pytest.raises(codec.CodecError):
        codec.format_sam_id(b"\x05\x00")


def test_damaged_frames_are_named():
    good = hx("AA AA AA 96 69 00 04 00 00 80 84")
    with pytest.raises(codec.ChecksumError):
        codec.parse_reply(good[:-1] + b"\x85")
    with pytest.raises(codec.FrameError, match="长度"):
        codec.parse_reply(good[:-2] + good[-1:])
    with pytest.raises(codec.FrameError, match="帧头"):
        codec.parse_reply(b"\xab" + good[1:])


def test_splitter_resyncs_after_garbage_and_assembles_fragments():
    find_ok = hx("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97")
    no_card = hx("AA AA AA 96 69 00 04 00 00 80 84")
    stream = b"\x00\xff\xaa\xaa\x13" + find_ok + b"\xaa\xaa\xaa\x96" + no_card
    s = codec.FrameSplitter()
    frames = []
    for i in range(len(stream)):  # one byte at a time: the worst fragmentation
        frames += s.feed(stream[i : i + 1])
    assert frames == [find_ok, no_card]
    assert s.discarded == 9
    assert s.buffer == b""


def test_splitter_need_asks_for_exactly_the_rest():
    frame = codec.reply(0x90, bytes(100))
    s = codec.FrameSplitter()
    assert s.need == 7
    assert s.feed(frame[:7]) == [] and s.need == len(frame) - 7
    assert s.feed(frame[7:50]) == [] and s.need == len(frame) - 50
    assert s.feed(frame[50:]) == [frame]


def test_splitter_skips_a_false_preamble_with_an_impossible_length():
    frame = codec.reply(0x9F, bytes(4))
    s = codec.FrameSplitter()
    assert s.feed(codec.PREAMBLE + b"\xff\xff" + frame) == [frame]


def test_splitter_returns_a_damaged_frame_for_the_parser_to_report():
    bad = codec.reply(0x9F, bytes(4))[:-1] + b"\x00"
    [frame] = codec.FrameSplitter().feed(bad)
    with pytest.raises(codec.ChecksumError):
        codec.parse_reply(frame)


def test_reply_fits_tells_stale_replies_apart():
    find_ok = codec.parse_reply(codec.reply(0x9F, bytes(4)))
    select_ok = codec.parse_reply(codec.reply(0x90, bytes(8)))
    assert codec.reply_fits(codec.FIND, find_ok) and not codec.reply_fits(codec.SELECT, find_ok)
    assert codec.reply_fits(codec.SELECT, select_ok) and not codec.reply_fits(codec.READ, select_ok)
    assert not codec.reply_fits(codec.READ_ADDRESS, select_ok)
    card = PRESETS["resident"]
    read_ok = codec.parse_reply(codec.reply(0x90, codec.encode_read(codec.encode_text(card), card.photo_wlt)))
    assert codec.reply_fits(codec.READ, read_ok) and not codec.reply_fits(codec.READ_FINGERPRINT, read_ok)
