"""Shutting the machine down for the night, where the config names a command for it
([staff] shutdown_command). The command only schedules the power-off (systemctl returns at
once), so its answer tells whether it was accepted; the app then leaves its event loop."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence

from core.text import Text, tr
from kiosk.maintenance.session import Outcome, Refused, StaffSession


def shut_down(session: StaffSession, command: Sequence[str], timeout: float = 15.0) -> Outcome:
    def run() -> Text:
        try:
            proc = subprocess.run(list(command), capture_output=True, text=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise Refused(tr("关机命令无法执行：{err}", err=str(e))) from e
        if proc.returncode != 0:
            why = (proc.stderr or proc.stdout).strip().splitlines()[:1] or [f"exit {proc.returncode}"]
            raise Refused(tr("关机命令失败：{err}", err=why[0]))
        return tr("正在关机")

    return session.act("shutdown", "machine", run)
