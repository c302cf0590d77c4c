"""The installer's locker CLI against the simulated wall and the reference platform, with the
kiosk's config file: load (the platform hears "ready at N"), list, move, unload, a refusal."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from backends.platform.api import AppState
from backends.refserver import free_port
from devices.locker.simulator import LockerSimulator
from hall.db import open_engine, sqlite_url
from hall.lockers import Inventory, LockerError
from kiosk.locker_admin import OK, REFUSED, main
from tests.pickup.support import Platform


def toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return f'"{v}"' if isinstance(v, str) else str(v)


def write_config(path: Path, settings: dict[str, Any], platform_url: str) -> Path:
    locker = "\n".join(f"{k} = {toml_value(v)}" for k, v in settings.items())
    path.write_text(
        f'[db]\nurl = "{sqlite_url(path.parent / "hall.db")}"\n'
        f'[backends]\nplatform_url = "{platform_url}"\ntimeout = 1.0\n'
        f"[devices.locker]\n{locker}\ndoor_poll_interval = 0.1\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def config(tmp_path: Path, wall, platform: Platform) -> Path:
    return write_config(tmp_path / "kiosk.toml", wall[1], platform.server.url)


def run_shutting(sim: LockerSimulator, db: Path, argv: list[str], *doors: int) -> int:
    """Run the CLI; the installer shuts each door once the CLI has seen it open."""
    inventory = Inventory(open_engine(sqlite_url(db)))
    result: list[int] = []
    t = threading.Thread(target=lambda: result.append(main(argv)))
    t.start()
    for n in doors:
        deadline = time.monotonic() + 20
        while sim.door_closed(n) or not seen_open(inventory, n):
            assert t.is_alive(), "the CLI ended before the door opened"
            assert time.monotonic() < deadline, f"door {n} never seen open"
            time.sleep(0.02)
        sim.close_door(n)
    t.join(60)
    assert not t.is_alive()
    inventory.engine.dispose()
    return result[0]


def seen_open(inventory: Inventory, n: int) -> bool:
    try:
        return inventory.get(n).door_seen_open
    except LockerError:  # the CLI has not made the wall's rows yet
        return False


def test_load_list_move_unload(config: Path, wall, platform: Platform, capsys) -> None:
    sim, _ = wall
    db = config.parent / "hall.db"
    acc = platform.accepted()
    base = ["--config", str(config), "--staff", "installer-1", "--wait", "20"]
    assert run_shutting(sim, db, [*base, "load", acc, "--number", "3"], 3) == OK
    out = capsys.readouterr().out
    assert "compartment 3 is open" in out and "platform: told" in out
    assert (platform.client.status(acc).state, platform.client.status(acc).locker) == (AppState.READY, 3)

    assert main([*base, "list"]) == OK
    assert f"  3 M loaded          {acc}" in capsys.readouterr().out

    assert run_shutting(sim, db, [*base, "move", acc, "--number", "5"], 3, 5) == OK
    assert platform.client.status(acc).locker == 5
    assert run_shutting(sim, db, [*base, "unload", acc], 5) == OK
    assert platform.client.status(acc).state == AppState.AT_COUNTER

    assert main([*base, "unload", acc]) == REFUSED
    assert "refused" in capsys.readouterr().err


def test_platform_down_the_load_is_told_by_settle_later(
    config: Path, wall, platform: Platform, capsys
) -> None:
    sim, settings = wall
    acc = platform.accepted()
    offline = write_config(config.parent / "offline.toml", settings, f"http://127.0.0.1:{free_port()}")
    db = config.parent / "hall.db"
    assert run_shutting(sim, db, ["--config", str(offline), "--wait", "20", "load", acc], 1) == OK
    assert "not answering, told later" in capsys.readouterr().out
    assert platform.client.status(acc).state == AppState.ACCEPTED
    assert main(["--config", str(offline), "settle"]) == REFUSED  # still not answering
    assert main(["--config", str(config), "settle"]) == OK
    assert f"{acc}" in capsys.readouterr().out
    assert (platform.client.status(acc).state, platform.client.status(acc).locker) == (AppState.READY, 1)
