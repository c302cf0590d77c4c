"""--demo: the counter terminal, its rating pad and the display board beside the kiosk (a small
hall, one SQLite file): a clerk logs in, calls the ticket the kiosk issued, the board shows the
call; the clerk starts and finishes it and the citizen rates the service on the pad."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.ui.roles import HallWindows
from kiosk.ui.shell import Shell
from kiosk.voice import Voice

WAIT_S = 60.0


def press(root: QWidget, name: str) -> Callable[[], bool]:
    """A waiting condition that clicks the button once it is shown and enabled."""

    def go() -> bool:
        b = root.findChild(QPushButton, name)
        if b is not None and b.isVisible() and b.isEnabled():
            b.click()
            return True
        return False

    return go


def walk_hall(shell: Shell, snap: Callable[..., None]) -> None:
    from kiosk.ui.demo import expect

    kiosk = shell.kiosk
    store = kiosk.services.get("queue")
    if (
        store is None
        or store.settings.service("social") is None
        or not store.availability("social").available
    ):
        return  # no queue, or the hall's services differ: nothing to call
    store.issue("social")
    hall = HallWindows(kiosk.config, ("counter", "display"), kiosk.clock, Voice(enabled=False))
    counter, board, pad = hall.counter, hall.board, hall.pad
    if counter is None or board is None or pad is None:  # [calling] rating_pad = false
        hall.stop()
        return
    hall.show(windowed=True)
    counter.resize(1366, 768)
    board.resize(1920, 1080)
    pad.resize(800, 1280)
    try:
        expect(press(counter, "counter_3"), "the counter login", WAIT_S)
        expect(press(counter, "login"), "the counter's services", WAIT_S)
        expect(lambda: counter.pages.currentWidget() is counter.main_page, "the counter logged in", WAIT_S)
        snap("counter-idle", "Counter terminal: logged in as counter 3, the lines of its services", counter)
        expect(press(counter, "call_next"), "call next", WAIT_S)
        expect(lambda: counter.number.text().startswith("B"), "the called number at the counter", WAIT_S)
        number = counter.number.text()
        expect(lambda: board.call_number.text() == number, "the call on the display board", WAIT_S)
        snap(
            "counter-called",
            "Counter terminal: a ticket called (recall, start, no-show after N calls)",
            counter,
        )
        snap("display-board", "Display board (1920x1080): the call large, counters, waiting counts", board)
        expect(press(counter, "start"), "start serving", WAIT_S)
        expect(
            lambda: counter.status.text() != "" and counter.buttons["finish"].isEnabled(), "serving", WAIT_S
        )
        expect(press(counter, "finish"), "finish", WAIT_S)
        expect(lambda: counter.number.text() == "—", "the counter free again", WAIT_S)
        expect(lambda: pad.current_view is not None, "the rating pad asking", WAIT_S)
        snap("rating-pad", "Rating pad at the counter: the citizen rates the service just finished", pad)
        expect(press(pad, "option_5"), "a rating on the pad", WAIT_S)
        expect(press(pad, "action_ok"), "the pad's thanks", WAIT_S)
    finally:
        hall.stop()
