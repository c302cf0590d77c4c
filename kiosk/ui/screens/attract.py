"""Shown after a long idle on home: invites passers-by; any touch goes home."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.text import tr
from kiosk.ui.i18n import ui
from kiosk.ui.theme import Metrics
from kiosk.ui.widgets import clear, label


class AttractScreen(QWidget):
    def __init__(self, metrics: Metrics) -> None:
        super().__init__()
        self.metrics = metrics
        self.outer = QVBoxLayout(self)

    def show_attract(self, hall: str, services: list[str]) -> None:
        clear(self.outer)
        center = Qt.AlignmentFlag.AlignHCenter
        self.outer.addStretch(2)
        self.outer.addWidget(label(hall, "Title", align=center))
        self.outer.addWidget(label(ui(tr("24 小时自助服务")), "Body", align=center))
        self.outer.addStretch(1)
        big = label(ui(tr("请轻触屏幕开始")), "Big", align=center)
        big.setStyleSheet(f"font-size: {self.metrics.font(90)}px;")
        self.outer.addWidget(big)
        if ui(tr("请轻触屏幕开始")) == "请轻触屏幕开始":  # a bilingual sign while in Chinese
            self.outer.addWidget(label("Touch the screen to start", "Body", align=center))
        self.outer.addStretch(1)
        self.outer.addWidget(label(" · ".join(services), "Hint", align=center))
        self.outer.addStretch(2)
