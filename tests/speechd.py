"""A private, real speech-dispatcher + espeak-ng for tests: own config, socket and log, no sound card.

Audio goes through libao's built-in null driver (HOME/.libao), so the daemon synthesizes every
message and reports BEGIN/END exactly as on a kiosk with speakers. LogLevel 5 records what the
espeak-ng module was told (language, voice) for the tests to read. A daemon leaked by a killed
test process exits 60 s after its last client.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CONFIG = """LogLevel 5
AudioOutputMethod "libao"
DefaultModule espeak-ng
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
"""


@dataclass
class SpeechDispatcher:
    socket: Path
    log_dir: Path
    pidfile: Path

    @property
    def pid(self) -> int:
        """Read each time: -d writes the file before it forks and again after."""
        return int(self.pidfile.read_text())

    @property
    def address(self) -> str:
        return f"unix_socket:{self.socket}"

    def log(self) -> str:
        return (self.log_dir / "speech-dispatcher.log").read_text(errors="replace")

    def freeze(self) -> None:
        os.killpg(self.pid, signal.SIGSTOP)  # the daemon and its espeak-ng module

    def thaw(self) -> None:
        os.killpg(self.pid, signal.SIGCONT)


def write_config(conf: Path, home: Path) -> None:
    """speechd.conf and its espeak-ng module in conf, libao's null output for a daemon run as home."""
    (conf / "modules").mkdir(parents=True, exist_ok=True)
    home.mkdir(parents=True, exist_ok=True)
    (conf / "speechd.conf").write_text(CONFIG)
    (conf / "modules" / "espeak-ng.conf").write_text(
        Path("/etc/speech-dispatcher/modules/espeak-ng.conf").read_text()
    )
    (home / ".libao").write_text("default_driver=null\n")


@contextmanager
def speech_dispatcher(tmp: Path) -> Iterator[SpeechDispatcher]:
    conf, home, log_dir = tmp / "conf", tmp / "home", tmp / "log"
    log_dir.mkdir(parents=True, exist_ok=True)
    write_config(conf, home)
    sock, pidfile = tmp / "speechd.sock", tmp / "speechd.pid"
    cmd = ["speech-dispatcher", "-d", "-t", "60", "-C", str(conf), "-L", str(log_dir), "-P", str(pidfile)]
    cmd += ["-c", "unix_socket", "-S", str(sock)]
    subprocess.run(cmd, env={**os.environ, "HOME": str(home)}, check=True, capture_output=True, timeout=60)
    deadline = time.monotonic() + 60
    while not (sock.exists() and pidfile.exists() and pidfile.read_text().strip()):
        assert time.monotonic() < deadline, "speech-dispatcher did not start"
        time.sleep(0.05)
    sd = SpeechDispatcher(sock, log_dir, pidfile)
    while not _group_leader(sd.pid):
        assert time.monotonic() < deadline, "speech-dispatcher did not settle"
        time.sleep(0.05)
    try:
        yield sd
    finally:
        for sig in (signal.SIGCONT, signal.SIGKILL):  # the daemon and its espeak-ng module
            try:
                os.killpg(sd.pid, sig)
            except ProcessLookupError:
                break


def _group_leader(pid: int) -> bool:
    """The daemonized speech-dispatcher leads its own process group (setsid)."""
    try:
        return os.getpgid(pid) == pid
    except ProcessLookupError:
        return False
