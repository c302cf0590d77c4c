"""A kiosk killed (SIGKILL) between "open sent" and "reply written", then restarted: reconciliation
against the boards opens nothing a second time and loses nothing. SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from devices.locker.layout import layout_from_settings
from devices.locker.simulator import LockerSimulator
from hall.db import migrate, open_engine
from hall.journal import OPEN
from hall.lockers import OPEN_STEP, CompartmentBusy, CState, DeviceBoards, Lockers
from kiosk.alerts import Alerts
from tests.devices.locker.support import db_url, start_device, wall, wall_settings  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
APP = "SL2026010500017"


def kiosk(url: str, settings: dict[str, Any]) -> tuple[Lockers, Any, Alerts]:
    engine = open_engine(url)
    migrate(engine)
    device = start_device(settings)
    alerts = Alerts(None)
    lockers = Lockers(engine, DeviceBoards(device, timeout=10), alerts=alerts)
    return lockers, device, alerts


def run_and_kill(
    sim: LockerSimulator,
    url: str,
    settings: dict[str, Any],
    number: int,
    *op: str,
    child: str = "tests.devices.locker.crash_child",
) -> None:
    """Start a kiosk process (`child`) that opens `number`; SIGKILL it once the board has the
    open frame, while the (late) reply is still on its way, so the reply is never written."""
    before = sim.opens_of(number)
    board = sim.by_number[number].board
    sim.open_reply_delay[board] = 30.0
    child_settings = {**settings, "reply_timeout": 10.0}
    proc = subprocess.Popen(
        [sys.executable, "-m", child, url, json.dumps(child_settings), *op],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while sim.opens_of(number) == before:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the child never sent its open"
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL and "reply written" not in out
    sim.open_reply_delay.clear()
    sim.drop_late_replies()  # the board was power-cycled with the kiosk: no stray late reply


def loaded_wall(sim: LockerSimulator, url: str, settings: dict[str, Any]) -> int:
    lockers, device, _ = kiosk(url, settings)
    try:
        lockers.sync_layout(layout_from_settings(settings))
        n = lockers.load(APP, "staff-07").number
        lockers.tick()
        sim.close_door(n)
        lockers.tick()
        assert lockers.get(n).state is CState.LOADED
        return n
    finally:
        device.stop()  # one process on the bus at a time, as on a real kiosk


def journal(lockers: Lockers, number: int) -> list[str]:
    return [h.event for h in lockers.history(number)]


def open_steps(lockers: Lockers, number: int) -> list[str]:
    """States of the journal's door-open steps of this compartment, oldest first."""
    steps = lockers.journal.iter_all()
    return [s.state for s in steps if s.kind == OPEN_STEP and s.refs["compartment"] == number]


def assert_journal_settled(lockers: Lockers, sim: LockerSimulator, number: int) -> None:
    """After the crash and reconcile: no door open is left open in the journal, and each door
    open the board received is one journal step (nothing was opened twice)."""
    states = open_steps(lockers, number)
    assert OPEN not in states, states
    assert len(states) == sim.opens_of(number), (states, sim.opens_of(number))


def test_killed_during_release_door_open_is_watched_then_collected(wall, db_url) -> None:  # noqa: F811
    sim, settings = wall
    n = loaded_wall(sim, db_url, settings)
    run_and_kill(sim, db_url, settings, n, "release", APP)
    assert sim.opens_of(n) == 2 and not sim.door_closed(n)

    lockers, device, _ = kiosk(db_url, settings)
    try:
        assert lockers.get(n).state is CState.OPEN  # what the crash left: sent, no reply written
        assert journal(lockers, n)[-1] == "open_sent"
        assert open_steps(lockers, n)[-1] == OPEN  # journalled before the command went out
        assert lockers.reconcile() == [(n, "watching")]
        assert_journal_settled(lockers, sim, n)
        c = lockers.get(n)
        assert c.state is CState.AWAITING_CLOSE and c.application_no == APP
        sim.close_door(n)
        lockers.tick()
        assert lockers.get(n).state is CState.EMPTY
        assert [h.application_no for h in lockers.history(n) if h.event == "collected"] == [APP]
        assert sim.opens_of(n) == 2  # the load and the one release: nothing opened twice
        assert lockers.reconcile() == []  # a second start-up finds nothing to do
        assert_journal_settled(lockers, sim, n)
    finally:
        device.stop()


def test_killed_during_release_door_shut_again_goes_to_staff_with_item(wall, db_url) -> None:  # noqa: F811
    sim, settings = wall
    n = loaded_wall(sim, db_url, settings)
    run_and_kill(sim, db_url, settings, n, "release", APP)
    sim.close_door(n)  # someone shut the door while the kiosk restarted

    lockers, device, alerts = kiosk(db_url, settings)
    try:
        assert lockers.reconcile() == [(n, "faulty")]
        assert_journal_settled(lockers, sim, n)
        c = lockers.get(n)
        assert c.state is CState.FAULTY and c.application_no == APP  # not lost, not guessed collected
        assert lockers.find(APP) == c
        assert f"check_needed.{n}" in {a.code for a in alerts.active()}
        with pytest.raises(CompartmentBusy):
            lockers.release(APP)
        assert sim.opens_of(n) == 2
    finally:
        device.stop()


def test_killed_during_load_then_loaded_when_shut(wall, db_url) -> None:  # noqa: F811
    sim, settings = wall
    lockers, device, _ = kiosk(db_url, settings)
    lockers.sync_layout(layout_from_settings(settings))
    device.stop()
    run_and_kill(sim, db_url, settings, 6, "load", APP, "6")

    lockers, device, _ = kiosk(db_url, settings)
    try:
        assert lockers.reconcile() == [(6, "watching")]
        sim.close_door(6)
        lockers.tick()
        c = lockers.get(6)
        assert c.state is CState.LOADED and c.application_no == APP and c.loaded_by == "staff-07"
        assert sim.opens_of(6) == 1
        assert_journal_settled(lockers, sim, 6)
    finally:
        device.stop()


@pytest.mark.parametrize("protocol", ["kerong"])
def test_kerong_wall_crash_reconciles_too(tmp_path: Path, db_url: str, protocol: str) -> None:  # noqa: F811
    settings = wall_settings(tmp_path / "kr", protocol=protocol)
    sim = LockerSimulator(tmp_path / "kr", settings).start()
    try:
        n = loaded_wall(sim, db_url, settings)
        run_and_kill(sim, db_url, settings, n, "release", APP)
        lockers, device, _ = kiosk(db_url, settings)
        try:
            assert lockers.reconcile() == [(n, "watching")]
            assert sim.opens_of(n) == 2
            assert_journal_settled(lockers, sim, n)
        finally:
            device.stop()
    finally:
        sim.stop()
