"""Where the windows of one process go, so that none hides another for good.

The kiosk has the primary screen. A hall's board, counter window and rating pad (a small hall
runs every role in one process) each get a spare screen while there are any, board first (the
hall must see the calls); a rating pad without a screen of its own shares its counter's. A
window left without a spare screen opens on the primary one, behind the kiosk: windowed (`make
run` on a laptop, a bare Xvfb) the simulator panel keeps the right edge, the kiosk the rest, and
Ctrl+1..4 or the panel's buttons bring a window forward. On an X server with no window manager
nothing can be moved or raised by hand, and the roles together do not fit one screen unclipped.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

#: Hall windows in the order they take spare screens.
HALL_ORDER = ("board", "counter", "pad")
#: Ctrl+N brings window N forward.
SHORTCUT_ORDER = ("kiosk", "counter", "pad", "board")
PAD_SHARE = 0.3  # of its counter's screen, on the right


def size_for(orientation: str) -> tuple[int, int]:
    return (1080, 1920) if orientation == "portrait" else (1920, 1080)


def windowed_size(design: tuple[int, int], room: tuple[int, int]) -> tuple[int, int]:
    """The design size shrunk, keeping its shape, to the screen's free area: half of it (the old
    choice on any screen over 1500 pixels) cut every home tile on a 1920x1080 laptop."""
    scale = min(1.0, room[0] / design[0], room[1] / design[1])
    return round(design[0] * scale), round(design[1] * scale)


def assign_screens(windows: Sequence[str], screens: int) -> dict[str, int]:
    """Screen index per hall window; 0 (the kiosk's) for one without a spare screen."""
    spare = list(range(1, screens))
    out = {name: spare.pop(0) if spare else 0 for name in HALL_ORDER if name in windows}
    if out.get("pad") == 0 and out.get("counter", 0) != 0:
        out["pad"] = out["counter"]
    return out


def split_for_pad(area: QRect) -> tuple[QRect, QRect]:
    """A counter and its pad sharing a screen: the counter on the left, the pad on the right."""
    pad_w = round(area.width() * PAD_SHARE)
    counter = QRect(area.x(), area.y(), area.width() - pad_w, area.height())
    return counter, QRect(area.x() + counter.width(), area.y(), pad_w, area.height())


def bring_forward(window: QWidget) -> None:
    window.show()
    window.raise_()
    window.activateWindow()


def place_hall(hall: Mapping[str, QWidget], kiosk: QWidget, *, full_screen: bool) -> None:
    """Shows each hall window on its screen (their default sizes set by the caller)."""
    screens: list[QScreen] = QGuiApplication.screens()
    where = assign_screens(list(hall), len(screens))
    for name, window in hall.items():
        index = where[name]
        if index == 0:  # in the kiosk's place, brought forward on demand
            log.warning("the %s window has no screen of its own: it opens behind the kiosk", name)
            area = kiosk.geometry()
            if name == "pad":  # tablet-shaped
                area.setWidth(min(area.width(), round(area.height() * 0.625)))
            window.setGeometry(area)
            window.show()
            continue
        area = screens[index].availableGeometry()
        shared = [n for n, i in where.items() if i == index]
        if len(shared) == 2:  # counter and pad
            counter, pad = split_for_pad(area)
            area = counter if name == "counter" else pad
        if name == "board" and full_screen:
            window.setWindowFlags(Qt.WindowType.FramelessWindowHint)
            window.setGeometry(screens[index].geometry())
            window.showFullScreen()
        else:
            window.setGeometry(area)
            window.show()
    bring_forward(kiosk)


def place_windowed(kiosk: QWidget, design: tuple[int, int], panel: QWidget | None, fill: bool) -> None:
    """The simulator panel on the right edge of the primary screen, the kiosk beside it: at its
    design shape, or filling the rest of the screen (fill) so no window behind it shows."""
    room = QGuiApplication.primaryScreen().availableGeometry()
    width = room.width()
    if panel is not None:
        panel.resize(panel.width(), room.height())
        panel.move(room.right() + 1 - panel.width(), room.top())
        width -= panel.width()
    kiosk.resize(*((width, room.height()) if fill else windowed_size(design, (width, room.height()))))
    kiosk.move(room.topLeft())


def add_shortcuts(windows: Mapping[str, QWidget], owner: QWidget) -> None:
    """Ctrl+1 kiosk, Ctrl+2 counter, Ctrl+3 rating pad, Ctrl+4 board, from any of them (the
    shortcuts belong to `owner`, Qt keeps them)."""
    # here, not at the top: PySide makes a class's enums when it is first imported (QKeySequence
    # has 76), and a kiosk without hall windows has no shortcuts
    from PySide6.QtGui import QKeySequence, QShortcut

    for n, name in enumerate(SHORTCUT_ORDER, start=1):
        window = windows.get(name)
        if window is None:
            continue
        s = QShortcut(QKeySequence(f"Ctrl+{n}"), owner)
        s.setContext(Qt.ShortcutContext.ApplicationShortcut)
        s.activated.connect(lambda w=window: bring_forward(w))
