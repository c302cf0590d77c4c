"""A private CUPS scheduler for tests: Debian's own cupsd on a Unix socket in a folder of its own
(its config, spool, logs and one raw A4 queue), nothing of the machine's CUPS touched. Point
lp/lpstat/cancel at it with CUPS_SERVER=<socket>.

The queue's backend is a small script that "prints" by copying the job's file into out/, or,
while the paper file says "empty", reports media-empty the way a printer's backend does (STATE:
+media-empty-error, exit 4 = CUPS_BACKEND_STOP): the scheduler then stops the queue and keeps the
job, exactly as with a real printer out of paper; `cupsenable` after the refill prints it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

CUPSD = "/usr/sbin/cupsd"
PRINTER = "KIOSK_A4"

BACKEND = """#!/bin/sh
if [ $# -eq 0 ]; then echo 'direct kiosktest "Unknown" "Kiosk test A4"'; exit 0; fi
if [ "$(cat {dir}/paper 2>/dev/null)" = "empty" ]; then
  echo "STATE: +media-empty-error" >&2
  echo "ERROR: Media tray empty" >&2
  exit 4
fi
echo "STATE: -media-empty-error" >&2
if [ -n "$6" ]; then cp "$6" {dir}/out/job-$1.pdf; else cat > {dir}/out/job-$1.pdf; fi
exit 0
"""


class PrivateCups:
    def __init__(self, preserve_files: bool = False) -> None:
        self.preserve_files = preserve_files
        # a short path: a Unix socket's name is limited to 108 bytes
        self.dir = Path(tempfile.mkdtemp(prefix="cupsd-", dir="/tmp"))
        self.socket = self.dir / "cups.sock"
        self.out = self.dir / "out"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": str(self.socket), "LC_ALL": "C"}

    def start(self) -> PrivateCups:
        d = self.dir
        for sub in ("root", "spool", "tmp", "cache", "state", "log", "out", "bin/backend", "bin/daemon"):
            (d / sub).mkdir(parents=True, exist_ok=True)
        (d / "root/cupsd.conf").write_text(
            # debug: the log tells when cupsd unloads a finished job (unloaded())
            f"Listen {self.socket}\nLogLevel debug\nWebInterface No\nBrowsing No\nDefaultAuthType None\n"
            # No as deploy/README.md sets it: no certificate left in the spool
            f"PreserveJobFiles {'Yes' if self.preserve_files else 'No'}\n"
            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
        )
        (d / "root/cups-files.conf").write_text(
            "FileDevice Yes\nSystemGroup root\nDataDir /usr/share/cups\n"
            + "".join(
                f"{key} {d / sub}\n"
                for key, sub in (
                    ("ServerRoot", "root"),
                    ("RequestRoot", "spool"),
                    ("TempDir", "tmp"),
                    ("CacheDir", "cache"),
                    ("StateDir", "state"),
                    ("ServerBin", "bin"),
                    ("ErrorLog", "log/error_log"),
                    ("AccessLog", "log/access_log"),
                    ("PageLog", "log/page_log"),
                    ("Printcap", "state/printcap"),
                )
            )
        )
        backend = d / "bin/backend/kiosktest"
        backend.write_text(BACKEND.format(dir=d))
        backend.chmod(0o700)  # owned by root and private: the scheduler runs it as root
        (d / "bin/daemon/cups-exec").symlink_to("/usr/lib/cups/daemon/cups-exec")
        self.proc = subprocess.Popen(
            [CUPSD, "-f", "-c", str(d / "root/cupsd.conf"), "-s", str(d / "root/cups-files.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while not self._answers():
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError(f"private cupsd did not start: {self.log()[-2000:]}")
            time.sleep(0.05)
        self._run("lpadmin", "-p", PRINTER, "-E", "-v", "kiosktest:/", "-m", "raw")
        self._run("lpadmin", "-d", PRINTER)
        return self

    def _answers(self) -> bool:
        if not self.socket.exists():
            return False
        return subprocess.run(["lpstat", "-r"], env=self.env, capture_output=True).returncode == 0

    def _run(self, *args: str) -> str:
        proc = subprocess.run(list(args), env=self.env, capture_output=True, text=True, timeout=30)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(args)}: {proc.stderr.strip()}")
        return proc.stdout

    def lpstat(self, *args: str) -> str:
        return self._run("lpstat", *args)

    def cancel(self, job_id: str) -> None:
        """Staff cancel a job in CUPS itself (`cancel`, or the web interface)."""
        self._run("cancel", job_id)

    def paper(self, loaded: bool) -> None:
        """Empty the tray (the next job stops the queue) or load paper and resume the queue."""
        (self.dir / "paper").write_text("ok" if loaded else "empty")
        if loaded:
            self._run("cupsenable", PRINTER)

    @property
    def spooled(self) -> list[Path]:
        """Job files (d<job>-<n>) still in the scheduler's spool."""
        return sorted((self.dir / "spool").glob("d*"))

    @property
    def documents(self) -> list[Path]:
        return sorted(self.out.glob("*.pdf"))

    def unloaded(self, job_id: str) -> bool:
        """cupsd has dropped the finished job's attributes from memory (about a second after it
        ends), as it has by the time staff look at the queue."""
        return f"[Job {job_id.rsplit('-', 1)[1]}] Unloading..." in self.log()

    def log(self) -> str:
        path = self.dir / "log/error_log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)
