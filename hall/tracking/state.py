"""What the tracking page shows of a ticket, read from the queue's tables: its service, state,
people ahead while it waits, the counter once called. Nothing personal is read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from hall.queue import tables as qt

_tk = qt.ticket.c


@dataclass(frozen=True)
class TicketState:
    number: str
    service: str  # code
    status: str  # waiting, called, done, no_show (more as the counters add them)
    ahead: int  # waiting tickets called before this one (0 unless waiting)
    counter: str  # "" until called


def ticket_state(engine: Engine, day: date, number: str) -> TicketState | None:
    """None when no ticket has that number that day. People ahead counts the waiting tickets of
    its service the counters call first: higher priority, then earlier issue (the store's order)."""
    with engine.connect() as conn:
        row: Any = conn.execute(
            sa.select(
                _tk.id, _tk.number, _tk.service, _tk.status, _tk.counter, _tk.priority, _tk.issued_at
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
            ahead = int(
                conn.execute(
                    sa.select(sa.func.count()).where(
                        _tk.day == day, _tk.service == row.service, _tk.status == qt.WAITING, earlier
                    )
                ).scalar_one()
            )
    return TicketState(row.number, row.service, row.status, ahead, row.counter or "")
