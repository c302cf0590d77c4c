"""The live camera screen: preview, one spoken instruction at a time, 3-2-1, shutter.

Frames go from the camera device straight to the preview and to the guidance worker (both park
only the newest frame); analysis runs on the worker's thread, never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout

from core.text import tr
from flows.views import Capture, Intent
from kiosk.ui.bridge import channel
from kiosk.ui.i18n import ui
from kiosk.ui.screens.base import Screen, screen_for
from kiosk.ui.widgets import button


@screen_for(Capture)
class CaptureScreen(Screen):
    help = tr("请正对摄像头，按语音和屏幕提示调整，倒数结束后自动拍照。")
    kiosk: Any = None  # set by the shell: the camera device and its settings
    speak: Callable[[str], None] | None = None

    def __init__(self, metrics: Any) -> None:
        super().__init__(metrics)
        self._worker: Any = None
        self._unsubscribe: list[Callable[[], None]] = []
        # the guidance worker's chosen frame, handed to the GUI thread
        self._taken = channel(self._captured, owner=self)

    def build(self, view: Capture) -> None:
        # imported here: OpenCV and numpy cost a noticeable share of cold start, and only this
        # screen needs them
        from devices.camera.pipeline import GuidanceWorker
        from kiosk.ui.camera_view import CameraView

        self.stop_camera()
        self.camera = CameraView(speak=self.speak)
        self.camera.setMinimumHeight(self.metrics.mm(120))
        self.outer.addWidget(self.camera, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button(ui(tr("拍照")), self._shutter, name="shutter"))
        row.addStretch(1)
        self.outer.addLayout(row)
        device = self.kiosk.devices.get("camera") if self.kiosk is not None else None
        if device is None:
            return
        settings = self.kiosk.config.device("camera")
        self._worker = GuidanceWorker(settings, self._on_analysis).start()
        self._unsubscribe = [device.subscribe(self.camera.submit_frame), device.subscribe(self._worker.feed)]

    def _on_analysis(self, analysis: Any) -> None:  # the worker's thread
        self.camera.submit_analysis(analysis)
        if analysis.advice.capture:
            self._taken.send(analysis.frame)

    def _shutter(self) -> None:
        if self._worker is not None:
            self._worker.shutter()

    def _captured(self, frame: Any) -> None:
        if self._answer is not None:
            self.stop_camera()
            self.answer(Intent("captured", frame))

    def answer(self, intent: Intent) -> None:
        self.stop_camera()  # back or captured: the camera is not needed any more
        super().answer(intent)

    def stop_camera(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        camera = getattr(self, "camera", None)
        if camera is not None:
            camera.close_channels()
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    def hideEvent(self, event: Any) -> None:
        self.stop_camera()
        super().hideEvent(event)
