"""Scanner drivers against the pty simulator, a QR picture as the camera, and evdev where possible."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import qrcode

from devices.base import Device, DeviceEvent, State
from devices.manager import build_devices
from devices.scanner.driver import SerialScanner
from devices.scanner.simulator import ScannerSimulator

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def scansim(tmp_path: Path) -> Iterator[ScannerSimulator]:
    sim = ScannerSimulator(tmp_path / "scanner", {"baud": 9600})
    sim.start()
    yield sim
    sim.stop()


class Events:
    def __init__(self, dev: Device[Any]) -> None:
        self.q: queue.Queue[DeviceEvent] = queue.Queue()
        dev.subscribe(lambda ev: self.q.put(ev) if ev.kind != "status" else None)

    def next(self, timeout: float = 10) -> DeviceEvent:
        return self.q.get(timeout=timeout)

    def none_within(self, seconds: float) -> bool:
        try:
            self.q.get(timeout=seconds)
        except queue.Empty:
            return True
        return False


def _device(settings: dict[str, Any]) -> tuple[Device[Any], Events]:
    manager = build_devices({"scanner": {"reconnect_min": 0.1, "reconnect_max": 0.5, **settings}})
    dev = manager["scanner"]
    events = Events(dev)
    dev.start()
    assert dev.wait_until(lambda st: st.state is State.OK, 10), dev.status
    return dev, events


def test_codes_arrive_as_events_and_a_held_code_is_not_repeated(scansim):
    dev, events = _device({"driver": "serial", "port": str(scansim.port), "repeat_window": 1.0})
    try:
        scansim.scan("134567890123456789")
        assert events.next() == DeviceEvent("scanner", "scanned", "134567890123456789")
        scansim.scan("134567890123456789")  # the phone is still in front of the scanner
        scansim.scan("取件码 0042")
        assert events.next().payload == "取件码 0042"
        assert events.none_within(0.3)
    finally:
        dev.stop()


def test_a_new_journey_reads_the_code_the_last_one_read(scansim):
    dev, events = _device({"driver": "serial", "port": str(scansim.port), "repeat_window": 60.0})
    try:
        scansim.scan("ZJ1.TEST")
        assert events.next().payload == "ZJ1.TEST"
        dev.call(lambda d: d.forget_last())  # what the kiosk does when a journey starts
        scansim.scan("ZJ1.TEST")  # the collected slip, scanned again at once
        assert events.next() == DeviceEvent("scanner", "scanned", "ZJ1.TEST")
    finally:
        dev.stop()


def test_binary_noise_and_a_10000_character_line_are_rejected_and_reading_goes_on(scansim):
    dev, events = _device({"driver": "serial", "port": str(scansim.port), "max_length": 2048})
    try:
        scansim.pace = False
        scansim.noise()
        scansim.long_line()
        scansim.scan("AFTER")
        kinds = [events.next() for _ in range(3)]
        assert [e.kind for e in kinds] == ["scan_rejected", "scan_rejected", "scanned"]
        assert "2048" in str(kinds[1].payload)
        assert kinds[2].payload == "AFTER"
        assert dev.status.state is State.OK
    finally:
        dev.stop()


def test_unplugged_mid_code_goes_offline_and_reads_again_when_plugged(scansim):
    dev, events = _device({"driver": "serial", "port": str(scansim.port)})
    try:
        scansim.pace = False
        scansim.write(b"HALF-A-CO")  # the cable comes out half-way through a code
        time.sleep(0.1)
        scansim.unplug()
        assert dev.wait_until(lambda st: st.state is State.OFFLINE, 10)
        assert "扫码器" in str(dev.status.reason)
        scansim.plug()
        assert dev.wait_until(lambda st: st.state is State.OK, 10)
        scansim.scan("WHOLE")
        assert events.next().payload == "WHOLE"  # no half code glued in front
    finally:
        dev.stop()


def test_trigger_mode_sends_the_vendor_trigger_and_only_then_reads(tmp_path):
    sim = ScannerSimulator(tmp_path / "scanner", {"trigger_command": "16 54 0D"}).start()
    assert isinstance(sim, ScannerSimulator)
    dev, events = _device({"driver": "serial", "port": str(sim.port), "trigger_command": "16 54 0D"})
    try:
        sim.scan("HELD")
        assert events.none_within(0.3)
        dev.call(lambda d: d.trigger())
        assert events.next().payload == "HELD"
        assert b"\x16T\r" in sim.received
    finally:
        dev.stop()
        sim.stop()


def test_setup_command_is_sent_when_the_port_opens_and_its_answer_is_not_a_code(scansim):
    got: list[tuple[str, Any]] = []
    d = SerialScanner({"port": str(scansim.port), "setup_command": "'$$$$'"}, lambda k, p: got.append((k, p)))
    d.open()  # the simulated Newland scanner answers @@@@ with no line end
    try:
        assert b"$$$$" in scansim.received
        scansim.scan("CODE-1")
        deadline = time.monotonic() + 5
        while not got and time.monotonic() < deadline:
            d.poll()
            time.sleep(0.01)
        assert got == [("scanned", "CODE-1")]
    finally:
        d.close()


def test_camera_fallback_decodes_a_qr_code(tmp_path):
    picture = tmp_path / "phone.png"
    qrcode.make("https://zwfw.example.cn/q/8F3K2").save(picture)
    dev, events = _device({"driver": "camera", "camera_source": str(picture), "camera_interval": 0.05})
    try:
        assert events.next().payload == "https://zwfw.example.cn/q/8F3K2"
        assert events.none_within(0.3)  # the same code in every frame: one event
    finally:
        dev.stop()


def test_evdev_without_a_device_is_a_clear_fault(tmp_path):
    manager = build_devices({"scanner": {"driver": "evdev", "input_device": ""}})
    manager.start()
    try:
        dev = manager["scanner"]
        assert dev.wait_until(lambda st: st.state is State.FAULT, 10)
        assert "未配置扫码器输入设备" in str(dev.status.reason)
    finally:
        manager.stop()
    manager = build_devices({"scanner": {"driver": "evdev", "input_device": str(tmp_path / "event9")}})
    manager.start()
    try:
        dev = manager["scanner"]
        assert dev.wait_until(lambda st: st.state is State.OFFLINE and "event9" in str(st.reason), 10)
    finally:
        manager.stop()


@pytest.mark.skipif(not os.access("/dev/uinput", os.W_OK), reason="needs /dev/uinput (root, uinput module)")
def test_keyboard_mode_scanner_through_a_uinput_keyboard():
    from evdev import UInput, ecodes

    from devices.scanner.keymap import CHARS

    with UInput({ecodes.EV_KEY: list(range(1, 120))}, name="kiosk-test-scanner") as ui:
        time.sleep(0.5)  # udev makes the node
        dev, events = _device({"driver": "evdev", "input_device": ui.device.path})
        try:
            for ch in "Pay-12?":
                code, shifted = CHARS[ch]
                if shifted:
                    ui.write(ecodes.EV_KEY, 42, 1)
                ui.write(ecodes.EV_KEY, code, 1)
                ui.write(ecodes.EV_KEY, code, 0)
                if shifted:
                    ui.write(ecodes.EV_KEY, 42, 0)
            ui.write(ecodes.EV_KEY, 28, 1)
            ui.write(ecodes.EV_KEY, 28, 0)
            ui.syn()
            assert events.next().payload == "Pay-12?"
        finally:
            dev.stop()


def test_cli_listen_prints_codes_and_rejections_as_json(scansim):
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "devices.scanner",
            "--port",
            str(scansim.port),
            "listen",
            "--json",
            "--count",
            "2",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        # the CLI is listening once its port has been opened: send until both codes land
        while proc.poll() is None and time.monotonic() < deadline:
            scansim.noise()
            scansim.scan("ONE")
            scansim.scan("TWO")
            try:
                proc.wait(1)
            except subprocess.TimeoutExpired:
                continue
        out, err = proc.communicate(timeout=10)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    lines = out.splitlines()
    assert '{"code": "ONE"}' in lines and '{"code": "TWO"}' in lines


def test_cli_exits_2_with_the_reason_when_the_port_is_missing(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "devices.scanner", "--port", str(tmp_path / "none"), "listen"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2 and "无法打开扫码器端口" in r.stderr
