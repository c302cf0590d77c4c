"""What staff tooling and systemd see: a JSON status file and sd_notify messages."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from core.redact import redact


def write_status(path: Path, status: dict[str, Any]) -> None:
    """Atomically replace the status file (readers never see half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    import json  # the first status is written after the first paint: json is not loaded before it

    tmp.write_text(redact(json.dumps(status, ensure_ascii=False, indent=1)), encoding="utf-8")
    tmp.replace(path)


def sd_notify(message: str) -> bool:
    """Send one sd_notify message (READY=1, WATCHDOG=1, STATUS=...); False when not under systemd."""
    addr = os.environ.get("NOTIFY_SOCKET")
    if not addr:
        return False
    if addr.startswith("@"):  # abstract namespace
        addr = "\0" + addr[1:]
    import socket  # under systemd only, and after the first paint (the kiosk's READY=1)

    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as s:
        try:
            s.connect(addr)
            s.sendall(message.encode())
        except OSError:
            return False
    return True
