from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout

from core.text import Text, tr
from devices.idcard.record import is_valid_id
from flows.views import Entry, Intent
from kiosk.ui.i18n import ui
from kiosk.ui.screens.base import Screen, screen_for
from kiosk.ui.widgets import Keypad, button, label


@screen_for(Entry)
class EntryScreen(Screen):
    help = tr("用屏幕上的数字键输入，按“删除”改正一位，按“清空”重新输入，输完按“确认”。")

    def build(self, view: Entry) -> None:
        form = QVBoxLayout()
        form.setSpacing(self.metrics.mm(5))
        if str(view.label):
            form.addWidget(label(ui(view.label), "Body"))
        self.field = QLineEdit()
        self.field.setObjectName("field")
        self.field.setReadOnly(True)  # typed only on the keypad: no system keyboard pops up
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form.addWidget(self.field)
        self.error = label(ui(view.error), "Error")
        form.addWidget(self.error)
        keypad = Keypad(self.key, view.allowed.upper(), {"del": ui(tr("删除"))})
        row = QHBoxLayout()
        row.addWidget(button(ui(tr("清空")), self.clear_field, role="secondary", name="clear"))
        self.ok = button(ui(tr("确认")), self.confirm, name="confirm")
        row.addWidget(self.ok)
        window = self.window()
        if window.width() > window.height():
            # landscape: a keypad under the field leaves its last row less than a key's height
            # (clipped at 1920x1080); beside the field every key keeps its full size
            form.addStretch(1)
            form.addLayout(row)
            side = QHBoxLayout()
            side.setSpacing(self.metrics.mm(8))
            side.addLayout(form, 1)
            side.addWidget(keypad, 1)
            self.outer.addLayout(side)
        else:
            form.addWidget(keypad)
            form.addLayout(row)
            self.outer.addLayout(form)

    def clear_field(self) -> None:
        self.field.clear()
        self.error.setText("")
        self.ok.setEnabled(True)

    def key(self, key: str) -> None:
        text = self.field.text()
        if key == "del":
            self.field.setText(text[:-1])
        elif len(text) < self.view.max_length:
            self.field.setText(text + key)
        self.error.setText(ui(why) if (why := self.problem(self.field.text())) else "")
        self.ok.setEnabled(why is None)

    def problem(self, value: str) -> Text | None:
        """What is wrong with the value as typed so far (the check character once it is whole)."""
        if self.view.check != "id_number":
            return None
        if "X" in value[:-1] or (len(value) < 18 and value.endswith("X")):
            return tr("只有最后一位可以是 X")
        if len(value) == 18 and not is_valid_id(value):
            return tr("号码有误（校验位或出生日期不对），请核对后修改")
        return None

    def confirm(self) -> None:
        value = self.field.text()
        if self.problem(value) is not None:
            return
        if len(value) < self.view.min_length:
            self.error.setText(ui(self.too_short()))
            return
        self.answer(Intent("ok", value))

    def too_short(self) -> Text:
        """Digits said as digits; a number of one length asked for as that length, not "at least"."""
        v = self.view
        if not v.allowed.isdigit():  # an ID number's last character may be X
            return tr("位数不足，请至少输入 {n} 位", n=v.min_length)
        if v.min_length == v.max_length:
            return tr("位数不足，请输入 {n} 位数字", n=v.min_length)
        return tr("位数不足，请至少输入 {n} 位数字", n=v.min_length)
