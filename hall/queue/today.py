"""A day's tickets per service and status (waiting, called, done, no_show): staff's figures."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from hall.queue import tables as t


def tickets_by_status(engine: Engine, day: date) -> dict[str, dict[str, int]]:
    """service code -> status -> tickets issued on `day` (the hall's date)."""
    tk = t.ticket.c
    q = sa.select(tk.service, tk.status, sa.func.count()).where(tk.day == day).group_by(tk.service, tk.status)
    out: dict[str, dict[str, int]] = {}
    with engine.connect() as conn:
        for service, status, n in conn.execute(q):
            out.setdefault(service, {})[status] = int(n)
    return out
