"""Screens: one per view model type, each registered by its module (screen_for). A module is
imported the first time a view of its type is shown: the home paints without the flows' screens
(nor their base, which needs the view models); home and attract build on plain widgets."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.ui.screens.base import Screen

# view type name -> the module in this package whose screen renders it
MODULES = {
    "Busy": "busy",
    "Capture": "capture",
    "Choose": "choose",
    "Entry": "entry",
    "LockerDoor": "locker_door",
    "Message": "message",
    "Payment": "payment",
    "Pick": "pick",
    "Preview": "preview",
}


def screen_class(view_type: type) -> type[Screen]:
    """The screen for `view_type`, or for the nearest view type it derives from."""
    from kiosk.ui.screens.base import SCREENS  # with the first view: see the module's doc

    for t in view_type.__mro__:
        if t not in SCREENS and (module := MODULES.get(t.__name__)) is not None:
            importlib.import_module(f"{__name__}.{module}")
        if t in SCREENS:
            return SCREENS[t]
    raise LookupError(f"no screen renders {view_type.__name__}")


__all__ = ["screen_class"]
