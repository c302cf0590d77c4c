"""Tick options and/or write a line, then submit (reasons for a bad rating, what 办不成事 was)."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QSizePolicy

from core.text import tr
from flows.views import Intent, Pick, Picked
from kiosk.ui.i18n import ui
from kiosk.ui.screens.base import Screen, screen_for
from kiosk.ui.widgets import button, label


@screen_for(Pick)
class PickScreen(Screen):
    help = tr("轻触选项选中它，再轻触一次取消；也可以在下方写几句话。选好后按“提交”。")

    def build(self, view: Pick) -> None:
        win = self.window()
        cols = 1 if win.width() < win.height() and len(view.options) <= 4 else 2
        grid = QGridLayout()
        grid.setSpacing(self.metrics.mm(3))
        self.group = QButtonGroup(self)
        self.group.setExclusive(not view.multiple)
        self.choices: dict[str, QPushButton] = {}
        for i, o in enumerate(view.options):
            b = QPushButton(ui(o.label))
            b.setObjectName(f"pick_{o.key}")
            b.setProperty("role", "pick")
            b.setCheckable(True)
            b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
            b.toggled.connect(lambda _on: self._changed())
            self.group.addButton(b)
            self.choices[o.key] = b
            grid.addWidget(b, i // cols, i % cols)
        self.outer.addLayout(grid)
        self.field: QLineEdit | None = None
        if str(view.text_label):
            self.outer.addWidget(label(ui(view.text_label), "Body"))
            self.field = QLineEdit()
            self.field.setObjectName("text")
            self.field.setMaxLength(view.text_max)
            self.field.setPlaceholderText(ui(tr("轻触这里输入")))
            self.field.textChanged.connect(lambda _t: self._changed())
            self.outer.addWidget(self.field)
        row = QHBoxLayout()
        row.addStretch(1)
        self.submit = button(ui(view.submit), self.confirm, name="submit")
        row.addWidget(self.submit)
        self.outer.addLayout(row)
        if not view.can_go_back:  # no back row to push down: keep it all under the title
            self.outer.addStretch(1)
        self._changed()

    def picked(self) -> Picked:
        keys = tuple(k for k, b in self.choices.items() if b.isChecked())
        return Picked(keys, self.field.text().strip() if self.field is not None else "")

    def _changed(self) -> None:
        p = self.picked()
        self.submit.setEnabled(not self.view.required or bool(p.keys or p.text))

    def confirm(self) -> None:
        if self.submit.isEnabled():
            self.answer(Intent("ok", self.picked()))
