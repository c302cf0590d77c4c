from __future__ import annotations

from PySide6.QtCore import Qt

from flows.views import Busy
from kiosk.ui.i18n import ui
from kiosk.ui.screens.base import Screen, screen_for
from kiosk.ui.widgets import label


@screen_for(Busy)
class BusyScreen(Screen):
    def build(self, view: Busy) -> None:
        self.outer.addStretch(1)
        self.outer.addWidget(label(ui(view.prompt), "Body", align=Qt.AlignmentFlag.AlignHCenter))
        self.outer.addWidget(label("⏳", "Big", align=Qt.AlignmentFlag.AlignHCenter))
        self.outer.addStretch(1)
