"""A document page as it will print, fitted to the room the screen leaves, with page turning."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from core.text import tr
from flows.views import Intent, Preview
from kiosk.ui.i18n import ui
from kiosk.ui.screens.base import SECONDARY, Screen, screen_for
from kiosk.ui.widgets import button, label

EDGE = 6  # pixels kept round the page for its edge and shadow


class PageView(QWidget):
    """Paints the page image as large as fits, centred, on a grey desk with an edge."""

    def __init__(self, image: QImage, minimum: int) -> None:
        super().__init__()
        self.setObjectName("PageView")
        self.image = image
        self.setMinimumSize(QSize(minimum * 707 // 1000, minimum))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def page_rect(self) -> QRectF:
        if self.image.isNull():
            return QRectF()
        room_w, room_h = self.width() - 2 * EDGE, self.height() - 2 * EDGE  # the edge and shadow show
        scale = min(room_w / self.image.width(), room_h / self.image.height())
        w, h = self.image.width() * scale, self.image.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        r = self.page_rect()
        p.fillRect(r.translated(4, 4), QColor(0, 0, 0, 40))
        p.drawImage(r, self.image)
        p.setPen(QPen(QColor("#9aa3af"), 1))
        p.drawRect(r)
        p.end()


@screen_for(Preview)
class PreviewScreen(Screen):
    help = tr("这是将要打印的证明。用“上一页”“下一页”翻看，内容无误请按“确认打印”。")

    def build(self, view: Preview) -> None:
        self.page = PageView(QImage(view.image), self.metrics.mm(70))
        self.outer.addWidget(self.page, 1)
        turn = QHBoxLayout()
        prev = button(ui(tr("上一页")), partial(self.answer, Intent("prev")), role="secondary", name="prev")
        nxt = button(ui(tr("下一页")), partial(self.answer, Intent("next")), role="secondary", name="next")
        prev.setEnabled(view.page > 1)
        nxt.setEnabled(view.page < view.pages)
        where = label(
            ui(tr("第 {page} 页 / 共 {pages} 页", page=view.page, pages=view.pages)), "Body", wrap=False
        )
        where.setObjectName("PageNumber")
        where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        turn.addWidget(prev)
        turn.addWidget(where, 1)
        turn.addWidget(nxt)
        self.outer.addLayout(turn)
        if str(view.note):
            self.outer.addWidget(label(ui(view.note), "Hint", align=Qt.AlignmentFlag.AlignHCenter))
        row = QHBoxLayout()
        row.addStretch(1)
        for key, text in view.actions:
            role = "secondary" if key in SECONDARY else ""  # 重新选择 outlined beside 确认打印
            b = button(ui(text), partial(self.answer, Intent(key)), role=role, name=f"action_{key}")
            b.setMinimumWidth(self.metrics.mm(60))
            row.addWidget(b)
        row.addStretch(1)
        self.outer.addLayout(row)
