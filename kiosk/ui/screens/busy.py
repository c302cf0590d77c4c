from __future__ import annotations

from PySide6.QtCore import Qt

from core.text import tr
from flows.views import Busy
from kiosk.ui import theme
from kiosk.ui.i18n import ui
from kiosk.ui.screens.base import Screen, screen_for
from kiosk.ui.widgets import Spinner, label


@screen_for(Busy)
class BusyScreen(Screen):
    help = tr("正在为您办理，请稍候，不要离开。")

    def build(self, view: Busy) -> None:
        self.outer.addStretch(1)
        self.outer.addWidget(label(ui(view.prompt), "Body", align=Qt.AlignmentFlag.AlignHCenter))
        self.spinner = Spinner(self.metrics.mm(30), theme.BLUE)
        self.outer.addWidget(self.spinner, 0, Qt.AlignmentFlag.AlignHCenter)
        self.outer.addStretch(1)
