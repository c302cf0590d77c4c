"""The queue store: issues numbered tickets, checks appointments in, tells kiosks and staff how the
lines stand (counters call tickets through hall/queue/calling.py).

One SQLAlchemy Core code path for SQLite and PostgreSQL, but a ticket is written by one statement
per engine that numbers it inside the transaction inserting it, so concurrent issuers never share
a number and a refused or failed issue leaves no gap. PostgreSQL: a CTE upserts the day's counter
row (INSERT ... ON CONFLICT (service, day) DO UPDATE SET last = last + 1), whose row lock
serialises issuers per service, and inserts the ticket; but for a check-in, the CTE runs in a
procedure of the session (see _issue_procedure) that also reads what the ticket shows after its
commit, so a ticket costs one round trip. SQLite: BEGIN IMMEDIATE serialises writers, and the
ticket's insert numbers it max(seq) + 1 of its service and day.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import re
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from core.clock import Clock
from core.redact import mask_id
from core.text import Text, tr
from hall.db import DriverStatement, autocommit, migrate, queued_writer
from hall.queue import identity, rules
from hall.queue import tables as t
from hall.queue.counter_tables import call
from hall.queue.errors import QueueKeyMismatch, QueueRefused, QueueUnavailable
from hall.queue.pause import Pauses, pause, refusal
from hall.queue.services import QueueSettings, Service

log = logging.getLogger(__name__)

T = TypeVar("T")

# Counters that called a ticket of a service this recently count as serving it (for the estimate).
ACTIVE_COUNTER_WINDOW = timedelta(minutes=60)
NOTIFY_CHANNEL = "kiosk_queue"
# What the booking system's appointment numbers look like (the column holds 32 characters).
REF_PATTERN = re.compile(r"[0-9A-Za-z-]{1,32}")


@dataclass(frozen=True)
class Ticket:
    id: int
    number: str  # "A001"
    service: str  # service code
    day: date  # the hall's local date
    seq: int
    priority: bool
    kind: str  # walk_in, elderly, appointment
    status: str  # waiting, called, done, no_show
    issued_at: datetime  # hall-local, aware
    waiting_ahead: int = 0
    estimated_wait_min: int = 0
    counter: str | None = None
    line: str | None = None  # transferred: the service whose line it waits in now

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "service": self.service,
            "waiting_ahead": self.waiting_ahead,
            "estimated_wait_min": self.estimated_wait_min,
            "priority": self.priority,
            "kind": self.kind,
            "status": self.status,
            "counter": self.counter,
            "issued_at": self.issued_at.isoformat(timespec="seconds"),
        }


@dataclass(frozen=True)
class Availability:
    """One service as the home screen shows it."""

    service: Service
    available: bool
    code: str  # "open", or why not: closed_day, before_hours, between_hours, after_hours, limit_reached
    reason: Text | None
    waiting: int
    last_number: str | None
    estimated_wait_min: int  # for a walk-in ticket taken now

    def to_json(self) -> dict[str, Any]:
        return {
            "service": self.service.code,
            "prefix": self.service.prefix,
            "name": self.service.name_zh,
            "available": self.available,
            "code": self.code,
            "reason": str(self.reason) if self.reason else None,
            "waiting": self.waiting,
            "last_number": self.last_number,
            "estimated_wait_min": self.estimated_wait_min,
        }


@dataclass(frozen=True)
class Appointment:
    id: int
    ref: str
    service: str
    day: date
    at: datetime  # hall-local, aware
    status: str  # booked, checked_in
    check_in_from: datetime
    check_in_until: datetime


# Statements built once: issuing is hot (every tap, every kiosk), and building Core constructs
# per call cost more than the database work on SQLite.
_tk = t.ticket.c
_SERVICE_DAY = sa.and_(_tk.service == sa.bindparam("service"), _tk.day == sa.bindparam("day"))
_HELD = sa.select(_tk.number).where(_SERVICE_DAY, _tk.id_hash == sa.bindparam("person"))
_HOLDING = (
    sa.select(_tk.number)
    .where(_SERVICE_DAY, _tk.id_hash == sa.bindparam("person", None, type_=sa.String))
    .scalar_subquery()
)
# a service's own waiting tickets, less those transferred to another service's line (one scan
# of ix_queue_ticket_lane, which holds `line`)
_WAITING = (
    sa.select(sa.func.count())
    .select_from(t.ticket)
    .where(
        _SERVICE_DAY,
        _tk.status == t.WAITING,
        sa.or_(_tk.line.is_(None), _tk.line == sa.bindparam("service")),
    )
)
# "seq" above every real one: read before a ticket exists, every waiting ticket is older
_BEFORE_ISSUE = 2**31 - 1
_OF_PRIORITY = sa.and_(_tk.priority == 1, _tk.seq < sa.bindparam("seq"))
_OF_WALK_IN = sa.or_(_tk.priority == 1, _tk.seq < sa.bindparam("seq"))
# A transferred ticket keeps its service and number and waits in another service's `line`
# (hall/queue/calling.py): it counts there. Tickets moved into a service's line are few a day,
# found by ix_queue_ticket_line; ahead of a ticket if of higher priority, or as high and older.
_MOVED_IN = (
    sa.select(sa.func.count())
    .select_from(t.ticket)
    .where(
        _tk.day == sa.bindparam("day"),
        _tk.line == sa.bindparam("service"),
        _tk.service != sa.bindparam("service"),
        _tk.status == t.WAITING,
        sa.or_(
            _tk.priority > sa.bindparam("rank"),
            sa.and_(_tk.priority == sa.bindparam("rank"), _tk.issued_at < sa.bindparam("issued")),
        ),
    )
)


def _ahead(lane: Any) -> Any:
    """Tickets of the service's line ahead of one in `lane`: its own, and those moved in."""
    return _WAITING.where(lane).scalar_subquery() + _MOVED_IN.scalar_subquery()


# SQLite: everyone waiting in a service's line, as _ahead(_OF_WALK_IN) before an issue counts
# them, without a test per row: the service's waiting tickets over the lane index's range, less
# those transferred to another line (few a day: by the partial ix_queue_ticket_line, which the
# planner, without statistics, would not pick over the lane index unasked), plus those moved in.
# Counting each waiting ticket is the estimate's only cost that grows with the queue: the two
# per-row tests made it about 1.6x (raw sqlite3, 200 waiting: about 35 -> 22 us). INDEXED BY
# fails the statement if the index is missing: renaming or dropping ix_queue_ticket_line (every
# database has it from queue 1 or queue_calling 2 on) must change this statement too.
_MOVED_OUT = (
    sa.text(
        "SELECT count(*) AS n FROM queue_ticket INDEXED BY ix_queue_ticket_line"
        " WHERE day = :day AND line != :service AND service = :service AND status = :waiting"
    )
    .bindparams(
        sa.bindparam("day", type_=sa.Date),
        sa.bindparam("service", type_=sa.String),
        sa.bindparam("waiting", t.WAITING),
    )
    .columns(sa.column("n", sa.Integer))
    .scalar_subquery()
)
_ALL_WAITING = (
    sa.select(sa.func.count())
    .select_from(t.ticket)
    .where(_SERVICE_DAY, _tk.status == t.WAITING)
    .scalar_subquery()
    - _MOVED_OUT
    + _MOVED_IN.scalar_subquery()
)


_ACTIVE_COUNTERS = sa.select(sa.func.count(sa.distinct(_tk.counter))).where(
    _SERVICE_DAY, _tk.called_at >= sa.bindparam("since")
)
# a new ticket's columns besides service, day, seq and number
_TICKET_VALUES = ("priority", "kind", "id_hash", "appointment_id", "status", "kiosk_id", "issued_at")


def _context_reads(pg: bool) -> dict[tuple[bool, bool | None], Any]:
    """One statement per (priority, durable) giving what a ticket shows besides its number:
    tickets ahead, counters serving lately, and the count and sum (whole ms) of recent service
    times; durable (PostgreSQL, run after the ticket's commit) also makes the ticket durable.
    SQLite also has (False, None): a walk-in before its issue, counted as _ALL_WAITING does."""
    if pg:
        ms = sa.func.round(sa.extract("epoch", _tk.done_at - _tk.called_at) * 1000)
    else:
        ms = sa.func.round((sa.func.julianday(_tk.done_at) - sa.func.julianday(_tk.called_at)) * 86_400_000)
    recent = (
        sa.select(sa.cast(ms, sa.BigInteger).label("ms"))
        .where(_SERVICE_DAY, _tk.status == t.DONE, _tk.called_at.is_not(None), _tk.done_at.is_not(None))
        .order_by(_tk.done_at.desc())
        .limit(sa.bindparam("n"))
        .subquery()
    )
    active = _ACTIVE_COUNTERS.scalar_subquery()
    # one pass over the latest service times gives their count and sum (one row, even when none)
    samples = (sa.func.count(recent.c.ms), sa.func.coalesce(sa.func.sum(recent.c.ms), 0))
    # SQLite: the issue's checks come with its estimate, from the same snapshot and in the same
    # statement (a statement costs more than these two lookups): whether staff paused the service,
    # at any kiosk (read at every ticket, so there is no copy to go stale), and the number the
    # person holds today (person: None for an anonymous ticket)
    checks = () if pg else (sa.exists().where(pause.c.service == sa.bindparam("service")), _HOLDING)
    out: dict[tuple[bool, bool | None], Any] = {}
    if not pg:
        # a walk-in ticket before it is issued (key (False, None)): everyone its lane waits for
        out[False, None] = sa.select(_ALL_WAITING, active, *samples, *checks).select_from(recent)
    for priority in (False, True):
        ahead = _ahead(_OF_PRIORITY if priority else _OF_WALK_IN)
        stmt = sa.select(ahead, active, *samples, *checks).select_from(recent)
        out[priority, False] = stmt
        if pg:
            # A transactional WAL record makes this statement's commit flush the log up to it, so
            # the ticket committed just before (without waiting for the disk) is on disk when
            # this returns. An XID alone (txid_current()) is not enough: a commit that wrote no
            # WAL before its commit record is not flushed. No pg_notify here: a notifying
            # transaction holds a cluster-wide lock until its commit is flushed, which would put
            # every issuer's flush in one line (no group commit); the numbering CTE notifies.
            durable = sa.func.pg_logical_emit_message(sa.true(), sa.literal(NOTIFY_CHANNEL), sa.literal(""))
            out[priority, True] = stmt.add_columns(durable)
    return out


# The PostgreSQL issue procedure's arguments (a_<name>) and their SQL types: the numbering CTE's
# parameters and the estimate's.
_ISSUE_ARGS = {
    "service": "varchar",
    "day": "date",
    "prefix": "varchar",
    "limit": "integer",
    "priority": "smallint",
    "kind": "varchar",
    "id_hash": "varchar",
    "appointment_id": "integer",
    "status": "varchar",
    "kiosk_id": "varchar",
    "issued_at": "timestamp",
    "since": "timestamp",
    "n": "integer",
}
_INSUFFICIENT_PRIVILEGE = "42501"  # SQLSTATE of CREATE in pg_temp without TEMP on the database
# what it gives back: the ticket's id and seq (NULL: the daily limit is reached), then the
# estimate's row (as _context reads it)
_ISSUE_OUT = (
    "r_id integer",
    "r_seq integer",
    "r_ahead bigint",
    "r_active bigint",
    "r_samples bigint",
    "r_ms bigint",
)


def _issue_procedure(
    numbering: DriverStatement, reads: dict[tuple[bool, bool | None], DriverStatement], dialect: sa.Dialect
) -> tuple[str, str, DriverStatement]:
    """PostgreSQL: (name, CREATE statement, call) of a procedure, made in each session's pg_temp,
    that runs an issue's two transactions (all but a check-in's) in one round trip: the numbering
    CTE (which commits without waiting for the disk), COMMIT, then the durable estimate read,
    whose synchronous commit at the end of the CALL flushes the log past the ticket. The
    statements are those the client sent before, compiled from the same Core constructs
    (inline()), so nothing is written twice; the name is the body's hash, and a session makes it
    at its first ticket (temporary: no migration, no version to keep in step with the code; the
    role needs TEMP on the database, which PUBLIC has by default; without it, the two statements
    are sent one after the other, see QueueStore._issue_call). A CALL in autocommit may
    COMMIT inside. One client statement instead of two saves the second statement's client work
    and a round trip: one issuer, CPU per ticket (schedstat) client about 420 -> 280 us, backend
    about 420 -> 385 us. (Pipelining the two statements instead, Sync between them, saved nothing
    on a local socket: psycopg's pipeline costs the client more than the round trip it saves.)"""
    # the statements' fixed values are constants of the procedure, as they were parameters of
    # the statements sent before: their plans are the same (a literal would let the planner
    # choose another, for better or worse)
    steps = {"c": numbering, "w": reads[False, True], "p": reads[True, True]}
    fixed = {key: stmt.fixed() for key, stmt in steps.items()}
    constants = "".join(
        f"    {key}_{name} CONSTANT {sql_type} := {value};\n"
        for key in steps
        for name, (sql_type, value) in fixed[key].items()
    )
    given = {"seq": "r_seq", "rank": "a_priority", "issued": "a_issued_at"}  # the estimate's

    def variable(key: str, name: str) -> str:
        return f"{key}_{name}" if name in fixed[key] else given.get(name, f"a_{name}")

    sql = {key: stmt.inline(functools.partial(variable, key)) for key, stmt in steps.items()}
    into = "INTO r_ahead, r_active, r_samples, r_ms"
    body = (
        f"DECLARE\n{constants}BEGIN\n{sql['c']}\nINTO r_id, r_seq;\n"
        "IF r_id IS NULL THEN\n    RETURN;\nEND IF;\n"
        "COMMIT;\n"
        f"IF a_priority = 1 THEN\n{sql['p']}\n{into};\n"
        f"ELSE\n{sql['w']}\n{into};\nEND IF;\nEND"
    )
    params = ", ".join(
        [f"a_{name} {sql_type}" for name, sql_type in _ISSUE_ARGS.items()]
        + [f"INOUT {out} DEFAULT NULL" for out in _ISSUE_OUT]
    )
    name = "kiosk_queue_issue_" + hashlib.sha256(f"{params}\n{body}".encode()).hexdigest()[:16]
    create = f"CREATE PROCEDURE pg_temp.{name}({params}) LANGUAGE plpgsql AS $issue$\n{body}\n$issue$"
    arguments = ", ".join(f"CAST(:{name} AS {sql_type})" for name, sql_type in _ISSUE_ARGS.items())
    call = DriverStatement(sa.text(f"CALL pg_temp.{name}({arguments})"), dialect)
    return name, create, call


# SQLite: BEGIN IMMEDIATE serialises writers; the next number is the day's highest of the
# service plus one, read from the unique (service, day, seq) index, so no counter row is written
# (each page written costs a WAL frame at commit). A rolled-back issue leaves no gap; nothing but
# reset_day deletes a ticket. Numbers as Service.number formats them. Without a daily limit,
# number and ticket are one statement (the number a subquery in VALUES); with one, the number is
# read first and checked: INSERT ... SELECT, which could refuse by inserting no row, costs more
# than both, as SQLite copies what it selects from the table it writes before inserting.
_NEXT_SEQ = "SELECT coalesce(max(seq), 0) + 1 FROM queue_ticket WHERE service = :service AND day = :day"
_INSERT_TICKET = (
    "INSERT INTO queue_ticket (service, day, seq, number, priority, kind, id_hash, appointment_id,"
    " status, kiosk_id, issued_at) VALUES (:service, :day, {seq}, {number}, :priority, :kind,"
    " :id_hash, :appointment_id, :status, :kiosk_id, :issued_at) RETURNING id, seq"
)
_ISSUE_SQLITE = _INSERT_TICKET.format(
    seq=f"({_NEXT_SEQ})", number=f":prefix || printf('%03d', ({_NEXT_SEQ}))"
)
_INSERT_NUMBERED = _INSERT_TICKET.format(seq=":seq", number=":number")


def _sqlite_statement(sql: str) -> sa.TextClause:
    """Dates and times bound as SQLAlchemy stores them on SQLite (text)."""
    typed = {"day": sa.Date, "issued_at": sa.DateTime}
    return sa.text(sql).bindparams(*(sa.bindparam(k, type_=v) for k, v in typed.items() if f":{k}" in sql))


def _upsert(table: sa.Table, pg: bool) -> Any:
    return postgresql.insert(table) if pg else sqlite.insert(table)


def _utc_naive(dt: datetime) -> datetime:
    return dt.astimezone(UTC).replace(tzinfo=None)


def active_since(now: datetime) -> datetime:
    """The start of the window in which a counter that called counts as serving (UTC, naive):
    an hour of real time, also across a change of summer time (aware arithmetic in the hall's
    zone is wall-clock arithmetic: 0 or 120 minutes in the hour after a change)."""
    return _utc_naive(now) - ACTIVE_COUNTER_WINDOW


class QueueStore:
    """Thread-safe (each call takes its own connection); share one per process."""

    def __init__(
        self,
        engine: Engine,
        settings: QueueSettings,
        clock: Clock,
        tz: ZoneInfo | str,
        key: bytes,
        kiosk_id: str = "",
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.clock = clock
        self.tz = ZoneInfo(tz) if isinstance(tz, str) else tz
        self._key = key
        self.kiosk_id = kiosk_id
        self._pg = engine.dialect.name == "postgresql"
        self._auto = autocommit(engine)
        dialect = engine.dialect
        # the issue's statements, run on the driver (see DriverStatement)
        self._reads = {k: DriverStatement(s, dialect) for k, s in _context_reads(self._pg).items()}
        self._held = DriverStatement(_HELD, dialect)
        self._begin, self._commit, self._rollback = (
            DriverStatement(sa.text(sql), dialect)
            for sql in ("BEGIN" if self._pg else "BEGIN IMMEDIATE", "COMMIT", "ROLLBACK")
        )
        self.pauses = Pauses(engine, kiosk_id, now=clock.now)  # staff's pauses, from a copy
        if self._pg:
            # PostgreSQL: number, ticket and notification in one statement, so the counter row
            # stays locked for one insert and its commit. The number is formatted as
            # Service.number does. Its commit does not wait for the disk (synchronous_commit off
            # for this transaction only), so the next issuer gets the row without waiting for our
            # flush, and the cluster-wide lock a notifying transaction holds from its commit to
            # its end is held for an in-memory commit only (a notifying commit that waits for the
            # disk puts every notifier's flush in one line). Boards hear of the ticket as it
            # commits. The ticket is not returned before the post-commit read's synchronous
            # commit has flushed the log past it (see _context_reads), so no number is shown
            # that a crash could lose.
            seq = t.day_seq.c
            # the next number, unless the daily limit (0: none) is reached: then no row, no increment
            counted = (
                _upsert(t.day_seq, pg=True)
                .values(service=sa.bindparam("service"), day=sa.bindparam("day"), last=1)
                .on_conflict_do_update(
                    index_elements=[seq.service, seq.day],
                    set_={"last": seq.last + 1},
                    where=sa.or_(sa.bindparam("limit") == 0, seq.last < sa.bindparam("limit")),
                )
                .returning(seq.last)
                .cte("counted")
            )
            no_wait = sa.select(sa.func.set_config("synchronous_commit", "off", True).label("v")).cte(
                "no_wait"
            )
            n = counted.c.last
            number = sa.bindparam("prefix", type_=sa.String) + sa.func.lpad(
                sa.cast(n, sa.String), sa.func.greatest(3, sa.func.length(sa.cast(n, sa.String))), "0"
            )
            columns = ["service", "day", "seq", "number", *_TICKET_VALUES]
            payload = sa.func.json_build_object(
                "event", "issued", "service", _tk.service, "number", _tk.number
            )
            notify = sa.func.pg_notify(sa.literal(NOTIFY_CHANNEL), sa.cast(payload, sa.Text))
            self._issue_pg = DriverStatement(
                sa.insert(t.ticket)
                .from_select(
                    columns,
                    sa.select(
                        sa.bindparam("service", type_=sa.String),
                        sa.bindparam("day", type_=sa.Date),
                        n,
                        number,
                        *(sa.bindparam(c, type_=t.ticket.c[c].type) for c in _TICKET_VALUES),
                    ).select_from(counted.join(no_wait, sa.true())),
                )
                .returning(_tk.id, _tk.seq, notify),
                dialect,
            )
            # an issue: that statement and the estimate in one call (a check-in's CTE runs in
            # the transaction that marks its booking)
            self._procedure, self._create_procedure, self._call_issue = _issue_procedure(
                self._issue_pg, self._reads, dialect
            )
            self._fallback_lock = threading.Lock()  # one warning per store when it cannot make it
            self._fallback_logged = False
        else:
            self._issue_sqlite, self._next_seq, self._insert_numbered = (
                DriverStatement(_sqlite_statement(sql), dialect)
                for sql in (_ISSUE_SQLITE, _NEXT_SEQ, _INSERT_NUMBERED)
            )

    # ---- setup --------------------------------------------------------------------------

    def prepare(self, adopt_key: bool = False) -> None:
        """Apply migrations and make sure every machine on this queue hashes IDs with one key.

        adopt_key: this machine's key becomes the queue's (staff's way out after a lost key file;
        today's real-name tickets made with the old key no longer block a second ticket).
        """
        fingerprint = identity.key_fingerprint(self._key)

        def run(conn: Connection) -> None:
            found = conn.execute(sa.select(t.meta.c.value).where(t.meta.c.key == "id_key")).scalar()
            if found is None:
                conn.execute(sa.insert(t.meta).values(key="id_key", value=fingerprint))
            elif found != fingerprint and adopt_key:
                log.warning("the queue now hashes ID numbers with this machine's key")
                conn.execute(sa.update(t.meta).where(t.meta.c.key == "id_key").values(value=fingerprint))
            elif found != fingerprint:
                raise QueueKeyMismatch(
                    tr("本机的身份证号密钥与共享排队库不一致，请从第一台取号机复制密钥文件"), "key_mismatch"
                )

        self._db(migrate, self.engine)
        try:
            self._tx(run)
        except QueueUnavailable as e:
            # two machines starting at once: the loser's insert collides; read again
            if not isinstance(e.__cause__, sa.exc.IntegrityError):
                raise
            self._tx(run)

    # ---- time ---------------------------------------------------------------------------

    def local_now(self) -> datetime:
        return self.clock.now().astimezone(self.tz)

    def today(self) -> date:
        """The hall's date: numbers restart at local midnight, not at a UTC boundary."""
        return self.local_now().date()

    def _local(self, naive_utc: datetime) -> datetime:
        return naive_utc.replace(tzinfo=UTC).astimezone(self.tz)

    # ---- the citizen's side -------------------------------------------------------------

    def service(self, code: str) -> Service:
        svc = self.settings.service(code)
        if svc is None:
            raise QueueRefused(tr("没有这项业务：{code}", code=code), "unknown_service")
        return svc

    def availability(self, code: str) -> Availability:
        svc = self.service(code)
        return self._tx(lambda conn: self._availability(conn, svc, self.local_now()))

    def overview(self) -> list[Availability]:
        """Every service in config order, read in one transaction."""
        now = self.local_now()
        return self._tx(lambda conn: [self._availability(conn, s, now) for s in self.settings.services])

    def _availability(self, conn: Connection, svc: Service, now: datetime) -> Availability:
        day = now.date()
        waiting, wait = self._estimate(svc, self._context(conn, svc, now, priority=False))
        # the day's highest number (SQLite keeps no counter row; numbers have no gaps)
        last = conn.execute(
            sa.select(sa.func.max(_tk.seq)).where(_tk.service == svc.code, _tk.day == day)
        ).scalar()
        last_number = svc.number(last) if last else None
        opening = rules.opening(svc, self.settings.calendar, now)
        if not opening.open:
            return Availability(svc, False, opening.code, opening.reason, waiting, last_number, wait)
        if self.pauses.paused(svc.code):
            return Availability(svc, False, "paused", refusal(svc.name_zh), waiting, last_number, wait)
        if svc.daily_limit and (last or 0) >= svc.daily_limit:
            reason = tr("今日号源已取完（每日 {limit} 个）", limit=svc.daily_limit)
            return Availability(svc, False, "limit_reached", reason, waiting, last_number, wait)
        return Availability(svc, True, "open", None, waiting, last_number, wait)

    def issue(
        self,
        code: str,
        *,
        id_number: str | None = None,
        birth_date: date | None = None,
        appointment: str | None = None,
    ) -> Ticket:
        """Issue the next ticket of a service, or raise QueueRefused with the reason to show.

        With an ID number (from the card) the ticket is real-name: one per person per service per
        day, and priority at or over the configured age (birth date from the card, else from the
        number). With an appointment number the booking is checked in as a priority ticket.
        """
        svc = self.service(code)
        if appointment is not None:
            return self.check_in(appointment, id_number=id_number, service=svc.code)
        now = self.local_now()
        day = now.date()
        opening = rules.opening(svc, self.settings.calendar, now)
        if not opening.open:
            raise QueueRefused(opening.reason or tr("此业务暂停取号"), opening.code)
        # SQLite reads the pause with the ticket's estimate (see _issue), PostgreSQL from the copy
        if self._pg and self._db(self.pauses.paused, svc.code):
            raise QueueRefused(refusal(svc.name_zh), "paused")
        try:
            person = self._person(svc, day, id_number)
        except QueueRefused:
            # paused is told first (read now, as with a ticket; a refusal is no hot path)
            if not self._pg and svc.code in self._db(self.pauses.current):
                raise QueueRefused(refusal(svc.name_zh), "paused") from None
            raise
        if id_number is not None and birth_date is None:
            birth_date = rules.birth_date_of(identity.normalise(id_number))
        elderly = id_number is not None and rules.is_elderly(birth_date, day, self.settings.elderly_age)
        kind = t.ELDERLY if elderly else t.WALK_IN
        ticket = self._issue(svc, now, person, kind, priority=elderly, limit=svc.daily_limit)
        log.info(
            "issued %s (%s)%s",
            ticket.number,
            kind,
            f" to {mask_id(identity.normalise(id_number))}" if id_number else "",
        )
        return ticket

    def _person(self, svc: Service, day: date, id_number: str | None) -> str | None:
        if id_number is None:
            if svc.real_name:
                raise QueueRefused(tr("{name}需要实名取号，请刷身份证", name=svc.name_zh), "id_required")
            return None
        if not rules.id_number_valid(id_number):
            raise QueueRefused(tr("身份证号码有误，请核对"), "invalid_id")
        return identity.id_hash(self._key, day, id_number)

    def _issue(
        self,
        svc: Service,
        now: datetime,
        person: str | None,
        kind: str,
        *,
        priority: bool,
        limit: int = 0,
        booking: int | None = None,
    ) -> Ticket:
        """One write per ticket; what the ticket shows besides its number is read outside the
        counter lock: on SQLite before BEGIN IMMEDIATE, on PostgreSQL after the commit (making
        it durable; but for a check-in, write and read are one call, see _issue_procedure)."""
        day = now.date()
        values: dict[str, Any] = {
            "service": svc.code,
            "day": day,
            "limit": limit,
            "priority": int(priority),
            "kind": kind,
            "id_hash": person,
            "appointment_id": booking,
            "status": t.WAITING,
            "kiosk_id": self.kiosk_id,
            "issued_at": _utc_naive(now),
            "prefix": svc.prefix,  # the number's, as Service.number formats it
        }
        ahead = wait = 0
        try:
            with self._errors(), self._auto.connect() as conn:
                if person is not None and self._pg:
                    self._refuse_if_holding(conn, svc, day, person)
                # PostgreSQL, but for a check-in: one call, the ticket, then what it shows
                row = self._issue_call(conn, svc, now, values) if self._pg and booking is None else None
                if row is not None:
                    written = None if row[0] is None else (row[0], row[1])
                else:
                    if not self._pg:  # the estimate, the pause and the person's ticket in one read
                        read = self._context(conn, svc, now, priority, person=person)
                        paused, holding = read[4], read[5]
                        if paused:
                            raise QueueRefused(refusal(svc.name_zh), "paused")
                        if holding is not None:
                            raise self._holding(svc, holding)
                        ahead, wait = self._estimate(svc, read)
                    written = self._write(conn, svc, values, booking)
                if written is None:
                    raise QueueRefused(tr("今日号源已取完（每日 {limit} 个）", limit=limit), "limit_reached")
                ticket_id, seq = written
                number = svc.number(seq)
                if row is not None:
                    ahead, wait = self._estimate(svc, row[2:])
                elif self._pg:
                    ahead, wait = self._estimate(
                        svc, self._context(conn, svc, now, priority, seq, durable=True)
                    )
        except QueueUnavailable as e:
            # the same person at two machines at once: the unique (service, day, id_hash) caught it
            if person is not None and isinstance(e.__cause__, sa.exc.IntegrityError):
                self._tx(lambda conn: self._refuse_if_holding(conn, svc, day, person))
            raise
        return Ticket(
            id=ticket_id,
            number=number,
            service=svc.code,
            day=day,
            seq=seq,
            priority=priority,
            kind=kind,
            status=t.WAITING,
            issued_at=now,
            waiting_ahead=ahead,
            estimated_wait_min=wait,
        )

    def _issue_call(self, conn: Connection, svc: Service, now: datetime, values: dict[str, Any]) -> Any:
        """PostgreSQL, all but a check-in: number, ticket and estimate in one call of the
        session's issue procedure (made at the session's first ticket): (id, seq, then the
        estimate's row); id None: the daily limit is reached. A failure before the ticket's
        commit rolls its number back: no gap. None: the session cannot make the procedure (the
        role lacks TEMP on the database, as hardened installations revoke it from PUBLIC): the
        caller issues in two statements, as before the procedure."""
        info = conn.connection.info  # the pooled connection's, cleared when it reconnects
        made = info.get(self._procedure)
        if made is None:
            try:
                conn.exec_driver_sql(self._create_procedure)
                made = True
            except sa.exc.ProgrammingError as e:
                # only the missing privilege: an error in the procedure's SQL must not hide here
                if getattr(e.orig, "sqlstate", None) != _INSUFFICIENT_PRIVILEGE:
                    raise
                made = False  # autocommit: the failed statement left no transaction behind
                with self._fallback_lock:
                    warn, self._fallback_logged = not self._fallback_logged, True
                if warn:
                    log.warning(
                        "queue: cannot create the issue procedure in pg_temp (%s); issuing tickets"
                        " in two statements instead (GRANT TEMP on the database for one call)",
                        e.orig if e.orig is not None else e,
                    )
            info[self._procedure] = made
        if not made:
            return None
        params = {
            **values,
            "since": active_since(now),
            "n": self.settings.recent_samples,
        }
        return self._call_issue.execute(conn, params).fetchone()

    def _write(
        self, conn: Connection, svc: Service, values: dict[str, Any], booking: int | None
    ) -> tuple[int, int] | None:
        """Number and ticket on the connection of the issue's reads (one checkout): SQLite, the
        numbering insert under BEGIN IMMEDIATE; PostgreSQL, the numbering CTE, a statement that
        commits on its own (when the session has no issue procedure, see _issue_call), or a
        check-in's CTE and its booking in a transaction. A failure rolls the number back: no gap.
        None: the daily limit is reached."""
        if self._pg and booking is None:
            row = self._write_ticket(conn, svc, values)
            return (row[0], row[1]) if row else None
        with queued_writer(conn):
            return self._write_in_tx(conn, svc, values, booking)

    def _write_in_tx(
        self, conn: Connection, svc: Service, values: dict[str, Any], booking: int | None
    ) -> tuple[int, int] | None:
        self._begin.execute(conn, {})
        try:
            written: tuple[int, int] | None = None
            row = self._write_ticket(conn, svc, values)
            written = (row[0], row[1]) if row else None
            if written is not None and booking is not None:
                self._check_in_booking(conn, booking, written[0])
        except BaseException:
            self._rollback.execute(conn, {})
            raise
        self._commit.execute(conn, {})
        return written

    def _write_ticket(self, conn: Connection, svc: Service, values: dict[str, Any]) -> Any:
        """The ticket's row (id, seq), or None at the daily limit: in the open transaction, or
        (PostgreSQL without the issue procedure) a statement of its own."""
        if self._pg:
            return self._issue_pg.execute(conn, values).fetchone()
        if not values["limit"]:
            return self._issue_sqlite.execute(conn, values).fetchone()
        seq = self._next_seq.execute(conn, values).fetchone()[0]
        if seq > values["limit"]:
            return None
        numbered = {**values, "seq": seq, "number": svc.number(seq)}
        return self._insert_numbered.execute(conn, numbered).fetchone()

    def _check_in_booking(self, conn: Connection, booking: int, ticket_id: int) -> None:
        done = conn.execute(
            sa.update(t.appointment)
            .where(t.appointment.c.id == booking, t.appointment.c.status == t.BOOKED)
            .values(status=t.CHECKED_IN, ticket_id=ticket_id)
        )
        if done.rowcount != 1:  # raising rolls the ticket and its number back
            raise QueueRefused(tr("此预约已签到"), "appointment_used")

    def _refuse_if_holding(self, conn: Connection, svc: Service, day: date, person: str) -> None:
        held = self._held.execute(conn, {"service": svc.code, "day": day, "person": person}).fetchone()
        if held is not None:
            raise self._holding(svc, held[0])

    def _holding(self, svc: Service, number: str) -> QueueRefused:
        return QueueRefused(
            tr("您今天已取过{name}的号：{number}，每人每天限取一个", name=svc.name_zh, number=number),
            "duplicate",
        )

    def _context(
        self,
        conn: Connection,
        svc: Service,
        now: datetime,
        priority: bool,
        seq: int = _BEFORE_ISSUE,
        issued: datetime | None = None,
        durable: bool = False,
        person: str | None = None,
    ) -> Any:
        """What a ticket `seq` of the lane, issued at `issued` (default now), shows besides its
        number, in one statement (see _estimate): (ahead, active counters, samples, their sum in
        ms), then on SQLite (paused, the number `person` holds today). Before the ticket exists,
        ahead is everyone its lane waits behind, tickets transferred to the service included."""
        params: dict[str, Any] = {
            "service": svc.code,
            "day": now.date(),
            "seq": seq,
            "rank": int(priority),
            "issued": _utc_naive(issued or now),
            "since": active_since(now),
            "n": self.settings.recent_samples,
            "person": person,
        }
        key = (priority, None if seq == _BEFORE_ISSUE and not priority and not self._pg else durable)
        return self._reads[key].execute(conn, params).fetchone()

    def _estimate(self, svc: Service, row: Any) -> tuple[int, int]:
        """(ahead, wait in minutes) from a context read's row."""
        ahead = int(row[0] or 0)
        if ahead <= 0:
            return 0, 0
        active, samples, total_ms = int(row[1] or 0), int(row[2] or 0), int(row[3] or 0)
        counters = active or len(svc.counters)
        avg = rules.average_service_min(total_ms / 60_000, samples, svc.avg_service_min)
        return ahead, rules.estimated_wait_min(ahead, avg, counters)

    # ---- appointments -------------------------------------------------------------------

    def book(self, code: str, at: datetime, *, id_number: str, ref: str | None = None) -> Appointment:
        """Record a booking (what the booking system does; demo data and tests use it too).

        `at` is hall-local (naive means hall-local). The ID number is kept only as a hash keyed on
        the booked day, like a ticket's.
        """
        svc = self.service(code)
        at = at.replace(tzinfo=self.tz) if at.tzinfo is None else at.astimezone(self.tz)
        if not rules.id_number_valid(id_number):
            raise QueueRefused(tr("身份证号码有误，请核对"), "invalid_id")
        person = identity.id_hash(self._key, at.date(), id_number)
        reference = (
            ref.strip() if ref is not None else "".join(secrets.choice("0123456789") for _ in range(10))
        )
        if not REF_PATTERN.fullmatch(reference):
            raise QueueRefused(tr("预约号应为 1 到 32 位字母、数字或短横线"), "invalid_ref")

        def run(conn: Connection) -> Appointment:
            booking_id = conn.execute(
                sa.insert(t.appointment)
                .values(
                    ref=reference,
                    service=svc.code,
                    day=at.date(),
                    at=_utc_naive(at),
                    id_hash=person,
                    status=t.BOOKED,
                )
                .returning(t.appointment.c.id)
            ).scalar_one()
            row = conn.execute(sa.select(t.appointment).where(t.appointment.c.id == booking_id)).one()
            return self._appointment(row)

        try:
            return self._tx(run)
        except QueueUnavailable as e:
            # the ref is unique: a second booking under it is the caller's mistake, not an outage
            taken = sa.select(t.appointment.c.id).where(t.appointment.c.ref == reference)
            if isinstance(e.__cause__, sa.exc.IntegrityError) and self._tx(
                lambda conn: conn.execute(taken).first()
            ):
                raise QueueRefused(tr("预约号已存在：{ref}", ref=reference), "duplicate_ref") from None
            raise

    def lookup_appointment(
        self, *, id_number: str | None = None, ref: str | None = None
    ) -> list[Appointment]:
        """Today's bookings of a person (by ID card) or under an appointment number, soonest first."""
        day = self.today()
        ap = t.appointment.c
        if ref is not None:
            where = sa.and_(ap.ref == ref.strip(), ap.day == day)
        elif id_number is not None:
            where = sa.and_(ap.day == day, ap.id_hash == identity.id_hash(self._key, day, id_number))
        else:
            raise ValueError("give id_number or ref")
        rows = self._tx(
            lambda conn: conn.execute(sa.select(t.appointment).where(where).order_by(ap.at)).all()
        )
        return [self._appointment(r) for r in rows]

    def check_in(self, ref: str, *, id_number: str | None = None, service: str | None = None) -> Ticket:
        """Turn a booking for today into a priority ticket (open hours and the daily limit do not apply)."""
        now = self.local_now()
        found = self.lookup_appointment(ref=ref)
        if not found:
            raise QueueRefused(tr("未找到今天的预约：{ref}", ref=ref), "appointment_not_found")
        booking = found[0]
        svc = self.service(booking.service)
        if service is not None and service != svc.code:
            raise QueueRefused(tr("此预约是{name}业务", name=svc.name_zh), "appointment_other_service")
        person = self._tx(
            lambda conn: conn.execute(
                sa.select(t.appointment.c.id_hash).where(t.appointment.c.id == booking.id)
            ).scalar_one()
        )
        if id_number is not None and identity.id_hash(self._key, booking.day, id_number) != person:
            raise QueueRefused(tr("此预约不是本人的预约"), "appointment_other_person")
        if booking.status != t.BOOKED:
            raise QueueRefused(tr("此预约已签到"), "appointment_used")
        at = booking.at.strftime("%H:%M")
        if now < booking.check_in_from:
            raise QueueRefused(
                tr(
                    "您预约的时间是 {at}，请于 {start} 后签到",
                    at=at,
                    start=booking.check_in_from.strftime("%H:%M"),
                ),
                "appointment_early",
            )
        if now > booking.check_in_until:
            raise QueueRefused(tr("已超过预约时间 {at}，请现场取号", at=at), "appointment_late")
        if self._db(self.pauses.paused, svc.code):  # staff stopped the service: nobody is served
            raise QueueRefused(refusal(svc.name_zh), "paused")
        ticket = self._issue(svc, now, person, t.APPOINTMENT, priority=True, booking=booking.id)
        log.info("checked in booking %s as %s", booking.ref, ticket.number)
        return ticket

    def _appointment(self, row: Any) -> Appointment:
        at = self._local(row.at)
        return Appointment(
            id=row.id,
            ref=row.ref,
            service=row.service,
            day=row.day,
            at=at,
            status=row.status,
            check_in_from=at - timedelta(minutes=self.settings.appointment_early_min),
            check_in_until=at + timedelta(minutes=self.settings.appointment_late_min),
        )

    # ---- staff ---------------------------------------------------------------------------

    def ticket(self, number: str, day: date | None = None) -> Ticket | None:
        day = day or self.today()
        tk = t.ticket.c
        row = self._tx(
            lambda conn: conn.execute(
                sa.select(t.ticket).where(tk.day == day, tk.number == number.strip().upper())
            ).first()
        )
        return self._ticket(row) if row else None

    def standing(self, ticket: Ticket) -> Ticket:
        """A waiting ticket with the people ahead of it now and the wait (for a reprint)."""
        if ticket.status != t.WAITING:
            return ticket
        line, now = self.service(ticket.line or ticket.service), self.local_now()

        def run(conn: Connection) -> tuple[int, int]:
            seq = ticket.seq
            if line.code != ticket.service:
                # transferred here: the line's own tickets issued before it are ahead, i.e. those
                # numbered below the first one issued after it
                first_after = sa.select(sa.func.min(_tk.seq)).where(
                    _tk.day == ticket.day,
                    _tk.service == line.code,
                    _tk.issued_at >= _utc_naive(ticket.issued_at),
                )
                seq = conn.execute(first_after).scalar() or _BEFORE_ISSUE
            return self._estimate(
                line, self._context(conn, line, now, ticket.priority, seq, issued=ticket.issued_at)
            )

        ahead, wait = self._tx(run)
        return replace(ticket, waiting_ahead=ahead, estimated_wait_min=wait)

    def counters(self) -> dict[str, str | None]:
        """Each configured counter and the number it is serving now."""
        rows = self._tx(lambda conn: conn.execute(sa.select(t.counter.c.name, t.counter.c.number)).all())
        current = {r.name: r.number for r in rows}
        return {c: current.get(c) for c in self.settings.counters()}

    def reset_day(self, service: str | None = None) -> int:
        """Start today's numbering again (all services or one): today's tickets are deleted."""
        day = self.today()
        codes = [self.service(service).code] if service else [s.code for s in self.settings.services]
        tk = t.ticket.c

        def run(conn: Connection) -> int:
            ids = sa.select(tk.id).where(tk.day == day, tk.service.in_(codes))
            conn.execute(
                sa.update(t.appointment)
                .where(t.appointment.c.ticket_id.in_(ids))
                .values(status=t.BOOKED, ticket_id=None)
            )
            conn.execute(
                sa.update(t.counter).where(t.counter.c.ticket_id.in_(ids)).values(ticket_id=None, number=None)
            )
            conn.execute(sa.delete(call).where(call.c.day == day, call.c.service.in_(codes)))  # boards' calls
            deleted = conn.execute(sa.delete(t.ticket).where(tk.day == day, tk.service.in_(codes))).rowcount
            conn.execute(sa.delete(t.day_seq).where(t.day_seq.c.day == day, t.day_seq.c.service.in_(codes)))
            return int(deleted)

        n = self._tx(run)
        log.warning("reset today's queue (%s): %d tickets removed", ", ".join(codes), n)
        return n

    # ---- plumbing ------------------------------------------------------------------------

    def _ticket(self, row: Any, **override: Any) -> Ticket:
        values = {
            "id": row.id,
            "number": row.number,
            "service": row.service,
            "day": row.day,
            "seq": row.seq,
            "priority": bool(row.priority),
            "kind": row.kind,
            "status": row.status,
            "issued_at": self._local(row.issued_at),
            "counter": row.counter,
            "line": row.line,
        }
        values.update(override)
        return Ticket(**values)

    def _notify(self, conn: Connection, payload: dict[str, Any]) -> None:
        """PostgreSQL tells display boards and other kiosks at commit (LISTEN kiosk_queue)."""
        if self._pg:
            conn.execute(sa.select(sa.func.pg_notify(NOTIFY_CHANNEL, json.dumps(payload))))

    def _tx(self, fn: Callable[[Connection], T]) -> T:
        with self._errors(), self.engine.begin() as conn:
            return fn(conn)

    def _db(self, fn: Callable[..., T], *args: Any) -> T:
        with self._errors():
            return fn(*args)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sa.exc.DBAPIError as e:
            log.error("queue database error: %s", e.orig if e.orig is not None else e)
            raise QueueUnavailable(
                tr("排队系统暂时无法使用，请稍后再试或咨询工作人员"), "db_unavailable"
            ) from e
