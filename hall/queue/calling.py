"""Counters calling tickets: the ticket's life after issue, as a state machine in SQL.

    waiting ──call──> called ──start──> serving ──finish──> done
       ^  ^            │ │ └──recall (at most no_show_after calls)
       │  │            │ └──no-show (after no_show_after calls)──> no_show
       │  └─transfer───┤   (called or serving: waits in another service's line, same number)
       │               └──hold──> held (back in the line after hold_minutes, ahead of the rest)
       └── (held and due) is called like a waiting ticket

A counter logs in for some of its services, calls the next ticket of those (the store's order:
priority, then the time of issue; held tickets come back with priority 2), and may pause. It has
at most one ticket at a time. Two counters calling together never take the same ticket: on
PostgreSQL the pick is SELECT ... FOR UPDATE SKIP LOCKED, on SQLite BEGIN IMMEDIATE serialises.
Every call is a row in queue_call (the boards' "recent calls" and the statistics) and every change
a NOTIFY on the queue's channel (PostgreSQL), so display boards update at commit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from core.text import tr
from hall.queue import tables as t
from hall.queue.counter_tables import CALL, HELD, RECALL, SERVING, call
from hall.queue.errors import QueueRefused
from hall.queue.store import QueueStore, _upsert

log = logging.getLogger(__name__)
T = TypeVar("T")

HELD_PRIORITY = 2  # above elderly and appointment tickets (1): a held citizen waited already
# the states a counter holds a ticket in
CURRENT = (t.CALLED, SERVING)

_tk = t.ticket.c
_ct = t.counter.c
_LINE = sa.func.coalesce(_tk.line, _tk.service)


@dataclass(frozen=True)
class Visit:
    """A ticket as counters and boards see it (no personal data: the number, never the person)."""

    id: int
    number: str
    service: str  # issued for
    line: str  # waits for or is served by now (another service after a transfer)
    status: str
    priority: int
    kind: str
    calls: int
    counter: str | None
    issued_at: datetime  # hall-local
    called_at: datetime | None
    served_at: datetime | None
    return_at: datetime | None


@dataclass(frozen=True)
class CounterState:
    name: str
    services: tuple[str, ...]  # logged in for (empty: not logged in)
    paused: bool
    current: Visit | None

    @property
    def logged_in(self) -> bool:
        return bool(self.services)


def read(store: QueueStore, fn: Callable[[Connection], T]) -> T:
    """Reads for screens that poll (counters, boards): one snapshot without the write lock that
    SQLite's BEGIN IMMEDIATE would take from the kiosks issuing tickets meanwhile."""
    with store._errors(), store._auto.connect() as conn:
        conn.exec_driver_sql("BEGIN" if conn.dialect.name == "sqlite" else "BEGIN READ ONLY")
        try:
            return fn(conn)
        finally:
            conn.exec_driver_sql("COMMIT")


def _busy(number: str) -> QueueRefused:
    return QueueRefused(tr("请先办结、过号、暂缓或转出当前的 {number}", number=number), "counter_busy")


def _naive(dt: datetime) -> datetime:
    return dt.astimezone(UTC).replace(tzinfo=None)


class Calling:
    """The counters' actions on a store's database. Thread-safe like the store; share one."""

    def __init__(self, store: QueueStore, *, no_show_after: int = 3, hold_minutes: int = 5) -> None:
        self.store = store
        self.no_show_after = no_show_after
        self.hold_for = timedelta(minutes=hold_minutes)

    # ---- the counter --------------------------------------------------------------------

    def services_of(self, counter: str) -> tuple[str, ...]:
        """The services configured for this counter."""
        return tuple(s.code for s in self.store.settings.services if counter in s.counters)

    def login(self, counter: str, services: Sequence[str] = ()) -> CounterState:
        """Start a session at `counter` for `services` (empty: all it is configured for)."""
        allowed = self.services_of(counter)
        if not allowed:
            raise QueueRefused(tr("没有这个窗口：{counter}", counter=counter), "unknown_counter")
        chosen = tuple(dict.fromkeys(self.store.service(s).code for s in services)) or allowed
        other = [s for s in chosen if s not in allowed]
        if other:
            name = self.store.service(other[0]).title()
            raise QueueRefused(
                tr("{counter} 号窗口不办理{name}", counter=counter, name=name), "service_not_at_counter"
            )
        now = _naive(self.store.local_now())
        values = {"services": ",".join(chosen), "paused": 0, "login_at": now, "updated_at": now}

        def run(conn: Connection) -> None:
            stmt = _upsert(t.counter, self.store._pg).values(name=counter, **values)
            conn.execute(stmt.on_conflict_do_update(index_elements=[_ct.name], set_=values))
            self._notify(conn, "login", counter)

        self.store._tx(run)
        log.info("counter %s logged in for %s", counter, ", ".join(chosen))
        return self.state(counter)

    def logout(self, counter: str) -> None:
        def run(conn: Connection) -> None:
            self._session(conn, counter, free=True)
            conn.execute(sa.update(t.counter).where(_ct.name == counter).values(services=None, paused=0))
            self._notify(conn, "logout", counter)

        self.store._tx(run)

    def pause(self, counter: str) -> CounterState:
        return self._set_paused(counter, True)

    def resume(self, counter: str) -> CounterState:
        return self._set_paused(counter, False)

    def _set_paused(self, counter: str, paused: bool) -> CounterState:
        def run(conn: Connection) -> None:
            self._session(conn, counter, free=paused)
            conn.execute(
                sa.update(t.counter)
                .where(_ct.name == counter)
                .values(paused=int(paused), updated_at=_naive(self.store.local_now()))
            )
            self._notify(conn, "paused" if paused else "resumed", counter)

        self.store._tx(run)
        return self.state(counter)

    def state(self, counter: str) -> CounterState:
        return read(self.store, lambda conn: self._state(conn, counter))

    def _state(self, conn: Connection, counter: str) -> CounterState:
        row = conn.execute(sa.select(t.counter).where(_ct.name == counter)).first()
        if row is None:
            return CounterState(counter, (), False, None)
        current = self._current(conn, counter)
        services = tuple(s for s in (row.services or "").split(",") if s)
        return CounterState(counter, services, bool(row.paused), current)

    # ---- calling ------------------------------------------------------------------------

    def call_next(self, counter: str) -> Visit | None:
        """Call the next ticket of the counter's services to it (None: nobody waits)."""
        now = self.store.local_now()

        def run(conn: Connection) -> Visit | None:
            services, paused = self._session(conn, counter, free=True)
            if paused:
                raise QueueRefused(tr("窗口已暂停，请先恢复服务"), "counter_paused")
            due = sa.or_(_tk.status == t.WAITING, sa.and_(_tk.status == HELD, _tk.return_at <= _naive(now)))
            pick = (
                sa.select(_tk.id)
                .where(_tk.day == now.date(), _LINE.in_(services), due)
                .order_by(_tk.priority.desc(), _tk.issued_at, _tk.id)
                .limit(1)
                # two counters at once take different tickets (SQLite: BEGIN IMMEDIATE instead)
                .with_for_update(skip_locked=True)
                .scalar_subquery()
            )
            stamp = _naive(now)
            values = {
                "status": t.CALLED,
                "counter": counter,
                "called_at": stamp,
                "calls": 1,
                "return_at": None,
            }
            # pick and take in one statement: one round trip less on the counter's hot path
            row = conn.execute(
                sa.update(t.ticket).where(_tk.id == pick).values(**values).returning(*t.ticket.c)
            ).first()
            if row is None:
                return None
            self._take(conn, counter, row.id, row.number, stamp)
            self._log_call(conn, row, counter, CALL, now)
            return self._visit(row)

        visit = self.store._tx(run)
        if visit is not None:
            log.info("counter %s called %s", counter, visit.number)
        return visit

    def recall(self, counter: str) -> Visit:
        """Call the current ticket again (at most no_show_after calls in all)."""
        now = self.store.local_now()

        def run(conn: Connection) -> Visit:
            visit = self._holding(conn, counter, (t.CALLED,))
            if visit.calls >= self.no_show_after:
                raise QueueRefused(
                    tr("{number} 已叫 {n} 次，请登记过号或暂缓", number=visit.number, n=visit.calls),
                    "calls_used",
                )
            conn.execute(sa.update(t.ticket).where(_tk.id == visit.id).values(calls=_tk.calls + 1))
            self._log_call(conn, visit, counter, RECALL, now)
            return self._visit_by_id(conn, visit.id)

        return self.store._tx(run)

    def start(self, counter: str) -> Visit:
        """The citizen came: serving starts (the wait ends here for the statistics)."""

        def run(conn: Connection) -> Visit:
            visit = self._holding(conn, counter, (t.CALLED,))
            stamp = _naive(self.store.local_now())
            return self._move(conn, counter, visit, "serving", status=SERVING, served_at=stamp)

        return self.store._tx(run)

    def finish(self, counter: str) -> Visit:
        """Served: the ticket is done and the counter free (its service time feeds the estimate)."""

        def run(conn: Connection) -> Visit:
            visit = self._holding(conn, counter, CURRENT)
            stamp = _naive(self.store.local_now())
            # finished without "start": the service began when it was called
            served = _tk.served_at if visit.served_at is not None else _tk.called_at
            self._release(conn, counter, stamp)
            return self._move(conn, counter, visit, "done", status=t.DONE, done_at=stamp, served_at=served)

        return self.store._tx(run)

    def no_show(self, counter: str) -> Visit:
        """Called no_show_after times and never came: closed without a service."""

        def run(conn: Connection) -> Visit:
            visit = self._holding(conn, counter, (t.CALLED,))
            if visit.calls < self.no_show_after:
                raise QueueRefused(
                    tr(
                        "{number} 只叫了 {n} 次，叫满 {limit} 次后才能登记过号",
                        number=visit.number,
                        n=visit.calls,
                        limit=self.no_show_after,
                    ),
                    "too_few_calls",
                )
            stamp = _naive(self.store.local_now())
            self._release(conn, counter, stamp)
            return self._move(conn, counter, visit, "no_show", status=t.NO_SHOW, done_at=stamp)

        return self.store._tx(run)

    def hold(self, counter: str) -> Visit:
        """Postpone: the ticket leaves the counter and is called again after hold_minutes, first."""

        def run(conn: Connection) -> Visit:
            visit = self._holding(conn, counter, CURRENT)
            now = self.store.local_now()
            self._release(conn, counter, _naive(now))
            return self._move(
                conn,
                counter,
                visit,
                "held",
                status=HELD,
                counter=None,
                priority=HELD_PRIORITY,
                return_at=_naive(now + self.hold_for),
                served_at=None,
            )

        return self.store._tx(run)

    def transfer(self, counter: str, service: str) -> Visit:
        """Send the current ticket to another service's line with the same number; refused when
        that service does not serve now (closed, or paused by staff: the store's availability;
        its daily limit is no bar, the ticket exists already)."""
        target = self.store.service(service)
        now = self.store.local_now()
        served = self.store.availability(target.code)
        closed = not served.available and served.code != "limit_reached"

        def run(conn: Connection) -> Visit:
            visit = self._holding(conn, counter, CURRENT)
            if target.code == visit.line:
                raise QueueRefused(
                    tr("{number} 已在{name}排队", number=visit.number, name=target.title()), "same_service"
                )
            if closed:
                why = served.reason or tr("此业务暂停取号")
                raise QueueRefused(
                    tr("{name}现在不办理，不能转过去：{why}", name=target.title(), why=why), "service_closed"
                )
            self._release(conn, counter, _naive(now))
            return self._move(
                conn,
                counter,
                visit,
                "transferred",
                {"to": target.code},
                status=t.WAITING,
                line=target.code,
                counter=None,
                calls=0,
                served_at=None,
            )

        visit = self.store._tx(run)
        log.info("counter %s transferred %s to %s", counter, visit.number, target.code)
        return visit

    # ---- lists ---------------------------------------------------------------------------

    def waiting(self, services: Sequence[str] | None = None) -> dict[str, list[Visit]]:
        """Each service's line in calling order: waiting tickets, and held ones (with return_at)."""
        codes = list(services) if services else [s.code for s in self.store.settings.services]
        now = self.store.local_now()

        def run(conn: Connection) -> dict[str, list[Visit]]:
            rows = conn.execute(
                sa.select(t.ticket)
                .where(_tk.day == now.date(), _LINE.in_(codes), _tk.status.in_((t.WAITING, HELD)))
                .order_by(_tk.priority.desc(), _tk.issued_at, _tk.id)
            ).all()
            out: dict[str, list[Visit]] = {c: [] for c in codes}
            for r in rows:
                out[r.line or r.service].append(self._visit(r))
            return out

        return read(self.store, run)

    # ---- plumbing ------------------------------------------------------------------------

    def _session(self, conn: Connection, counter: str, *, free: bool = False) -> tuple[list[str], bool]:
        """The counter's services and pause; with free, refused while it holds a ticket (one read)."""
        busy = (
            sa.select(_tk.number)
            .where(_tk.counter == counter, _tk.status.in_(CURRENT))
            .limit(1)
            .scalar_subquery()
            .label("busy")
        )
        row = conn.execute(sa.select(_ct.services, _ct.paused, busy).where(_ct.name == counter)).first()
        if row is None or not row.services:
            raise QueueRefused(tr("{counter} 号窗口尚未登录", counter=counter), "not_logged_in")
        if free and row.busy is not None:
            raise _busy(row.busy)
        return row.services.split(","), bool(row.paused)

    def _current(self, conn: Connection, counter: str) -> Visit | None:
        row = conn.execute(
            sa.select(t.ticket).where(_tk.counter == counter, _tk.status.in_(CURRENT)).order_by(_tk.id.desc())
        ).first()
        return self._visit(row) if row else None

    def _holding(self, conn: Connection, counter: str, states: Sequence[str]) -> Visit:
        visit = self._current(conn, counter)
        if visit is None:
            raise QueueRefused(tr("{counter} 号窗口当前没有号", counter=counter), "no_current_ticket")
        if visit.status not in states:
            raise QueueRefused(tr("{number} 已在办理中", number=visit.number), "already_serving")
        return visit

    def _take(self, conn: Connection, counter: str, ticket_id: int, number: str, stamp: datetime) -> None:
        conn.execute(
            sa.update(t.counter)
            .where(_ct.name == counter)
            .values(ticket_id=ticket_id, number=number, updated_at=stamp)
        )

    def _release(self, conn: Connection, counter: str, stamp: datetime) -> None:
        conn.execute(
            sa.update(t.counter)
            .where(_ct.name == counter)
            .values(ticket_id=None, number=None, updated_at=stamp)
        )

    def _move(
        self,
        conn: Connection,
        desk: str,
        visit: Visit,
        event: str,
        extra: dict[str, str] | None = None,
        **values: Any,
    ) -> Visit:
        """Change the ticket's columns (`values`), tell the boards that counter `desk` did
        `event`, and return the ticket as it is now."""
        conn.execute(sa.update(t.ticket).where(_tk.id == visit.id).values(**values))
        self._notify(conn, event, desk, visit, **(extra or {}))
        return self._visit_by_id(conn, visit.id)

    def _log_call(self, conn: Connection, row: Any, counter: str, kind: str, now: datetime) -> None:
        line = getattr(row, "line", None) or row.service
        conn.execute(
            sa.insert(call).values(
                day=now.date(),
                ticket_id=row.id,
                number=row.number,
                service=line,
                counter=counter,
                kind=kind,
                at=_naive(now),
            )
        )
        self._notify(conn, "called" if kind == CALL else "recalled", counter, row)

    def _notify(self, conn: Connection, event: str, counter: str, row: Any = None, **extra: str) -> None:
        payload: dict[str, Any] = {"event": event, "counter": counter, **extra}
        if row is not None:
            payload.update(service=getattr(row, "line", None) or row.service, number=row.number)
        self.store._notify(conn, payload)

    def _visit_by_id(self, conn: Connection, ticket_id: int) -> Visit:
        return self._visit(conn.execute(sa.select(t.ticket).where(_tk.id == ticket_id)).one())

    def _visit(self, row: Any) -> Visit:
        local = self._local
        return Visit(
            id=row.id,
            number=row.number,
            service=row.service,
            line=row.line or row.service,
            status=row.status,
            priority=int(row.priority),
            kind=row.kind,
            calls=int(row.calls),
            counter=row.counter,
            issued_at=self.store._local(row.issued_at),
            called_at=local(row.called_at),
            served_at=local(row.served_at),
            return_at=local(row.return_at),
        )

    def _local(self, naive: datetime | None) -> datetime | None:
        return self.store._local(naive) if naive is not None else None
