"""Cards handed to and from the locker wall, with the platform told: staff load a finished card
(the platform learns it is ready at compartment N), unload it back to the counter, or move it;
the citizen collects it.

Each hand-over is a journal step (kind card.ready, card.returned or card.collected; saga = key =
the acceptance number and a random suffix; refs: wall, application number, who or how) written
before its door opens. `settle` tells the platform what the inventory shows once the door is
shut: right after the door closes, and from the reconciler for a kiosk that died in between or a
platform that did not answer (an offline pickup is told later this way). What the inventory
shows decides; nothing here ever opens a door a second time.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from backends.errors import BackendError, Refused
from backends.platform.api import Platform
from core.text import Text, tr
from hall.journal import DONE, FAILED, Step
from hall.lockers.model import (
    Compartment,
    CState,
    LockerError,
    LockerOutcomeUnknown,
    aware,
    history,
)
from hall.lockers.wall import Lockers
from hall.saga import Outcome

log = logging.getLogger(__name__)

READY, RETURNED, COLLECTED = "card.ready", "card.returned", "card.collected"
KINDS = (READY, RETURNED, COLLECTED)
WAITING = "waiting"  # hall.saga's: still open, settled later
SETTLED, NOT_DONE = "done", "not_done"
CITIZEN = "citizen"  # the actor of a citizen's open in the compartment history


@dataclass(frozen=True)
class Handed:
    """A hand-over whose door is open: its journal key, and the compartment."""

    key: str
    compartment: Compartment


class Handover:
    def __init__(self, lockers: Lockers, platform: Platform | None) -> None:
        self.lockers = lockers
        self.platform = platform
        self.journal = lockers.journal

    @property
    def wall(self) -> str:
        return self.lockers.wall

    # ---- staff ----
    def load(self, acc: str, by: str, *, size: str | None = None, number: int | None = None) -> Handed:
        """Open an empty compartment (the given one, or the smallest that fits) for the card."""
        return self._hand(
            READY, acc, {"by": by}, lambda: self.lockers.load(acc, by, size=size, number=number)
        )

    def unload(self, acc: str, by: str) -> Handed:
        """Open the card's compartment for staff to take it back to the counter."""
        return self._hand(RETURNED, acc, {"by": by}, lambda: self.lockers.release(acc, actor=by))

    def move(
        self, acc: str, by: str, timeout: float, *, size: str | None = None, number: int | None = None
    ) -> Handed:
        """Unload, and once that door is shut load the card into another compartment: the
        platform hears "returned", then "ready at N"."""
        out = self.unload(acc, by)
        if self.wait(out, timeout) is None:
            n = out.compartment.number
            raise LockerError(tr("{n} 号柜门还没有关上，关门后再放入新柜格", n=n), n)
        return self.load(acc, by, size=size, number=number)

    # ---- the citizen ----
    def collect(self, acc: str, method: str) -> Handed:
        """Open the card's compartment for its owner; collected once the door is shut again."""
        return self._hand(COLLECTED, acc, {"method": method}, lambda: self.lockers.release(acc, CITIZEN))

    def collected_at(self, acc: str) -> datetime | None:
        """When this wall last gave the card out (None: never), from the compartment history."""
        gave = self._last(acc, "collected", citizen=True)
        return gave[1] if gave else None

    # ---- after the door ----
    def wait(self, handed: Handed, timeout: float) -> Outcome | None:
        """Wait (real time) for the door to be shut, then settle; None while it is still open
        (the supervisor keeps watching and alerts staff; the reconciler settles it later)."""
        if self.lockers.wait_closed(handed.compartment.number, timeout) is None:
            return None
        return self.settle(handed.key)

    def settle(self, saga: str) -> Outcome:
        """Tell the platform what the inventory shows for this hand-over (the reconciler's
        settler for the card.* kinds). `state`: done, not_done (the door did not open: nothing
        changed hands), waiting (door still open, compartment in doubt, platform not answering)."""
        step = next((s for s in self.journal.saga(saga) if s.kind in KINDS), None)
        if step is None or not step.open:
            return Outcome(SETTLED if step and step.state == DONE else NOT_DONE)
        acc = str(step.refs["application_no"])
        c = self.lockers.find(acc)
        if c is not None and c.state in (CState.OPEN, CState.AWAITING_CLOSE, CState.FAULTY):
            return Outcome(WAITING, acc)  # door open, or staff must check a faulty compartment
        if self._earlier_open(step):
            return Outcome(WAITING, acc)  # the platform hears a card's hand-overs in their order
        since = aware_utc(step.created_at)
        if step.kind == READY:
            went_in = (c.number, since) if c is not None else self._last(acc, "loaded", since=since)
            if went_in is None:
                return self._not_done(step, "not loaded")
            # loaded, even if given out since (both while the platform was away): it was ready
            number = went_in[0]
            return self._tell(step, lambda p: p.mark_ready(acc, self.wall, number), number)
        reloaded = c is not None and c.loaded_at is not None and c.loaded_at >= since  # a move
        if c is not None and not reloaded:  # still at rest in its compartment: the door never opened
            return self._not_done(step, f"still in compartment {c.number}")
        if step.kind == RETURNED:
            return self._tell(step, lambda p: p.mark_returned(acc, self.wall), None)
        gave = self._last(acc, "collected", since=since, citizen=True)
        if gave is None:
            return self._not_done(step, "not given out")  # cleared by staff, not collected
        number, when = gave
        at = when.isoformat(timespec="seconds")
        method = str(step.refs.get("method", "qr"))
        return self._tell(step, lambda p: p.record_pickup(acc, number, method, at), number)

    # ---- inside ----
    def _hand(
        self, kind: str, acc: str, refs: dict[str, str], open_door: Callable[[], Compartment]
    ) -> Handed:
        key = f"{acc}.{uuid.uuid4().hex[:12]}"
        self.journal.begin(key, kind, key, {"application_no": acc, "wall": self.wall, **refs})
        try:
            c = open_door()
        except LockerOutcomeUnknown:
            raise  # the door may be open: settled once the board answers and the door tells
        except LockerError as e:
            # nothing changed hands (no free compartment, jammed, not sent): the step is closed
            self.journal.finish(kind, key, FAILED, {"result": str(e.reason)})
            raise
        return Handed(key, c)

    def _tell(self, step: Step, call: Callable[[Platform], Any], number: int | None) -> Outcome:
        acc = str(step.refs["application_no"])
        if self.platform is None:
            return Outcome(WAITING, acc, reason=tr("业务系统未配置"))
        try:
            call(self.platform)
        except Refused as e:  # a documented no: the card and the platform disagree; staff look
            log.error("platform refused %s for %s: %s", step.kind, acc, e.code)
            self.journal.finish(step.kind, step.key, FAILED, {"refused": e.code})
            self.lockers.alert(
                f"platform_refused.{acc}",
                tr("业务系统拒绝登记证件 {acc}：{why}，请人工核对", acc=acc, why=e.reason),
                "critical",
            )
            return Outcome(NOT_DONE, acc, reason=e.reason)
        except BackendError as e:  # not reached, or unsure: the same call again later
            log.warning("platform not told %s for %s yet: %s", step.kind, acc, e)
            return Outcome(WAITING, acc, reason=e.reason)
        after: dict[str, object] = {"told": True}
        if number is not None:
            after["compartment"] = number
        self.journal.finish(step.kind, step.key, DONE, after)
        return Outcome(SETTLED, acc)

    def _not_done(self, step: Step, why: str) -> Outcome:
        self.journal.finish(step.kind, step.key, FAILED, {"result": why})
        return Outcome(NOT_DONE, str(step.refs["application_no"]), reason=Text(why))

    def _earlier_open(self, step: Step) -> bool:
        """An earlier hand-over of the same card the platform has not heard of yet."""
        acc = str(step.refs["application_no"])
        return any(
            s.kind in KINDS and s.open and s.id < step.id
            for saga in self.journal.open_sagas(kiosk=self.wall)
            if saga.startswith(acc + ".") and saga != step.saga
            for s in self.journal.saga(saga)
        )

    def _last(
        self, acc: str, event: str, *, since: datetime | None = None, citizen: bool = False
    ) -> tuple[int, datetime] | None:
        """(compartment, when) of the wall's latest `event` for this card (at or after `since`);
        with `citizen`, only in an open a citizen made (a staff unload ends in "collected" too,
        but nobody collected it)."""
        h, o = history, history.alias("o")
        q = sa.select(h.c.number, h.c.ts).where(
            h.c.wall == self.wall, h.c.application_no == acc, h.c.event == event
        )
        if citizen:
            q = q.where(
                sa.exists().where(
                    o.c.wall == h.c.wall,
                    o.c.op_id == h.c.op_id,
                    o.c.event == "open_sent",
                    o.c.actor == CITIZEN,
                )
            )
        with self.lockers.engine.connect() as conn:
            row = conn.execute(q.order_by(h.c.id.desc()).limit(1)).first()
        if row is None or (since is not None and aware_utc(row.ts) < since):
            return None
        return int(row.number), aware_utc(row.ts)


def aware_utc(dt: datetime) -> datetime:
    return aware(dt) or dt
