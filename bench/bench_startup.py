"""Cold start to the first painted home frame, as a ratio to a bare PySide6 window; idle RSS."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
w = QWidget(); w.resize(1080, 1920)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            print(time.time(), flush=True); QTimer.singleShot(0, app.quit)
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
"""

KIOSK = """
import os, sys, time
sys.path.insert(0, {root!r})
from PySide6.QtCore import QEvent, QObject, QTimer
from kiosk.config import load
from kiosk.app import build
from kiosk.ui.app import application
from kiosk.ui.shell import Shell
app = application()
config = load(None, {{"kiosk.voice": False, "kiosk.data_dir": {tmp!r} + "/data",
                      "kiosk.runtime_dir": {tmp!r} + "/run", "log.dir": {tmp!r} + "/log"}})
kiosk = build(config)
shell = Shell(kiosk); shell.resize(1080, 1920)
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1])
class F(QObject):
    done = False
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            print(time.time(), flush=True)
            QTimer.singleShot(3000, lambda: (print(rss(), flush=True), app.quit()))
        return False
f = F(); shell.home_screen.installEventFilter(f); shell.show(); app.exec()
shell.shutdown(); kiosk.stop()
"""


def start_time(code: str) -> tuple[float, list[str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    lines = out.stdout.split()
    if out.returncode != 0 or not lines:
        raise RuntimeError(out.stderr[-2000:])
    return float(lines[0]) - t0, lines[1:]


def main(rounds: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        code = KIOSK.format(root=str(ROOT), tmp=tmp)
        bare, kiosk, rss = [], [], []
        for _ in range(rounds):  # interleaved so machine noise hits both alike
            bare.append(start_time(BARE)[0])
            t, rest = start_time(code)
            kiosk.append(t)
            rss.append(int(rest[0]))
    b, k = statistics.median(bare), statistics.median(kiosk)
    print(f"bare PySide6 window, first paint: {b * 1000:7.0f} ms (median of {rounds})")
    print(f"kiosk home screen, first paint:   {k * 1000:7.0f} ms (median of {rounds})")
    print(f"cold start ratio kiosk/bare:      {k / b:7.2f}x")
    print(f"idle RSS after 3 s on home:       {statistics.median(rss) / 1024:7.1f} MiB")


if __name__ == "__main__":
    main()
