"""Run in a fresh interpreter by test_maintenance_fresh_db.py: staff log in for the first time on
a kiosk whose hall database does not exist yet, in a process where nothing has imported the
staff audit table's module (a test process has: there the table is always registered). Prints
the audit rows as JSON; exits 3 when the precondition does not hold."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tests.ui.conftest import make_kiosk


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--dir", type=Path, required=True)
    p.add_argument("--pin", required=True)
    p.add_argument("--hash", required=True)
    args = p.parse_args()
    from kiosk.ui.app import application
    from kiosk.ui.shell import Shell, install

    kiosk = make_kiosk(
        args.dir,
        **{
            "kiosk.data_dir": str(args.dir / "data"),
            "log.dir": str(args.dir / "log"),
            "staff.pins": [{"id": "S01", "hash": args.hash}],
        },
    )
    application()
    shell = Shell(kiosk, kiosk_mode=False)
    install(shell)
    shell.resize(1080, 1920)
    shell.show()
    if "hall.audit" in sys.modules or (args.dir / "data" / "hall.db").exists():
        print("precondition: the audit module was imported or the database exists", file=sys.stderr)
        return 3
    for _ in range(shell.staff.gesture.taps):
        shell.staff.press(2, 2)
    shell.staff.pin_entered(args.pin)
    deadline = time.monotonic() + 120  # argon2 and the first migration, on a loaded machine
    while (shell.staff.checking or shell.mode != "staff") and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    with sqlite3.connect(args.dir / "data" / "hall.db") as db:
        rows = db.execute("SELECT subject, action, object, result FROM staff_audit ORDER BY id").fetchall()
    print(json.dumps({"mode": shell.mode, "rows": rows}))
    shell.shutdown()
    kiosk.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
