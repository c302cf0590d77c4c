"""The simulator panel (--simulate) fits the screen, scrolls, and keeps its size whatever a
device's status line says."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from core.text import Text
from devices.base import DeviceStatus, State
from kiosk.ui.sim_panel import SimulatorPanel
from tests.ui.conftest import simulated_kiosk


def test_panel_is_never_taller_than_the_screen_and_scrolls(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    kiosk = simulated_kiosk(tmp_path, ["queue", "photo", "demo"])
    try:
        panel = SimulatorPanel(kiosk)
        qtbot.addWidget(panel)
        panel.resize(480, 5000)  # asked for more than any screen has
        panel.show()
        qtbot.waitExposed(panel)
        screen_h = panel.screen().availableGeometry().height()
        assert panel.height() <= screen_h
        bar = panel.scroll_area.verticalScrollBar()
        qtbot.waitUntil(lambda: bar.isVisible() and bar.maximum() > 0, timeout=10_000)
        size = panel.size()

        long = "设备无应答：" + "很长的状态说明" * 80 + " " + "x" * 400
        kiosk.devices.status = lambda _kind: DeviceStatus(State.OFFLINE, Text(long))  # type: ignore[method-assign]
        panel.refresh()
        qtbot.waitUntil(lambda: panel.status_labels["printer"].full_text().endswith("x" * 400))
        QApplication.processEvents()  # deliver the relayout, had the line asked for one
        assert panel.size() == size
        line = panel.status_labels["printer"]
        assert long in line.toolTip() and line.text() != line.toolTip() and "…" in line.text()
    finally:
        kiosk.stop()


def test_the_wheel_scrolls_the_panel_instead_of_changing_a_choice(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Scrolling down to the fingerprint reader turned the camera's scene to 两个人 on the way."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QComboBox

    kiosk = simulated_kiosk(tmp_path, ["queue", "photo", "demo"])
    try:
        panel = SimulatorPanel(kiosk)
        qtbot.addWidget(panel)
        panel.resize(480, 600)
        panel.show()
        qtbot.waitExposed(panel)
        bar = panel.scroll_area.verticalScrollBar()
        qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=10_000)
        combos = [c for c in panel.findChildren(QComboBox) if not c.isEditable() and c.count() > 1]
        assert combos
        before = [c.currentIndex() for c in combos]
        for combo in combos:
            mid = QPointF(combo.rect().center())
            down = QWheelEvent(
                mid,
                QPointF(combo.mapToGlobal(mid.toPoint())),
                QPoint(0, 0),
                QPoint(0, -120),
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
                Qt.ScrollPhase.NoScrollPhase,
                False,
            )
            QApplication.sendEvent(combo, down)
        assert [c.currentIndex() for c in combos] == before
        assert bar.value() > 0  # the panel scrolled instead
    finally:
        kiosk.stop()
