"""Readers and scanners: each one's state, then lay a card or scan a code and see what it gave,
masked (the newest first)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from core.text import tr
from kiosk.maintenance.actions import Maintenance
from kiosk.maintenance.readers import FingerCheck, Reading, check
from kiosk.ui.i18n import ui
from kiosk.ui.maintenance.page import Page, state_line
from kiosk.ui.widgets import button, label

KEPT = 5


class ReadersPage(Page):
    key = "readers"
    title = tr("读卡扫码")
    finger: FingerCheck | None = None  # the fingerprint check, made at the first draw

    def reset(self) -> None:
        self.readings: list[Reading] = []
        if self.finger is not None:
            self.finger.cancel()  # a check left running by the staff before
        self.finger = None

    def render(self, maint: Maintenance, box: QVBoxLayout) -> None:
        rows = {r.kind: r for r in maint.devices()}
        shown = False
        for kind, hint in (
            ("idcard", tr("请把身份证放在读卡区，读到的内容显示在下方（已遮挡）")),
            ("scanner", tr("请把二维码或条码对准扫码口，扫到的内容显示在下方（已遮挡）")),
        ):
            if kind in rows:
                shown = True
                box.addWidget(label(state_line(rows[kind]), f"{kind}_state"))
                box.addWidget(label(ui(hint), "Hint"))
        if "fingerprint" in rows:
            shown = True
            box.addWidget(label(state_line(rows["fingerprint"]), "fingerprint_state"))
            if self.finger is None:
                self.finger = FingerCheck(maint, float(maint.kiosk.config["staff"]["finger_wait"]))
            finger = self.finger
            box.addWidget(
                label(ui(tr("按下按钮后把右手食指放在指纹仪上，显示图像质量（不保存指纹）")), "Hint")
            )
            if finger.running:
                box.addWidget(
                    button(
                        ui(tr("取消指纹检测")),
                        finger.cancel,  # the wait ends within a second; its outcome redraws
                        role="secondary",
                        name="fingerprint_cancel",
                    )
                )
            else:
                box.addWidget(
                    button(
                        ui(tr("测试指纹仪")),
                        lambda: self.panel.run(finger.start()),
                        name="fingerprint_check",
                    )
                )
        if not shown:
            box.addWidget(label(ui(tr("本机没有读卡器或扫码器")), "Hint"))
            return
        box.addWidget(label(ui(tr("检测结果")), "Title"))
        if not self.readings:
            box.addWidget(label(ui(tr("还没有读到内容")), "Hint"))
        for i, r in enumerate(self.readings):
            box.addWidget(label(ui(r.outcome.message), f"reading_{i}" if r.outcome.ok else "Error"))

    def device_event(self, maint: Maintenance, kind: str, payload: object) -> bool:
        reading = check(maint, kind, payload)
        if reading is None:
            return False
        self.readings = [reading, *self.readings][:KEPT]
        return True
