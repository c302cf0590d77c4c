from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QGridLayout

from flows.views import Choose, Intent
from kiosk.ui.i18n import ui
from kiosk.ui.screens.base import Screen, screen_for
from kiosk.ui.widgets import button


def tile_text(title: str, detail: str, reason: str, enabled: bool) -> str:
    lines = [title]
    if detail:
        lines.append(detail)
    if not enabled and reason:
        lines.append("⚠ " + reason)
    return "\n".join(lines)


@screen_for(Choose)
class ChooseScreen(Screen):
    def build(self, view: Choose) -> None:
        grid = QGridLayout()
        grid.setSpacing(self.metrics.mm(4))
        win = self.window()
        cols = 1 if len(view.options) <= 3 or win.width() < win.height() else 2
        for i, opt in enumerate(view.options):
            b = button(
                tile_text(ui(opt.label), ui(opt.detail), ui(opt.reason), opt.enabled),
                partial(self.answer, Intent(opt.key)),
                role="tile",
                name=f"option_{opt.key}",
            )
            b.setEnabled(opt.enabled)
            b.setMinimumHeight(self.metrics.target * 2)
            grid.addWidget(b, i // cols, i % cols)
        self.outer.addLayout(grid)
