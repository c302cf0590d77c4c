"""The queue's tables (on kiosk.db.METADATA) and their versioned migrations.

Times are stored as naive UTC on both engines; days are the hall's local dates. The ticket
sequence lives in its own row per service and day so one upsert hands out the next number.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from hall.db import METADATA, Migration, create_tables, register
from hall.queue.counter_tables import extend_counter, extend_ticket, line_index

# status of a ticket
WAITING, CALLED, DONE, NO_SHOW = "waiting", "called", "done", "no_show"
# kind of a ticket
WALK_IN, ELDERLY, APPOINTMENT = "walk_in", "elderly", "appointment"
# status of a booking
BOOKED, CHECKED_IN = "booked", "checked_in"

day_seq = sa.Table(
    "queue_day_seq",
    METADATA,
    sa.Column("service", sa.String(32), primary_key=True),
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("last", sa.Integer, nullable=False),
)

ticket = sa.Table(
    "queue_ticket",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("service", sa.String(32), nullable=False),
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("number", sa.String(12), nullable=False),
    sa.Column("priority", sa.SmallInteger, nullable=False, default=0),
    sa.Column("kind", sa.String(16), nullable=False),
    # keyed hash of (day, ID number): the one-per-person rule without a readable ID number
    sa.Column("id_hash", sa.String(64), nullable=True),
    sa.Column("appointment_id", sa.Integer, nullable=True),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("counter", sa.String(16), nullable=True),
    sa.Column("kiosk_id", sa.String(40), nullable=False, default=""),
    sa.Column("issued_at", sa.DateTime, nullable=False),
    sa.Column("called_at", sa.DateTime, nullable=True),
    sa.Column("done_at", sa.DateTime, nullable=True),
    sa.UniqueConstraint("service", "day", "seq", name="uq_queue_ticket_number"),
    # NULLs are distinct on both engines: anonymous tickets never collide
    sa.UniqueConstraint("service", "day", "id_hash", name="uq_queue_ticket_person"),
)
extend_ticket(ticket)  # calling's columns and the indexes on them (hall/queue/counter_tables.py)

counter = sa.Table(
    "queue_counter",
    METADATA,
    sa.Column("name", sa.String(16), primary_key=True),
    sa.Column("ticket_id", sa.Integer, nullable=True),
    sa.Column("number", sa.String(12), nullable=True),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)
extend_counter(counter)

appointment = sa.Table(
    "queue_appointment",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("ref", sa.String(32), nullable=False, unique=True),
    sa.Column("service", sa.String(32), nullable=False),
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("at", sa.DateTime, nullable=False),  # booked time, UTC
    sa.Column("id_hash", sa.String(64), nullable=False),  # keyed on `day`, like tickets
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("ticket_id", sa.Integer, nullable=True),
    sa.Index("ix_queue_appointment_person", "day", "id_hash"),
)

meta = sa.Table(
    "queue_meta",
    METADATA,
    sa.Column("key", sa.String(40), primary_key=True),
    sa.Column("value", sa.String(200), nullable=False),
)

register(
    Migration(
        "queue",
        1,
        "tickets, per-day number sequences, counters, appointments",
        create_tables(day_seq, ticket, counter, appointment, meta),
    )
)


def _partial(column: sa.Column[Any]) -> dict[str, Any]:
    """An index of the rows where `column` is set, on both engines."""
    return {f"{engine}_where": column.is_not(None) for engine in ("sqlite", "postgresql")}


# What every ticket reads for its wait estimate, without scanning the day's tickets: the
# counters that called lately, the latest service times. Declared on the table, so a fresh
# database has them from version 1; an older one gets them here. A component of its own, as
# other modules add queue migrations of their own too. Partial: a new ticket (not called, not
# done) has no entry in them, so issuing writes two b-trees fewer (each a page, a WAL frame at
# commit on SQLite); the estimate's reads name called_at/done_at, which implies the condition.
_ESTIMATE_INDEXES = (
    sa.Index(
        "ix_queue_ticket_called",
        ticket.c.day,
        ticket.c.service,
        ticket.c.called_at,
        ticket.c.counter,
        **_partial(ticket.c.called_at),
    ),
    sa.Index(
        "ix_queue_ticket_done",
        ticket.c.day,
        ticket.c.service,
        ticket.c.status,
        ticket.c.done_at,
        **_partial(ticket.c.done_at),
    ),
)


def _create_estimate_indexes(conn: sa.Connection) -> None:
    for index in _ESTIMATE_INDEXES:
        index.create(conn, checkfirst=True)


def _partial_indexes(conn: sa.Connection) -> None:
    """The estimate's indexes and the transfers' (by line) made again as declared: partial."""
    for index in (*_ESTIMATE_INDEXES, line_index(ticket)):
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")
        index.create(conn)


register(
    Migration("queue_estimate", 1, "indexes for the wait estimate", _create_estimate_indexes),
    Migration(
        "queue_estimate",
        2,
        "new tickets have no entry in the estimate's or transfers' indexes",
        _partial_indexes,
    ),
)
