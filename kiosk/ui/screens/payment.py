"""Paying the fee: the amount large, a countdown that visibly runs, and the QR to scan with the
phone or the place to hold the phone's payment code. The countdown ticks on a GUI timer from the
flow's figure; the flow (on its own clock) decides when time is up."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel

from core.text import tr
from flows.views import Intent, Payment
from kiosk.ui import theme
from kiosk.ui.i18n import ui
from kiosk.ui.screens.base import Screen, screen_for
from kiosk.ui.theme import Metrics
from kiosk.ui.widgets import button, label, qr_pixmap


@screen_for(Payment)
class PaymentScreen(Screen):
    help = tr("请用手机扫描屏幕上的二维码付款，或打开手机付款码对准扫码口。付款后请等待屏幕提示，不要离开。")

    def __init__(self, metrics: Metrics) -> None:
        super().__init__(metrics)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.left = 0

    def build(self, view: Payment) -> None:
        center = Qt.AlignmentFlag.AlignHCenter
        self.outer.addWidget(label(ui(tr("应缴金额")), "Body", align=center))
        amount = label(f"¥ {view.amount}", "Big", wrap=False, align=center)
        self.outer.addWidget(amount)
        if view.qr:
            qr = QLabel()
            qr.setObjectName("QR")
            qr.setPixmap(qr_pixmap(view.qr, self.metrics.mm(60)))
            qr.setAlignment(center)
            self.outer.addWidget(qr)
        if str(view.status):
            status = label(ui(view.status), "Body", align=center)
            status.setStyleSheet(f"color: {theme.AMBER}; font-weight: bold;")
            self.outer.addWidget(status)
        self.outer.addWidget(label(ui(view.prompt), "Body", align=center))
        self.countdown = label("", "Title", wrap=False, align=center)
        self.outer.addWidget(self.countdown)
        self.left = max(0, view.seconds_left)
        self._show_left()
        self._timer.start()
        row = QHBoxLayout()
        row.addStretch(1)
        for key, text in view.actions:
            b = button(ui(text), partial(self.answer, Intent(key)), role="secondary", name=f"action_{key}")
            b.setMinimumWidth(self.metrics.mm(60))
            row.addWidget(b)
        row.addStretch(1)
        self.outer.addStretch(1)
        self.outer.addLayout(row)

    def _tick(self) -> None:
        if not self.isVisible():
            self._timer.stop()
            return
        self.left = max(0, self.left - 1)
        self._show_left()

    def _show_left(self) -> None:
        m, s = divmod(self.left, 60)
        self.countdown.setText(ui(tr("剩余时间 {m}:{s}", m=m, s=f"{s:02d}")))
