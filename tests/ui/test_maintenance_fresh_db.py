"""A kiosk on a hall database that does not exist yet: the staff audit table is there for the
first staff login, and the health file reports "no staff visit yet" rather than leaving it out.

Both run in a fresh interpreter: in the test process the audit table's module is imported long
before, so its table is registered with every migration and a missing one goes unseen."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.kiosk_process import ENV, ROOT, kiosk_config, kiosk_process, wait_for
from tests.ui.test_maintenance import FAST, PIN


def test_the_first_staff_login_on_a_fresh_database_is_audited(tmp_path: Path) -> None:
    child = ["-m", "tests.ui.fresh_db_child", "--dir", str(tmp_path), "--pin", PIN, "--hash", FAST.hash(PIN)]
    run = subprocess.run(
        [sys.executable, *child],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=170,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    shown = json.loads(run.stdout.strip().splitlines()[-1])
    assert shown["mode"] == "staff"
    assert ["S01", "enter", "pin", "ok"] in shown["rows"]


def test_a_fresh_kiosk_s_health_file_says_no_staff_visit_yet(tmp_path: Path) -> None:
    health = tmp_path / "health.json"
    cfg = kiosk_config(tmp_path, ["demo"], f'[health]\nstatus_file = "{health}"\ninterval = 0.5\n')
    status: dict[str, object] = {}

    def reported() -> bool:  # left out while the audit table cannot be read
        assert proc.poll() is None, "the kiosk ended"
        try:
            status.update(json.loads(health.read_text(encoding="utf-8")))
        except (FileNotFoundError, json.JSONDecodeError):  # not written yet, or mid-write
            return False
        return "last_staff_visit" in status

    with kiosk_process("--config", str(cfg), "--windowed", cwd=tmp_path) as proc:
        wait_for(reported, "the last staff visit in the health file", 120)
        assert status["last_staff_visit"] is None and status["journal_needing_hand"] == []
