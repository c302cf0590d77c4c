"""Overlays over the whole shell: the idle countdown, help, and the question before 首页 drops
a journey's work."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from core.text import tr
from kiosk.ui.i18n import ui
from kiosk.ui.theme import Metrics
from kiosk.ui.widgets import button, fit_one_line, label


class Overlay(QWidget):
    def __init__(self, parent: QWidget, metrics: Metrics) -> None:
        super().__init__(parent)
        self.metrics = metrics
        self.setObjectName("Overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.outer = outer = QVBoxLayout(self)
        self.card = QFrame()
        self.card.setObjectName("Card")
        self.card.setMaximumWidth(metrics.mm(200))
        outer.addStretch(1)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.box = QVBoxLayout(self.card)
        m = metrics.mm(10)
        self.box.setContentsMargins(m, m, m, m)
        self.box.setSpacing(metrics.mm(5))
        self.hide()

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.fit_card()
        self.raise_()
        self.show()

    def fit_card(self) -> None:
        """The card is as tall as its wrapped text needs at its real width (the layout sizes it
        from its preferred width, where fewer lines wrap, and squeezed the big count)."""
        margins = self.outer.contentsMargins()
        width = min(self.card.maximumWidth(), self.width() - margins.left() - margins.right())
        self.card.ensurePolished()
        self.card.setMinimumHeight(max(self.box.totalHeightForWidth(width), 0))


class IdleOverlay(Overlay):
    """ "还剩 N 秒": any touch (handled by the shell) keeps the session."""

    def __init__(self, parent: QWidget, metrics: Metrics, on_continue: Callable[[], None]) -> None:
        super().__init__(parent, metrics)
        center = Qt.AlignmentFlag.AlignHCenter
        self.title = label("", "Title", align=center)
        self.count = label("", "Big", align=center)
        self.hint = label("", "Body", align=center)
        self.button = button("", on_continue, name="continue")
        for w in (self.title, self.count, self.hint, self.button):
            self.box.addWidget(w)

    def update_count(self, seconds: int) -> None:
        self.title.setText(ui(tr("您还在吗？")))
        self.count.setText(ui(tr("还剩 {n} 秒", n=seconds)))
        # one line, as large as fits: at 150 px "还剩 13 秒" wrapped and its 秒 was cut off
        parent = self.parentWidget()
        room = min(self.card.maximumWidth(), parent.width() if parent is not None else 10**4)
        margins = self.box.contentsMargins()
        fit_one_line(self.count, self.metrics.font(150), room - margins.left() - margins.right() - 24)
        if self.isVisible():
            self.fit_card()
        self.hint.setText(ui(tr("本次办理即将结束，您的信息将被清除")))
        self.button.setText(ui(tr("继续办理")))


class HelpOverlay(Overlay):
    def __init__(self, parent: QWidget, metrics: Metrics) -> None:
        super().__init__(parent, metrics)
        self.title = label("", "Title", align=Qt.AlignmentFlag.AlignHCenter)
        self.body = label("", "Body")
        self.close_button = button("", self.hide, name="close_help")
        for w in (self.title, self.body, self.close_button):
            self.box.addWidget(w)

    def show_help(self, phone: str, step: str, way_out: str = "") -> None:
        """`step`: what to do on the current screen; `way_out`: how to leave it (the shell knows
        whether 首页 works there); then a person to call."""
        self.title.setText(ui(tr("帮助")))
        lines = [text for text in (step, way_out) if text]
        if phone:
            lines.append(ui(tr("需要人工帮助请拨打：{phone}", phone=phone)))
        self.body.setText("\n\n".join(lines))
        self.close_button.setText(ui(tr("关闭")))
        self.cover()


class LeaveOverlay(Overlay):
    """首页 pressed while a journey holds the citizen's work (a photo, fingerprints): 放弃 ends
    the journey, 继续办理 goes back to the screen under it with nothing lost. The same question
    and buttons as the journey's own give-up question, so one mistaken tap never costs the work."""

    def __init__(self, parent: QWidget, metrics: Metrics, on_leave: Callable[[], None]) -> None:
        super().__init__(parent, metrics)
        self.title = label("", "Title", align=Qt.AlignmentFlag.AlignHCenter)
        self.body = label("", "Body")
        row = QHBoxLayout()
        row.setSpacing(metrics.mm(5))
        self.leave_button = button("", on_leave, role="secondary", name="leave_discard")
        self.keep_button = button("", self.hide, name="leave_keep")
        row.addWidget(self.leave_button, 1)
        row.addWidget(self.keep_button, 1)
        self.box.addWidget(self.title)
        self.box.addWidget(self.body)
        self.box.addLayout(row)

    def ask(self, lost: str) -> None:
        self.title.setText(ui(tr("要放弃本次申请吗？")))
        self.body.setText(lost)
        self.leave_button.setText(ui(tr("放弃")))
        self.keep_button.setText(ui(tr("继续办理")))
        self.cover()
