from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit

from core.text import tr
from flows.views import Entry, Intent
from kiosk.ui.i18n import ui
from kiosk.ui.screens.base import Screen, screen_for
from kiosk.ui.widgets import Keypad, button, label


@screen_for(Entry)
class EntryScreen(Screen):
    help = tr("用屏幕上的数字键输入，按“删除”改正一位，按“清空”重新输入，输完按“确认”。")

    def build(self, view: Entry) -> None:
        if str(view.label):
            self.outer.addWidget(label(ui(view.label), "Body"))
        self.field = QLineEdit()
        self.field.setObjectName("field")
        self.field.setReadOnly(True)  # typed only on the keypad: no system keyboard pops up
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outer.addWidget(self.field)
        self.error = label(ui(view.error), "Error")
        self.outer.addWidget(self.error)
        self.outer.addWidget(Keypad(self.key, view.allowed.upper(), {"del": ui(tr("删除"))}))
        row = QHBoxLayout()
        row.addWidget(button(ui(tr("清空")), lambda: self.field.clear(), role="secondary", name="clear"))
        self.ok = button(ui(tr("确认")), self.confirm, name="confirm")
        row.addWidget(self.ok)
        self.outer.addLayout(row)

    def key(self, key: str) -> None:
        text = self.field.text()
        if key == "del":
            self.field.setText(text[:-1])
        elif len(text) < self.view.max_length:
            self.field.setText(text + key)
        self.error.setText("")

    def confirm(self) -> None:
        value = self.field.text()
        if len(value) < self.view.min_length:
            self.error.setText(ui(tr("位数不足，请至少输入 {n} 位", n=self.view.min_length)))
            return
        self.answer(Intent("ok", value))
