"""The locker wall's records: compartment states, the tables, the values read from them, and the
errors an inventory operation raises (each with a reason fit for the screen)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Protocol

import sqlalchemy as sa

from core.text import TextLike, as_text
from hall.db import METADATA, Migration, create_tables, register


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

# the compartment's audit log (door opens are also steps of hall/journal.py)
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


class Alerting(Protocol):
    def raise_(self, source: str, code: str, message: TextLike, severity: str = "warning") -> Any: ...
    def clear(self, source: str, code: str) -> None: ...


def naive_utc(dt: datetime) -> datetime:
    # stored naive in UTC: SQLite keeps no time zone, PostgreSQL would convert; both read back alike
    return dt.astimezone(UTC).replace(tzinfo=None) if dt.tzinfo else dt


def aware(dt: datetime | None) -> datetime | None:
    return dt.replace(tzinfo=UTC) if dt is not None and dt.tzinfo is None else dt


def row_to_compartment(r: Any) -> Compartment:
    return Compartment(
        number=r.number,
        board=r.board,
        lock=r.lock_no,
        size=r.size,
        state=CState(r.state),
        application_no=r.application_no,
        loaded_at=aware(r.loaded_at),
        loaded_by=r.loaded_by,
        purpose=Purpose(r.purpose) if r.purpose else None,
        op_id=r.op_id,
        door_seen_open=bool(r.door_seen_open),
        since=aware(r.since) or r.since,
        fault_reason=r.fault_reason,
    )
