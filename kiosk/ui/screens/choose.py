from __future__ import annotations

from functools import partial

from flows.views import Choose, Intent
from kiosk.ui.i18n import ui
from kiosk.ui.screens.base import Screen, screen_for
from kiosk.ui.widgets import tile_grid, tile_text


@screen_for(Choose)
class ChooseScreen(Screen):
    def build(self, view: Choose) -> None:
        win = self.window()
        cols = 1 if len(view.options) <= 3 or win.width() < win.height() else 2
        tiles = [
            (
                f"option_{o.key}",
                tile_text(ui(o.label), ui(o.detail), ui(o.reason), o.enabled),
                partial(self.answer, Intent(o.key)),
                o.enabled,
            )
            for o in view.options
        ]
        grid = tile_grid(tiles, cols, self.metrics.target * 2, self.metrics.mm(4))
        self.outer.addLayout(grid)
