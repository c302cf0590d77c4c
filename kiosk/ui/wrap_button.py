"""A button whose text wraps, for choices whose words can be long (a rating's reasons in English).

Its own module: QStyle and the text layout classes it draws with make PySide build several
hundred enum members when first imported (~50 M instructions), which the first painted home,
importing kiosk.ui.widgets, does not need.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QStylePainter


class WrapButton(QPushButton):
    """A button whose own text wraps onto more lines where its column is narrow: QPushButton
    draws one line and cuts it at both ends ("The self-service machine was hard to use" in a
    portrait column). text() stays the whole text; the style sheet still draws it (checked too)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)  # the grid decides the width, the text the height

    def _option(self, rect: QRect, text: str) -> QStyleOptionButton:
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        opt.rect = rect
        opt.text = text
        return opt

    def _layout(self, room: int, anywhere: bool) -> QTextLayout:
        layout = QTextLayout(self.text(), self.font())
        option = QTextOption()
        option.setWrapMode(
            QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if anywhere else QTextOption.WrapMode.WordWrap
        )
        layout.setTextOption(option)
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(room)
        layout.endLayout()
        return layout

    def lines(self, width: int | None = None) -> list[str]:
        """The text as drawn in a button `width` wide (its own width by default), line by line:
        broken between words (between characters in Chinese), a word too long for any line
        broken inside it, never cut."""
        opt = self._option(QRect(0, 0, self.width() if width is None else width, self.height()), "")
        room = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, self).width()
        layout = self._layout(max(1, room), anywhere=True)
        text = self.text()
        spans = (layout.lineAt(i) for i in range(layout.lineCount()))
        return [text[ln.textStart() : ln.textStart() + ln.textLength()].strip() for ln in spans]

    def _around(self, content: QSize) -> QSize:
        """The button's size around text `content` big: the style sheet's border and padding on."""
        opt = self._option(QRect(QPoint(0, 0), content), "")
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, opt, content, self)
        return size.expandedTo(self.minimumSize())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        text = "\n".join(self.lines(width))
        return self._around(self.fontMetrics().size(0, text)).height()

    def sizeHint(self) -> QSize:
        # as wide as its longest word (narrower would break inside it), as tall as its text
        widest = int(self._layout(1, anywhere=False).maximumWidth()) + 1
        return QSize(self._around(QSize(widest, 1)).width(), self.heightForWidth(self.width()))

    def paintEvent(self, _event: Any) -> None:
        painter = QStylePainter(self)
        painter.drawControl(
            QStyle.ControlElement.CE_PushButton, self._option(self.rect(), "\n".join(self.lines()))
        )
        painter.end()
