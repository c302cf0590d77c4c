"""Shared widgets: big buttons, the on-screen keypad, QR images."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QWidget


def button(text: str, on_click: Callable[[], None], role: str = "", name: str = "") -> QPushButton:
    b = QPushButton(text)
    if role:
        b.setProperty("role", role)
    if name:
        b.setObjectName(name)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if role == "tile":
        # long labels must not widen the window past a portrait screen: the grid decides the width
        b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
    b.clicked.connect(lambda _checked=False: on_click())  # drop `checked`: callers bind defaults
    return b


def label(text: str, name: str = "", wrap: bool = True, align: Qt.AlignmentFlag | None = None) -> QLabel:
    lab = QLabel(text)
    if name:
        lab.setObjectName(name)
    lab.setWordWrap(wrap)
    if align is not None:
        lab.setAlignment(align)
    return lab


def qr_pixmap(data: str, size: int) -> QPixmap:
    qr = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    qr.add_data(data)
    qr.make(fit=True)
    matrix = qr.get_matrix()
    n = len(matrix)
    img = QImage(n, n, QImage.Format.Format_Grayscale8)
    img.fill(255)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                img.setPixel(x, y, 0)
    return QPixmap.fromImage(
        img.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)
    )


class Keypad(QWidget):
    """Digits plus optional X (ID numbers), delete and clear; keys are at least 15 mm."""

    def __init__(self, on_key: Callable[[str], None], allowed: str, labels: dict[str, str]) -> None:
        super().__init__()
        grid = QGridLayout(self)
        grid.setSpacing(14)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "X" if "X" in allowed else "", "0", "del"]
        for i, key in enumerate(keys):
            if not key:
                continue
            text = labels.get(key, key)
            b = button(text, partial(on_key, key), role="key", name=f"key_{key}")
            grid.addWidget(b, i // 3, i % 3)


def tile_text(title: str, detail: str, reason: str, enabled: bool) -> str:
    lines = [title]
    if detail:
        lines.append(detail)
    if not enabled and reason:
        lines.append("⚠ " + reason)
    return "\n".join(lines)


def tile_grid(
    tiles: Sequence[tuple[str, str, Callable[[], Any], bool]], cols: int, height: int, spacing: int
) -> QGridLayout:
    """Large tiles (object name, text, on_click, enabled), `cols` to a row; off tiles stay visible."""
    grid = QGridLayout()
    grid.setSpacing(spacing)
    for i, (name, text, on_click, enabled) in enumerate(tiles):
        b = button(text, on_click, role="tile", name=name)
        b.setEnabled(enabled)
        b.setMinimumHeight(height)
        grid.addWidget(b, i // cols, i % cols)
    return grid
