from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.fingerprint import codec


def test_genimg_frame_is_the_reference_one():
    assert codec.command(codec.GEN_IMG) == bytes.fromhex("EF01FFFFFFFF010003010005")


def test_ack_parses_with_its_code_and_address():
    frame = codec.ack(codec.NO_FINGER, address=0x12345678)
    (pkt,) = codec.PacketSplitter().feed(frame)
    assert (pkt.pid, pkt.code, pkt.address) == (codec.ACK, codec.NO_FINGER, 0x12345678)


def test_noise_damaged_and_oversized_packets_are_skipped_with_a_reason():
    sp = codec.PacketSplitter()
    good = codec.ack(codec.OK)
    damaged = good[:-1] + bytes([good[-1] ^ 1])
    oversized = codec.HEADER + b"\xff\xff\xff\xff\x07\xff\xff"
    got = sp.feed(b"\x00\xefzz" + damaged + oversized + good)
    assert [p.code for p in got] == [codec.OK]
    assert [str(e) for e in sp.errors] == ["数据包校验和错误", "数据包长度 65535 无效"]


def test_bulk_transfer_ends_with_an_end_packet_and_reassembles():
    data = bytes(range(256)) * 3
    packets = codec.data_packets(data, 128)
    assert len(packets) == 6
    got = codec.PacketSplitter().feed(b"".join(packets))
    assert [p.pid for p in got] == [codec.DATA] * 5 + [codec.END]
    assert b"".join(p.content for p in got) == data


def test_image_round_trips_at_four_bits_a_pixel():
    grey = bytes((i * 7) & 0xF0 for i in range(codec.WIDTH * codec.HEIGHT))
    packed = codec.pack_image(grey)
    assert len(packed) == codec.IMAGE_BYTES == 36864
    assert codec.unpack_image(packed) == bytes((b >> 4) * 17 for b in grey)
    with pytest.raises(codec.CodecError):
        codec.unpack_image(packed[:-1])


def test_system_parameters_round_trip():
    para = codec.SysPara(0, 9, 300, 3, 0xFFFFFFFF, 128, 57600)
    assert codec.SysPara.parse(para.encode()) == para
    with pytest.raises(codec.CodecError):
        codec.SysPara.parse(b"\0" * 12 + b"\0\x09" + b"\0\x06")


@given(st.binary(max_size=600), st.binary(max_size=40))
def test_any_garbage_then_a_packet_yields_that_packet(garbage: bytes, content: bytes):
    sp = codec.PacketSplitter()
    packet = codec.encode(codec.ACK, b"\x00" + content)
    # padding completes any packet header the garbage ended with, so it is judged and dropped
    got = sp.feed(garbage) + sp.feed(packet) + sp.feed(bytes(300))
    assert codec.Packet(codec.ACK, b"\x00" + content) in got


@given(st.lists(st.binary(max_size=60), max_size=5), st.integers(1, 17))
def test_packets_survive_any_fragmentation(contents: list[bytes], step: int):
    stream = b"".join(codec.encode(codec.DATA, c) for c in contents)
    sp = codec.PacketSplitter()
    got = []
    for i in range(0, len(stream), step):
        got += sp.feed(stream[i : i + step])
    assert [p.content for p in got] == contents
    assert not sp.errors


@given(st.binary(max_size=400))
def test_the_simulated_module_survives_any_bytes(data: bytes):
    from pathlib import Path

    from devices.fingerprint.simulator import FingerprintSimulator

    sim = FingerprintSimulator(Path("/nonexistent/fp"))  # never plugged: answers go nowhere
    sim.on_bytes(data + codec.command(codec.HANDSHAKE))
    assert sim.splitter.buffer == bytearray() or len(sim.splitter.buffer) < 9 + codec.MAX_LEN
