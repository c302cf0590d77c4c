"""Screens: one per view model type, registered here so flows' views find their renderer."""

from __future__ import annotations

from kiosk.ui.screens.base import SCREENS, Screen, screen_for

# importing registers them
# isort: off
from kiosk.ui.screens import busy, capture, choose, entry, locker_door, message, payment, pick, preview  # noqa: F401
# isort: on

__all__ = ["SCREENS", "Screen", "screen_for"]
