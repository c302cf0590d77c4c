"""run_kiosk.py in the hall's other roles, as separate processes on one PostgreSQL queue: a counter
PC (--role counter, logged in from its config) and a display board (--role display) start, the
board hears a call made at the counter, and both stop cleanly on SIGTERM (systemd)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.clock import SystemClock
from hall.queue.calling import Calling
from kiosk.config import load
from kiosk.hall_roles import open_store
from tests.kiosk_process import kiosk_config, kiosk_process, wait_for
from tests.queue.helpers import Db

ROOT = Path(__file__).resolve().parents[2]


def logged(log_dir: Path, text: str) -> bool:
    path = log_dir / "kiosk.jsonl"
    if not path.exists():
        return False
    return any(text in json.loads(line).get("msg", "") for line in path.read_text().splitlines() if line)


@pytest.mark.parametrize(
    ("db", "roles"),
    [("postgresql", "counter,display"), ("sqlite", "kiosk,counter,display")],
    indirect=["db"],
)
def test_the_roles_as_processes_hear_a_call_and_stop_on_sigterm(db: Db, roles: str, tmp_path: Path) -> None:
    """A counter PC and a hall TV on PostgreSQL, or a small hall's one process on SQLite (kiosk,
    counter and board: the kiosk role runs its full start-up beside the hall windows)."""
    more = f"""
[db]
url = "{db.url}"
[queue]
always_open = true
[calling]
counter = "3"
"""
    cfg = kiosk_config(tmp_path, ["queue"], more)
    with kiosk_process("--config", str(cfg), "--role", roles, "--windowed"):
        store = open_store(load(cfg), SystemClock())
        calling = Calling(store)
        wait_for(lambda: calling.state("3").logged_in, "the counter PC logged in as counter 3")
        assert calling.state("3").services == ("social",)
        listening = "display board live" if db.kind == "postgresql" else "display board polling"
        wait_for(lambda: logged(tmp_path / "log", listening), "the board listening")
        store.issue("social")
        calling.call_next("3")  # as the clerk's "call next" does
        wait_for(lambda: logged(tmp_path / "log", "board: B001 called to counter 3"), "the call on the board")


def test_an_unknown_role_is_refused_with_the_allowed_ones(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "run_kiosk.py"), "--role", "kiosk,tv"],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert run.returncode == 2
    assert "--role 'tv' is not allowed: expected kiosk, counter or display" in run.stderr
