"""Where every role's window goes when one process runs them all: each hall window on a spare
screen (board first), a pad beside its counter, and what has no screen behind the kiosk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kiosk.ui.placement import assign_screens

ROOT = Path(__file__).resolve().parents[2]

PLACE = """
import json
from PySide6.QtWidgets import QApplication, QWidget
from kiosk.ui.placement import place_hall
app = QApplication([])
kiosk = QWidget(); kiosk.setGeometry(app.primaryScreen().geometry()); kiosk.show()
hall = {name: QWidget() for name in ("board", "counter", "pad")}
place_hall(hall, kiosk, full_screen=True)
app.processEvents()
print(json.dumps({n: w.geometry().getRect() for n, w in hall.items()}))
"""


def placed(tmp_path: Path, screens: list[tuple[int, int, int, int]]) -> dict[str, list[int]]:
    config = tmp_path / "screens.json"
    config.write_text(
        json.dumps(
            {
                "windowFrameMargins": False,  # as on a bare X server
                "screens": [
                    {"name": f"s{i}", "x": x, "y": y, "width": w, "height": h, "logicalDpiX": 96}
                    for i, (x, y, w, h) in enumerate(screens)
                ],
            }
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", PLACE], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def test_spare_screens_go_to_the_board_first_and_a_pad_shares_its_counters():
    assert assign_screens(["board", "counter", "pad"], 1) == {"board": 0, "counter": 0, "pad": 0}
    assert assign_screens(["board", "counter", "pad"], 2) == {"board": 1, "counter": 0, "pad": 0}
    assert assign_screens(["board", "counter", "pad"], 3) == {"board": 1, "counter": 2, "pad": 2}
    assert assign_screens(["board", "counter", "pad"], 4) == {"board": 1, "counter": 2, "pad": 3}
    assert assign_screens(["counter", "pad"], 2) == {"counter": 1, "pad": 1}


def test_a_hall_tv_gets_the_board_full_screen_and_the_counter_pc_counter_and_pad(tmp_path):
    kiosk, tv, counter_pc = (0, 0, 1080, 1920), (1080, 0, 1920, 1080), (3000, 0, 1280, 1024)
    where = placed(tmp_path, [kiosk, tv, counter_pc])
    assert where["board"] == list(tv)
    counter, pad = where["counter"], where["pad"]
    assert counter[0] == 3000 and pad[0] == counter[0] + counter[2]  # side by side, no overlap
    assert counter[2] + pad[2] == 1280 and counter[3] == pad[3] == 1024


def test_one_screen_puts_the_hall_windows_in_the_kiosks_place(tmp_path):
    where = placed(tmp_path, [(0, 0, 1920, 1080)])
    assert where["board"] == where["counter"] == [0, 0, 1920, 1080]
    assert where["pad"] == [0, 0, 675, 1080]  # tablet-shaped, within the screen
