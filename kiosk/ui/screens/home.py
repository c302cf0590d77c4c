"""Home: the services this kiosk offers, each available or off with the reason."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from core.text import tr
from kiosk.home import Tile
from kiosk.ui.i18n import ui
from kiosk.ui.screens.base import clear, fit_columns
from kiosk.ui.theme import Metrics
from kiosk.ui.widgets import button, label, tile_grid


class HomeScreen(QWidget):
    def __init__(
        self, metrics: Metrics, on_service: Callable[[str], None], on_elderly: Callable[[], None]
    ) -> None:
        super().__init__()
        self.metrics = metrics
        self.on_service = on_service
        self.on_elderly = on_elderly
        self.outer = QVBoxLayout(self)
        m = metrics.mm(8)
        self.outer.setContentsMargins(m, m // 2, m, m)
        self.tiles: list[Tile] = []
        self.elderly = False

    def show_tiles(self, tiles: list[Tile], elderly: bool) -> None:
        self.tiles, self.elderly = tiles, elderly
        win = self.window()
        # one column in portrait: tile labels are long in English; more only if they do not fit
        first = 1 if win.height() >= win.width() else 3
        fit_columns(self, range(first, first + 2), self._build)

    def _build(self, cols: int) -> None:
        clear(self.outer)
        self.outer.setSpacing(self.metrics.mm(5))
        center = Qt.AlignmentFlag.AlignHCenter
        self.outer.addWidget(label(ui(tr("请选择您要办理的业务")), "Title", align=center))
        items = [
            (
                f"service_{t.key}",
                ui(t.title),
                ui(t.detail),
                ui(t.reason),
                partial(self.on_service, t.key),
                t.available,
            )
            for t in self.tiles
        ]
        grid = tile_grid(items, cols, self.metrics.target * 2, self.metrics.mm(5))
        self.outer.addLayout(grid)
        self.outer.addStretch(1)
        row = QHBoxLayout()
        text = ui(tr("退出长者模式")) if self.elderly else ui(tr("长者模式（大字体、慢节奏）"))
        row.addWidget(button(text, self.on_elderly, role="secondary", name="elderly"))
        row.addStretch(1)
        self.outer.addLayout(row)
