"""The compartment inventory of one locker wall: its rows, its audit history, staff bookkeeping,
and every state change an open, the door supervisor or the reconciliation makes. No boards here:
whoever asked the doors says what they saw.

Each door open is also a step of hall/journal.py (kind "locker.open", key = the op id; refs:
wall, compartment, purpose, application number, never personal data), written in the same
transaction as the compartment's move to `open`, before the command goes to the board, and
finished with the open's outcome in the transaction that records it.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from core.clock import Clock, SystemClock
from core.text import Text, TextLike, tr
from devices.locker.layout import Slot
from hall.journal import DONE, FAILED, Journal
from hall.lockers.model import (
    Alerting,
    Compartment,
    CompartmentBusy,
    CState,
    HistoryEntry,
    LockerError,
    Purpose,
    aware,
    compartments,
    history,
    naive_utc,
    row_to_compartment,
)

log = logging.getLogger(__name__)

OPEN_STEP = "locker.open"


class Inventory:
    def __init__(
        self,
        engine: Engine,
        *,
        wall: str = "K01",
        alerts: Alerting | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.engine = engine
        self.wall = wall
        self.alerts = alerts
        self.clock = clock or SystemClock()
        self.journal = Journal(engine, wall, now=self.clock.now)
        self.listeners: list[Callable[[Compartment], None]] = []
        self.changed = threading.Condition()
        self.alerted: set[int] = set()  # compartments whose door-left-open alert is out

    # ---- the wall ----
    def sync_layout(self, slots: Iterable[Slot]) -> None:
        """Create missing compartments and follow map changes; rows of removed ones are kept."""
        now = self.now()
        with self.engine.begin() as conn:
            have = {r.number: r for r in conn.execute(sa.select(compartments).where(self.mine()))}
            for s in slots:
                row = have.get(s.number)
                if row is None:
                    conn.execute(
                        sa.insert(compartments).values(
                            wall=self.wall,
                            number=s.number,
                            board=s.board,
                            lock_no=s.lock,
                            size=s.size,
                            state=CState.EMPTY.value,
                            door_seen_open=False,
                            since=now,
                        )
                    )
                elif (row.board, row.lock_no, row.size) != (s.board, s.lock, s.size):
                    conn.execute(
                        sa.update(compartments)
                        .where(self.mine(s.number))
                        .values(board=s.board, lock_no=s.lock, size=s.size)
                    )

    def compartments(self) -> list[Compartment]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(compartments).where(self.mine()).order_by(compartments.c.number))
            return [row_to_compartment(r) for r in rows]

    def get(self, number: int) -> Compartment:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(compartments).where(self.mine(number))).first()
        if row is None:
            raise LockerError(tr("没有 {number} 号柜", number=number), number)
        return row_to_compartment(row)

    def find(self, application_no: str) -> Compartment | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(compartments).where(self.mine(), compartments.c.application_no == application_no)
            ).first()
        return None if row is None else row_to_compartment(row)

    def history(self, number: int | None = None) -> list[HistoryEntry]:
        q = sa.select(history).where(history.c.wall == self.wall).order_by(history.c.id)
        if number is not None:
            q = q.where(history.c.number == number)
        with self.engine.connect() as conn:
            return [
                HistoryEntry(
                    r.number, aware(r.ts) or r.ts, r.event, r.op_id, r.application_no, r.actor, r.detail
                )
                for r in conn.execute(q)
            ]

    def wait_closed(self, number: int, timeout: float) -> Compartment | None:
        """Wait (real time) until the open of this compartment is over; None on timeout.

        Needs the supervisor running (start()) or someone calling tick()."""
        deadline = time.monotonic() + timeout
        while True:
            c = self.get(number)
            if c.state not in (CState.OPEN, CState.AWAITING_CLOSE):
                return c
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            with self.changed:
                self.changed.wait(min(remaining, 0.1))

    # ---- staff bookkeeping ----
    def clear(self, number: int, by: str, reason: str = "") -> Compartment:
        """Staff took the item out (by hand or after a staff open): forget it."""
        with self.engine.begin() as conn:
            c = self.lock_row(conn, number)
            if c.state not in (CState.LOADED, CState.FAULTY) or not c.application_no:
                raise CompartmentBusy(tr("{number} 号柜无可清除的物品", number=number), number)
            self.update(
                conn,
                c,
                application_no=None,
                loaded_at=None,
                loaded_by=None,
                state=CState.FAULTY if c.fault_reason else CState.EMPTY,
            )
            self.log_event(conn, number, "cleared", application_no=c.application_no, actor=by, detail=reason)
        return self.changed_now(number)

    def mark_faulty(self, number: int, reason: str, by: str) -> Compartment:
        with self.engine.begin() as conn:
            c = self.lock_row(conn, number)
            if c.state is CState.OPEN:
                raise CompartmentBusy(tr("{number} 号柜正在开门", number=number), number)
            self.update(
                conn, c, state=CState.FAULTY, fault_reason=reason or "staff", purpose=None, op_id=None
            )
            self.log_event(conn, number, "faulty", application_no=c.application_no, actor=by, detail=reason)
        self.alerted.discard(number)
        return self.changed_now(number)

    def mark_repaired(self, number: int, by: str, reason: str = "") -> Compartment:
        with self.engine.begin() as conn:
            c = self.lock_row(conn, number)
            if c.state is not CState.FAULTY:
                raise CompartmentBusy(tr("{number} 号柜没有故障", number=number), number)
            self.update(conn, c, fault_reason=None, state=CState.LOADED if c.application_no else CState.EMPTY)
            self.log_event(conn, number, "repaired", application_no=c.application_no, actor=by, detail=reason)
        self.clear_alert(f"lock_jammed.{number}")
        self.clear_alert(f"check_needed.{number}")
        return self.changed_now(number)

    # ---- an open: intent, then its outcome ----
    def begin_open(
        self,
        number: int,
        purpose: Purpose,
        allowed: tuple[CState, ...],
        actor: str,
        op: str,
        application_no: str | None = None,
        reason: str = "",
    ) -> None:
        """Move the compartment to `open` and journal the open, in one transaction, before the
        command goes to the board (a staff open's reason goes into its history row)."""
        now = self.now()
        values: dict[str, Any] = dict(
            state=CState.OPEN.value, purpose=purpose.value, op_id=op, door_seen_open=False, since=now
        )
        if application_no is not None:
            values.update(application_no=application_no, loaded_at=now, loaded_by=actor)
        with self.engine.begin() as conn:
            c = self.lock_row(conn, number)
            if c.state not in allowed:
                raise CompartmentBusy(tr("{number} 号柜当前不能打开", number=number), number)
            try:
                with conn.begin_nested():
                    conn.execute(sa.update(compartments).where(self.mine(number)).values(**values))
            except sa.exc.IntegrityError:
                raise CompartmentBusy(tr("该证件已在柜中"), number) from None
            item = application_no or c.application_no
            detail = f"{purpose.value}: {reason}" if reason else purpose.value
            self.log_event(conn, number, "open_sent", op, item, actor, detail)
            refs = {"wall": self.wall, "compartment": number, "purpose": purpose.value}
            self.journal.begin(op, OPEN_STEP, op, {**refs, "application_no": item or ""}, conn=conn)
        self.notify(number)

    def opened(self, number: int, op: str) -> None:
        """The board replied "opened": watch the door."""
        with self.engine.begin() as conn:
            c = self.lock_row(conn, number)
            if c.op_id == op and c.state is CState.OPEN:
                self.update(conn, c, state=CState.AWAITING_CLOSE, since=self.now())
                self.log_event(conn, number, "open_ok", op, c.application_no)
                self.outcome(conn, op, DONE, "opened")

    def jammed(self, number: int, op: str, reason: Text) -> None:
        with self.engine.begin() as conn:
            c = self.lock_row(conn, number)
            self.log_event(conn, number, "open_failed", op, c.application_no, detail="jammed")
            self.outcome(conn, op, FAILED, "jammed")
            self.fault(conn, c, "jammed", unassign=c.purpose is Purpose.LOAD)
        self.alert(f"lock_jammed.{number}", reason, "critical")

    def revert(self, number: int, op: str, detail: str) -> None:
        """The open certainly did not happen: back to rest."""
        with self.engine.begin() as conn:
            c = self.lock_row(conn, number)
            if c.op_id != op:
                return
            self.log_event(conn, number, "open_failed", op, c.application_no, detail=detail)
            self.outcome(conn, op, FAILED, detail)
            values: dict[str, Any] = {}
            if c.purpose is Purpose.LOAD:
                values.update(application_no=None, loaded_at=None, loaded_by=None)
                c = replace(c, application_no=None)
            self.update(conn, c, state=c.rest_state, purpose=None, op_id=None, **values)
        self.notify(number)

    def outcome_unknown(self, number: int, op: str, reason: Text) -> None:
        """No reply and the door cannot be read: the compartment stays `open` and so does the
        journal step, until the board answers and the door settles it."""
        with self.engine.begin() as conn:
            c = self.lock_row(conn, number)
            detail = f"no reply, door state unknown until the board answers: {reason}"
            self.log_event(conn, number, "open_unknown", op, c.application_no, detail=detail)

    def outcome(self, conn: Connection, op: str | None, state: str, result: str) -> None:
        """Finish the open's journal step (an open from before the journal has none)."""
        if op and self.journal.get(OPEN_STEP, op, conn) is not None:
            self.journal.finish(OPEN_STEP, op, state, {"result": result}, conn=conn)

    # ---- what the doors showed (supervisor and reconciliation) ----
    def watch(
        self,
        c: Compartment,
        detail: str,
        *,
        seen_open: bool,
        purpose: Purpose | None = None,
        event: str = "reconciled",
    ) -> None:
        """The door is open: watch it as after a successful open."""
        with self.engine.begin() as conn:
            values: dict[str, Any] = dict(
                state=CState.AWAITING_CLOSE, door_seen_open=seen_open, since=self.now()
            )
            if purpose is not None:  # a door found open at rest: no open of ours
                values.update(purpose=purpose.value, op_id=uuid.uuid4().hex)
            elif c.state is CState.OPEN:
                self.outcome(conn, c.op_id, DONE, "door found open")
            self.update(conn, c, **values)
            self.log_event(
                conn, c.number, event, values.get("op_id", c.op_id), c.application_no, detail=detail
            )
        self.notify(c.number)

    def check_needed(self, c: Compartment, detail: str, event: str = "reconciled") -> None:
        """Unknown whether the door opened: staff must look. The item stays recorded; the open
        counts as done (never sent again), with the doubt handed to staff."""
        with self.engine.begin() as conn:
            self.log_event(conn, c.number, event, c.op_id, c.application_no, detail=detail)
            if c.state is CState.OPEN:
                self.outcome(conn, c.op_id, DONE, "unknown: staff check")
            self.fault(conn, c, "check: " + detail, unassign=False)
        self.alert(
            f"check_needed.{c.number}",
            tr("{number} 号柜开门过程中断，请工作人员核查", number=c.number),
            "critical",
        )

    def seen_open(self, c: Compartment) -> None:
        with self.engine.begin() as conn:
            self.update(conn, c, door_seen_open=True, expect=CState.AWAITING_CLOSE)
            self.log_event(conn, c.number, "door_opened", c.op_id, c.application_no)
        self.notify(c.number)

    def door_left_open(self, c: Compartment) -> None:
        self.alerted.add(c.number)
        with self.engine.begin() as conn:
            self.log_event(conn, c.number, "door_left_open", c.op_id, c.application_no)
        self.alert(f"door_left_open.{c.number}", tr("{number} 号柜门未关闭", number=c.number))

    def complete(self, c: Compartment) -> None:
        with self.engine.begin() as conn:
            cur = self.lock_row(conn, c.number)
            if cur.op_id != c.op_id or cur.state is not CState.AWAITING_CLOSE:
                return
            self.log_event(conn, c.number, "door_closed", c.op_id, c.application_no)
            if cur.purpose is Purpose.LOAD:
                self.update(conn, cur, state=CState.LOADED, purpose=None, op_id=None, since=self.now())
                self.log_event(conn, c.number, "loaded", c.op_id, c.application_no, cur.loaded_by)
            elif cur.purpose is Purpose.RELEASE:
                self.update(
                    conn,
                    cur,
                    state=CState.EMPTY,
                    purpose=None,
                    op_id=None,
                    since=self.now(),
                    application_no=None,
                    loaded_at=None,
                    loaded_by=None,
                )
                self.log_event(conn, c.number, "collected", c.op_id, c.application_no)
            else:
                self.update(conn, cur, state=cur.rest_state, purpose=None, op_id=None, since=self.now())
        if c.number in self.alerted:
            self.alerted.discard(c.number)
            self.clear_alert(f"door_left_open.{c.number}")
        self.clear_alert(f"door_found_open.{c.number}")
        self.notify(c.number)

    def never_opened(self, c: Compartment) -> None:
        """The board said "opened" but the door never moved: a jam the reply did not admit."""
        with self.engine.begin() as conn:
            cur = self.lock_row(conn, c.number)
            if cur.op_id != c.op_id or cur.state is not CState.AWAITING_CLOSE:
                return
            self.log_event(
                conn, c.number, "open_failed", c.op_id, c.application_no, detail="door never opened"
            )
            self.outcome(conn, c.op_id, FAILED, "door never opened")
            self.fault(conn, cur, "door never opened", unassign=cur.purpose is Purpose.LOAD)
        self.alert(f"lock_jammed.{c.number}", tr("{number} 号柜门未能打开", number=c.number), "critical")

    # ---- rows ----
    def fault(self, conn: Connection, c: Compartment, reason: str, *, unassign: bool) -> None:
        values: dict[str, Any] = dict(
            state=CState.FAULTY, fault_reason=reason, purpose=None, op_id=None, since=self.now()
        )
        if unassign:  # a load whose door never opened: the item is still in staff's hands
            values.update(application_no=None, loaded_at=None, loaded_by=None)
        self.update(conn, c, **values)
        self.log_event(conn, c.number, "faulty", None, c.application_no, detail=reason)

    def mine(self, number: int | None = None) -> Any:
        cond = compartments.c.wall == self.wall
        return cond if number is None else sa.and_(cond, compartments.c.number == number)

    def lock_row(self, conn: Connection, number: int) -> Compartment:
        row = conn.execute(sa.select(compartments).where(self.mine(number)).with_for_update()).first()
        if row is None:
            raise LockerError(tr("没有 {number} 号柜", number=number), number)
        return row_to_compartment(row)

    def update(
        self, conn: Connection, c: Compartment, *, expect: CState | None = None, **values: Any
    ) -> None:
        values = {k: (v.value if isinstance(v, Enum) else v) for k, v in values.items()}
        q = sa.update(compartments).where(self.mine(c.number))
        if expect is not None:
            q = q.where(compartments.c.state == expect.value)
        conn.execute(q.values(**values))

    def log_event(
        self,
        conn: Connection,
        number: int,
        event: str,
        op_id: str | None = None,
        application_no: str | None = None,
        actor: str | None = None,
        detail: str = "",
    ) -> None:
        conn.execute(
            sa.insert(history).values(
                wall=self.wall,
                number=number,
                ts=self.now(),
                event=event,
                op_id=op_id,
                application_no=application_no,
                actor=actor,
                detail=detail,
            )
        )

    def now(self) -> datetime:
        return naive_utc(self.clock.now())

    # ---- staff and listeners ----
    def alert(self, code: str, message: TextLike, severity: str = "warning") -> None:
        if self.alerts is not None:
            self.alerts.raise_("locker", code, message, severity)

    def clear_alert(self, code: str) -> None:
        if self.alerts is not None:
            self.alerts.clear("locker", code)

    def changed_now(self, number: int) -> Compartment:
        self.notify(number)
        return self.get(number)

    def notify(self, number: int) -> None:
        with self.changed:
            self.changed.notify_all()
        if self.listeners:
            c = self.get(number)
            for listener in list(self.listeners):
                try:
                    listener(c)
                except Exception:
                    log.exception("locker listener failed")
