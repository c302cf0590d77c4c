"""The on-screen keyboard for free text (a touch-only kiosk has no other): pinyin typed on the
letter keys becomes Chinese picked from the candidate bar, or letters go in as they are (中/英),
plus digits, punctuation, space and delete. It types into a QLineEdit of the screen itself, so
nothing opens a window of its own (a frameless stays-on-top kiosk would hide it).

Built only when a screen with a text field is first shown; its pinyin table (kiosk/ui/pinyin.py,
about half a second to read) is read on a thread from then on, while the screen paints.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from core.text import tr
from kiosk.ui import theme
from kiosk.ui.i18n import language, ui
from kiosk.ui.pinyin import Candidate, Dictionary
from kiosk.ui.widgets import button, label

log = logging.getLogger(__name__)

_loaded: Dictionary | None = None
_loading: threading.Thread | None = None
_lock = threading.Lock()


def preload() -> None:
    """Start reading the pinyin table (once per process), without waiting for it."""
    global _loading
    with _lock:
        if _loaded is None and _loading is None:
            _loading = threading.Thread(target=_load, name="pinyin-table", daemon=True)
            _loading.start()


def _load() -> None:
    global _loaded
    try:
        table = Dictionary.load()
    except Exception:  # a bundle without its table: letters, digits and symbols still type
        log.exception("pinyin table not read: the keyboard offers no Chinese")
        table = Dictionary({}, {})
    with _lock:
        _loaded = table


def dictionary() -> Dictionary:
    """The pinyin table, waiting for the read preload() started."""
    preload()
    thread = _loading
    if thread is not None:
        thread.join()
    assert _loaded is not None
    return _loaded


SHORTEST = 64  # px: a key is never shorter, however little room the screen has
LETTER_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
DIGITS = "1234567890"
# the last keys of the letter rows, and the symbol page, per input language
PUNCT = {"zh": ("，", "。", "？！"), "en": (",", ".", "?!")}
SYMBOLS = {
    "zh": ("、：；“”（）《》", "—…·@#%&*+", "=/-_~￥"),
    "en": ("'\":;()<>[]", "-@#%&*+=/", "_~$\\|"),
}


class Keyboard(QWidget):
    """Types into `field`: a candidate bar over five rows of keys (digits and delete; three
    letter rows ending in punctuation, or the symbol page; symbols, 中/英, space)."""

    def __init__(
        self,
        field: QLineEdit,
        metrics: theme.Metrics,
        on_done: Callable[[], None] | None = None,
        on_composing: Callable[[str], None] | None = None,
    ) -> None:
        """`on_done`: a key to put the keyboard away (a small screen shows it only while typing).
        `on_composing`: the pinyin waiting in the bar changed (a submit it may enable); a plain
        call, not a signal emitted from Python (tests/ui/test_bridge.py)."""
        super().__init__()
        preload()
        self.setObjectName("Keyboard")
        self.field = field
        self.metrics = metrics
        self.on_done = on_done
        self.on_composing = on_composing
        self.lang = "en" if language() == "en" else "zh"  # a citizen reading English types it
        self.symbols = False
        self.shift = False
        self.letters = ""  # pinyin typed, not yet turned into characters
        self.candidates: list[Candidate] = []
        self.first = 0  # the candidate at the start of the bar's page
        self.last = 0  # the candidate after the bar's page
        self._drawing = False
        self.pages: list[int] = []  # starts of the pages before this one (for "previous")
        # words said while drawing (the window's language: a rating pad in English draws its
        # screen inside its own rendering(), not when a key is tapped later)
        self.words = {
            "delete": ui(tr("删除")),
            "space": ui(tr("空格")),
            "symbols": ui(tr("符号")),
            "letters": ui(tr("字母")),
            "lang": ui(tr("中/英")),
            "shift": ui(tr("大写")),
            "done": ui(tr("收起")),
            "hint_zh": ui(tr("中文：输入拼音，再在这里选字")),
            "hint_en": ui(tr("英文：直接输入字母")),
            "hint_symbols": ui(tr("符号：轻触即输入，按“字母”回到字母")),
        }
        # a quarter over the kiosk's touch target (15 mm, at least 72 px), elderly mode larger
        # still, where the screen has room: the screen shortens them to fit (set_key_height)
        elderly = 1.15 if metrics.scale > 1 else 1.0
        self.ideal = self.key_height = round(max(metrics.target, 72) * 1.25 * elderly)
        self.key_font = metrics.font(40)
        self.setStyleSheet(self._style())
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(metrics.mm(1.5))
        self.bar = QWidget()
        self.bar.setObjectName("CandidateBar")
        self.bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.bar.setFixedHeight(self.key_height + 12)
        self.bar_row = QHBoxLayout(self.bar)
        self.bar_row.setContentsMargins(8, 6, 8, 6)
        self.bar_row.setSpacing(8)
        box.addWidget(self.bar)
        self.keys = QVBoxLayout()
        self.keys.setSpacing(metrics.mm(1.5))
        box.addLayout(self.keys)
        self._draw_keys()
        self._draw_bar()

    def set_key_height(self, height: int) -> None:
        """Shorter keys (never below SHORTEST) where the screen has no room for these."""
        height = max(SHORTEST, min(self.ideal, height))
        if height == self.key_height:
            return
        self.key_height = height
        self.setStyleSheet(self._style())
        self.bar.setFixedHeight(self.key_height + 12)

    # ---- drawing ----

    def _style(self) -> str:
        f = self.metrics.font
        return f"""
        QPushButton[role="vkey"] {{ font-size: {self.key_font}px; background: {theme.WHITE}; color: #111827;
            border: 2px solid #c8d6ea; border-radius: 10px; padding: 0px;
            min-height: {self.key_height}px; max-height: {self.key_height}px; }}
        QPushButton[role="vkey"]:pressed {{ background: #dbe7f7; }}
        QPushButton[role="vfn"] {{ font-size: {f(30)}px; background: #e3eaf4; color: {theme.BLUE_DARK};
            border: 2px solid #c8d6ea; border-radius: 10px; padding: 0px;
            min-height: {self.key_height}px; max-height: {self.key_height}px; }}
        QPushButton[role="vfn"]:checked {{ background: {theme.BLUE}; color: {theme.WHITE}; }}
        QWidget#CandidateBar {{ background: {theme.WHITE}; border: 2px solid #c8d6ea; border-radius: 10px; }}
        QPushButton[role="cand"] {{ font-size: {f(40)}px; background: transparent; color: {theme.BLUE_DARK};
            border: none; border-radius: 8px; padding: 0px 14px; min-height: {self.key_height - 4}px; }}
        QPushButton[role="cand"]:pressed {{ background: #dbe7f7; }}
        QPushButton[role="page"] {{ font-size: {f(30)}px; background: #e3eaf4; color: {theme.BLUE_DARK};
            border: none; border-radius: 8px; padding: 0px; min-width: {self.key_height}px;
            min-height: {self.key_height - 4}px; }}
        QPushButton[role="page"]:disabled {{ color: #9aa3af; }}
        QLabel#Pinyin {{ font-size: {f(32)}px; color: {theme.TEXT}; }}
        QLabel#KeyboardHint {{ font-size: {f(26)}px; color: {theme.GREY}; }}
        """

    def _key(self, text: str, on_tap: Callable[[], None], name: str, role: str = "vkey") -> QPushButton:
        b = button(text, on_tap, role=role, name=name)
        b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        return b

    def _row(self, keys: Sequence[tuple[QWidget | None, int]]) -> None:
        """One row of keys, each with its width in quarter keys (None: a gap)."""
        row = QHBoxLayout()
        row.setSpacing(self.metrics.mm(1.2))
        for widget, width in keys:
            if widget is None:
                row.addStretch(width)
            else:
                row.addWidget(widget, width)
        self.keys.addLayout(row)

    def _draw_keys(self) -> None:
        from kiosk.ui.screens.base import clear

        clear(self.keys)
        w = self.words
        char = self._char_key
        self._row(
            [(char(d), 4) for d in DIGITS] + [(self._key(w["delete"], self.delete, "vk_delete", "vfn"), 6)]
        )
        if self.symbols:
            rows = SYMBOLS[self.lang]
            self._row([(char(c), 4) for c in rows[0]] + [(None, 6 + 4 * (10 - len(rows[0])))])
            self._row([(None, 2)] + [(char(c), 4) for c in rows[1]] + [(None, 4 + 4 * (10 - len(rows[1])))])
            self._row([(None, 6)] + [(char(c), 4) for c in rows[2]] + [(None, 4 * (10 - len(rows[2])))])
        else:
            comma, stop, marks = PUNCT[self.lang]
            self._row([(char(c), 4) for c in LETTER_ROWS[0]] + [(char(comma), 6)])
            self._row([(None, 2)] + [(char(c), 4) for c in LETTER_ROWS[1]] + [(char(stop), 8)])
            shift: tuple[QWidget | None, int] = (None, 6)
            if self.lang == "en":
                sb = self._key(w["shift"], self.toggle_shift, "vk_shift", "vfn")
                sb.setCheckable(True)
                sb.setChecked(self.shift)
                shift = (sb, 6)
            self._row(
                [shift] + [(char(c), 4) for c in LETTER_ROWS[2]] + [(char(c), 4) for c in marks] + [(None, 4)]
            )
        page = self._key(
            w["letters"] if self.symbols else w["symbols"], self.toggle_symbols, "vk_symbols", "vfn"
        )
        lang = self._key(w["lang"], self.toggle_lang, "vk_lang", "vfn")
        space = self._key(w["space"], self.space, "vk_space", "vkey")
        done = self._key(w["done"], self.on_done, "vk_done", "vfn") if self.on_done is not None else None
        self._row([(page, 8), (lang, 8), (space, 24), (done, 6)])
        self._show_new()

    def _show_new(self) -> None:
        """Keys added to a keyboard on screen show now, not when the event loop next runs (a tap
        right after a redraw would find no key)."""
        if self.isVisible():
            for w in self.findChildren(QWidget):
                if w.isHidden() and not w.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
                    w.show()

    def _char_key(self, c: str) -> QPushButton:
        shown = c.upper() if self.lang == "en" and self.shift else c
        # "&" alone marks a shortcut on a button and is not drawn: the & key showed blank
        return self._key(shown.replace("&", "&&"), partial(self.type_char, c), f"vk_{c}")

    def _draw_bar(self) -> None:
        self._drawing = True  # showing the new candidates may resize the keyboard: not again
        try:
            self._fill_bar()
        finally:
            self._drawing = False
        if self.on_composing is not None:
            self.on_composing(self.letters)

    def _fill_bar(self) -> None:
        from kiosk.ui.screens.base import clear

        clear(self.bar_row)
        if not self.letters:
            hint = self.words["hint_symbols"] if self.symbols else self.words[f"hint_{self.lang}"]
            words = label(hint, "KeyboardHint")  # wraps rather than widen a narrow screen
            words.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.bar_row.addWidget(words, 1)  # the whole bar: a stretch beside it halved it
            self._show_new()
            return
        self.pinyin = label(self._spelled(), "Pinyin", wrap=False)
        self.bar_row.addWidget(self.pinyin)
        prev = button("◀", self.previous_page, role="page", name="cand_prev")
        nxt = button("▶", self.next_page, role="page", name="cand_next")
        room = self._room(prev)
        font = QFont(self.font())
        font.setPixelSize(self.metrics.font(40))
        fm = QFontMetrics(font)
        used, shown = 0, 0
        for i in range(self.first, len(self.candidates)):
            text = self.candidates[i].text
            width = min(room, fm.horizontalAdvance(text) + 28 + 8)
            if shown and used + width > room:
                break
            if width == room:  # a phrase longer than the bar: its end elided, never a wider bar
                text = fm.elidedText(text, Qt.TextElideMode.ElideRight, room - 36)
            b = button(text, partial(self.choose, i), role="cand", name=f"cand_{i - self.first}")
            b.setFixedWidth(width - 8)  # the bar's spacing is the 8 left
            self.bar_row.addWidget(b)
            used += width
            shown += 1
        self.last = self.first + shown
        self.bar_row.addStretch(1)
        prev.setEnabled(self.first > 0)
        nxt.setEnabled(self.last < len(self.candidates))
        self.bar_row.addWidget(prev)
        self.bar_row.addWidget(nxt)
        self._show_new()

    def _room(self, page_button: QPushButton) -> int:
        """Pixels the candidates may take in the bar: its width less the pinyin and page keys."""
        width = self.width() if self.width() > 100 else self.sizeHint().width()
        self.pinyin.ensurePolished()
        return max(200, width - 16 - self.pinyin.sizeHint().width() - 2 * (self.key_height + 8) - 16)

    def _spelled(self) -> str:
        """The letters typed, cut into the syllables they were read as ("zhong'guo")."""
        pieces = dictionary().segment(self.letters)
        spelled = "'".join(pieces) + self.letters[sum(map(len, pieces)) :]
        keep = 16 if self.width() >= 900 else 9  # the end, where typing is, as the bar holds
        return spelled if len(spelled) <= keep else "…" + spelled[1 - keep :]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.letters and not self._drawing and event.size().width() != event.oldSize().width():
            self._draw_bar()  # as many candidates as the new width holds

    # ---- keys ----

    def type_char(self, c: str) -> None:
        if self.lang == "zh" and not self.symbols and c.isascii() and c.isalpha():
            if len(self.letters) < 40:
                self.letters += c
                self._composed()
            return
        if self.letters:
            self.commit_first()
        self._insert(c.upper() if self.lang == "en" and self.shift else c)
        if self.shift:
            self.shift = False
            self._draw_keys()

    def delete(self) -> None:
        if self.letters:
            self.letters = self.letters[:-1]
            self._composed()
        else:
            self.field.backspace()

    def space(self) -> None:
        if self.letters:
            self.commit_first()
        else:
            self._insert(" ")

    def toggle_lang(self) -> None:
        self.finish()
        self.lang = "en" if self.lang == "zh" else "zh"
        self.shift = False
        self._draw_keys()
        self._draw_bar()

    def toggle_symbols(self) -> None:
        if self.letters:
            self.commit_first()
        self.symbols = not self.symbols
        self._draw_keys()
        self._draw_bar()

    def toggle_shift(self) -> None:
        self.shift = not self.shift
        self._draw_keys()

    # ---- candidates ----

    def choose(self, index: int) -> None:
        """Put the candidate in the field; letters it did not use stay for the next choice."""
        if not 0 <= index < len(self.candidates):
            return
        picked = self.candidates[index]
        self.letters = self.letters[picked.letters :]
        self._insert(picked.text)
        self._composed()

    def commit_first(self) -> None:
        """Space with pinyin typed: the first candidate, or the letters when nothing matches."""
        if self.candidates:
            self.choose(0)
        if self.letters and not self.candidates:
            self._insert(self.letters)
            self._reset()
            self._draw_bar()

    def finish(self) -> None:
        """Pinyin left waiting goes in as the letters typed, as Enter does in a Chinese input
        method: a submit, or the keyboard put away, never drops the citizen's words."""
        if self.letters:
            self._insert(self.letters)
            self._reset()
            self._draw_bar()

    def next_page(self) -> None:
        if self.last < len(self.candidates):
            self.pages.append(self.first)
            self.first = self.last
            self._draw_bar()

    def previous_page(self) -> None:
        if self.pages:
            self.first = self.pages.pop()
            self._draw_bar()

    def _composed(self) -> None:
        self.candidates = dictionary().candidates(self.letters) if self.letters else []
        self.first, self.pages = 0, []
        self._draw_bar()

    def _reset(self) -> None:
        self.letters, self.candidates, self.first, self.pages = "", [], 0, []

    def _insert(self, text: str) -> None:
        self.field.insert(text)

    def shown_candidates(self) -> list[str]:
        """What the bar offers now (tests, the demo)."""
        return [b.text() for b in self.bar.findChildren(QPushButton) if b.property("role") == "cand"]


__all__ = ["Keyboard", "dictionary", "preload"]
