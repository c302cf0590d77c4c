"""What systemd hears from a real kiosk process (deploy/kiosk.service is Type=notify with a
watchdog): READY=1 once the home is up, then WATCHDOG=1 pings from the event loop, and the status
file staff tooling reads."""

from __future__ import annotations

import json
import socket
import tempfile
from pathlib import Path

from tests.kiosk_process import ENV, kiosk_config, kiosk_process, wait_for


def test_systemd_hears_ready_then_watchdog_pings_and_the_status_file_says_home(tmp_path: Path) -> None:
    status = tmp_path / "health.json"
    cfg = kiosk_config(tmp_path, ["queue"], f'[health]\ninterval = 0.5\nstatus_file = "{status}"\n')
    with tempfile.TemporaryDirectory(prefix="notify") as short:  # a socket path has ~100 bytes
        address = str(Path(short) / "sock")
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as systemd:
            systemd.bind(address)
            systemd.settimeout(0.2)
            heard: list[bytes] = []

            def hear(message: bytes) -> bool:
                try:
                    heard.append(systemd.recv(64))
                except TimeoutError:
                    pass
                return message in heard

            with kiosk_process("--config", str(cfg), env={**ENV, "NOTIFY_SOCKET": address}):
                wait_for(lambda: hear(b"READY=1"), "READY=1")
                wait_for(status.exists, "the status file")
                assert json.loads(status.read_text(encoding="utf-8"))["screen"] == "home"
                ready_at = heard.index(b"READY=1")
                wait_for(lambda: hear(b"WATCHDOG=1") and b"WATCHDOG=1" in heard[ready_at:], "a ping after it")
