"""The real lock-board driver against the simulated boards over a pty, both protocols."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from devices.base import ConnectionLost, Device, State
from devices.locker.driver import LockBoard
from devices.locker.errors import BoardBadReply, BoardSilent, LockJammed
from devices.locker.simulator import LockerSimulator
from devices.manager import build_devices
from tests.devices.locker.support import wall_settings

PROTOCOLS = ["8a", "kerong"]


class Bus:
    def __init__(self, tmp_path: Path, protocol: str, **extra: Any) -> None:
        self.settings = wall_settings(tmp_path / f"bus-{protocol}", protocol=protocol, **extra)
        self.sim = LockerSimulator(Path(self.settings["port"]), self.settings).start()
        self.events: list[tuple[str, Any]] = []
        self.driver = LockBoard(self.settings, lambda kind, payload: self.events.append((kind, payload)))
        self.driver.open()
        self.first = self.driver.codec.first_board

    def frames(self) -> bytes:
        return bytes(self.sim.received)

    def close(self) -> None:
        self.driver.close()
        self.sim.stop()


@pytest.fixture(params=PROTOCOLS)
def bus(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Bus]:
    b = Bus(tmp_path, request.param)
    yield b
    b.close()


def test_open_sends_one_exact_frame_and_the_door_opens(bus: Bus) -> None:
    bus.driver.open_compartment(6)  # board 2 (second address), lock 2
    board = bus.first + 1
    assert bus.frames() == bus.driver.codec.open_request(board, 2)
    assert not bus.sim.door_closed(6)
    assert bus.driver.door_closed(6) is False
    assert bus.driver.query_lock(board, 1) is True


def test_doors_reports_every_compartment(bus: Bus) -> None:
    bus.sim.force_open(3)
    bus.sim.force_open(8)
    doors = bus.driver.doors()
    assert doors == {n: n not in (3, 8) for n in range(1, 9)}
    assert bus.driver.query_board(bus.first)[3] is False


def test_jammed_lock_is_reported_and_not_retried(bus: Bus) -> None:
    bus.sim.toggle_jam(2)
    with pytest.raises(LockJammed) as e:
        bus.driver.open_compartment(2)
    assert e.value.number == 2 and "2 号柜" in str(e.value.reason)
    assert bus.sim.opens_of(2) == 1 and bus.sim.door_closed(2)


def test_silent_board_is_named_and_the_rest_of_the_bus_works(bus: Bus) -> None:
    silent = bus.first + 1
    bus.sim.toggle_mute(silent)
    with pytest.raises(BoardSilent) as e:
        bus.driver.open_compartment(5)
    assert e.value.board == silent and f"锁控板 {silent} 无应答" == str(e.value.reason)
    with pytest.raises(BoardSilent):
        bus.driver.door_closed(5)
    bus.driver.open_compartment(1)
    assert bus.driver.doors() == {1: False, 2: True, 3: True, 4: True, 5: None, 6: None, 7: None, 8: None}
    status = bus.driver.poll()
    assert status.state is State.DEGRADED and str(silent) in str(status.reason)
    bus.sim.toggle_mute(bus.first)
    with pytest.raises(ConnectionLost):
        bus.driver.poll()


def test_bad_checksum_query_is_retried_but_open_is_not(bus: Bus) -> None:
    bus.sim.corrupt_next = 1
    assert bus.driver.door_closed(1) is True  # second try
    bus.sim.corrupt_next = 1
    with pytest.raises(BoardBadReply):
        bus.driver.open_compartment(1)
    assert bus.sim.opens_of(1) == 1


def test_no_retry_when_query_retries_is_zero(tmp_path: Path) -> None:
    b = Bus(tmp_path, "8a", query_retries=0)
    try:
        b.sim.corrupt_next = 1
        with pytest.raises(BoardBadReply, match="BCC"):
            b.driver.door_closed(1)
    finally:
        b.close()


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_reversed_polarity_setting(tmp_path: Path, protocol: str) -> None:
    b = Bus(tmp_path, protocol, open_reply_polarity="reversed")
    try:
        b.driver.open_compartment(1)  # both sides reversed: an ordinary open
        assert not b.sim.door_closed(1)
        b.sim.toggle_jam(2)
        with pytest.raises(LockJammed):
            b.driver.open_compartment(2)
    finally:
        b.close()


def test_wrong_polarity_setting_trusts_the_open_door(bus: Bus, caplog: pytest.LogCaptureFixture) -> None:
    bus.sim.reversed = True  # this board reports the reverse; the config says normal
    bus.driver.open_compartment(1)
    assert not bus.sim.door_closed(1)
    assert "open_reply_polarity" in caplog.text


def test_poll_emits_door_changes(bus: Bus) -> None:
    bus.driver.poll()
    bus.events.clear()
    bus.sim.force_open(4)
    assert bus.driver.poll().detail["open_doors"] == [4]
    bus.sim.close_door(4)
    bus.driver.poll()
    assert bus.events == [("doors", {4: False}), ("doors", {4: True})]


def test_unplugged_bus_is_connection_lost_and_device_reconnects(tmp_path: Path) -> None:
    settings = wall_settings(tmp_path / "lk", poll_interval=0.2)
    sim = LockerSimulator(tmp_path / "lk", settings).start()
    dev: Device[LockBoard] = Device("locker", lambda emit: LockBoard(settings, emit), backoff=(0.05, 0.2))
    dev.start()
    try:
        assert dev.wait_until(lambda s: s.state is State.OK, 5)
        sim.unplug()
        assert dev.wait_until(lambda s: s.state is State.OFFLINE, 5)
        sim.plug()
        assert dev.wait_until(lambda s: s.state is State.OK, 5)
        dev.call(lambda d: d.open_compartment(1))
        assert not sim.door_closed(1)
    finally:
        dev.stop()
        sim.stop()


def test_configured_through_the_device_manager(tmp_path: Path) -> None:
    settings = wall_settings(tmp_path / "lk", protocol="kerong")
    sim = LockerSimulator(tmp_path / "lk", settings).start()
    bad = {
        **settings,
        "compartments": [{"number": 1, "board": 0, "lock": 1}, {"number": 1, "board": 0, "lock": 2}],
    }
    mgr = build_devices(
        {"locker": settings, "printer": {**bad, "driver": "lockboard"}},
        extra_drivers={"printer": {"lockboard": "devices.locker.driver:LockBoard"}},
    )
    mgr.start()
    try:
        assert mgr["locker"].wait_until(lambda s: s.state is State.OK, 5)
        assert mgr["printer"].wait_until(lambda s: s.state is State.FAULT, 5)
        assert "compartment 1 is listed twice" in str(mgr["printer"].status.reason)
    finally:
        mgr.stop()
        sim.stop()
