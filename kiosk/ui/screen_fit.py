"""Kiosk mode: the window covers its screen exactly, with or without a window manager.

`showFullScreen()` only asks a window manager; on the deploy guide's bare X there is none and
the window kept its size hint (564x621 in the top-left corner). So we also set the geometry to
the screen's ourselves, and again whenever the screen changes size or the primary screen
changes (a display rotated or swapped while the kiosk runs).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


class ScreenFit(QObject):
    def __init__(self, window: QWidget, app: QGuiApplication) -> None:
        super().__init__(window)
        self.window = window
        self.screen: QScreen | None = None
        app.primaryScreenChanged.connect(self.follow)
        self.follow(app.primaryScreen())

    def follow(self, screen: QScreen | None) -> None:
        if self.screen is not None:
            self.screen.geometryChanged.disconnect(self.fit)
        self.screen = screen
        if screen is not None:
            screen.geometryChanged.connect(self.fit)
        self.fit()

    def fit(self) -> None:
        if self.screen is None:
            return
        geometry = self.screen.geometry()
        log.info("kiosk window fitted to %s: %dx%d", self.screen.name(), geometry.width(), geometry.height())
        self.window.setGeometry(geometry)
        self.window.showFullScreen()  # and ask a window manager, if there is one, to keep it so
