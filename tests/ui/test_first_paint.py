"""The home is painted before the databases and devices start, and the queue comes on by itself.

Production start-up in run_kiosk.py's order (no simulators: they are a developer's tool and
start before the window), in a fresh interpreter (modules counted, not time): nothing on the
first-paint path imports SQLAlchemy, OpenCV or python-escpos (nor staff maintenance mode), no
journey's code nor the screens its views need (home is drawn from the catalog's specs alone),
and the queue tile that says "starting" turns available once the store is open, without a touch;
garbage collection, off while the home is built, is on again after its paint.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "psycopg", "cv2", "escpos", "numpy", "PIL", "qrcode", "urllib.request")
# built right after the paint: staff maintenance mode (argon2, its panel), the simulator panel,
# the overlays (idle, help, leave) and the attract screen; at the first journey: its host; json
# with the first line the log file writes, after the paint
LATER = (
    "kiosk.ui.maintenance",
    "argon2",
    "kiosk.ui.sim_panel",
    "kiosk.ui.flow_host",
    "kiosk.ui.overlays",
    "json",
    "backends.reachability",  # a queue-only home asks no probe: its tiles need no backend
)
# of flows/ only the catalog and its specs, the session folders (stale ones are purged at start)
# and the config sections (flows.*_settings, checked at start); of the screens only home's own.
# A journey module (flows.queue, flows.reissue, ..., flows.rating after each), the runtime and
# view models every journey uses, its host and a flow's screen load when the first one starts
FLOWS_AT_PAINT = {"flows.catalog", "flows.spec", "flows.session"}
SCREENS_AT_PAINT = {"kiosk.ui.screens.home"}

SCRIPT = """
import gc, sys, time
gc.disable()  # as run_kiosk.py
from pathlib import Path
from kiosk.config import load
tmp = Path(sys.argv[1])
config = load(Path(sys.argv[2]) / "resources/config/simulate.toml", {
    "kiosk.services": ["queue"], "kiosk.voice": False, "kiosk.data_dir": str(tmp / "data"),
    "kiosk.runtime_dir": str(tmp / "run"), "log.dir": str(tmp / "log"),
    "health.status_file": str(tmp / "health.json")})
from kiosk.hall_roles import roles  # as run_kiosk.py: the roles, the kiosk, then its window
roles(config)
from kiosk.app import build
kiosk = build(config, defer=True)  # real drivers; their ports are absent here
from PySide6.QtCore import QEvent, QObject, QTimer
from kiosk.ui.app import after_first_paint, application
from kiosk.ui.shell import Shell
app = application()
shell = Shell(kiosk)
shell.resize(1080, 1920)
out = {}
def tile():
    (t,) = [t for t in shell.home_screen.tiles if t.key == "queue"]
    return t
class Probe(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint and "heavy" not in out:
            out["heavy"] = sorted(m for m in HEAVY if m in sys.modules)
            out["flows"] = sorted(m for m in sys.modules if m.startswith("flows."))
            out["screens"] = sorted(m for m in sys.modules if m.startswith("kiosk.ui.screens."))
            out["tile_at_paint"] = [tile().available, str(tile().reason)]
            out["gc_at_paint"] = gc.isenabled()
        return False
probe = Probe()
shell.home_screen.installEventFilter(probe)
after_first_paint(kiosk, shell)
shell.show()
deadline = time.monotonic() + 60
def poll():
    if (tile().available and "heavy" in out) or time.monotonic() > deadline:
        out["tile_later"] = tile().available
        out["httpx_later"] = "httpx" in sys.modules
        out["gc_later"] = gc.isenabled()
        app.quit()
timer = QTimer(); timer.timeout.connect(poll); timer.start(50)
app.exec()
shell.shutdown(); kiosk.stop()
import json  # not before: the kiosk must not load it before its first paint
print(json.dumps(out))
"""


def test_home_paints_before_the_database_opens_and_the_queue_comes_on_by_itself(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    code = f"HEAVY = {HEAVY + LATER!r}\n" + SCRIPT
    run = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert out["heavy"] == []
    journeys = {m for m in out["flows"] if not m.endswith("_settings")} - FLOWS_AT_PAINT
    assert journeys == set(), "a journey's code loaded before the first paint"
    assert set(out["screens"]) <= SCREENS_AT_PAINT, "a flow's screen loaded before the first paint"
    assert out["tile_at_paint"] == [False, "排队系统正在启动，请稍候"]
    assert out["tile_later"] is True
    # off while the home was built (run_kiosk.py), collecting again once it is on screen: a
    # kiosk that runs for months must not keep its cyclic garbage
    assert (out["gc_at_paint"], out["gc_later"]) == (False, True)
    # no platform or payment URL configured (a ticket machine): their HTTP client never loads
    assert out["httpx_later"] is False
