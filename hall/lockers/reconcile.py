"""After a crash (and after a board that went silent mid-open answers again): compare the
inventory with one query of every door, and never send an open. A compartment left `open`
(reply never written) whose door is open is watched as usual; one whose door is shut cannot tell
whether it opened, so it goes to `faulty` for staff to check, item kept. Each settles its
"locker.open" journal step; a step whose compartment has moved on is closed too, so no door
open stays open in the journal."""

from __future__ import annotations

import logging
from collections.abc import Collection

from core.text import tr
from devices.base import DeviceError
from hall.journal import DONE
from hall.lockers.boards import Boards
from hall.lockers.inventory import OPEN_STEP, Inventory
from hall.lockers.model import CState, Purpose

log = logging.getLogger(__name__)


def reconcile(
    inv: Inventory, boards: Boards, inflight: Collection[str]
) -> tuple[list[tuple[int, str]], bool]:
    """(number, what was done) for the log and staff, and whether every door that mattered
    answered (False: try again later; nothing was decided for those)."""
    done: list[tuple[int, str]] = []
    comps = inv.compartments()
    try:
        doors = boards.door_states([c.number for c in comps])
    except DeviceError as e:
        log.warning("locker reconcile postponed, doors cannot be asked: %s", e)
        return done, False
    unknown = False
    for c in comps:
        closed = doors.get(c.number)
        if c.op_id in inflight:
            continue  # our own open, not a crash's leftover
        if closed is None:
            unknown = unknown or c.state in (CState.OPEN, CState.AWAITING_CLOSE)
        elif c.state is CState.OPEN:
            if not closed:
                inv.watch(c, "open interrupted; door found open", seen_open=True)
                done.append((c.number, "watching"))
            else:
                inv.check_needed(c, "open interrupted; the door cannot tell whether it opened")
                done.append((c.number, "faulty"))
        elif c.state is CState.AWAITING_CLOSE:
            if not closed:
                if not c.door_seen_open:
                    inv.seen_open(c)
                done.append((c.number, "watching"))
            elif c.door_seen_open:
                inv.complete(c)
                done.append((c.number, "completed"))
            else:
                inv.check_needed(c, "door shut while the kiosk was down, never seen open")
                done.append((c.number, "faulty"))
        elif c.state in (CState.EMPTY, CState.LOADED) and not closed:
            inv.watch(c, "door found open", seen_open=True, purpose=Purpose.INSPECT)
            inv.alert(f"door_found_open.{c.number}", tr("{number} 号柜门被发现打开", number=c.number))
            done.append((c.number, "watching"))
    _close_stray_steps(inv, {c.op_id for c in inv.compartments() if c.state is CState.OPEN}, inflight)
    for number, what in done:
        log.info("locker %d reconciled: %s", number, what)
    return done, not unknown


def _close_stray_steps(inv: Inventory, open_ops: set[str | None], inflight: Collection[str]) -> None:
    """An open locker.open step whose compartment is no longer in that open (a record from an
    older version, a row edited by hand): the compartment's state stands, the step is closed."""
    journal = inv.journal
    for saga in journal.open_sagas(kiosk=inv.wall):
        for step in journal.saga(saga):
            # `inflight` is read live: an open started since open_ops was read is ours
            if step.kind == OPEN_STEP and step.open and step.key not in open_ops and step.key not in inflight:
                journal.finish(OPEN_STEP, step.key, DONE, {"result": "unknown: compartment moved on"})
