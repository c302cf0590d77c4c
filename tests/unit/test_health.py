"""Health file and sd_notify: what staff tooling and systemd see."""

import json
import socket

from kiosk.health import sd_notify, write_status


def test_status_file_is_replaced_atomically_and_masked(tmp_path):
    path = tmp_path / "health.json"
    write_status(path, {"screen": "home", "last_card": "11010519491231002X"})
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["screen"] == "home" and data["last_card"] == "110105********002X"
    assert not (tmp_path / "health.json.tmp").exists()


def test_sd_notify_reaches_the_notify_socket(tmp_path, monkeypatch):
    addr = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(addr)
        monkeypatch.setenv("NOTIFY_SOCKET", addr)
        assert sd_notify("READY=1")
        assert server.recv(64) == b"READY=1"


def test_sd_notify_without_systemd_is_a_quiet_no(monkeypatch):
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    assert sd_notify("WATCHDOG=1") is False
