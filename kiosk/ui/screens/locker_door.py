"""Which locker door is open: its number, large, and a map of the wall with that door lit, so a
citizen finds it at a glance on a wall of identical doors."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from core.text import tr
from flows.views import LockerDoor
from kiosk.ui import theme
from kiosk.ui.i18n import ui
from kiosk.ui.screens.base import Screen, screen_for
from kiosk.ui.widgets import label


class WallMap(QWidget):
    """The wall as a grid of doors (one column per lock board), the open one lit."""

    def __init__(self, cells: tuple[tuple[int, int, int], ...], lit: int, height: int) -> None:
        super().__init__()
        self.setObjectName("WallMap")
        self.cells, self.lit = cells, lit
        self.columns = 1 + max((c for _, c, _ in cells), default=0)
        self.rows = 1 + max((r for _, _, r in cells), default=0)
        self.setMinimumHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(self.minimumHeight() * self.columns // max(1, self.rows), self.minimumHeight())

    def paintEvent(self, event: Any) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        gap = 6.0
        # doors as tall as they are wide at most: the map stays a wall, not a strip
        cell_h = (self.height() - gap) / self.rows
        cell_w = min((self.width() - gap) / self.columns, cell_h * 1.6)
        left = (self.width() - cell_w * self.columns) / 2
        font = QFont(self.font())
        font.setPixelSize(max(12, int(cell_h * 0.45)))
        font.setBold(True)
        p.setFont(font)
        for number, col, row in self.cells:
            r = QRectF(left + col * cell_w + gap / 2, row * cell_h + gap / 2, cell_w - gap, cell_h - gap)
            on = number == self.lit
            p.setPen(QPen(QColor(theme.GREEN if on else theme.GREY), 4 if on else 1.5))
            p.setBrush(QColor(theme.GREEN if on else theme.TILE_OFF_BG))
            p.drawRoundedRect(r, 6, 6)
            p.setPen(QColor(theme.WHITE if on else theme.TILE_OFF_TEXT))
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, str(number))
        p.end()


@screen_for(LockerDoor)
class LockerDoorScreen(Screen):
    help = tr("请到亮起的柜门取出证件，取出后请关好柜门。")

    def build(self, view: LockerDoor) -> None:
        center = Qt.AlignmentFlag.AlignHCenter
        big = label(ui(tr("{n} 号", n=view.number)), "Big", wrap=False, align=center)
        big.setStyleSheet(f"color: {theme.GREEN};")
        self.outer.addWidget(big)
        if str(view.body):
            self.outer.addWidget(label(ui(view.body), "Body", align=center))
        if view.cells:
            self.outer.addWidget(WallMap(view.cells, view.number, self.metrics.mm(70)), 1)
        self.outer.addWidget(label(ui(view.prompt), "Body", align=center))
