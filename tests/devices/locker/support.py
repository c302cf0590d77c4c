"""Shared test set-up: a simulated locker wall, the real driver under a Device, both databases."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from devices.base import Device, State
from devices.locker.driver import LockBoard
from devices.locker.simulator import LockerSimulator
from tests.databases import empty_database


def wall_settings(port: Path, protocol: str = "8a", **extra: Any) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "driver": "lockboard",
        "protocol": protocol,
        "port": str(port),
        "baud": 0,
        "boards": 2,
        "locks_per_board": 4,
        "reply_timeout": 0.3,
        "query_retries": 1,
        "poll_interval": 30.0,  # tests drive the doors themselves
        "open_reply_polarity": "normal",
        "sim_auto_close": 0,
    }
    settings.update(extra)
    return settings


def start_device(settings: dict[str, Any]) -> Device[LockBoard]:
    dev: Device[LockBoard] = Device(
        "locker", lambda emit: LockBoard(settings, emit), backoff=(0.05, 0.2), call_timeout=10
    )
    dev.start()
    # generous: on a loaded machine the first status poll of the pty can take seconds
    assert dev.wait_until(lambda s: s.state is State.OK, 30), dev.status
    return dev


@pytest.fixture
def wall(tmp_path: Path) -> Iterator[tuple[LockerSimulator, dict[str, Any]]]:
    settings = wall_settings(tmp_path / "locker")
    sim = LockerSimulator(Path(settings["port"]), settings).start()
    yield sim, settings
    sim.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of each kind; PostgreSQL gets a schema of its own, dropped afterwards."""
    with empty_database(request.param, tmp_path, "locker_test") as url:
        yield url
