"""Lock boards as they are: Kerong boards that answer no unlock, 8a boards of 12-32 channels, open-all."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.locker.driver import LockBoard
from devices.locker.errors import BoardSilent, LockJammed
from devices.locker.protocol import BadReply, EightA, Kerong
from devices.locker.simulator import LockerSimulator
from tests.devices.locker.support import wall_settings

ROOT = Path(__file__).resolve().parents[3]


def h(text: str) -> bytes:
    return bytes.fromhex(text)


def test_open_all_frames_match_the_reference_and_are_understood():
    assert EightA().open_all_request(1) == h("8A 01 00 11 9A")
    assert EightA().decode_request(h("8A 01 00 11 9A")) == ("open_all", 1, 0)
    assert Kerong().open_all_request(0) == h("02 00 33 03 38")
    assert Kerong().decode_request(h("02 00 33 03 38")) == ("open_all", 0, 0)


@pytest.mark.parametrize("channels, length", [(12, 6), (16, 6), (24, 7), (32, 8), (48, 10)])
def test_8a_query_all_reply_length_follows_the_channel_count(channels: int, length: int):
    codec = EightA(channels)
    reply = codec.query_all_reply(1, {1: False, channels: False})
    assert len(reply) == length and reply[-2] == 0x33
    doors = codec.parse_query_all(reply, 1)
    assert doors[1] is False and doors[channels] is False and doors[2] is True


def test_8a_fixed_seven_byte_replies_are_accepted_from_smaller_boards_and_six_by_default():
    seven = EightA(24).query_all_reply(1, {3: False})
    assert EightA(16).parse_query_all(seven, 1)[3] is False
    six = EightA(16).query_all_reply(1, {10: False})
    assert six == h("80 01 FD FF 33") + bytes([0x80 ^ 0x01 ^ 0xFD ^ 0xFF ^ 0x33])
    assert EightA().parse_query_all(six, 1)[10] is False  # the default (24) takes a 16-channel board's
    with pytest.raises(BadReply, match="bytes"):
        EightA().parse_query_all(EightA(48).query_all_reply(1, {}), 1)


@given(st.integers(1, 64), st.sets(st.integers(1, 64)))
def test_8a_query_all_round_trips_any_board(channels: int, open_locks: set[int]):
    codec = EightA(channels)
    opened = {n for n in open_locks if n <= channels}
    doors = codec.parse_query_all(codec.query_all_reply(7, dict.fromkeys(opened, False)), 7)
    assert {n for n, closed in doors.items() if not closed and n <= channels} == opened


@given(st.binary(max_size=12), st.integers(1, 64))
def test_8a_query_all_parse_rejects_garbage_only_with_bad_reply(data: bytes, channels: int):
    try:
        EightA(channels).parse_query_all(data, 1)
    except BadReply:
        pass


def _bus(tmp_path: Path, sim_extra: dict[str, Any], **driver_extra: Any) -> tuple[LockerSimulator, LockBoard]:
    settings = wall_settings(tmp_path / "bus", **driver_extra)
    sim = LockerSimulator(Path(settings["port"]), {**settings, **sim_extra}).start()
    assert isinstance(sim, LockerSimulator)
    driver = LockBoard(settings, lambda kind, payload: None)
    driver.open()
    return sim, driver


@pytest.mark.parametrize("unlock_reply", ["auto", "none"])
def test_kerong_board_that_answers_no_unlock_opens_and_is_confirmed_by_status(tmp_path, unlock_reply):
    sim, driver = _bus(tmp_path, {"sim_unlock_reply": False}, protocol="kerong", unlock_reply=unlock_reply)
    try:
        driver.open_compartment(3)  # no reply; the status query sees the door open
        assert not sim.door_closed(3) and sim.opens_of(3) == 1
        sim.toggle_jam(4)
        with pytest.raises(LockJammed):
            driver.open_compartment(4)  # no reply and still locked: a real failure, named
        assert sim.opens_of(4) == 1  # never pulsed twice
        sim.toggle_mute(driver.codec.first_board)
        with pytest.raises(BoardSilent):
            driver.open_compartment(1)  # no reply to the query either: the board is gone
    finally:
        driver.close()
        sim.stop()


def test_the_default_settings_work_with_a_kerong_board_that_answers(tmp_path):
    sim, driver = _bus(tmp_path, {}, protocol="kerong")
    try:
        driver.open_compartment(2)
        assert driver.door_closed(2) is False
    finally:
        driver.close()
        sim.stop()


@pytest.mark.parametrize("board_channels, configured", [(16, 24), (24, 16), (12, 12), (32, 32)])
def test_8a_boards_of_any_channel_count_report_their_doors(tmp_path, board_channels, configured):
    per = min(board_channels, configured)
    sim, driver = _bus(tmp_path, {"channels": board_channels}, channels=configured, locks_per_board=per)
    try:
        sim.force_open(per)  # the board's last lock
        doors = driver.doors()
        assert doors[per] is False and doors[1] is True and len(doors) == 2 * per
        driver.open_compartment(per + 1)  # second board, lock 1
        assert driver.door_closed(per + 1) is False
    finally:
        driver.close()
        sim.stop()


@pytest.mark.parametrize("protocol", ["8a", "kerong"])
def test_open_all_opens_every_door_of_one_board_but_a_jammed_one(tmp_path, protocol):
    sim, driver = _bus(tmp_path, {}, protocol=protocol)
    try:
        sim.toggle_jam(2)
        driver.open_board(driver.codec.first_board)
        doors = driver.doors()
        assert doors == {1: False, 2: True, 3: False, 4: False, 5: True, 6: True, 7: True, 8: True}
    finally:
        driver.close()
        sim.stop()


def test_cli_open_all(tmp_path):
    settings = wall_settings(tmp_path / "bus", channels=16)
    sim = LockerSimulator(Path(settings["port"]), settings).start()
    try:
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "devices.locker",
                "--port",
                settings["port"],
                "--protocol",
                "8a",
                "--channels",
                "16",
                "--board",
                "2",
                "open-all",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert r.returncode == 0, r.stderr
        assert [sim.door_closed(n) for n in range(1, 9)] == [True] * 4 + [False] * 4
    finally:
        sim.stop()
