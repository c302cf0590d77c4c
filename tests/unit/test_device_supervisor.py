"""The device supervisor over a real pty: calls, timeouts, unplug and reconnect, broken drivers."""

import time
from pathlib import Path

import pytest
import serial

from devices.base import (
    ConnectionLost,
    Device,
    DeviceOffline,
    DeviceStatus,
    DeviceTimeout,
    Driver,
    PermanentFault,
    State,
)
from devices.manager import build_devices
from devices.sim import PtySimulator


class EchoSim(PtySimulator):
    kind = "echo"
    mute = False

    def on_bytes(self, data: bytes) -> None:
        if not self.mute:
            self.write(data.upper())


class EchoDriver(Driver):
    poll_interval = 0.1

    def open(self) -> None:
        try:
            self.port = serial.serial_for_url(self.settings["port"], timeout=0.3)
        except serial.SerialException as e:
            raise ConnectionLost(str(e)) from e

    def close(self) -> None:
        self.port.close()

    def ask(self, text: bytes) -> bytes:
        try:
            self.port.write(text)
            reply = self.port.read(len(text))
        except (serial.SerialException, OSError) as e:
            raise ConnectionLost("link lost") from e
        if not reply:
            raise DeviceTimeout("no answer")
        return reply

    def poll(self) -> DeviceStatus:
        self.ask(b"p")
        return DeviceStatus(State.OK)


@pytest.fixture
def sim(tmp_path: Path):
    s = EchoSim(tmp_path / "echo").start()
    yield s
    s.stop()


def make_device(port: Path) -> Device[EchoDriver]:
    return Device("echo", lambda emit: EchoDriver({"port": str(port)}, emit), backoff=(0.05, 0.2))


def test_call_runs_on_worker_and_returns(sim):
    dev = make_device(sim.port)
    dev.start()
    try:
        assert dev.wait_until(lambda s: s.state is State.OK, 5)
        assert dev.call(lambda d: d.ask(b"abc")) == b"ABC"
    finally:
        dev.stop()


def test_unplug_goes_offline_and_reconnects(sim):
    dev = make_device(sim.port)
    events = []
    dev.subscribe(lambda ev: events.append(ev.payload.state) if ev.kind == "status" else None)
    dev.start()
    try:
        assert dev.wait_until(lambda s: s.state is State.OK, 5)
        sim.unplug()
        assert dev.wait_until(lambda s: s.state is State.OFFLINE, 5)
        with pytest.raises(DeviceOffline):
            dev.call(lambda d: d.ask(b"x"), timeout=1)
        sim.plug()
        assert dev.wait_until(lambda s: s.state is State.OK, 5)
        assert dev.call(lambda d: d.ask(b"ok")) == b"OK"
        assert State.OFFLINE in events and events[-1] is State.OK
        assert dev.reconnects >= 1
    finally:
        dev.stop()


def test_call_timeout_does_not_block_caller(sim):
    dev = make_device(sim.port)
    dev.start()
    try:
        assert dev.wait_until(lambda s: s.state is State.OK, 5)
        started = time.monotonic()
        with pytest.raises(DeviceTimeout):
            dev.call(lambda d: time.sleep(2), timeout=0.2)
        assert time.monotonic() - started < 1.5
    finally:
        dev.stop()


def test_driver_that_fails_to_import_is_fault_and_others_run(sim):
    mgr = build_devices(
        {"printer": {"driver": "broken"}, "idcard": {"driver": "echo", "port": str(sim.port)}},
        extra_drivers={
            "printer": {"broken": "no_such_module_xyz:Driver"},
            "idcard": {"echo": f"{__name__}:EchoDriver"},
        },
    )
    mgr.start()
    try:
        assert mgr["printer"].wait_until(lambda s: s.state is State.FAULT, 5)
        assert "no_such_module_xyz" in str(mgr["printer"].status.reason)
        assert mgr["idcard"].wait_until(lambda s: s.state is State.OK, 5)
    finally:
        mgr.stop()


class RaisingOpen(EchoDriver):
    def open(self) -> None:
        raise RuntimeError("vendor SDK exploded")


def test_driver_raising_on_open_is_offline_with_reason(sim):
    dev = Device("x", lambda emit: RaisingOpen({"port": str(sim.port)}, emit), backoff=(0.05, 0.1))
    dev.start()
    try:
        assert dev.wait_until(lambda s: s.state is State.OFFLINE and "exploded" in str(s.reason), 5)
    finally:
        dev.stop()


def test_permanent_fault_stays_fault(sim):
    class Perm(EchoDriver):
        def open(self) -> None:
            raise PermanentFault("licence missing")

    dev = Device("x", lambda emit: Perm({"port": str(sim.port)}, emit), backoff=(0.01, 0.01))
    dev.start()
    try:
        assert dev.wait_until(lambda s: s.state is State.FAULT, 5)
        time.sleep(0.2)
        assert dev.status.state is State.FAULT
    finally:
        dev.stop()


def test_link_that_opens_but_never_answers_backs_off(sim):
    """A stalled device whose port still opens must not be reopened in a tight loop."""
    opens = []

    class Counting(EchoDriver):
        def open(self) -> None:
            opens.append(time.monotonic())
            super().open()

    sim.mute = True
    dev = Device("x", lambda emit: Counting({"port": str(sim.port)}, emit), backoff=(0.5, 1.0))
    dev.start()
    try:
        time.sleep(2.0)
        assert dev.status.state is State.OFFLINE
        # poll timeout 0.3 s + backoff 0.5/1 s: about 3 opens, where a tight loop would make 6
        assert 2 <= len(opens) <= 4
        sim.mute = False
        assert dev.wait_until(lambda s: s.state is State.OK, 5)
        assert dev.reconnects >= 1
    finally:
        dev.stop()


class GarbleSim(EchoSim):
    """Answers line garbage while `garble` is set, like a device talking at the wrong baud rate."""

    garble = False

    def on_bytes(self, data: bytes) -> None:
        self.write(b"\xfe" * len(data) if self.garble else data.upper())


class StrictEcho(EchoDriver):
    def ask(self, text: bytes) -> bytes:
        reply = super().ask(text)
        if reply != text.upper():
            raise ConnectionLost("garbled answer")
        return reply


def test_device_answering_again_after_long_garbage_is_back_within_seconds(tmp_path):
    """The production backoff (as build_devices uses it) is capped: after 9 s of garbage the
    device is back within a few seconds of answering properly, not after the next doubled wait."""
    sim = GarbleSim(tmp_path / "garble").start()
    dev = Device("garble", lambda emit: StrictEcho({"port": str(sim.port)}, emit))
    dev.start()
    try:
        assert dev.wait_until(lambda s: s.state is State.OK, 10)
        sim.garble = True
        assert dev.wait_until(lambda s: s.state is State.OFFLINE, 10)
        time.sleep(9)  # the garbage lasts: the backoff grows to its cap meanwhile
        sim.garble = False
        healed = time.monotonic()
        assert dev.wait_until(lambda s: s.state is State.OK, 30)
        # uncapped (0.5 s doubling to 30 s) the next attempt came about 7 s later; capped at 3 s
        assert time.monotonic() - healed < 5.5
    finally:
        dev.stop()
        sim.stop()
