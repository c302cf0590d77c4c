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
)
extend_ticket(ticket)  # calling's columns and the indexes on them (hall/queue/counter_tables.py)


def _partial(column: sa.Column[Any]) -> dict[str, Any]:
    """An index of the rows where `column` is set, on both engines."""
    return {f"{engine}_where": column.is_not(None) for engine in ("sqlite", "postgresql")}


# One ticket per person, service and day. A partial index, not a table constraint: an anonymous
# ticket (most) has no entry, one b-tree less to write per issue (queue_estimate 3 for an older
# hall, where it was a constraint).
_PERSON = sa.Index(
    "uq_queue_ticket_person",
    ticket.c.service,
    ticket.c.day,
    ticket.c.id_hash,
    unique=True,
    **_partial(ticket.c.id_hash),
)

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


def _person_index(conn: sa.Connection) -> None:
    """The one-ticket-per-person rule as the partial unique index it is declared as. PostgreSQL
    drops the constraint; SQLite cannot drop a table's constraint, so the table is made again as
    declared (rows and ids copied) with its indexes."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("ALTER TABLE queue_ticket DROP CONSTRAINT IF EXISTS uq_queue_ticket_person")
    else:
        found = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'queue_ticket'"
        if "uq_queue_ticket_person" in str(conn.exec_driver_sql(found).scalar()):
            # The copy is made from the table as declared now: a column the database has and the
            # code does not would be lost, so it stops instead. A column declared later needs a
            # server default (rows from an older hall lack it), and no table may reference
            # queue_ticket by foreign key while this rebuild exists (foreign_keys is on, and
            # cannot be switched off in the migration's transaction: DROP TABLE would fail).
            have = [c["name"] for c in sa.inspect(conn).get_columns("queue_ticket")]
            unknown = [c for c in have if c not in ticket.c]
            if unknown:
                raise RuntimeError(f"queue_ticket has columns this version does not know: {unknown}")
            columns = ", ".join(have)
            create = str(sa.schema.CreateTable(ticket).compile(dialect=conn.dialect))
            conn.exec_driver_sql(create.replace("TABLE queue_ticket ", "TABLE queue_ticket_rebuilt ", 1))
            conn.exec_driver_sql(
                f"INSERT INTO queue_ticket_rebuilt ({columns}) SELECT {columns} FROM queue_ticket"
            )
            conn.exec_driver_sql("DROP TABLE queue_ticket")
            conn.exec_driver_sql("ALTER TABLE queue_ticket_rebuilt RENAME TO queue_ticket")
    for index in ticket.indexes:
        index.create(conn, checkfirst=True)


register(
    Migration("queue_estimate", 1, "indexes for the wait estimate", _create_estimate_indexes),
    Migration(
        "queue_estimate",
        2,
        "new tickets have no entry in the estimate's or transfers' indexes",
        _partial_indexes,
    ),
    Migration(
        "queue_estimate", 3, "anonymous tickets have no entry in the one-per-person index", _person_index
    ),
)
