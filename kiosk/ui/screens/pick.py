"""Tick options and/or write a line, then submit (reasons for a bad rating, what 办不成事 was).
The line is typed on the on-screen keyboard (kiosk/ui/keyboard.py: pinyin or letters), built
with the screen the first time a view has a text field."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from core.text import tr
from flows.views import Intent, Pick, Picked, View
from kiosk.ui.i18n import ui
from kiosk.ui.screens.base import Screen, overflow, screen_for
from kiosk.ui.widgets import button, label
from kiosk.ui.wrap_button import WrapButton

if TYPE_CHECKING:
    from kiosk.ui.keyboard import Keyboard


@screen_for(Pick)
class PickScreen(Screen):
    help = tr(
        "轻触选项选中它，再轻触一次取消；也可以用下方的键盘写几句话：输入拼音，在键盘上方选字，"
        "按“中/英”输入英文字母。选好后按“提交”。"
    )

    def build(self, view: Pick) -> None:
        win = self.window()
        landscape = win.width() > win.height()
        writes = bool(str(view.text_label))
        # the counter's 800x1280 pad: two columns cut the reasons; one column where it is tall
        # enough for them (a shorter window keeps two, so submit stays on the screen)
        narrow = not landscape and win.width() < 900 and win.height() >= 1200
        if landscape and writes:  # options and submit beside the keyboard: one column, if it fits
            cols = 1 if len(view.options) <= 8 else 2
        else:
            cols = 1 if narrow or (not landscape and len(view.options) <= 4) else 2
        grid = QGridLayout()
        grid.setSpacing(self.metrics.mm(3))
        self.group = QButtonGroup(self)
        self.group.setExclusive(not view.multiple)
        self.choices: dict[str, QPushButton] = {}
        for i, o in enumerate(view.options):
            b = WrapButton(ui(o.label))  # a long reason in English wraps, not cut at both ends
            b.setObjectName(f"pick_{o.key}")
            b.setProperty("role", "pick")
            b.setCheckable(True)
            b.toggled.connect(lambda _on: self._changed())
            self.group.addButton(b)
            self.choices[o.key] = b
            grid.addWidget(b, i // cols, i % cols)
        self.field: QLineEdit | None = None
        self.keyboard: Keyboard | None = None
        self.side_row: QHBoxLayout | None = None  # landscape keyboard: back goes beside submit
        row = QHBoxLayout()
        row.addStretch(1)
        self.submit = button(ui(view.submit), self.confirm, name="submit")
        row.addWidget(self.submit)
        if not writes:
            self.outer.addLayout(grid)
            self.outer.addLayout(row)
        else:
            from kiosk.ui.keyboard import Keyboard  # with the first screen that has a text field

            text = QVBoxLayout()
            text.setSpacing(self.metrics.mm(3))
            self.field = QLineEdit()
            self.field.setObjectName("text")
            self.field.setMaxLength(view.text_max)
            text.addWidget(label(ui(view.text_label), "Body"))
            self.field.setPlaceholderText(ui(tr("用下方的键盘输入")))
            self.field.textChanged.connect(lambda _t: self._changed())
            text.addWidget(self.field)
            # a small portrait screen (the counter's pad) cannot show options and keyboard at
            # once: the keyboard comes up when the field is touched, in the options' place
            compact = not landscape and win.height() < 1600
            self.keyboard = Keyboard(
                self.field,
                self.metrics,
                on_done=self._fold if compact else None,
                on_composing=lambda _letters: self._changed(),
            )
            text.addWidget(self.keyboard)
            if compact:
                self.field.setPlaceholderText(ui(tr("轻触这里输入")))
                self.keyboard.hide()
                self.field.installEventFilter(self)
            if landscape:
                left = QVBoxLayout()
                left.addLayout(grid)
                left.addStretch(1)
                left.addLayout(row)
                self.side_row = row
                side = QHBoxLayout()
                side.setSpacing(self.metrics.mm(8))
                side.addLayout(left, 1)
                side.addLayout(text, 2)  # eleven keys a row: the keyboard takes the room
                self.outer.addLayout(side)
            else:
                self.outer.addLayout(grid)
                self.outer.addLayout(text)
                self.outer.addLayout(row)
            self.field.setFocus()  # the cursor shows where the keys type
        if not view.can_go_back:  # no back row to push down: keep it all under the title
            self.outer.addStretch(1)
        self._changed()

    def show_view(self, view: View, answer: Callable[[Intent], None]) -> None:
        # the same question drawn again (language, elderly mode, the screen turned): what was
        # ticked and typed stays, not only the question
        kept = view.earlier if isinstance(view, Pick) else None  # back from the next step
        if view is self.view and self.view is not None:
            if self.keyboard is not None:
                self.keyboard.finish()  # the keyboard is built again: its pinyin goes in as typed
            kept = self.picked()
        super().show_view(view, answer)  # build(), then the back row
        if self.side_row is not None:
            self._back_beside_submit(self.side_row)
        self._fit_keyboard()
        if kept is not None:
            for key in kept.keys:
                if key in self.choices:
                    self.choices[key].setChecked(True)
            if self.field is not None:
                self.field.setText(kept.text)

    def _back_beside_submit(self, row: QHBoxLayout) -> None:
        """Landscape with the keyboard: the back button moves from its row under everything
        (Screen.show_view adds a stretch and that row last) to the left of submit, and the
        keys get that row's height."""
        last = self.outer.count() - 1
        tail, before = self.outer.itemAt(last), self.outer.itemAt(last - 1)
        back_row = tail.layout() if tail is not None and last >= 1 else None
        items = [back_row.itemAt(i) for i in range(back_row.count())] if back_row is not None else []
        widgets = [item.widget() for item in items if item is not None]
        back = next((w for w in widgets if w is not None and w.objectName() == "back"), None)
        if back_row is None or back is None or before is None or before.spacerItem() is None:
            return
        self.outer.takeAt(last)
        self.outer.takeAt(last - 1)
        back_row.removeWidget(back)
        row.insertWidget(0, back)
        self.outer.addStretch(1)  # under the two columns, as before

    def _fit_keyboard(self) -> None:
        """Shorter keys where the screen is short of room (elderly mode on a small screen): the
        rows would otherwise be squeezed over each other."""
        kb = self.keyboard
        if kb is None or kb.isHidden():
            return
        kb.set_key_height(kb.ideal)  # as tall as they would be, then as short as the room needs
        for _ in range(3):
            if (spill := overflow(self)) <= 0:
                return
            rows = 6  # the candidate bar and five rows of keys
            before = kb.key_height
            kb.set_key_height(before - -(-spill // rows))
            if kb.key_height == before:
                return

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_keyboard()  # the room settles after the first build (the header's height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.MouseButtonPress:
            self._unfold()
        return False

    def _unfold(self) -> None:
        """The keyboard up in the options' place (what is ticked stays ticked)."""
        if self.keyboard is not None and self.keyboard.isHidden():
            for b in self.choices.values():
                b.hide()
            self.keyboard.show()
            self._fit_keyboard()

    def _fold(self) -> None:
        if self.keyboard is not None:
            self.keyboard.finish()
            self.keyboard.hide()
            for b in self.choices.values():
                b.show()

    def picked(self) -> Picked:
        keys = tuple(k for k, b in self.choices.items() if b.isChecked())
        return Picked(keys, self.field.text().strip() if self.field is not None else "")

    def _changed(self) -> None:
        p = self.picked()
        composing = self.keyboard is not None and bool(self.keyboard.letters)
        self.submit.setEnabled(not self.view.required or bool(p.keys or p.text or composing))

    def confirm(self) -> None:
        if self.keyboard is not None:
            self.keyboard.finish()  # the pinyin still in the bar is part of what was written
        if self.submit.isEnabled():
            self.answer(Intent("ok", self.picked()))
