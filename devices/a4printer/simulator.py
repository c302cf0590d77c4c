"""A simulated CUPS with one A4 printer: stand-in lp/lpstat programs and a folder of PDFs.

The real driver runs these programs exactly as it runs CUPS's own, so simulate mode and tests
go through its command building and output parsing. The panel sets the printer's state.
"""

from __future__ import annotations

import json
import shlex
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from core.text import Text, tr
from devices.a4printer import fake_cups
from devices.sim import Control

PRINTER_NAME = "KIOSK_A4"

# panel state -> (CUPS printer-state, printer-state-reasons, printer-state-message)
STATES: dict[str, tuple[Text, str, list[str], str]] = {
    "idle": (tr("正常"), "idle", [], ""),
    "media_low": (tr("纸将用尽"), "idle", ["media-low-warning"], "Media tray almost empty"),
    # out of paper as CUPS shows it once a job found the tray empty: the queue stopped
    "media_empty": (tr("缺纸"), "stopped", ["media-empty-error", "paused"], "Media tray empty"),
    "jam": (tr("卡纸"), "idle", ["media-jam-error"], "Paper jam"),
    "stopped": (tr("已停用"), "stopped", ["paused"], "Paused"),
    "offline": (tr("脱机"), "idle", ["offline-report"], "The printer is not responding."),
}


# run_kiosk.py's first argument that runs fake_cups instead of the kiosk
FAKE_CUPS_ARG = "--fake-cups"


def fake_cups_command() -> list[str]:
    """How the stand-in programs start fake_cups: the interpreter with its file, or in the
    PyInstaller bundle (no interpreter, no source files) the kiosk binary itself."""
    if getattr(sys, "frozen", False):
        return [sys.executable, FAKE_CUPS_ARG]
    return [sys.executable, str(Path(fake_cups.__file__).resolve())]


class A4Simulator:
    kind = "a4printer"

    def __init__(self, port: Path, settings: Mapping[str, Any] | None = None) -> None:
        self.dir = Path(port)  # the simulator's folder (simulate mode passes <runtime>/sim/a4printer)
        self.settings = dict(settings or {})
        out = self.settings.get("sim_output_dir") or ""
        self.output_dir = Path(out) if out else self.dir.parent / "a4"
        self.listeners: list[Any] = []

    def start(self) -> A4Simulator:
        self.dir.mkdir(parents=True, exist_ok=True)
        (self.dir / "state.json").write_text(
            json.dumps(
                {
                    "printer": PRINTER_NAME,
                    "state": "idle",
                    "reasons": [],
                    "message": "",
                    "scheduler": True,
                    "next_id": 1,
                    "jobs": [],
                    "output_dir": str(self.output_dir),
                    # as deploy/README.md sets CUPS: a finished job's file is not kept
                    "preserve_files": bool(self.settings.get("sim_preserve_files", False)),
                }
            ),
            encoding="utf-8",
        )
        runner = " ".join(shlex.quote(part) for part in fake_cups_command())
        for program in ("lp", "lpstat", "cancel", "ipptool"):
            path = self.dir / program
            path.write_text(
                f'#!/bin/sh\nexec {runner} {shlex.quote(str(self.dir))} {program} "$@"\n',
                encoding="utf-8",
            )
            path.chmod(0o755)
        return self

    def stop(self) -> None:
        pass

    def settings_overrides(self) -> dict[str, Any]:
        return {
            "printer": PRINTER_NAME,
            "lp_command": str(self.dir / "lp"),
            "lpstat_command": str(self.dir / "lpstat"),
            "cancel_command": str(self.dir / "cancel"),
            "ipptool_command": str(self.dir / "ipptool"),
        }

    # ---- panel ----
    def set_state(self, name: str) -> None:
        _, cups_state, reasons, message = STATES[name]
        with fake_cups.locked(self.dir) as state:
            state.pop("stale_paper", None)
            if name == "idle":
                fake_cups.resume(state)
            else:
                state.update(state=cups_state, reasons=list(reasons), message=message)
            fake_cups.process_queue(state)
        self._notify("state", name)

    def run_out_during_next(self) -> None:
        """The tray empties as the next job starts."""
        with fake_cups.locked(self.dir) as state:
            state["run_out_next"] = True

    def offline_during_next(self) -> None:
        """The printer stops answering as the next job starts."""
        with fake_cups.locked(self.dir) as state:
            state["offline_next"] = True

    def fail_next(self) -> None:
        """The next job is aborted by the printer."""
        with fake_cups.locked(self.dir) as state:
            state["fail_next"] = True

    def keep_job_files(self, keep: bool) -> None:
        """The scheduler keeps finished jobs' files (CUPS PreserveJobFiles Yes) or drops them."""
        with fake_cups.locked(self.dir) as state:
            state["preserve_files"] = bool(keep)

    def set_scheduler(self, running: bool) -> None:
        with fake_cups.locked(self.dir) as state:
            state["scheduler"] = bool(running)
        self._notify("scheduler", running)

    def controls(self) -> list[Control]:
        return [
            Control(
                tr("A4 打印机状态"),
                self.set_state,
                tuple((k, v[0]) for k, v in STATES.items()),
                group="faults",
            ),
            Control(tr("打印中缺纸"), self.run_out_during_next, group="faults"),
            Control(tr("打印中脱机"), self.offline_during_next, group="faults"),
            Control(tr("下一份打印失败"), self.fail_next, group="faults"),
            Control(tr("停止打印服务"), lambda: self.set_scheduler(False), group="faults"),
            Control(tr("启动打印服务"), lambda: self.set_scheduler(True), group="faults"),
        ]

    # ---- what tests see ----
    @property
    def documents(self) -> list[Path]:
        return sorted(self.output_dir.glob("*.pdf")) if self.output_dir.exists() else []

    @property
    def last_document(self) -> Path | None:
        docs = self.documents
        return docs[-1] if docs else None

    def jobs(self) -> list[dict[str, Any]]:
        return list(json.loads((self.dir / "state.json").read_text(encoding="utf-8"))["jobs"])

    def _notify(self, what: str, value: Any) -> None:
        for listener in list(self.listeners):
            listener(what, value)
