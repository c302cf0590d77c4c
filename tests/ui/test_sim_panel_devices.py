"""Simulate mode brings up the fingerprint and code scanners on their simulators, with panel controls."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QPushButton

from devices.base import DeviceEvent, State
from tests.ui.conftest import simulated_kiosk

SHOTS = os.environ.get("KIOSK_SHOTS", "")  # a folder to keep the panel's picture in, to look at


def test_panel_scans_typed_text_and_places_a_finger(qtbot, tmp_path):
    from kiosk.ui.app import application
    from kiosk.ui.sim_panel import SimulatorPanel

    application()
    kiosk = simulated_kiosk(tmp_path, ["demo"])
    try:
        scanner, fingerprint = kiosk.devices["scanner"], kiosk.devices["fingerprint"]
        assert scanner.wait_until(lambda st: st.state is State.OK, 15), scanner.status
        assert fingerprint.wait_until(lambda st: st.state is State.OK, 15), fingerprint.status
        got: list[DeviceEvent] = []
        scanner.subscribe(lambda ev: got.append(ev) if ev.kind == "scanned" else None)
        panel = SimulatorPanel(kiosk)
        qtbot.addWidget(panel)
        panel.resize(520, 1400)
        field = panel.findChild(QComboBox, "text_scanner")
        assert field is not None and field.isEditable()
        field.setEditText("取件码 PICKUP-7")
        button = next(b for b in panel.findChildren(QPushButton) if b.text() in ("扫码", "Scan"))
        button.click()
        qtbot.waitUntil(lambda: [e.payload for e in got] == ["取件码 PICKUP-7"], timeout=10_000)
        sim = kiosk.simulators["fingerprint"]
        sim.pace = False
        sim.place("good")
        image = fingerprint.call(lambda d: d.capture("right_thumb"), timeout=20)
        assert image.quality >= 55
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            panel.grab().save(str(Path(SHOTS) / "sim_panel.png"))
    finally:
        kiosk.stop()
