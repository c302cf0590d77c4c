"""The live camera preview with the guidance text and the 3-2-1 countdown.

Frames and analysis results arrive from worker threads through submit_frame/submit_analysis,
which hand them to the GUI bridge keeping only the newest: a slow screen skips frames rather
than queueing them. The GUI thread converts the newest frame to a QImage
and paints it; all image analysis happens in devices.camera.pipeline.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from core.text import Text
from devices.base import DeviceEvent
from devices.camera.capture import Frame
from kiosk.ui.bridge import channel
from kiosk.ui.i18n import ui


class CameraView(QWidget):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        mirror: bool = True,
        speak: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cameraView")
        self.mirror = mirror  # a mirror image is what people expect to see of themselves
        self._speak = speak
        self._lock = threading.Lock()
        self._frames = channel(self._show_frame, newest=True, owner=self)
        self._advice = channel(self._show_advice, newest=True, owner=self)
        self._image: QImage | None = None
        self.text: Text | None = None
        self.countdown: int | None = None
        self.frames_received = 0
        self.frames_shown = 0
        self.shown_seq = 0
        self.setMinimumSize(320, 180)

    # ---- any thread ----
    def submit_frame(self, item: Frame | DeviceEvent) -> None:
        if isinstance(item, DeviceEvent):
            if item.kind != "frame":
                return
            item = item.payload
        assert isinstance(item, Frame)
        with self._lock:
            self.frames_received += 1
        self._frames.send(item)

    def submit_analysis(self, analysis: Any) -> None:
        """A devices.camera.pipeline.Analysis (or anything with an `advice`)."""
        self._advice.send(analysis.advice)

    def close_channels(self) -> None:
        """Frames still on their way are dropped (the screen is leaving)."""
        self._frames.close()
        self._advice.close()

    # ---- GUI thread ----
    def _show_frame(self, frame: Frame) -> None:
        img = frame.image
        h, w = img.shape[:2]
        # copy(): the QImage must own its pixels, the frame's buffer belongs to the camera
        self._image = QImage(img.data, w, h, int(img.strides[0]), QImage.Format.Format_BGR888).copy()
        self.frames_shown += 1
        self.shown_seq = frame.seq
        self.update()

    def _show_advice(self, advice: Any) -> None:
        self.countdown = advice.countdown
        if advice.text != self.text or advice.speak:
            self.text = advice.text
            if advice.speak and self._speak is not None:
                self._speak(ui(advice.text))
        self.update()

    def clear(self) -> None:
        self._image, self.text, self.countdown = None, None, None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.fillRect(self.rect(), QColor(20, 24, 30))
        target = QRectF(self.rect())
        if self._image is not None:
            iw, ih = self._image.width(), self._image.height()
            k = min(self.width() / iw, self.height() / ih)
            target = QRectF((self.width() - iw * k) / 2, (self.height() - ih * k) / 2, iw * k, ih * k)
            p.save()
            if self.mirror:
                p.translate(target.center().x() * 2, 0)
                p.scale(-1, 1)
            p.drawImage(target, self._image)
            p.restore()
        # where the face belongs
        p.setPen(QPen(QColor(255, 255, 255, 150), 3, Qt.PenStyle.DashLine))
        p.drawEllipse(
            QPointF(target.center().x(), target.top() + target.height() * 0.38),
            target.width() * 0.1,
            target.height() * 0.24,
        )
        if self.text is not None:
            band = QRectF(
                target.left(),
                target.bottom() - target.height() * 0.16,
                target.width(),
                target.height() * 0.16,
            )
            p.fillRect(band, QColor(0, 0, 0, 150))
            f = QFont(self.font())
            f.setPixelSize(max(16, int(band.height() * 0.42)))
            p.setFont(f)
            p.setPen(QColor(255, 255, 255))
            p.drawText(band, Qt.AlignmentFlag.AlignCenter, ui(self.text))
        if self.countdown:
            f = QFont(self.font())
            f.setPixelSize(max(40, int(target.height() * 0.4)))
            f.setBold(True)
            p.setFont(f)
            p.setPen(QColor(255, 255, 255, 230))
            p.drawText(target, Qt.AlignmentFlag.AlignCenter, str(self.countdown))
        p.end()
