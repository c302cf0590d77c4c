"""Home: the services this kiosk offers, each available or off with the reason."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from core.text import Text, tr
from kiosk.home import Tile
from kiosk.ui.i18n import ui
from kiosk.ui.theme import BG, Metrics
from kiosk.ui.widgets import button, clear, label, show_pending, tile_grid

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent


class _Fade(QWidget):
    """Over the bottom of the scroll area while tiles lie below: the row the edge cuts fades
    into the background, so it reads as continuing, not as a tile sliced through its text."""

    def __init__(self, area: QScrollArea, height: int) -> None:
        super().__init__(area)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # taps reach the tiles
        self.setFixedHeight(height)
        self.hide()
        # placed now (made once the tiles spill, the area may not be resized again: left at Qt's
        # default, the fade covered the first tile's title and none lay over the edge) and at
        # every resize of the area
        self._place(area)
        area.installEventFilter(self)

    def _place(self, area: QWidget) -> None:
        self.setGeometry(0, area.height() - self.height(), area.width(), self.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self._place(watched)
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        # PySide makes each Qt class at its first use: these only when tiles spill
        from PySide6.QtGui import QColor, QLinearGradient, QPainter

        solid = QColor(BG)
        clear = QColor(BG)
        clear.setAlpha(0)
        fade = QLinearGradient(0, 0, 0, self.height())
        fade.setColorAt(0.0, clear)
        fade.setColorAt(0.8, solid)
        fade.setColorAt(1.0, solid)
        QPainter(self).fillRect(self.rect(), fade)


class HomeScreen(QWidget):
    """Title, the tiles in a page that scrolls by a swipe when they are more than the screen
    holds (eight services in elderly English were squeezed until their details were cut), and a
    "more" button under them while tiles lie below, and the elderly switch."""

    def __init__(
        self, metrics: Metrics, on_service: Callable[[str], None], on_elderly: Callable[[], None]
    ) -> None:
        super().__init__()
        self.metrics = metrics
        self.on_service = on_service
        self.on_elderly = on_elderly
        self.outer = QVBoxLayout(self)
        m = metrics.mm(8)
        self.outer.setContentsMargins(m, m // 2, m, m)
        self.outer.setSpacing(metrics.mm(5))
        self.tiles: list[Tile] = []
        self.elderly = False
        self._stale = False  # tiles given while hidden, laid out when the home shows
        self._laid_out: object = None  # what the tiles were last laid out from (_looks)

        self.title = label("", "Title", align=Qt.AlignmentFlag.AlignHCenter)
        self.outer.addWidget(self.title)
        self.notice = label("", "Notice", align=Qt.AlignmentFlag.AlignHCenter)
        self.notice.hide()
        self.outer.addWidget(self.notice)
        self.page = QWidget()
        self.page_box = QVBoxLayout(self.page)
        self.page_box.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setStyleSheet(
            "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"
        )
        # a finger scrolls, not a bar: the bar would steal width from the tiles
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.page)
        self._swipe = False  # the drag gesture is grabbed once there is something to scroll to
        self.outer.addWidget(self.scroll_area, 1)
        self.fade: _Fade | None = None  # made when tiles first spill: most homes never need it

        # its own row, centred under the tiles: beside the elderly switch it did not fit 768 wide
        self.more_cue = button("", self._scroll_on, role="secondary", name="more")
        self.outer.addWidget(self.more_cue, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        self.elderly_button = button("", self.on_elderly, role="secondary", name="elderly")
        row.addWidget(self.elderly_button)
        row.addStretch(1)
        self.outer.addLayout(row)
        bar = self.scroll_area.verticalScrollBar()
        # queued: the cue's own show or hide resizes the viewport, which changes the range
        queued = Qt.ConnectionType.QueuedConnection
        bar.rangeChanged.connect(self._show_cue, queued)
        bar.valueChanged.connect(self._show_cue, queued)
        self.more_cue.hide()

    def show_tiles(self, tiles: list[Tile], elderly: bool, notice: Text | None = None) -> None:
        """notice: what the citizen must do first (above the tiles), if anything."""
        self.tiles, self.elderly = tiles, elderly
        self.title.setText(ui(tr("请选择您要办理的业务")))
        self.notice.setText(ui(notice) if notice is not None else "")
        self.notice.setVisible(notice is not None)
        text = ui(tr("退出长者模式")) if elderly else ui(tr("长者模式（大字体、慢节奏）"))
        self.elderly_button.setText(text)
        self.more_cue.setText(ui(tr("更多业务 ▼")))
        if self.isVisible() and not self._stale and self._looks() == self._laid_out:
            # the shell asks again every few seconds: the same tiles built anew would throw a
            # citizen reading the lower ones back to the top, under a finger about to tap
            return
        if not self.isVisible():
            # laid out when it shows: only then is the window's shape (one column or three)
            # known. The shell's first home, built before its window is sized, was laid out for
            # a 640x480 window and then again at the real size before the first paint
            self._stale = True
            return
        self._lay_out()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._lay_out()

    def _looks(self) -> object:
        """Everything the tiles' layout depends on: their texts (in the current language), whether
        each is open, the elderly size, the notice above them and the window's size (this screen's
        own settles after a layout; the header's rows follow the window and the language)."""
        texts = tuple((t.key, ui(t.title), ui(t.detail), ui(t.reason), t.available) for t in self.tiles)
        return texts, self.elderly, self.notice.text(), self.window().size().toTuple()

    def to_top(self) -> None:
        """The first tiles in view, as a new visitor should find the home."""
        self.scroll_area.verticalScrollBar().setValue(0)

    def _lay_out(self) -> None:
        self._stale = False
        self._laid_out = self._looks()
        win = self.window()
        # one column in portrait: tile labels are long in English; more only if they do not fit.
        # When none fits without scrolling, the fewest columns: larger tiles, a swipe to the rest
        first = 1 if win.height() >= win.width() else 3
        self.more_cue.hide()  # measured without it; it shows again if the tiles spill
        if self.fade is not None:
            self.fade.hide()
        for cols in range(first, first + 2):
            self._build(cols)
            if self._spill() <= 0:
                break
        else:
            self._build(first)
            self._spill()  # lays it out, so the scroll range is the chosen one's
        self.scroll_area.verticalScrollBar().setValue(0)
        QTimer.singleShot(0, self._show_cue)  # once the scroll area has taken the new range

    def _build(self, cols: int) -> None:
        clear(self.page_box)
        items = [
            (
                f"service_{t.key}",
                ui(t.title),
                ui(t.detail),
                ui(t.reason),
                partial(self.on_service, t.key),
                t.available,
            )
            for t in self.tiles
        ]
        self.page_box.addLayout(tile_grid(items, cols, self.metrics.target * 2, self.metrics.mm(5)))
        self.page_box.addStretch(1)

    def _spill(self) -> int:
        """How many pixels the tiles are taller than the room the scroll area has."""
        show_pending(self.page)
        self.outer.invalidate()
        self.outer.activate()
        # the viewport's size (no frame, no scroll bars), asked without viewport(): PySide's first
        # wrapping of a widget Qt made resolves every QtWidgets class (~30 ms before the paint)
        room = self.scroll_area.maximumViewportSize()
        return self.page_box.totalHeightForWidth(room.width()) - room.height()

    def _show_cue(self, *_changed: int) -> None:
        bar = self.scroll_area.verticalScrollBar()
        more = bar.value() < bar.maximum()
        self.more_cue.setVisible(more)
        if more and self.fade is None:
            self.fade = _Fade(self.scroll_area, self.metrics.mm(14))
        if self.fade is not None:
            self.fade.setVisible(more)
            self.fade.raise_()
        if bar.maximum() > 0 and not self._swipe:
            # touch screens deliver a drag as mouse events; a tap still presses the tile. Only
            # now: Qt's first gesture set-up costs ~25 ms a home that fits need not wait for
            self._swipe = True
            from PySide6.QtWidgets import QScroller  # PySide makes the class (and its enums) now

            QScroller.grabGesture(
                self.scroll_area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
            )

    def _scroll_on(self) -> None:
        """A tap on "more" glides a screenful down, for whoever does not think to swipe."""
        bar = self.scroll_area.verticalScrollBar()
        target = min(bar.maximum(), bar.value() + bar.pageStep())
        from PySide6.QtWidgets import QScroller

        QScroller.scroller(self.scroll_area.viewport()).scrollTo(QPointF(0, target))
