"""How each citizen journey at a kiosk ended: completed, abandoned or failed, per service, for
staff's figures of the day. One row per journey: the kiosk, the service key, when, the outcome;
nothing about the citizen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from hall.db import METADATA, Migration, create_tables, migrate, register

COMPLETED, ABANDONED, FAILED = "completed", "abandoned", "failed"
OUTCOMES = (COMPLETED, ABANDONED, FAILED)

journeys = sa.Table(
    "journey",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("ts", sa.DateTime, nullable=False),  # UTC, when it ended
    sa.Column("kiosk", sa.String(40), nullable=False),
    sa.Column("service", sa.String(40), nullable=False),
    sa.Column("outcome", sa.String(16), nullable=False),
    sa.Index("ix_journey_kiosk_ts", "kiosk", "ts"),
)

register(Migration("journeys", 1, "how each journey ended, per service", create_tables(journeys)))


class Journeys:
    def __init__(self, engine: Engine, kiosk: str, now: Callable[[], datetime] | None = None) -> None:
        self.engine = engine
        self.kiosk = kiosk
        self._now = now or (lambda: datetime.now(UTC))

    def prepare(self) -> Journeys:
        migrate(self.engine)
        return self

    def record(self, service: str, outcome: str) -> None:
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown journey outcome {outcome!r}")
        ts = self._now().astimezone(UTC).replace(tzinfo=None)
        with self.engine.begin() as conn:
            conn.execute(
                sa.insert(journeys).values(ts=ts, kiosk=self.kiosk, service=service[:40], outcome=outcome)
            )

    def counts_since(self, since: datetime) -> dict[tuple[str, str], int]:
        """(service, outcome) -> journeys at this kiosk that ended since `since`."""
        c = journeys.c
        q = (
            sa.select(c.service, c.outcome, sa.func.count())
            .where(c.kiosk == self.kiosk, c.ts >= since.astimezone(UTC).replace(tzinfo=None))
            .group_by(c.service, c.outcome)
        )
        with self.engine.connect() as conn:
            return {(service, outcome): int(n) for service, outcome, n in conn.execute(q)}
