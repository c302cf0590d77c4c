"""Base of every screen: renders one view model, reports at most one intent per view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from core.text import Text, tr
from flows.views import BACK, Intent, View
from kiosk.ui.i18n import ui
from kiosk.ui.theme import Metrics
from kiosk.ui.widgets import button, clear, label, show_pending

SCREENS: dict[type, type[Screen]] = {}
#: actions that step back, give up or go round the step again: outlined, never drawn like the
#: way on beside them (the step's way on is the one filled button)
SECONDARY = frozenset({"cancel", "back", "discard", "other_finger", "retake", "no"})


def action_role(key: str, actions: tuple[tuple[str, Any], ...]) -> str:
    """A button's role among a view's actions: outlined when it goes back or round and another
    action goes on; filled otherwise (重新拍摄 alone is the way on, and looks it)."""
    way_on = any(k not in SECONDARY for k, _ in actions)
    return "secondary" if key in SECONDARY and way_on else ""


def screen_for(view_type: type) -> Callable[[type[Screen]], type[Screen]]:
    def register(cls: type[Screen]) -> type[Screen]:
        SCREENS[view_type] = cls
        return cls

    return register


def overflow(page: QWidget) -> int:
    """How many pixels the page's content is taller than the room its parent (the shell's
    stack) gives it; 0 or less when it fits."""
    room = page.parentWidget()
    layout = page.layout()
    if room is None or layout is None:
        return 0
    show_pending(page)
    need = layout.totalHeightForWidth(room.width()) if layout.hasHeightForWidth() else -1
    return (need if need >= 0 else layout.totalMinimumSize().height()) - room.height()


def fit_columns(page: QWidget, columns: range, build: Callable[[int], None]) -> None:
    """Lay out tiles in the fewest of `columns` that fits; when none fits, the one that
    overflows least."""
    spill = {}
    for cols in columns:
        build(cols)
        spill[cols] = overflow(page)
        if spill[cols] <= 0:
            return
    best = min(spill, key=lambda c: spill[c])
    if best != columns[-1]:
        build(best)


class Screen(QWidget):
    #: what Help says on this kind of screen when the view has no help of its own
    help: Text = tr("请按屏幕上的提示操作。")

    def __init__(self, metrics: Metrics) -> None:
        super().__init__()
        self.metrics = metrics
        self.view: Any = None
        self._answer: Callable[[Intent], None] | None = None
        self.outer = QVBoxLayout(self)
        m = metrics.mm(8)
        self.outer.setContentsMargins(m, m // 2, m, m)
        self.outer.setSpacing(metrics.mm(5))

    def show_view(self, view: View, answer: Callable[[Intent], None]) -> None:
        self.view = view
        self._answer = answer
        self.setEnabled(True)
        clear(self.outer)
        if str(view.title):
            self.outer.addWidget(label(ui(view.title), "Title", align=Qt.AlignmentFlag.AlignHCenter))
        self.build(view)
        if view.can_go_back:
            self.outer.addStretch(1)
            row = QHBoxLayout()
            row.addWidget(button(ui(tr("返回")), lambda: self.answer(BACK), role="secondary", name="back"))
            row.addStretch(1)
            self.outer.addLayout(row)

    def build(self, view: Any) -> None:
        raise NotImplementedError

    def answer(self, intent: Intent) -> None:
        """Report once: a second tap before the next view arrives is ignored."""
        if self._answer is None:
            return
        answer, self._answer = self._answer, None
        self.setEnabled(False)
        answer(intent)

    def deliver(self, intent: Intent) -> bool:
        """A device event or timeout for this view; False if the view no longer waits."""
        if self._answer is None:
            return False
        self.answer(intent)
        return True
