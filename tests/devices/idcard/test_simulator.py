"""The simulator as simulate mode and the simulator panel use it."""

import importlib

from devices.base import State
from devices.idcard import DRIVERS, OPTIONS, SIMULATOR, codec
from devices.idcard.presets import PRESETS
from devices.manager import build_devices, load_object
from tests.devices.idcard.conftest import Events


def test_panel_controls_drive_the_card(sim):
    controls = {str(c.label): c for c in sim.controls()}
    insert = controls["插入身份证"]
    assert [v for v, _ in insert.choices] == list(PRESETS)
    assert "取走身份证" in controls and "拔出设备" in controls and "插回设备" in controls
    faults = controls["读卡器故障"]
    assert faults.group == "faults"
    assert {v for v, _ in faults.choices} == {"none", "no_card", "noise", "bad_checksum", "truncated", "slow"}
    seen = []
    sim.listeners.append(lambda what, value: seen.append((what, value)))
    insert.action("hmt")
    assert sim.card is PRESETS["hmt"]
    controls["取走身份证"].action()
    faults.action("noise")
    assert seen == [("card", "hmt"), ("card", None), ("fault", "noise")] and sim.fault == "noise"


def test_simulate_mode_wiring_runs_the_real_driver(sim):
    """What --simulate does: config defaults, the simulator's overrides, the manager's lazy import."""
    assert load_object(SIMULATOR) is type(sim)
    settings = {o.key: o.default for o in OPTIONS} | sim.settings_overrides() | {"poll_interval": 0.05}
    mgr = build_devices({"idcard": settings})
    events = Events()
    mgr["idcard"].subscribe(events.on_device)
    mgr.start()
    try:
        assert mgr["idcard"].wait_until(lambda s: s.state is State.OK, 10)
        sim.insert("elderly")
        [card] = events.wait("card_inserted")
        assert card.masked_id == "110105********002X"
    finally:
        mgr.stop()


def test_simulate_mode_gives_the_reader_time_for_a_simulator_in_a_busy_process(sim):
    """Whatever config simulate mode runs (the night demo runs the default one): a reply from the
    simulator's thread that misses the real 0.1 s twice made the reader faulty mid-journey."""
    assert sim.settings_overrides()["timeout_scale"] == 4.0
    sim.settings["timeout_scale"] = 6.0  # a config asking for more keeps it
    assert sim.settings_overrides()["timeout_scale"] == 6.0


def test_options_are_declared_once_with_help():
    keys = [o.key for o in OPTIONS]
    assert len(keys) == len(set(keys))
    assert {
        "driver",
        "port",
        "baud",
        "poll_interval",
        "read_fingerprint",
        "read_address",
        "photo_decoder",
    } <= set(keys)
    assert all(o.help for o in OPTIONS)
    module, _, cls = DRIVERS["sam-serial"].partition(":")
    assert hasattr(importlib.import_module(module), cls)


def test_bad_request_checksum_gets_the_checksum_status(sim):
    import serial

    port = serial.serial_for_url(str(sim.port), timeout=1)
    try:
        bad = codec.request(codec.FIND)[:-1] + b"\x00"
        port.write(bad)
        splitter = codec.FrameSplitter()
        frames: list[bytes] = []
        while not frames:
            chunk = port.read(splitter.need)
            assert chunk, "no reply"
            frames = splitter.feed(chunk)
        assert codec.parse_reply(frames[0]).sw3 == codec.SW_CHECKSUM
    finally:
        port.close()
