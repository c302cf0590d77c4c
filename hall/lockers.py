"""The pickup locker wall: compartment inventory, journalled opens and door supervision.

Plain Python on kiosk.db (no Qt); every call blocks, so call it from a flow's Work or a worker.

A compartment rests in `empty`, `loaded` or `faulty`. An open (load, release to the owner, staff
inspection) moves it to `open` and writes `open_sent` to the history *before* the command goes to
the board; the reply moves it to `awaiting_close` (`open_ok`) or, for a jammed lock, to `faulty`
(`open_failed`) with the item still recorded. The supervisor then watches the door: it must be
seen open, then shut, and only then does the open take effect (loaded / collected / back to rest).
A door open longer than `door_open_alert_s` raises a staff alert and stays watched.

After a crash, `reconcile()` compares the table with one query of every door and never sends an
open: a compartment left in `open` (reply never written) whose door is open is watched as usual;
one whose door is shut cannot tell whether it opened, so it goes to `faulty` for staff to check,
item kept. A board that goes silent in the middle of an open (unplugged) leaves the compartment
in `open` the same way, and the supervisor reconciles it once the board answers again. The
`wall` column keeps the kiosks of a hall apart in a shared PostgreSQL database.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum, StrEnum
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from core.clock import Clock, SystemClock
from core.text import Text, TextLike, as_text, tr
from devices.base import DeviceError, DeviceOffline
from devices.locker.errors import LockJammed
from devices.locker.layout import SIZES, Slot, layout_from_settings
from hall.db import METADATA, Migration, create_tables, register

log = logging.getLogger(__name__)


class CState(StrEnum):
    EMPTY = "empty"
    LOADED = "loaded"
    OPEN = "open"  # open command sent, reply not yet written
    AWAITING_CLOSE = "awaiting_close"  # lock released, waiting for the door to be shut
    FAULTY = "faulty"


class Purpose(StrEnum):
    LOAD = "load"
    RELEASE = "release"
    INSPECT = "inspect"  # staff open, or a door found open: back to rest when shut


compartments = sa.Table(
    "locker_compartment",
    METADATA,
    sa.Column("wall", sa.String(40), primary_key=True),
    sa.Column("number", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("board", sa.Integer, nullable=False),
    sa.Column("lock_no", sa.Integer, nullable=False),
    sa.Column("size", sa.String(8), nullable=False),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("application_no", sa.String(64)),
    sa.Column("loaded_at", sa.DateTime),
    sa.Column("loaded_by", sa.String(64)),
    sa.Column("purpose", sa.String(16)),
    sa.Column("op_id", sa.String(32)),
    sa.Column("door_seen_open", sa.Boolean, nullable=False),
    sa.Column("since", sa.DateTime, nullable=False),
    sa.Column("fault_reason", sa.Text),
)
# one item is in one compartment of a wall
sa.Index(
    "ix_locker_item",
    compartments.c.wall,
    compartments.c.application_no,
    unique=True,
    sqlite_where=compartments.c.application_no.isnot(None),
    postgresql_where=compartments.c.application_no.isnot(None),
)

history = sa.Table(
    "locker_history",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("wall", sa.String(40), nullable=False),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("ts", sa.DateTime, nullable=False),
    sa.Column("event", sa.String(24), nullable=False),
    sa.Column("op_id", sa.String(32)),
    sa.Column("application_no", sa.String(64)),
    sa.Column("actor", sa.String(64)),
    sa.Column("detail", sa.Text, nullable=False, default=""),
    sa.Index("ix_locker_history_compartment", "wall", "number"),
)

register(
    Migration("locker", 1, "locker compartments and their history", create_tables(compartments, history))
)


@dataclass(frozen=True)
class Compartment:
    number: int
    board: int
    lock: int
    size: str
    state: CState
    application_no: str | None
    loaded_at: datetime | None
    loaded_by: str | None
    purpose: Purpose | None
    op_id: str | None
    door_seen_open: bool
    since: datetime
    fault_reason: str | None

    @property
    def rest_state(self) -> CState:
        """Where the compartment goes when no open is pending."""
        if self.fault_reason:
            return CState.FAULTY
        return CState.LOADED if self.application_no else CState.EMPTY


@dataclass(frozen=True)
class HistoryEntry:
    number: int
    ts: datetime
    event: str
    op_id: str | None
    application_no: str | None
    actor: str | None
    detail: str


class LockerError(Exception):
    """An inventory operation that cannot go ahead; `reason` is fit for the screen."""

    def __init__(self, reason: TextLike, number: int | None = None) -> None:
        self.reason = as_text(reason)
        self.number = number
        super().__init__(str(self.reason))


class NoFreeCompartment(LockerError):
    pass


class ItemNotFound(LockerError):
    pass


class CompartmentBusy(LockerError):
    """The compartment is not in a state that allows this (already open, faulty, occupied)."""


class LockerJammed(LockerError):
    """The lock did not open: the compartment is now faulty and still holds `application_no`."""

    def __init__(self, reason: TextLike, number: int, application_no: str | None) -> None:
        super().__init__(reason, number)
        self.application_no = application_no


class LockerUnavailable(LockerError):
    """The boards could not be asked (offline, no reply): nothing was opened, or staff must check."""


class LockerOutcomeUnknown(LockerUnavailable):
    """The open was sent but the board went silent and its doors cannot be read: the door may be
    open. The compartment stays `open` until the board answers again and its door settles it."""


class Boards(Protocol):
    """What the inventory needs from the lock boards (see DeviceBoards)."""

    def open(self, number: int) -> None:
        """Open once; LockJammed if it did not, another DeviceError when the outcome is unknown."""

    def door_states(self, numbers: Iterable[int]) -> dict[int, bool | None]:
        """number -> door closed, None where the board did not answer."""


class DeviceBoards:
    """Boards through the supervised Device (the kiosk's way): calls run on its worker thread."""

    def __init__(self, device: Any, timeout: float = 5.0) -> None:
        self.device = device
        self.timeout = timeout

    def open(self, number: int) -> None:
        self.device.call(lambda d: d.open_compartment(number), self.timeout)

    def door_states(self, numbers: Iterable[int]) -> dict[int, bool | None]:
        wanted = list(numbers)
        result: dict[int, bool | None] = self.device.call(lambda d: d.doors(wanted), self.timeout)
        return result


class DriverBoards:
    """Boards through a bare, already opened driver (CLI tools, benchmarks, single-thread tests)."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver
        self._lock = threading.Lock()

    def open(self, number: int) -> None:
        with self._lock:
            self.driver.open_compartment(number)

    def door_states(self, numbers: Iterable[int]) -> dict[int, bool | None]:
        with self._lock:
            result: dict[int, bool | None] = self.driver.doors(list(numbers))
            return result


class Alerting(Protocol):
    def raise_(self, source: str, code: str, message: TextLike, severity: str = "warning") -> Any: ...
    def clear(self, source: str, code: str) -> None: ...


def _naive_utc(dt: datetime) -> datetime:
    # stored naive in UTC: SQLite keeps no time zone, PostgreSQL would convert; both read back alike
    return dt.astimezone(UTC).replace(tzinfo=None) if dt.tzinfo else dt


def _aware(dt: datetime | None) -> datetime | None:
    return dt.replace(tzinfo=UTC) if dt is not None and dt.tzinfo is None else dt


class Lockers:
    """The inventory of one locker wall and the supervision of its doors."""

    def __init__(
        self,
        engine: Engine,
        boards: Boards,
        *,
        wall: str = "K01",
        alerts: Alerting | None = None,
        clock: Clock | None = None,
        door_open_alert_s: float = 120.0,
        open_confirm_s: float = 3.0,
        poll_interval: float = 0.5,
    ) -> None:
        self.engine = engine
        self.boards = boards
        self.wall = wall
        self.alerts = alerts
        self.clock = clock or SystemClock()
        self.door_open_alert = timedelta(seconds=door_open_alert_s)
        self.open_confirm = timedelta(seconds=open_confirm_s)
        self.poll_interval = poll_interval
        self.listeners: list[Callable[[Compartment], None]] = []
        self._changed = threading.Condition()
        self._tick_lock = threading.Lock()
        self._alerted: set[int] = set()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._inflight: set[str] = set()  # op ids of opens this process is sending right now
        #: False until reconcile() has seen the door of every compartment a crash may have left open
        self.reconciled = False

    @classmethod
    def from_settings(
        cls, engine: Engine, boards: Boards, settings: Mapping[str, Any], **kwargs: Any
    ) -> Lockers:
        """Built from the [devices.locker] config section."""
        return cls(
            engine,
            boards,
            door_open_alert_s=float(settings.get("door_open_alert_s", 120.0)),
            open_confirm_s=float(settings.get("open_confirm_s", 3.0)),
            poll_interval=float(settings.get("door_poll_interval", 0.5)),
            **kwargs,
        )

    @classmethod
    def for_kiosk(
        cls, engine: Engine, device: Any, settings: Mapping[str, Any], *, wall: str, **kwargs: Any
    ) -> Lockers:
        """The kiosk's wiring (after kiosk.db.migrate): map synced, crash reconciled, doors watched."""
        lockers = cls.from_settings(engine, DeviceBoards(device), settings, wall=wall, **kwargs)
        lockers.sync_layout(layout_from_settings(settings))
        lockers.reconcile()
        lockers.start()
        return lockers

    # ---- the wall ----
    def sync_layout(self, slots: Iterable[Slot]) -> None:
        """Create missing compartments and follow map changes; rows of removed ones are kept."""
        now = self._now()
        with self.engine.begin() as conn:
            have = {r.number: r for r in conn.execute(sa.select(compartments).where(self._mine()))}
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
                        .where(self._mine(s.number))
                        .values(board=s.board, lock_no=s.lock, size=s.size)
                    )

    def compartments(self) -> list[Compartment]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(compartments).where(self._mine()).order_by(compartments.c.number))
            return [self._row(r) for r in rows]

    def get(self, number: int) -> Compartment:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(compartments).where(self._mine(number))).first()
        if row is None:
            raise LockerError(tr("没有 {number} 号柜", number=number), number)
        return self._row(row)

    def find(self, application_no: str) -> Compartment | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(compartments).where(self._mine(), compartments.c.application_no == application_no)
            ).first()
        return None if row is None else self._row(row)

    def history(self, number: int | None = None) -> list[HistoryEntry]:
        q = sa.select(history).where(history.c.wall == self.wall).order_by(history.c.id)
        if number is not None:
            q = q.where(history.c.number == number)
        with self.engine.connect() as conn:
            return [
                HistoryEntry(
                    r.number, _aware(r.ts) or r.ts, r.event, r.op_id, r.application_no, r.actor, r.detail
                )
                for r in conn.execute(q)
            ]

    # ---- operations ----
    def load(
        self, application_no: str, by: str, *, size: str | None = None, number: int | None = None
    ) -> Compartment:
        """Assign the item to an empty compartment (the given one, or the smallest that fits) and
        open it; the item counts as loaded once the door has been open and is shut again."""
        if self.find(application_no) is not None:
            raise CompartmentBusy(tr("该证件已在柜中"))
        if number is not None:
            candidates = [number]
        else:
            rank = SIZES.index(size) if size else 0
            empties = [
                c for c in self.compartments() if c.state is CState.EMPTY and SIZES.index(c.size) >= rank
            ]
            candidates = [c.number for c in sorted(empties, key=lambda c: (SIZES.index(c.size), c.number))]
        for n in candidates:
            try:
                return self._open(n, Purpose.LOAD, (CState.EMPTY,), by, application_no=application_no)
            except CompartmentBusy:
                if number is not None:
                    raise
        raise NoFreeCompartment(tr("没有空闲的柜格"))

    def release(self, application_no: str, actor: str = "citizen") -> Compartment:
        """Open the compartment holding the item for its owner; collected once the door is shut."""
        c = self.find(application_no)
        if c is None:
            raise ItemNotFound(tr("柜中没有该证件"))
        if c.state is CState.FAULTY:
            raise CompartmentBusy(tr("{number} 号柜故障，请联系工作人员", number=c.number), c.number)
        if c.state is not CState.LOADED:
            raise CompartmentBusy(tr("{number} 号柜已打开", number=c.number), c.number)
        return self._open(c.number, Purpose.RELEASE, (CState.LOADED,), actor)

    def staff_open(self, number: int, by: str) -> Compartment:
        """Open for staff (also faulty ones); the compartment returns to rest when shut."""
        return self._open(number, Purpose.INSPECT, (CState.EMPTY, CState.LOADED, CState.FAULTY), by)

    def clear(self, number: int, by: str) -> Compartment:
        """Staff took the item out (by hand or after a staff open): forget it."""
        with self.engine.begin() as conn:
            c = self._lock_row(conn, number)
            if c.state not in (CState.LOADED, CState.FAULTY) or not c.application_no:
                raise CompartmentBusy(tr("{number} 号柜无可清除的物品", number=number), number)
            self._update(
                conn,
                c,
                application_no=None,
                loaded_at=None,
                loaded_by=None,
                state=CState.FAULTY if c.fault_reason else CState.EMPTY,
            )
            self._log(conn, number, "cleared", application_no=c.application_no, actor=by)
        return self._changed_now(number)

    def mark_faulty(self, number: int, reason: str, by: str) -> Compartment:
        with self.engine.begin() as conn:
            c = self._lock_row(conn, number)
            if c.state is CState.OPEN:
                raise CompartmentBusy(tr("{number} 号柜正在开门", number=number), number)
            self._update(
                conn, c, state=CState.FAULTY, fault_reason=reason or "staff", purpose=None, op_id=None
            )
            self._log(conn, number, "faulty", application_no=c.application_no, actor=by, detail=reason)
        self._alerted.discard(number)
        return self._changed_now(number)

    def mark_repaired(self, number: int, by: str) -> Compartment:
        with self.engine.begin() as conn:
            c = self._lock_row(conn, number)
            if c.state is not CState.FAULTY:
                raise CompartmentBusy(tr("{number} 号柜没有故障", number=number), number)
            self._update(
                conn, c, fault_reason=None, state=CState.LOADED if c.application_no else CState.EMPTY
            )
            self._log(conn, number, "repaired", application_no=c.application_no, actor=by)
        self._clear_alert(f"lock_jammed.{number}")
        self._clear_alert(f"check_needed.{number}")
        return self._changed_now(number)

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
            with self._changed:
                self._changed.wait(min(remaining, 0.1))

    # ---- supervision ----
    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="locker-doors", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.poll_interval):
            try:
                if not self.reconciled:
                    self.reconcile()
                self.tick()
            except Exception:
                log.exception("locker door supervision failed")

    def tick(self) -> None:
        """One round of door supervision over every compartment awaiting its door's close."""
        with self._tick_lock:
            watched = [c for c in self.compartments() if c.state is CState.AWAITING_CLOSE]
            if not watched:
                return
            try:
                doors = self.boards.door_states([c.number for c in watched])
            except DeviceError as e:
                log.warning("locker doors cannot be checked: %s", e)
                return
            now = self.clock.now().astimezone(UTC)
            for c in watched:
                closed = doors.get(c.number)
                if closed is None:
                    continue  # board silent: keep watching
                if not closed:
                    if not c.door_seen_open:
                        self._seen_open(c)
                    if now - c.since >= self.door_open_alert and c.number not in self._alerted:
                        self._door_left_open(c)
                elif c.door_seen_open:
                    self._complete(c)
                elif now - c.since >= self.open_confirm:
                    self._never_opened(c)

    def reconcile(self) -> list[tuple[int, str]]:
        """At start-up, before any open: settle what a crash interrupted. Never opens a door.

        A compartment whose board does not answer is left as it is, and `reconciled` stays False
        so the supervisor tries again. Returns (number, what was done) for the log and staff."""
        done: list[tuple[int, str]] = []
        comps = self.compartments()
        try:
            doors = self.boards.door_states([c.number for c in comps])
        except DeviceError as e:
            log.warning("locker reconcile postponed, doors cannot be asked: %s", e)
            self.reconciled = False
            return done
        unknown = False
        for c in comps:
            closed = doors.get(c.number)
            if c.op_id in self._inflight:
                continue  # our own open, not a crash's leftover
            if closed is None:
                unknown = unknown or c.state in (CState.OPEN, CState.AWAITING_CLOSE)
            elif c.state is CState.OPEN:
                if not closed:
                    self._settle(c, "open interrupted; door found open", seen_open=True)
                    done.append((c.number, "watching"))
                else:
                    self._check_needed(c, "open interrupted; the door cannot tell whether it opened")
                    done.append((c.number, "faulty"))
            elif c.state is CState.AWAITING_CLOSE:
                if not closed:
                    if not c.door_seen_open:
                        self._seen_open(c)
                    done.append((c.number, "watching"))
                elif c.door_seen_open:
                    self._complete(c)
                    done.append((c.number, "completed"))
                else:
                    self._check_needed(c, "door shut while the kiosk was down, never seen open")
                    done.append((c.number, "faulty"))
            elif c.state in (CState.EMPTY, CState.LOADED) and not closed:
                self._settle(c, "door found open", seen_open=True, purpose=Purpose.INSPECT)
                self._raise(f"door_found_open.{c.number}", tr("{number} 号柜门被发现打开", number=c.number))
                done.append((c.number, "watching"))
        self.reconciled = not unknown
        for number, what in done:
            log.info("locker %d reconciled: %s", number, what)
        return done

    # ---- internals: the journalled open ----
    def _open(
        self,
        number: int,
        purpose: Purpose,
        allowed: tuple[CState, ...],
        actor: str,
        *,
        application_no: str | None = None,
    ) -> Compartment:
        op = uuid.uuid4().hex
        now = self._now()
        values: dict[str, Any] = dict(
            state=CState.OPEN.value, purpose=purpose.value, op_id=op, door_seen_open=False, since=now
        )
        if application_no is not None:
            values.update(application_no=application_no, loaded_at=now, loaded_by=actor)
        self._inflight.add(op)  # before the commit, so a concurrent reconcile leaves it alone
        try:
            with self.engine.begin() as conn:
                c = self._lock_row(conn, number)
                if c.state not in allowed:
                    raise CompartmentBusy(tr("{number} 号柜当前不能打开", number=number), number)
                try:
                    with conn.begin_nested():
                        conn.execute(sa.update(compartments).where(self._mine(number)).values(**values))
                except sa.exc.IntegrityError:
                    raise CompartmentBusy(tr("该证件已在柜中"), number) from None
                self._log(
                    conn, number, "open_sent", op, application_no or c.application_no, actor, purpose.value
                )
            self._notify(number)
            self._send_open(number, op)
        finally:
            self._inflight.discard(op)
        return self._changed_now(number)

    def _send_open(self, number: int, op: str) -> None:
        try:
            self.boards.open(number)
        except LockJammed as e:
            self._jammed(number, op, e.reason)
            c = self.get(number)
            raise LockerJammed(e.reason, number, c.application_no) from e
        except DeviceOffline as e:  # refused before anything was sent
            self._revert(number, op, f"not sent: {e}")
            raise LockerUnavailable(e.reason, number) from e
        except Exception as e:
            reason = e.reason if isinstance(e, DeviceError) else tr("开锁失败：{err}", err=str(e))
            closed = self._unknown_outcome(number, op, reason)
            if closed is None:
                raise LockerOutcomeUnknown(
                    tr(
                        "{why}；如 {number} 号柜门已打开，请照常取放物品并关好柜门", why=reason, number=number
                    ),
                    number,
                ) from e
            if closed:
                raise LockerUnavailable(reason, number) from e
            return  # no reply, but the door is open: the open worked and is watched
        with self.engine.begin() as conn:
            c = self._lock_row(conn, number)
            if c.op_id == op and c.state is CState.OPEN:
                self._update(conn, c, state=CState.AWAITING_CLOSE, since=self._now())
                self._log(conn, number, "open_ok", op, c.application_no)

    def _jammed(self, number: int, op: str, reason: Text) -> None:
        with self.engine.begin() as conn:
            c = self._lock_row(conn, number)
            self._log(conn, number, "open_failed", op, c.application_no, detail="jammed")
            self._fault(conn, c, "jammed", unassign=c.purpose is Purpose.LOAD)
        self._raise(f"lock_jammed.{number}", reason, "critical")

    def _revert(self, number: int, op: str, detail: str) -> None:
        with self.engine.begin() as conn:
            c = self._lock_row(conn, number)
            if c.op_id != op:
                return
            self._log(conn, number, "open_failed", op, c.application_no, detail=detail)
            values: dict[str, Any] = {}
            if c.purpose is Purpose.LOAD:
                values.update(application_no=None, loaded_at=None, loaded_by=None)
                c = self._with(c, application_no=None)
            self._update(conn, c, state=c.rest_state, purpose=None, op_id=None, **values)
        self._notify(number)

    def _unknown_outcome(self, number: int, op: str, reason: Text) -> bool | None:
        """No (valid) reply: ask the door and return what it says (closed, or None: no answer).

        Open -> watched; shut -> nothing happened; no answer (a board unplugged mid-open) -> left
        `open` like a crash's leftover: reconcile settles it from the door once the board answers
        again, and only a door that then tells nothing goes to staff."""
        try:
            closed = self.boards.door_states([number]).get(number)
        except DeviceError:
            closed = None
        if closed is True:
            self._revert(number, op, f"no reply, door shut: {reason}")
        elif closed is False:
            self._settle(
                self.get(number), f"no reply, door found open: {reason}", seen_open=True, event="open_ok"
            )
        else:
            with self.engine.begin() as conn:
                c = self._lock_row(conn, number)
                detail = f"no reply, door state unknown until the board answers: {reason}"
                self._log(conn, number, "open_unknown", op, c.application_no, detail=detail)
            self.reconciled = False  # the supervisor reconciles on its next round
        return closed

    def _settle(
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
                state=CState.AWAITING_CLOSE, door_seen_open=seen_open, since=self._now()
            )
            if purpose is not None:
                values.update(purpose=purpose.value, op_id=uuid.uuid4().hex)
            self._update(conn, c, **values)
            self._log(conn, c.number, event, values.get("op_id", c.op_id), c.application_no, detail=detail)
        self._notify(c.number)

    def _check_needed(self, c: Compartment, detail: str, event: str = "reconciled") -> None:
        """Unknown whether the door opened: staff must look. The item stays recorded."""
        with self.engine.begin() as conn:
            self._log(conn, c.number, event, c.op_id, c.application_no, detail=detail)
            self._fault(conn, c, "check: " + detail, unassign=False)
        self._raise(
            f"check_needed.{c.number}",
            tr("{number} 号柜开门过程中断，请工作人员核查", number=c.number),
            "critical",
        )

    def _seen_open(self, c: Compartment) -> None:
        with self.engine.begin() as conn:
            self._update(conn, c, door_seen_open=True, expect=CState.AWAITING_CLOSE)
            self._log(conn, c.number, "door_opened", c.op_id, c.application_no)
        self._notify(c.number)

    def _door_left_open(self, c: Compartment) -> None:
        self._alerted.add(c.number)
        with self.engine.begin() as conn:
            self._log(conn, c.number, "door_left_open", c.op_id, c.application_no)
        self._raise(f"door_left_open.{c.number}", tr("{number} 号柜门未关闭", number=c.number))

    def _complete(self, c: Compartment) -> None:
        with self.engine.begin() as conn:
            cur = self._lock_row(conn, c.number)
            if cur.op_id != c.op_id or cur.state is not CState.AWAITING_CLOSE:
                return
            self._log(conn, c.number, "door_closed", c.op_id, c.application_no)
            if cur.purpose is Purpose.LOAD:
                self._update(conn, cur, state=CState.LOADED, purpose=None, op_id=None, since=self._now())
                self._log(conn, c.number, "loaded", c.op_id, c.application_no, cur.loaded_by)
            elif cur.purpose is Purpose.RELEASE:
                self._update(
                    conn,
                    cur,
                    state=CState.EMPTY,
                    purpose=None,
                    op_id=None,
                    since=self._now(),
                    application_no=None,
                    loaded_at=None,
                    loaded_by=None,
                )
                self._log(conn, c.number, "collected", c.op_id, c.application_no)
            else:
                self._update(conn, cur, state=cur.rest_state, purpose=None, op_id=None, since=self._now())
        if c.number in self._alerted:
            self._alerted.discard(c.number)
            self._clear_alert(f"door_left_open.{c.number}")
        self._clear_alert(f"door_found_open.{c.number}")
        self._notify(c.number)

    def _never_opened(self, c: Compartment) -> None:
        """The board said "opened" but the door never moved: a jam the reply did not admit."""
        with self.engine.begin() as conn:
            cur = self._lock_row(conn, c.number)
            if cur.op_id != c.op_id or cur.state is not CState.AWAITING_CLOSE:
                return
            self._log(conn, c.number, "open_failed", c.op_id, c.application_no, detail="door never opened")
            self._fault(conn, cur, "door never opened", unassign=cur.purpose is Purpose.LOAD)
        self._raise(f"lock_jammed.{c.number}", tr("{number} 号柜门未能打开", number=c.number), "critical")

    # ---- internals: rows ----
    def _fault(self, conn: Connection, c: Compartment, reason: str, *, unassign: bool) -> None:
        values: dict[str, Any] = dict(
            state=CState.FAULTY, fault_reason=reason, purpose=None, op_id=None, since=self._now()
        )
        if unassign:  # a load whose door never opened: the item is still in staff's hands
            values.update(application_no=None, loaded_at=None, loaded_by=None)
        self._update(conn, c, **values)
        self._log(conn, c.number, "faulty", None, c.application_no, detail=reason)

    def _mine(self, number: int | None = None) -> Any:
        cond = compartments.c.wall == self.wall
        return cond if number is None else sa.and_(cond, compartments.c.number == number)

    def _lock_row(self, conn: Connection, number: int) -> Compartment:
        row = conn.execute(sa.select(compartments).where(self._mine(number)).with_for_update()).first()
        if row is None:
            raise LockerError(tr("没有 {number} 号柜", number=number), number)
        return self._row(row)

    def _update(
        self, conn: Connection, c: Compartment, *, expect: CState | None = None, **values: Any
    ) -> None:
        values = {k: (v.value if isinstance(v, Enum) else v) for k, v in values.items()}
        q = sa.update(compartments).where(self._mine(c.number))
        if expect is not None:
            q = q.where(compartments.c.state == expect.value)
        conn.execute(q.values(**values))

    def _log(
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
                ts=self._now(),
                event=event,
                op_id=op_id,
                application_no=application_no,
                actor=actor,
                detail=detail,
            )
        )

    @staticmethod
    def _row(r: Any) -> Compartment:
        return Compartment(
            number=r.number,
            board=r.board,
            lock=r.lock_no,
            size=r.size,
            state=CState(r.state),
            application_no=r.application_no,
            loaded_at=_aware(r.loaded_at),
            loaded_by=r.loaded_by,
            purpose=Purpose(r.purpose) if r.purpose else None,
            op_id=r.op_id,
            door_seen_open=bool(r.door_seen_open),
            since=_aware(r.since) or r.since,
            fault_reason=r.fault_reason,
        )

    @staticmethod
    def _with(c: Compartment, **changes: Any) -> Compartment:
        from dataclasses import replace

        return replace(c, **changes)

    def _now(self) -> datetime:
        return _naive_utc(self.clock.now())

    def _raise(self, code: str, message: TextLike, severity: str = "warning") -> None:
        if self.alerts is not None:
            self.alerts.raise_("locker", code, message, severity)

    def _clear_alert(self, code: str) -> None:
        if self.alerts is not None:
            self.alerts.clear("locker", code)

    def _changed_now(self, number: int) -> Compartment:
        self._notify(number)
        return self.get(number)

    def _notify(self, number: int) -> None:
        with self._changed:
            self._changed.notify_all()
        if self.listeners:
            c = self.get(number)
            for listener in list(self.listeners):
                try:
                    listener(c)
                except Exception:
                    log.exception("locker listener failed")
