"""Byte-exact frames against the protocol reference (section 3), both protocols."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.locker.protocol import BadReply, EightA, Kerong, bcc, sum8

A = EightA()
K = Kerong()


def h(text: str) -> bytes:
    return bytes.fromhex(text)


# ---- 8A/80 ----
def test_8a_requests_match_reference() -> None:
    assert A.open_request(1, 1) == h("8A 01 01 11 9B")
    assert A.query_request(1, 1) == h("80 01 01 33 B3")
    assert A.query_all_request(1) == h("80 01 00 33 B2")
    # open all on board 1 (lock 00) is in the reference; the driver never sends it, the codec agrees
    assert A.frame(0x8A, 1, 0, 0x11) == h("8A 01 00 11 9A")


def test_8a_open_reply_both_codes() -> None:
    assert A.parse_open(h("8A 01 01 00 8A"), 1, 1) is True
    assert A.parse_open(h("8A 01 01 11 9B"), 1, 1) is False
    assert A.open_reply(1, 1, True, {}) == h("8A 01 01 00 8A")
    assert A.open_reply(1, 1, False, {}) == h("8A 01 01 11 9B")


def test_8a_query_one() -> None:
    assert A.parse_query(A.frame(0x80, 1, 1, 0x00), 1, 1) is False  # 00 open
    assert A.parse_query(A.frame(0x80, 1, 1, 0x11), 1, 1) is True  # 11 closed
    assert A.query_reply(1, 1, {1: False}) == h("80 01 01 00 80")


def test_8a_query_all_byte_order_and_bits() -> None:
    # 80 01 [17-24] [9-16] [1-8] 33 BCC, bit set = closed: here 1 and 24 open, the rest closed
    reply = A.frame(0x80, 0x01, 0x7F, 0xFF, 0xFE, 0x33)
    doors = A.parse_query_all(reply, 1)
    assert len(doors) == 24
    assert doors[1] is False and doors[24] is False
    assert all(doors[n] for n in range(2, 24))
    assert A.query_all_reply(1, {1: False, 24: False}) == reply


@pytest.mark.parametrize(
    "reply, why",
    [
        ("8A 01 01 00 8B", "BCC"),
        ("8A 02 01 00 89", "board"),
        ("8A 01 02 00 89", "lock"),
        ("8A 01 01 22 A8", "status"),
        ("8A 01 01 00", "bytes"),
        ("80 01 01 00 80", "header"),
    ],
)
def test_8a_open_reply_checks(reply: str, why: str) -> None:
    with pytest.raises(BadReply, match=why if why != "status" else "open status"):
        A.parse_open(h(reply), 1, 1)


def test_8a_board_addresses() -> None:
    assert A.open_request(32, 24) == A.frame(0x8A, 0x20, 0x18, 0x11)
    with pytest.raises(ValueError):
        A.check_address(33, 1)
    with pytest.raises(ValueError):
        A.check_address(1, 25)


# ---- Kerong ----
def test_kerong_requests_match_reference() -> None:
    assert K.query_all_request(0) == h("02 00 30 03 35")
    assert K.open_request(0, 1) == h("02 00 31 03 36")
    # ADDR: board in the high nibble, lock - 1 in the low one
    assert K.open_request(2, 5) == h("02 24 31 03") + bytes([sum8(h("02 24 31 03"))])
    assert K.open_request(15, 16)[1] == 0xFF


def test_kerong_status_reply_bits() -> None:
    # byte 3 = locks 1-8, byte 4 = locks 9-16, bit set = locked (closed); here lock 3 and 16 open
    body = h("02 10 35 FB 7F 00 00 03")
    doors = K.parse_query_all(body + bytes([sum8(body)]), 1)
    assert doors[3] is False and doors[16] is False
    assert all(doors[n] for n in range(1, 17) if n not in (3, 16))
    assert K.query_all_reply(1, {3: False, 16: False}) == body + bytes([sum8(body)])


def test_kerong_open_reply_is_status_after_unlock() -> None:
    opened = K.open_reply(0, 2, True, {})
    assert K.parse_open(opened, 0, 2) is True
    assert K.parse_open(K.open_reply(0, 2, False, {}), 0, 2) is False


def test_kerong_accepts_either_tail_variant_but_checks_sum_and_board() -> None:
    # sources differ on bytes 5-7 (infrared + ETX, or other data): only the SUM is insisted on
    for tail in ("00 00 03", "01 02 00", "FF FF FF"):
        body = h("02 00 30 FE FF " + tail)
        assert K.parse_query(body + bytes([sum8(body)]), 0, 1) is False
    body = h("02 00 30 FE FF 00 00 03")
    with pytest.raises(BadReply, match="SUM"):
        K.parse_query(body + bytes([sum8(body) ^ 1]), 0, 1)
    with pytest.raises(BadReply, match="board"):
        K.parse_query(body + bytes([sum8(body)]), 1, 1)
    with pytest.raises(BadReply, match="bytes"):
        K.parse_query(body, 0, 1)


# ---- both: what the simulator decodes is what the driver sent ----
@given(st.integers(1, 32), st.integers(1, 24))
def test_8a_requests_decode(board: int, lock: int) -> None:
    assert A.decode_request(A.open_request(board, lock)) == ("open", board, lock)
    assert A.decode_request(A.query_request(board, lock)) == ("query", board, lock)
    assert A.decode_request(A.query_all_request(board)) == ("query_all", board, 0)
    assert bcc(A.open_request(board, lock)) == 0  # XOR over a frame with its BCC is zero


@given(st.integers(0, 15), st.integers(1, 16), st.dictionaries(st.integers(1, 16), st.booleans()))
def test_kerong_round_trip(board: int, lock: int, doors: dict[int, bool]) -> None:
    assert K.decode_request(K.open_request(board, lock)) == ("open", board, lock)
    expect = {n: doors.get(n, True) for n in range(1, 17)}
    assert K.parse_query_all(K.query_all_reply(board, doors), board) == expect


def test_corrupted_requests_are_ignored_by_boards() -> None:
    frame = bytearray(A.open_request(1, 1))
    frame[4] ^= 0x01
    assert A.decode_request(bytes(frame)) is None
    frame = bytearray(K.open_request(0, 1))
    frame[4] ^= 0x01
    assert K.decode_request(bytes(frame)) is None
