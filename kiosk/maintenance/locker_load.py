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

    def card_holder(self, id_number: str) -> tuple[str | None, Outcome]:
        """The finished card of the person whose ID card staff read (the old card, or the new
        one from its envelope): the newest accepted application on the platform. Off the GUI
        thread; the number is never shown or kept."""
        platform = self.kiosk.services.get("platform")
        if platform is None:
            return None, Outcome(False, tr("业务系统未配置，请输入受理号"))
        try:
            apps = platform.applications_for(id_number)
        except Exception as e:  # a BackendError: say so, staff type the number instead
            return None, Outcome(
                False, tr("业务系统暂时无法连接，请输入受理号：{why}", why=getattr(e, "reason", e))
            )
        waiting = [a for a in apps if a.state.value in ("accepted", "in_production")]
        if not waiting:
            return None, Outcome(False, tr("此人没有待放入取件柜的证件"))
        acc = waiting[-1].acceptance_no
        return acc, Outcome(True, tr("已读卡：受理号 {acc}", acc=acc))

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
