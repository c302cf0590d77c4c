from __future__ import annotations

from collections.abc import Callable
from functools import partial

from core.text import tr
from flows.views import Choose, Intent, View
from kiosk.ui.i18n import ui
from kiosk.ui.screens.base import Screen, fit_columns, screen_for
from kiosk.ui.widgets import tile_grid


@screen_for(Choose)
class ChooseScreen(Screen):
    help = tr("轻触您要的一项。灰色的选项现在不能选，原因写在它的下方。")

    cols = 1

    def show_view(self, view: View, answer: Callable[[Intent], None]) -> None:
        # as few columns as let every tile show all its lines on this screen
        win = self.window()
        portrait = win.width() < win.height()
        first = 1 if len(view.options) <= 3 or portrait else 2  # type: ignore[attr-defined]
        last = min(2 if portrait else 3, max(len(view.options), 1))  # type: ignore[attr-defined]

        def build(cols: int) -> None:
            self.cols = cols
            super(ChooseScreen, self).show_view(view, answer)

        fit_columns(self, range(first, max(first, last) + 1), build)

    def build(self, view: Choose) -> None:
        tiles = [
            (
                f"option_{o.key}",
                ui(o.label),
                ui(o.detail),
                ui(o.reason),
                partial(self.answer, Intent(o.key)),
                o.enabled,
            )
            for o in view.options
        ]
        grid = tile_grid(tiles, self.cols, self.metrics.target * 2, self.metrics.mm(4))
        self.outer.addLayout(grid)
        if not view.can_go_back:  # no back row to push down: the tiles stay under the title
            self.outer.addStretch(1)
