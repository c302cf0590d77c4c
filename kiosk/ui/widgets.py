"""Shared widgets: big buttons, the on-screen keypad, QR images; emptying and measuring layouts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QGridLayout, QLabel, QLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap


def button(text: str, on_click: Callable[[], None], role: str = "", name: str = "") -> QPushButton:
    b = QPushButton(text)
    if role:
        b.setProperty("role", role)
    if name:
        b.setObjectName(name)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.clicked.connect(lambda _checked=False: on_click())  # drop `checked`: callers bind defaults
    return b


def label(text: str, name: str = "", wrap: bool = True, align: Qt.AlignmentFlag | None = None) -> QLabel:
    lab = QLabel(text)
    if name:
        lab.setObjectName(name)
    lab.setWordWrap(wrap)
    if align is not None:
        lab.setAlignment(align)
    return lab


def clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        w = item.widget()
        if w is not None:
            w.hide()  # deleteLater alone leaves it painted until the event loop runs
            w.setParent(None)
            w.deleteLater()
        elif (sub := item.layout()) is not None:
            clear(sub)


def show_pending(page: QWidget) -> None:
    """Polish the page and show the widgets just added to it, so its layout can be measured."""
    page.ensurePolished()  # the style sheet's font sizes decide the heights
    if page.isVisible():
        # a widget added to a visible page shows only when the event loop runs (Qt queues it),
        # and until then the layout leaves it out: a rebuilt home seemed to fit in one column
        for w in page.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if w.isHidden() and not w.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
                w.show()


def qr_pixmap(data: str, size: int) -> QPixmap:
    import qrcode  # on first use: the home screen never draws one
    from PySide6.QtGui import QImage, QPixmap  # PySide builds their classes when first named

    qr = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    qr.add_data(data)
    qr.make(fit=True)
    matrix = qr.get_matrix()
    n = len(matrix)
    img = QImage(n, n, QImage.Format.Format_Grayscale8)
    img.fill(255)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                img.setPixel(x, y, 0)
    return QPixmap.fromImage(
        img.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)
    )


class Keypad(QWidget):
    """Digits plus optional X (ID numbers), delete and clear; keys are at least 15 mm."""

    def __init__(self, on_key: Callable[[str], None], allowed: str, labels: dict[str, str]) -> None:
        super().__init__()
        grid = QGridLayout(self)
        grid.setSpacing(14)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "X" if "X" in allowed else "", "0", "del"]
        for i, key in enumerate(keys):
            if not key:
                continue
            text = labels.get(key, key)
            b = button(text, partial(on_key, key), role="key", name=f"key_{key}")
            grid.addWidget(b, i // 3, i % 3)


class Tile(QPushButton):
    """A large button whose title, detail and reason each wrap inside it: QPushButton's own text
    never wraps, so a long detail ("办理时间 08:30-12:00, 13:30-17:00") was cut at the edge."""

    def __init__(
        self, name: str, title: str, detail: str, reason: str, on_click: Callable[[], Any], enabled: bool
    ) -> None:
        super().__init__()
        self.setProperty("role", "tile")
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # long labels must not widen the window past a portrait screen: the grid decides the width
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        box = QVBoxLayout(self)
        box.setContentsMargins(28, 12, 28, 12)
        box.setSpacing(4)
        lines = [(title, "TileTitle"), (detail, "TileDetail")]
        if not enabled and reason:
            lines.append(("⚠ " + reason, "TileReason"))
        self.lines = [text for text, _ in lines if text]
        for text, role in lines:
            if text:
                lab = label(text, role)
                lab.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
                box.addWidget(lab)
        self.setAccessibleName("\n".join(self.lines))
        self.setEnabled(enabled)
        self.clicked.connect(lambda _checked=False: on_click())

    def text(self) -> str:
        """What the tile says, line by line (the button's own text is empty)."""
        return "\n".join(self.lines)

    # a button's size hint ignores its layout's wrapped labels: ask the layout, so a long
    # reason in a narrow tile (three columns, elderly, English) makes the tile taller, not cut
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        box = self.layout()
        need = box.totalHeightForWidth(width) if box is not None else 0
        return max(self.minimumHeight(), need)


def tile_grid(
    tiles: Sequence[tuple[str, str, str, str, Callable[[], Any], bool]], cols: int, height: int, spacing: int
) -> QGridLayout:
    """Large tiles (object name, title, detail, reason, on_click, enabled), `cols` to a row; off
    tiles stay visible with the reason."""
    grid = QGridLayout()
    grid.setSpacing(spacing)
    for i, (name, title, detail, reason, on_click, enabled) in enumerate(tiles):
        b = Tile(name, title, detail, reason, on_click, enabled)
        b.setMinimumHeight(height)
        grid.addWidget(b, i // cols, i % cols)
    for c in range(cols):
        grid.setColumnStretch(c, 1)
    return grid


class Spinner(QWidget):
    """The busy sign, drawn: the CJK font has no hourglass emoji, so "⏳" showed an empty box."""

    def __init__(self, size: int, colour: str) -> None:
        super().__init__()
        self.setFixedSize(size, size)
        self.colour = QColor(colour)
        self.angle = 0
        self._timer = QTimer(self)
        self._timer.setInterval(80)
        self._timer.timeout.connect(self._turn)

    def _turn(self) -> None:
        self.angle = (self.angle + 30) % 360
        self.update()

    def showEvent(self, event: Any) -> None:
        self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event: Any) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def paintEvent(self, event: Any) -> None:
        from PySide6.QtGui import QPainter, QPen  # classes PySide builds when first named: not for home

        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        pen_w = max(4, side // 10)
        rect = QRectF(pen_w / 2, pen_w / 2, side - pen_w, side - pen_w)
        faint = QColor(self.colour)
        faint.setAlpha(50)
        p.setPen(QPen(faint, pen_w))
        p.drawEllipse(rect)
        pen = QPen(self.colour, pen_w)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawArc(rect, -self.angle * 16, 100 * 16)  # a quarter-and-a-bit arc going round
        p.end()


def fit_one_line(lab: QLabel, max_px: int, width: int) -> None:
    """Largest font size up to max_px at which the label's text fits `width` on one line."""
    font = QFont(lab.font())
    font.setPixelSize(max_px)
    needed = QFontMetrics(font).horizontalAdvance(lab.text())
    px = max_px if needed <= width else max(12, int(max_px * width / needed))
    lab.setWordWrap(False)
    lab.setStyleSheet(f"font-size: {px}px;")
    lab.ensurePolished()
    lab.updateGeometry()  # the layout must hear of the new height now, not after a repolish
