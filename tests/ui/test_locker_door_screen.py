"""The door screen as a citizen sees it, in Chinese and English, portrait and landscape: the
number large, the wall's map with only that door lit, nothing cut off. Saved to
/work/shots/pickup/ (KIOSK_SHOTS) to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from core.text import tr
from flows.pickup import wall_cells
from flows.views import LockerDoor
from kiosk.ui.screens.locker_door import WallMap
from kiosk.ui.screens.message import MessageScreen  # noqa: F401  (registered screens)

SHOTS = Path(os.environ.get("KIOSK_SHOTS", "/work/shots/pickup"))


class Door:
    def __init__(self, number: int, board: int, lock: int) -> None:
        self.number, self.board, self.lock = number, board, lock


WALL = [Door(b * 12 + lock, b + 1, lock) for b in range(2) for lock in range(1, 13)]  # 2 boards x 12


def view(n: int) -> LockerDoor:
    return LockerDoor(
        title=tr("请到 {n} 号柜门取证件", n=n),
        prompt=tr("{n} 号柜门已打开，请取出证件，然后关好柜门", n=n),
        body=tr("柜门在下图亮起的位置。取出证件后请随手关门"),
        number=n,
        cells=wall_cells(WALL, 6),
    )


def test_cells_follow_the_boards_six_to_a_column() -> None:
    cells = {n: (col, row) for n, col, row in wall_cells(WALL, 6)}
    assert cells[1] == (0, 0) and cells[6] == (0, 5) and cells[7] == (1, 0)
    assert cells[13] == (2, 0)  # the second board starts a column of its own
    assert len(set(cells.values())) == len(WALL)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_door_screen_fits_both_orientations(qtbot, shell, lang: str) -> None:
    if lang == "en":
        shell.toggle_language()
    SHOTS.mkdir(parents=True, exist_ok=True)
    for w, h in ((1080, 1920), (1920, 1080)):
        shell.resize(w, h)
        shell.show_view(view(17), lambda i: None)
        QApplication.processEvents()
        maps = [m for m in shell.findChildren(WallMap) if m.isVisible()]
        assert len(maps) == 1 and maps[0].lit == 17
        assert maps[0].height() >= maps[0].minimumHeight()
        shown = [x for x in shell.findChildren(QLabel) if x.isVisible() and x.text()]
        for lab in shown:  # every line inside the window, none cut at the edge
            top_left = lab.mapTo(shell, lab.rect().topLeft())
            assert top_left.x() >= 0 and top_left.x() + lab.width() <= w, lab.text()
            assert top_left.y() + lab.height() <= h, lab.text()
        texts = " ".join(x.text() for x in shown)
        assert ("door 17" in texts) if lang == "en" else ("17 号柜门" in texts)
        shell.grab().save(str(SHOTS / f"door-{lang}-{w}x{h}.png"))
    if lang == "en":
        shell.toggle_language()
