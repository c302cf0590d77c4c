from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel

from core.text import tr
from flows.views import Intent, Message
from kiosk.ui import theme
from kiosk.ui.i18n import ui
from kiosk.ui.screens.base import Screen, action_role, screen_for
from kiosk.ui.widgets import button, label, qr_pixmap

TONE_COLOURS = {"success": theme.GREEN, "warning": theme.AMBER, "error": theme.RED, "info": theme.BLUE}


@screen_for(Message)
class MessageScreen(Screen):
    help = tr("请阅读屏幕上的内容，然后按下方的按钮继续。")

    def build(self, view: Message) -> None:
        center = Qt.AlignmentFlag.AlignHCenter
        if view.big:
            big = label(view.big, "Big", wrap=False, align=center)
            big.setStyleSheet(f"color: {TONE_COLOURS.get(view.tone, theme.BLUE)};")
            self.outer.addWidget(big)
        if str(view.body):
            self.outer.addWidget(label(ui(view.body), "Body", align=center))
        if view.image:
            pic = QLabel()
            pic.setObjectName("Image")
            pic.setPixmap(
                QPixmap(view.image).scaledToHeight(
                    self.metrics.mm(80), Qt.TransformationMode.SmoothTransformation
                )
            )
            pic.setAlignment(center)
            self.outer.addWidget(pic)
        if view.qr:
            qr = QLabel()
            qr.setObjectName("QR")
            qr.setPixmap(qr_pixmap(view.qr, self.metrics.mm(45)))
            qr.setAlignment(center)
            self.outer.addWidget(qr)
        row = QHBoxLayout()
        row.addStretch(1)
        for key, text in view.actions:
            role = action_role(key, view.actions)
            b = button(ui(text), partial(self.answer, Intent(key)), role=role, name=f"action_{key}")
            b.setMinimumWidth(self.metrics.mm(60))
            row.addWidget(b)
        row.addStretch(1)
        self.outer.addStretch(1)
        self.outer.addLayout(row)
