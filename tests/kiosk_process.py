"""run_kiosk.py as a child process for tests: its config in the test's folder, started, waited
for, and ended by SIGTERM as systemd ends it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


def wait_for(predicate: Callable[[], object], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.05)


def kiosk_config(folder: Path, services: list[str], more: str = "") -> Path:
    """A config whose data, runtime and log folders are inside `folder`, voice off."""
    cfg = folder / "kiosk.toml"
    cfg.write_text(
        f"""
[kiosk]
voice = false
services = {services!r}
data_dir = "{folder / "data"}"
runtime_dir = "{folder / "run"}"
[log]
dir = "{folder / "log"}"
{more}""",
        encoding="utf-8",
    )
    return cfg


@contextmanager
def kiosk_process(
    *args: str, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> Iterator[subprocess.Popen[bytes]]:
    """run_kiosk.py with args; must end by itself (exit 0) on SIGTERM; its output printed."""
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "run_kiosk.py"), *args],
        cwd=cwd,
        env=env or ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        yield proc
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        print(proc.stdout.read().decode(errors="replace") if proc.stdout else "")
