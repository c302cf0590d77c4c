"""What the tracking page shows of a ticket, read from the queue's tables: its line (service),
state, people ahead while it waits, the counter once called. Nothing personal is read.

Counters calling (hall/queue/calling.py) add columns: `line` (a transferred ticket waits for
another service) and `return_at` (a held ticket is due again from then). Where the table has
them they are used, so the count follows the order counters call in either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from hall.queue import tables as qt

_tk = qt.ticket.c
HELD = "held"
# the line a ticket waits in now: its service, or where it was transferred to
_line = sa.func.coalesce(_tk["line"], _tk.service) if "line" in _tk else _tk.service


@dataclass(frozen=True)
class TicketState:
    number: str
    service: str  # the code of the line it is in now
    status: str  # waiting, called, serving, held, done, no_show
    ahead: int  # tickets counters will call first (0 unless waiting)
    counter: str  # "" until called


def _due(now: datetime) -> Any:
    """Tickets a counter may call now: waiting, or held and due again."""
    if "return_at" not in _tk:
        return _tk.status == qt.WAITING
    return sa.or_(_tk.status == qt.WAITING, sa.and_(_tk.status == HELD, _tk["return_at"] <= now))


def ticket_state(engine: Engine, day: date, number: str, now: datetime) -> TicketState | None:
    """None when no ticket has that number that day. People ahead are the tickets of its line
    counters call first at `now`: higher priority, then earlier issue (the stores' order)."""
    now = now.astimezone(UTC).replace(tzinfo=None)
    with engine.connect() as conn:
        row: Any = conn.execute(
            sa.select(
                _tk.id,
                _tk.number,
                _line.label("line"),
                _tk.status,
                _tk.counter,
                _tk.priority,
                _tk.issued_at,
            ).where(_tk.day == day, _tk.number == number.upper())
        ).first()
        if row is None:
            return None
        ahead = 0
        if row.status == qt.WAITING:
            earlier = sa.or_(
                _tk.priority > row.priority,
                sa.and_(
                    _tk.priority == row.priority,
                    sa.or_(
                        _tk.issued_at < row.issued_at,
                        sa.and_(_tk.issued_at == row.issued_at, _tk.id < row.id),
                    ),
                ),
            )
            count = sa.select(sa.func.count()).where(_tk.day == day, _line == row.line, _due(now), earlier)
            ahead = int(conn.execute(count).scalar_one())
    return TicketState(row.number, row.line, row.status, ahead, row.counter or "")
