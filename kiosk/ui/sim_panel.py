"""The simulator panel (--simulate): each device's status and buttons to inject events and faults."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.text import Text, tr
from kiosk.app import Kiosk
from kiosk.home import DEVICE_NAMES
from kiosk.ui.i18n import ui
from kiosk.ui.placement import SHORTCUT_ORDER, bring_forward
from kiosk.ui.sim_cards import pickup_box

SERVERS = "servers"  # the box of the platform and payment reference servers' faults
WINDOW_NAMES = {"kiosk": tr("自助机"), "counter": tr("柜台"), "pad": tr("评价器"), "board": tr("叫号屏")}


class StatusLine(QLabel):
    """One line that never widens the panel: a long status is elided, in full in the tooltip."""

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_full_text(self, text: str) -> None:
        if text != self._full:
            self._full = text
            self.setToolTip(text)
            self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.width(), 40)
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width))


class SimulatorPanel(QWidget):
    """Scrolls when the devices' controls are taller than the screen; never taller than it."""

    def __init__(self, kiosk: Kiosk) -> None:
        super().__init__()
        self.setWindowTitle(ui(tr("设备模拟器")))
        self.kiosk = kiosk
        self.status_labels: dict[str, StatusLine] = {}
        content = QWidget()
        self.content = layout = QVBoxLayout(content)
        for kind, sim in kiosk.simulators.items():
            layout.addWidget(self._box(kind, DEVICE_NAMES.get(kind, Text(kind)), sim))
        if "locker" in kiosk.simulators:
            layout.addWidget(pickup_box(kiosk))
        if kiosk.reference_servers is not None:
            layout.addWidget(self._box(SERVERS, tr("平台与支付（参考服务）"), kiosk.reference_servers))
        if not kiosk.simulators:
            layout.addWidget(QLabel(ui(tr("没有正在运行的模拟设备"))))
        layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(content)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        for combo in content.findChildren(QComboBox):
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel does not give it focus
            combo.installEventFilter(self)
        self.setStyleSheet("QPushButton { min-height: 36px; font-size: 16px; } QLabel { font-size: 16px; }")
        self.setMinimumWidth(
            content.sizeHint().width() + self.scroll_area.verticalScrollBar().sizeHint().width()
        )
        self._fit_screen()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(500)
        self.refresh()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """The wheel over a choice the user has not clicked scrolls the panel: it used to change
        the choice (the camera's scene, the payment code, the slip to load) while scrolling."""
        if event.type() == QEvent.Type.Wheel and isinstance(obj, QComboBox) and not obj.hasFocus():
            QApplication.sendEvent(self.scroll_area.verticalScrollBar(), event)
            return True
        return super().eventFilter(obj, event)

    def _fit_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            self.setMaximumHeight(screen.availableGeometry().height())

    def showEvent(self, event: Any) -> None:
        self._fit_screen()  # the screen it is shown on may differ from the primary one
        super().showEvent(event)

    def _box(self, kind: str, title: Text, sim: Any) -> QGroupBox:
        """A status line and a row per control of a simulator (or of the reference servers)."""
        box = QGroupBox(ui(title))
        v = QVBoxLayout(box)
        status = StatusLine()
        status.setObjectName(f"status_{kind}")
        self.status_labels[kind] = status
        v.addWidget(status)
        for i, control in enumerate(sim.controls()):
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
                combo.setObjectName(f"choices_{kind}_{i}")
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
            b.setObjectName(f"control_{kind}_{i}")
            if control.group == "faults":
                b.setStyleSheet("color: #a61b1b;")
            v.addLayout(row)
        return box

    def add_window_buttons(self, windows: Mapping[str, QWidget]) -> None:
        """A row that brings each window of this process forward (see kiosk/ui/placement.py)."""
        box = QGroupBox(ui(tr("窗口")))
        row = QHBoxLayout(box)
        for n, name in enumerate(SHORTCUT_ORDER, start=1):
            window = windows.get(name)
            if window is None:
                continue
            b = QPushButton(ui(WINDOW_NAMES[name]))
            b.setObjectName(f"window_{name}")
            b.setToolTip(f"Ctrl+{n}")
            b.clicked.connect(lambda _=False, w=window: bring_forward(w))
            row.addWidget(b)
        self.content.insertWidget(0, box)

    def refresh(self) -> None:
        for kind, lab in self.status_labels.items():
            if kind == SERVERS:
                lab.set_full_text(ui(self.kiosk.reference_servers.state()))
                continue
            st = self.kiosk.devices.status(kind)
            lab.set_full_text(f"{st.state.value}  {ui(st.reason)}")
