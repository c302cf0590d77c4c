"""A document page as it will print, fitted to the room the screen leaves, with page turning."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from core.text import tr
from flows.views import Intent, Preview
from kiosk.ui.i18n import ui
from kiosk.ui.screens.base import Screen, action_role, screen_for
from kiosk.ui.widgets import button, label

EDGE = 6  # pixels kept round the page for its edge and shadow
ZOOM_MAX = 3.0  # times the whole page: enlarged enough to read a table's small print
DRAG_PX = 12  # a finger that moves less than this taps


def _clamp(v: float, low: float, high: float) -> float:
    return max(low, min(high, v))


def _reachable(centre: float, room: float, size: float) -> float:
    """`centre` within the fractions of a page `size` long that can sit mid-`room`."""
    if size <= room:
        return 0.5
    margin = room / (2 * size)
    return _clamp(centre, margin, 1.0 - margin)


def _place(room: float, size: float, centre: float) -> float:
    """Where an enlarged page starts along one axis: `centre` (a fraction of the page) in the
    middle of the room, clamped to the room's edges; a page smaller than the room is centred."""
    if size <= room:
        return (room - size) / 2
    return _clamp(room / 2 - centre * size, room - size, 0.0)


class PageView(QWidget):
    """Paints the page image as large as fits, centred, on a grey desk with an edge. A tap
    enlarges it round the place tapped (a whole A4 page on a landscape screen is too small to
    read), a drag moves it, another tap shows the whole page again."""

    def __init__(self, image: QImage, minimum: int) -> None:
        super().__init__()
        self.setObjectName("PageView")
        self.image = image
        self.zoom = 1.0  # 1: the whole page
        self.centre = QPointF(0.5, 0.5)  # the point of the page (fractions) in the middle when zoomed
        self._pressed: QPointF | None = None
        self._dragged = False
        self.setMinimumSize(QSize(minimum * 707 // 1000, minimum))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _fit(self) -> float:
        room_w, room_h = self.width() - 2 * EDGE, self.height() - 2 * EDGE  # the edge and shadow show
        return max(1e-3, min(room_w / self.image.width(), room_h / self.image.height()))

    def page_rect(self) -> QRectF:
        if self.image.isNull():
            return QRectF()
        scale = self._fit() * self.zoom
        w, h = self.image.width() * scale, self.image.height() * scale
        if self.zoom == 1.0:
            return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)
        # the chosen point in the middle, but no desk showing where there is page to show (a
        # page narrower than the window, as in landscape, stays centred across it)
        x, y = _place(self.width(), w, self.centre.x()), _place(self.height(), h, self.centre.y())
        return QRectF(x, y, w, h)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed, self._dragged = event.position(), False

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._pressed = None  # a double tap zooms once: its second release is not a tap

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pressed is None:
            return
        moved = event.position() - self._pressed
        if not self._dragged and abs(moved.x()) + abs(moved.y()) < DRAG_PX:
            return
        self._dragged = True  # a swipe, zoomed or not, is not a tap
        if self.zoom == 1.0:
            return
        r = self.page_rect()
        self._centre_on(self.centre.x() - moved.x() / r.width(), self.centre.y() - moved.y() / r.height())
        self._pressed = event.position()
        self.update()

    def _centre_on(self, fx: float, fy: float) -> None:
        """Move the middle to (fx, fy) of the page, kept where the page can be put: a drag back
        from an edge moves the page at once, not after the finger has made up an overshoot."""
        scale = self._fit() * self.zoom
        w, h = self.image.width() * scale, self.image.height() * scale
        self.centre = QPointF(_reachable(fx, self.width(), w), _reachable(fy, self.height(), h))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pressed is not None and not self._dragged and not self.image.isNull():
            if self.zoom == 1.0:
                r = self.page_rect()
                at = event.position()
                # the preview's own pixels at most, and never less than twice the whole page
                self.zoom = max(2.0, min(ZOOM_MAX, 1.0 / self._fit()))
                self._centre_on((at.x() - r.x()) / r.width(), (at.y() - r.y()) / r.height())
            else:
                self.zoom = 1.0
            self.update()
        self._pressed = None

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
        # two lines beside the buttons, as tall as they are: the page keeps its room
        where = label(
            ui(tr("第 {page} 页 / 共 {pages} 页\n轻触页面放大", page=view.page, pages=view.pages)),
            "Body",
            wrap=False,
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
            role = action_role(key, view.actions)  # 重新选择 outlined beside 确认打印
            b = button(ui(text), partial(self.answer, Intent(key)), role=role, name=f"action_{key}")
            b.setMinimumWidth(self.metrics.mm(60))
            row.addWidget(b)
        row.addStretch(1)
        self.outer.addLayout(row)
