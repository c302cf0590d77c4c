"""The kiosk's window as kiosk mode opens it (frameless, stays on top, fitted to the screen) on
the X server in DISPLAY, showing the 办不成事 text screen: tests/ui/test_keyboard_on_x.py taps
it with xdotool. Every 100 ms it writes what the test needs to find and check to argv[2]: each
visible button's centre on the screen and text, and the field's text; the answer goes to argv[3].

    python tests/ui/keyboard_on_x_child.py TMP STATE.json ANSWER.json
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QPushButton

from flows.views import Intent
from kiosk.ui.app import application
from kiosk.ui.screen_fit import ScreenFit
from kiosk.ui.shell import Shell, install
from tests.ui.conftest import make_kiosk
from tests.ui.test_keyboard import VIEW

tmp, state_file, answer_file = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
app = application()
kiosk = make_kiosk(tmp)
shell = Shell(kiosk, kiosk_mode=True)
install(shell)
shell.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
fit = ScreenFit(shell, app)


def answered(intent: Intent) -> None:
    answer_file.write_text(json.dumps({"name": intent.name, "text": intent.value.text}), encoding="utf-8")
    QTimer.singleShot(200, lambda: app.exit(0))  # quit() asks the windows, and kiosk mode says no


def report() -> None:
    buttons = {
        b.objectName(): [*(lambda p: (p.x(), p.y()))(b.mapToGlobal(b.rect().center())), b.text()]
        for b in shell.findChildren(QPushButton)
        if b.isVisible() and b.objectName()
    }
    fields = [f.text() for f in shell.findChildren(QLineEdit, "text") if f.isVisible()]
    part = state_file.with_suffix(".part")
    part.write_text(
        json.dumps({"buttons": buttons, "field": fields[0] if fields else None}), encoding="utf-8"
    )
    os.replace(part, state_file)


QTimer.singleShot(300, lambda: shell.show_view(VIEW, answered))
timer = QTimer()
timer.timeout.connect(report)
timer.start(100)
app.exec()
timer.stop()
shell.shutdown()
kiosk.stop()
