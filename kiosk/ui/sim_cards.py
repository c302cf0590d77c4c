"""The simulator panel's pickup box (--simulate): what staff and a stranger do at the locker in
`make run`. Staff load a finished card (an accepted application of the reference platform) the
way the maintenance page does, and shut the door on the simulated wall; the stranger scans the
slip the printer simulator printed last (its QR read from the receipt image)."""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from core.text import Text, tr
from kiosk.ui.bridge import Channel, channel
from kiosk.ui.i18n import ui


def ready_to_load(kiosk: Any) -> list[str]:
    """Accepted applications of the reference platform, newest first: cards staff may load."""
    servers = kiosk.reference_servers
    if servers is None:
        return []
    apps = list(servers.platform.apps.values())
    return [a.acceptance_no for a in reversed(apps) if a.state.value in ("accepted", "in_production")]


def load_and_shut(kiosk: Any, acc: str) -> Text:
    """Off the GUI thread: the card into the smallest free compartment, the door shut once the
    kiosk has seen it open, the platform told."""
    from hall.lockers import LockerError

    handover, wall = kiosk.services.get("handover"), kiosk.simulators.get("locker")
    if handover is None or wall is None:
        return tr("本机没有取件柜，或库存不可用")
    try:
        handed = handover.load(acc.strip(), "SIM")
    except LockerError as e:
        return tr("未能放入：{why}", why=e.reason)
    n = handed.compartment.number
    deadline = time.monotonic() + 10
    while not handover.lockers.get(n).door_seen_open and time.monotonic() < deadline:
        with handover.lockers.changed:
            handover.lockers.changed.wait(0.1)
    wall.close_door(n)
    outcome = handover.wait(handed, 15)
    told = outcome is not None and outcome.state == "done"
    return tr("已放入 {n} 号柜{told}", n=n, told=tr("，业务系统已登记") if told else Text(""))


def last_slip_code(kiosk: Any) -> str:
    """The QR of the receipt the printer simulator printed last ("" if none)."""
    import cv2

    from devices.scanner.qr import decode_image

    printer = kiosk.simulators.get("printer")
    path = printer.last_receipt if printer is not None else None
    if path is None:
        return ""
    image = cv2.imread(str(path))
    codes = decode_image(image) if image is not None else []
    return codes[0] if codes else ""


def pickup_box(kiosk: Any) -> QGroupBox:
    box = QGroupBox(ui(tr("证件领取（模拟工作人员和市民）")))
    v = QVBoxLayout(box)
    status = QLabel(ui(tr("先办理补换领，再放入取件柜，然后扫描回执领取")))
    status.setObjectName("status_pickup")
    status.setWordWrap(True)
    v.addWidget(status)
    said: Channel[Text] = channel(lambda text: status.setText(ui(text)), owner=box)
    row = QHBoxLayout()
    field = QComboBox()
    field.setEditable(True)
    field.setObjectName("text_pickup")

    def refresh() -> None:
        field.clear()
        field.addItems(ready_to_load(kiosk))

    def load() -> None:
        acc = field.currentText()
        if acc:
            status.setText(ui(tr("正在放入 {acc}", acc=acc)))
            threading.Thread(target=lambda: said.send(load_and_shut(kiosk, acc)), daemon=True).start()

    def scan() -> None:
        code = last_slip_code(kiosk)
        scanner = kiosk.simulators.get("scanner")
        if not code or scanner is None:
            status.setText(ui(tr("还没有打印过回执")))
            return
        scanner.scan(code)
        status.setText(ui(tr("已扫描最近打印的回执")))

    for text, action, name in (
        (tr("刷新"), refresh, "pickup_refresh"),
        (tr("放入取件柜"), load, "pickup_load"),
    ):
        b = QPushButton(ui(text))
        b.setObjectName(name)
        b.clicked.connect(action)
        row.addWidget(b)
    row.insertWidget(0, field, 1)
    v.addLayout(row)
    b = QPushButton(ui(tr("扫描最近打印的回执")))
    b.setObjectName("pickup_scan_slip")
    b.clicked.connect(scan)
    v.addWidget(b)
    refresh()
    return box
