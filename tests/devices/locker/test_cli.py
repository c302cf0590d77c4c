"""`python -m devices.locker` against the simulated boards: what an installer types and sees."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.locker.simulator import LockerSimulator
from tests.devices.locker.support import wall_settings

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(params=["8a", "kerong"])
def sim(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LockerSimulator]:
    settings = wall_settings(tmp_path / "lk", protocol=request.param)
    s = LockerSimulator(tmp_path / "lk", settings).start()
    yield s
    s.stop()


def cli(sim: LockerSimulator, *args: str, board: int | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "devices.locker", "--port", str(sim.port), "--protocol", sim.codec.name,
           "--timeout", "0.3"]  # fmt: skip
    if board is not None:
        cmd += ["--board", str(board)]
    return subprocess.run([*cmd, *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_open_sends_exactly_one_open_command(sim: LockerSimulator) -> None:
    board = sim.codec.first_board + 1
    r = cli(sim, "open", "3", board=board)
    assert r.returncode == 0, r.stderr
    assert sim.opens == [(board, 3)]
    assert sim.received.count(sim.codec.open_request(board, 3)) == 1
    assert not sim.door_closed(7)  # board 2 lock 3 is compartment 7


def test_status_json_maps_locks_to_open_or_closed(sim: LockerSimulator) -> None:
    sim.force_open(2)
    r = cli(sim, "status", "--json")
    assert r.returncode == 0, r.stderr
    states = json.loads(r.stdout)
    assert len(states) == sim.codec.max_locks
    assert states["2"] == "open" and states["1"] == "closed" and set(states.values()) == {"open", "closed"}
    one = cli(sim, "status", "2", "--json")
    assert json.loads(one.stdout) == {"2": "open"}
    text = cli(sim, "status", "1")
    assert text.stdout.strip().endswith("lock 1: closed")


def test_silent_board_exits_non_zero_naming_it(sim: LockerSimulator) -> None:
    board = sim.codec.first_board + 1
    sim.toggle_mute(board)
    for args in (("open", "1"), ("status",)):
        r = cli(sim, *args, board=board)
        assert r.returncode == 2
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and f"锁控板 {board} 无应答" in lines[0]
    assert sim.opens == []  # a muted board records nothing


def test_jammed_lock_exits_one(sim: LockerSimulator) -> None:
    sim.toggle_jam(1)
    r = cli(sim, "open", "1")
    assert r.returncode == 1
    assert len(r.stderr.strip().splitlines()) == 1 and "未能打开" in r.stderr
    assert len(sim.opens) == 1 and sim.door_closed(1)


def test_missing_port_exits_with_one_line(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "devices.locker", "--port", str(tmp_path / "nope"), "--protocol", "8a"]
    r = subprocess.run([*cmd, "status"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1
