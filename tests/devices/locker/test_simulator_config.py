"""The simulator panel's controls, simulate-mode wiring, and the locker's config section."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from devices.locker import OPTIONS, SIMULATOR
from devices.locker.layout import LayoutError, layout_from_settings
from devices.manager import load_object
from kiosk.config import ConfigError, load
from tests.devices.locker.support import wall_settings


def test_simulator_is_named_in_the_package_and_points_the_driver_at_it(tmp_path: Path) -> None:
    cls = load_object(SIMULATOR)
    sim = cls(tmp_path / "lk", wall_settings(tmp_path / "lk"))
    assert sim.settings_overrides() == {"port": str(tmp_path / "lk")}


def test_panel_controls_drive_the_doors(tmp_path: Path) -> None:
    settings = wall_settings(tmp_path / "lk")
    cls = load_object(SIMULATOR)
    sim = cls(tmp_path / "lk", settings).start()
    try:
        controls = {c.label.source: c for c in sim.controls()}
        assert {"关上柜门", "柜门自动关闭", "锁卡住（切换）", "锁控板不应答（切换）", "拔出设备"} <= set(
            controls
        )
        assert [v for v, _ in controls["关上柜门"].choices] == [str(n) for n in range(1, 9)]
        assert [v for v, _ in controls["锁控板不应答（切换）"].choices] == ["1", "2"]
        assert controls["锁卡住（切换）"].group == "faults"
        controls["柜门被打开"].action("4")
        assert not sim.door_closed(4)
        controls["关上柜门"].action("4")
        assert sim.door_closed(4)
        controls["锁卡住（切换）"].action("3")
        assert (1, 3) in sim.jammed
        controls["锁控板不应答（切换）"].action("2")
        assert sim.muted == {2}
        controls["柜门自动关闭"].action("3")
        assert sim.auto_close == 3.0
        controls["柜门自动关闭"].action("0")
        assert sim.auto_close is None
    finally:
        sim.stop()


def test_auto_close_shuts_a_door_after_the_delay(tmp_path: Path) -> None:
    sim = load_object(SIMULATOR)(tmp_path / "lk", wall_settings(tmp_path / "lk", sim_auto_close=0.1)).start()
    seen: list[object] = []
    sim.listeners.append(lambda what, value: seen.append((what, value)))
    try:
        sim.force_open(1)
        deadline = time.monotonic() + 5
        while not sim.door_closed(1) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert sim.door_closed(1)
        assert seen == [("door", {"number": 1, "closed": False}), ("door", {"number": 1, "closed": True})]
    finally:
        sim.stop()


def test_every_option_declared_once_with_help() -> None:
    keys = [o.key for o in OPTIONS]
    assert len(keys) == len(set(keys))
    assert all(o.help for o in OPTIONS)
    for k in ("driver", "protocol", "port", "baud", "open_reply_polarity", "compartments", "boards",
              "locks_per_board", "door_open_alert_s", "reply_timeout"):  # fmt: skip
        assert k in keys


def test_config_file_with_a_compartment_map(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        '[devices.locker]\ndriver = "lockboard"\nprotocol = "kerong"\n'
        '[[devices.locker.compartments]]\nnumber = 1\nboard = 0\nlock = 3\nsize = "L"\n'
        "[[devices.locker.compartments]]\nnumber = 2\nboard = 1\nlock = 16\n",
        encoding="utf-8",
    )
    section = load(path).device("locker")
    slots = layout_from_settings(section)
    assert [(s.number, s.board, s.lock, s.size) for s in slots] == [(1, 0, 3, "L"), (2, 1, 16, "M")]


def test_config_rejects_a_compartment_without_its_lock(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("[[devices.locker.compartments]]\nnumber = 1\nboard = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"compartments\[0\]\.lock is missing"):
        load(path)


def test_default_map_numbers_board_by_board() -> None:
    slots = layout_from_settings({"protocol": "8a", "boards": 2, "locks_per_board": 3})
    assert [(s.number, s.board, s.lock) for s in slots] == [(1, 1, 1), (2, 1, 2), (3, 1, 3), (4, 2, 1),
                                                            (5, 2, 2), (6, 2, 3)]  # fmt: skip
    kr = layout_from_settings({"protocol": "kerong", "boards": 1, "locks_per_board": 2})
    assert [(s.board, s.lock) for s in kr] == [(0, 1), (0, 2)]


@pytest.mark.parametrize(
    "entries, message",
    [
        ([{"number": 1, "board": 1, "lock": 1}, {"number": 2, "board": 1, "lock": 1}], "compartment 1 too"),
        ([{"number": 1, "board": 16, "lock": 1}], "board 16 is outside 0..15"),
        ([{"number": 1, "board": 0, "lock": 17}], "lock 17 is outside 1..16"),
        ([{"number": 0, "board": 0, "lock": 1}], "numbers start at 1"),
    ],
)
def test_unusable_maps_are_named(entries: list[dict[str, int]], message: str) -> None:
    with pytest.raises(LayoutError, match=message):
        layout_from_settings({"protocol": "kerong", "compartments": entries})
