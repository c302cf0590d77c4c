"""The PIN keypad behind the hidden gesture. It names nothing: a citizen who happens on the
gesture sees a keypad and a way home, no staff list and no hint of what lies behind it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from core.text import Text, tr
from kiosk.ui.i18n import ui
from kiosk.ui.widgets import Keypad, button, label

MAX_PIN = 12


class PinScreen(QWidget):
    def __init__(self, on_pin: Callable[[str], None], on_home: Callable[[], None]) -> None:
        super().__init__()
        self.on_pin = on_pin
        self.on_home = on_home
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(48, 32, 48, 32)
        self.outer.setSpacing(20)
        self.error_text: Text = Text("")
        self.build()

    def build(self) -> None:
        from kiosk.ui.screens.base import clear

        clear(self.outer)
        self.outer.addWidget(label(ui(tr("请输入密码")), "Title"))
        self.field = QLineEdit()
        self.field.setObjectName("pin")
        self.field.setReadOnly(True)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outer.addWidget(self.field)
        self.error = label(ui(self.error_text), "Error")
        self.outer.addWidget(self.error)
        self.outer.addWidget(Keypad(self.key, "", {"del": ui(tr("删除"))}))
        row = QHBoxLayout()
        row.addWidget(button(ui(tr("返回首页")), self.on_home, role="secondary", name="pin_home"))
        self.ok = button(ui(tr("确认")), self.confirm, name="pin_confirm")
        row.addWidget(self.ok)
        self.outer.addLayout(row)
        self.outer.addStretch(1)

    def reset(self) -> None:
        self.error_text = Text("")
        self.build()

    def show_error(self, text: Text) -> None:
        self.error_text = text
        self.field.clear()
        self.error.setText(ui(text))

    def key(self, key: str) -> None:
        text = self.field.text()
        if key == "del":
            self.field.setText(text[:-1])
        elif len(text) < MAX_PIN:
            self.field.setText(text + key)

    def confirm(self) -> None:
        pin = self.field.text()
        self.field.clear()
        self.on_pin(pin)
