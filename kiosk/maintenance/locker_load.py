"""Staff loading the pickup locker in maintenance mode, without Qt: a finished card's application
number (scanned or typed) goes into a free compartment (the smallest that fits the size, or the
one chosen), its door opens, staff put the card in and shut it, and the platform learns the card
is ready there (hall/lockers/handover.py). Taking a card back to the counter and moving it are
recorded the same way. Every action is audited through StaffSession.act."""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING, Any

from core.text import Text, tr
from kiosk.maintenance.session import Outcome, StaffSession

if TYPE_CHECKING:  # SQLAlchemy: not on the way to the first painted home
    from hall.lockers.handover import Handed

ACCEPTANCE = re.compile(r"SL\d{13}")
DOOR_WAIT = 120.0  # seconds staff have to put the card in and shut the door


def acceptance_no(text: str) -> str | None:
    """The acceptance number in a scan of the card's label or slip, or typed digits."""
    text = text.strip().upper()
    if text.isdigit() and len(text) == 13:
        text = "SL" + text
    found = ACCEPTANCE.search(text)
    return found.group(0) if found else None


class LockerLoading:
    def __init__(self, kiosk: Any, session: StaffSession, door_wait: float = DOOR_WAIT) -> None:
        self.kiosk = kiosk
        self.session = session
        self.door_wait = door_wait
        self.open: Handed | None = None  # the door staff are at now

    @property
    def handover(self) -> Any:
        return self.kiosk.services.get("handover")

    def _who(self) -> str:
        return self.session.staff or "staff"

    def _act(self, action: str, acc: str, fn: Any) -> Outcome:
        if self.handover is None:
            return Outcome(False, tr("本机没有取件柜，或库存不可用"))
        return self.session.act(action, f"card {acc}", fn)

    def load(self, acc: str, size: str | None = None, number: int | None = None) -> Outcome:
        """Open a free compartment for the card; then `finish` waits for its door."""
        return self._act("locker_load", acc, lambda: self._opened(self.handover.load, acc, size, number))

    def unload(self, acc: str) -> Outcome:
        """Open the card's compartment to take it back to the counter."""

        def run() -> Text:
            self.open = self.handover.unload(acc, self._who())
            return tr("{n} 号柜已打开，请取出证件交回窗口，然后关门", n=self.open.compartment.number)

        return self._act("locker_unload", acc, run)

    def move(self, acc: str, size: str | None = None, number: int | None = None) -> Outcome:
        """Take the card out (that door shut within the wait), then open another compartment."""
        return self._act(
            "locker_move",
            acc,
            lambda: self._opened(partial(self.handover.move, timeout=self.door_wait), acc, size, number),
        )

    def _opened(self, hand: Any, acc: str, size: str | None, number: int | None) -> Text:
        self.open = hand(acc, self._who(), size=size, number=number)
        return tr("{n} 号柜已打开，请放入证件，然后关门", n=self.open.compartment.number)

    def finish(self) -> Outcome:
        """Wait (off the GUI thread) for the open door to be shut; say what the platform heard."""
        handed, self.open = self.open, None
        if handed is None:
            return Outcome(True, tr("没有打开的柜门"))
        n = handed.compartment.number
        outcome = self.handover.wait(handed, self.door_wait)
        if outcome is None:
            return Outcome(False, tr("{n} 号柜门还没有关上；关门后会自动登记", n=n))
        if outcome.state == "done":
            return Outcome(True, tr("{n} 号柜已关门，业务系统已登记", n=n))
        if outcome.state == "waiting":
            return Outcome(True, tr("{n} 号柜已关门；业务系统暂未应答，稍后自动登记", n=n))
        return Outcome(False, tr("{n} 号柜门没有打开，没有登记：{why}", n=n, why=outcome.reason or ""))
