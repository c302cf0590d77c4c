"""`make run`'s way to the locker: on the simulator panel staff load an accepted application's
card (the door opens and is shut on the simulated wall, the platform hears it is ready), and the
slip the printer simulator printed last is scanned by the scanner simulator."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

from backends.platform.api import AppState
from devices.base import DeviceEvent, State
from tests.pickup.support import accepted
from tests.ui.conftest import simulated_kiosk

SLIP = {
    "hall": "政务服务中心",
    "service_name": "居民身份证到期换领",
    "application_no": "",
    "name": "王**",
    "id_number": "360426********0071",
    "fee": "20.00",
    "order_no": "ORD123456",
    "paid_at": "2026-01-05 09:00",
    "pickup_after": "2026-01-20",
    "pickup_place": "自助取证机",
    "qr": "",
}


def test_staff_load_from_the_panel_and_the_printed_slip_is_scanned(qtbot, tmp_path):
    from kiosk.ui.app import application
    from kiosk.ui.sim_panel import SimulatorPanel

    application()
    kiosk = simulated_kiosk(tmp_path, ["pickup"])
    try:
        for kind in ("locker", "scanner", "printer"):
            assert kiosk.devices[kind].wait_until(lambda s: s.state is State.OK, 15)
        platform = kiosk.services["platform"]
        acc = accepted(platform)
        panel = SimulatorPanel(kiosk)
        qtbot.addWidget(panel)
        panel.findChild(QPushButton, "pickup_refresh").click()
        field = panel.findChild(QComboBox, "text_pickup")
        assert field.currentText() == acc  # the newest accepted application first
        panel.findChild(QPushButton, "pickup_load").click()
        status = panel.findChild(QLabel, "status_pickup")
        qtbot.waitUntil(lambda: "业务系统已登记" in status.text(), timeout=30_000)
        n = kiosk.services["lockers"].find(acc).number
        assert f"已放入 {n} 号柜" in status.text() and kiosk.simulators["locker"].door_closed(n)
        assert platform.status(acc).state == AppState.READY

        got: list[DeviceEvent] = []
        kiosk.devices["scanner"].subscribe(lambda ev: got.append(ev) if ev.kind == "scanned" else None)
        panel.findChild(QPushButton, "pickup_scan_slip").click()
        assert "还没有打印过回执" in status.text()
        code = f"ZJ1.{acc}.20260105.K01.sig"
        printed = kiosk.devices["printer"].call(
            lambda d: d.print_layout("reissue_receipt", {**SLIP, "application_no": acc, "qr": code}), 30
        )
        assert printed.completed
        panel.findChild(QPushButton, "pickup_scan_slip").click()
        qtbot.waitUntil(lambda: [e.payload for e in got] == [code], timeout=10_000)
    finally:
        kiosk.stop()
