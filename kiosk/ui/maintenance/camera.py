"""Camera: the live preview with the photo journey's guidance overlay (face outline, advice),
to check light and framing. Frames reach the view only through the GUI bridge (CameraView);
the guidance runs on its worker's thread; both stop when the page is left."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QVBoxLayout

from core.text import tr
from kiosk.maintenance.actions import Maintenance
from kiosk.ui.i18n import ui
from kiosk.ui.maintenance.page import Page, state_line
from kiosk.ui.widgets import label


class CameraPage(Page):
    key = "camera"
    title = tr("摄像头")

    def reset(self) -> None:
        self.view: Any = None
        self._worker: Any = None
        self._unsubscribe: list[Callable[[], None]] = []

    def render(self, maint: Maintenance, box: QVBoxLayout) -> None:
        device = maint.kiosk.devices.get("camera")
        row = next((r for r in maint.devices() if r.kind == "camera"), None)
        if device is None or row is None:
            box.addWidget(label(ui(tr("本机没有摄像头")), "Hint"))
            return
        # imported here: OpenCV and numpy are not needed before staff open this page
        from devices.camera.pipeline import GuidanceWorker
        from kiosk.ui.camera_view import CameraView

        box.addWidget(label(state_line(row), "camera_state"))
        box.addWidget(label(ui(tr("站在取景框前，按提示检查光线和位置；此处不拍照")), "Hint"))
        self.view = CameraView()
        window = self.panel.window()
        # a landscape screen has little height under the tabs: the whole preview stays in sight
        self.view.setMinimumHeight(480 if window.height() >= window.width() else 300)
        box.addWidget(self.view, 1)
        self._worker = GuidanceWorker(maint.kiosk.config.device("camera"), self.view.submit_analysis).start()
        self._unsubscribe = [device.subscribe(self.view.submit_frame), device.subscribe(self._worker.feed)]

    def leave(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        if self.view is not None:
            self.view.close_channels()
            self.view = None
        if self._worker is not None:
            self._worker.stop()
            self._worker = None
