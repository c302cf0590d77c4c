"""The ID number keypad at both screen sizes: every key whole and at least a touch target tall,
nothing under the field or the confirm row cut off."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QPushButton

from flows import reissue
from kiosk.ui.widgets import Keypad

SHOTS = Path(os.environ.get("KIOSK_SHOTS", "/work/shots/reissue"))
ID_ENTRY = replace(reissue.ID_ENTRY, error=reissue.WRONG_NUMBER)  # the reissue's keypad, with its error


def on_shell(shell, w: QPushButton) -> QRect:
    return QRect(w.mapTo(shell, w.rect().topLeft()), w.size())


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_every_key_is_whole_and_a_full_touch_target(qtbot, shell, size):
    shell.resize(*size)
    shell.show_view(ID_ENTRY, lambda i: None)
    shell._rerender()
    QApplication.processEvents()
    stack = QRect(shell.stack.mapTo(shell, shell.stack.rect().topLeft()), shell.stack.size())
    [keypad] = [k for k in shell.findChildren(Keypad) if k.isVisible()]
    keys = [b for b in keypad.findChildren(QPushButton) if b.isVisible()]
    assert len(keys) == 12
    target = shell.metrics.target
    for b in keys:
        assert keypad.rect().contains(b.geometry()), (b.objectName(), b.geometry(), keypad.rect())
        assert b.height() >= target, (b.objectName(), b.height(), target)
        assert stack.contains(on_shell(shell, b)), b.objectName()
    for name in ("clear", "confirm", "back"):
        [b] = [b for b in shell.findChildren(QPushButton, name) if b.isVisible()]
        assert stack.contains(on_shell(shell, b)), name
        # nothing drawn over a key: the buttons below (or beside) the keypad do not overlap it
        assert not any(on_shell(shell, b).intersects(on_shell(shell, k)) for k in keys), name
    SHOTS.mkdir(parents=True, exist_ok=True)
    shell.grab().save(str(SHOTS / f"keypad-{size[0]}x{size[1]}.png"))
