"""The simulator panel (--simulate): each device's status and buttons to inject events and faults."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.app import Kiosk
from kiosk.home import DEVICE_NAMES
from kiosk.text import tr
from kiosk.ui.i18n import ui


class SimulatorPanel(QWidget):
    def __init__(self, kiosk: Kiosk) -> None:
        super().__init__()
        self.setWindowTitle(ui(tr("设备模拟器")))
        self.kiosk = kiosk
        self.status_labels: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        for kind, sim in kiosk.simulators.items():
            layout.addWidget(self._device_box(kind, sim))
        if not kiosk.simulators:
            layout.addWidget(QLabel(ui(tr("没有正在运行的模拟设备"))))
        layout.addStretch(1)
        self.setStyleSheet("QPushButton { min-height: 36px; font-size: 16px; } QLabel { font-size: 16px; }")
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(500)
        self.refresh()

    def _device_box(self, kind: str, sim: Any) -> QGroupBox:
        box = QGroupBox(ui(DEVICE_NAMES.get(kind, kind)))
        v = QVBoxLayout(box)
        status = QLabel()
        status.setObjectName(f"status_{kind}")
        self.status_labels[kind] = status
        v.addWidget(status)
        for control in sim.controls():
            row = QHBoxLayout()
            if control.text:
                field = QComboBox()
                field.setEditable(True)
                for value, _label in control.choices:
                    field.addItem(value)
                field.setObjectName(f"text_{kind}")
                b = QPushButton(ui(control.label))
                b.clicked.connect(lambda _=False, c=control, f=field: c.action(f.currentText()))
                row.addWidget(field, 1)
                row.addWidget(b)
            elif control.choices:
                combo = QComboBox()
                for value, text in control.choices:
                    combo.addItem(ui(text), value)
                b = QPushButton(ui(control.label))
                b.clicked.connect(lambda _=False, c=control, cb=combo: c.action(cb.currentData()))
                row.addWidget(combo, 1)
                row.addWidget(b)
            else:
                b = QPushButton(ui(control.label))
                b.clicked.connect(lambda _=False, c=control: c.action())
                row.addWidget(b)
            if control.group == "faults":
                b.setStyleSheet("color: #a61b1b;")
            v.addLayout(row)
        return box

    def refresh(self) -> None:
        for kind, lab in self.status_labels.items():
            st = self.kiosk.devices.status(kind)
            lab.setText(f"{st.state.value}  {ui(st.reason)}")
