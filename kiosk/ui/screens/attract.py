"""Shown after a long idle on home: invites passers-by; any touch goes home."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.text import tr
from kiosk.ui.i18n import ui
from kiosk.ui.theme import Metrics
from kiosk.ui.widgets import clear, label


def unbroken(name: str) -> str:
    """The name with no line break inside: Chinese may break between any two characters ("体" /
    "验流程" reads as two services), so a word joiner holds each pair but two ASCII characters
    (those break only at spaces, here no-break spaces; joiners would cost kerning)."""
    name = name.replace(" ", "\u00a0")
    joined = (("" if a.isascii() and b.isascii() else "\u2060") + b for a, b in pairwise(name))
    return name[:1] + "".join(joined)


class AttractScreen(QWidget):
    def __init__(self, metrics: Metrics) -> None:
        super().__init__()
        self.metrics = metrics
        self.outer = QVBoxLayout(self)
        self.service_names: list[str] = []
        self.services_label: QLabel | None = None

    def show_attract(self, hall: str, services: list[str], phone: str = "") -> None:
        """phone: the help number, under the hall's name (its name says 24 hours already; at
        night the phone is the only way to a person)."""
        clear(self.outer)
        side = self.metrics.mm(6)  # the list's lines keep clear of the screen's edges
        self.outer.setContentsMargins(side, 0, side, 0)
        center = Qt.AlignmentFlag.AlignHCenter
        self.outer.addStretch(2)
        self.outer.addWidget(label(hall, "Title", align=center))
        if phone:
            helpline = ui(tr("需要帮助请拨打服务电话 {phone}", phone=phone))
            self.outer.addWidget(label(helpline, "Body", align=center))
        self.outer.addStretch(1)
        big = label(ui(tr("请轻触屏幕开始")), "Big", align=center)
        big.setStyleSheet(f"font-size: {self.metrics.font(90)}px;")
        self.outer.addWidget(big)
        if ui(tr("请轻触屏幕开始")) == "请轻触屏幕开始":  # a bilingual sign while in Chinese
            self.outer.addWidget(label("Touch the screen to start", "Body", align=center))
        self.outer.addStretch(1)
        self.service_names = services
        # the dot stays with the service before it: no line starts with one
        self.services_label = label("\u00a0· ".join(map(unbroken, services)), "Hint", align=center)
        self.outer.addWidget(self.services_label)
        self.outer.addStretch(2)
