"""What calling adds to the queue's tables: the ticket's calls, service start, hold and transfer;
the counter's services and pause; one row per call for the display boards and statistics.

A migration component of its own ("queue_calling"), so it never competes for a version number
with other additions to the queue; it runs after "queue" 1 (components apply in name order). The
new ticket and counter columns are declared on the queue's tables themselves (extend_ticket and
extend_counter are called by tables.py), so a fresh database gets them from "queue" 1 and an older
one from ALTER TABLE here.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hall.db import METADATA, Migration, register

# ticket states added by calling (tables.py has waiting, called, done, no_show)
SERVING, HELD = "serving", "held"
# kind of a queue_call row
CALL, RECALL = "call", "recall"


def _ticket_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("calls", sa.SmallInteger, nullable=False, server_default="0"),
        sa.Column("served_at", sa.DateTime, nullable=True),  # service started
        sa.Column("return_at", sa.DateTime, nullable=True),  # a held ticket is called again from then
        sa.Column("line", sa.String(32), nullable=True),  # transferred: the service it waits for now
    ]


def _counter_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("services", sa.String(400), nullable=True),  # logged in for, comma separated
        sa.Column("paused", sa.SmallInteger, nullable=False, server_default="0"),
        sa.Column("login_at", sa.DateTime, nullable=True),
    ]


def extend_ticket(table: sa.Table) -> None:
    for column in _ticket_columns():
        table.append_column(column)
    _line_indexes(table)


# queue 1's index of the waiting tickets, without `line`: replaced by ix_queue_ticket_lane
_OLD_WAITING_INDEX = "ix_queue_ticket_waiting"


def _line_indexes(table: sa.Table) -> tuple[sa.Index, ...]:
    """The waiting counts and people ahead follow the line a ticket waits in: a service's own
    waiting tickets with `line` in the index (one covering scan, transferred ones left out), and
    the tickets transferred to a service (few a day) by `line`."""
    named = {str(i.name): i for i in table.indexes}
    if "ix_queue_ticket_lane" in named:
        return named["ix_queue_ticket_lane"], named["ix_queue_ticket_line"]
    c = table.c
    # the transfers' index is partial: a ticket never transferred (nearly all) has no entry in it
    not_moved: dict[str, Any] = {f"{e}_where": c.line.is_not(None) for e in ("sqlite", "postgresql")}
    return (
        sa.Index("ix_queue_ticket_lane", c.day, c.service, c.status, c.priority, c.seq, c.line),
        sa.Index("ix_queue_ticket_line", c.day, c.line, **not_moved),
    )


def line_index(table: sa.Table) -> sa.Index:
    """The index of the tickets transferred to a line, as declared (for queue_estimate 2)."""
    return _line_indexes(table)[1]


def extend_counter(table: sa.Table) -> None:
    for column in _counter_columns():
        table.append_column(column)


call = sa.Table(
    "queue_call",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("ticket_id", sa.Integer, nullable=False),
    sa.Column("number", sa.String(12), nullable=False),
    sa.Column("service", sa.String(32), nullable=False),
    sa.Column("counter", sa.String(16), nullable=False),
    sa.Column("kind", sa.String(8), nullable=False),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Index("ix_queue_call_day", "day", "id"),
)


def _migrate(conn: Connection) -> None:
    inspector = sa.inspect(conn)
    for table, columns in (("queue_ticket", _ticket_columns()), ("queue_counter", _counter_columns())):
        have = {c["name"] for c in inspector.get_columns(table)}
        for column in columns:
            if column.name in have:
                continue
            ddl = column.type.compile(dialect=conn.dialect)
            null = "" if column.nullable else " NOT NULL DEFAULT 0"  # the not-null ones are counts and flags
            conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column.name} {ddl}{null}")
    call.create(conn, checkfirst=True)


def _index_lines(conn: Connection) -> None:
    for index in _line_indexes(METADATA.tables["queue_ticket"]):
        index.create(conn, checkfirst=True)
    conn.exec_driver_sql(f"DROP INDEX IF EXISTS {_OLD_WAITING_INDEX}")


register(
    Migration("queue_calling", 1, "counter calling: ticket states, counter sessions, call log", _migrate),
    Migration("queue_calling", 2, "waiting tickets indexed by the line they wait in", _index_lines),
)
