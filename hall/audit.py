"""The staff audit trail: who did what to which thing, when, on which kiosk, and how it ended.

Append-only by construction: this module only inserts and reads, and the migration installs
triggers that refuse UPDATE and DELETE on both engines, so nobody at a kiosk can remove a row
(GB/T 22239: audit records of subject, object, time, action and result, protected from deletion).
`python -m hall.audit list [--since 2026-12-01]` prints them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from core.redact import redact
from hall.db import METADATA, Migration, create_tables, migrate, open_engine, register

audit = sa.Table(
    "staff_audit",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("ts", sa.DateTime, nullable=False),
    sa.Column("kiosk", sa.String(40), nullable=False),
    sa.Column("subject", sa.String(64), nullable=False),  # staff id, or "unknown" for a refused entry
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("object", sa.String(120), nullable=False, default=""),
    sa.Column("result", sa.String(16), nullable=False),  # ok, refused, failed
    sa.Column("detail", sa.Text, nullable=False, default=""),
    sa.Index("ix_staff_audit_ts", "ts"),
)

_SQLITE_GUARDS = [
    f"CREATE TRIGGER IF NOT EXISTS staff_audit_no_{op.lower()} BEFORE {op} ON staff_audit "
    f"BEGIN SELECT RAISE(ABORT, 'staff_audit is append-only'); END"
    for op in ("UPDATE", "DELETE")
]
_PG_GUARD = [
    "CREATE OR REPLACE FUNCTION staff_audit_append_only() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'staff_audit is append-only'; END $$ LANGUAGE plpgsql",
    "DROP TRIGGER IF EXISTS staff_audit_append_only ON staff_audit",
    "CREATE TRIGGER staff_audit_append_only BEFORE UPDATE OR DELETE ON staff_audit "
    "FOR EACH ROW EXECUTE FUNCTION staff_audit_append_only()",
]


def _guard(conn: Connection) -> None:
    for sql in _PG_GUARD if conn.dialect.name == "postgresql" else _SQLITE_GUARDS:
        conn.exec_driver_sql(sql)


def _create(conn: Connection) -> None:
    create_tables(audit)(conn)
    _guard(conn)


register(Migration("audit", 1, "append-only staff audit trail", _create))


@dataclass(frozen=True)
class AuditRow:
    ts: datetime
    kiosk: str
    subject: str
    action: str
    object: str
    result: str
    detail: str

    def line(self) -> str:
        fields = (self.kiosk, self.subject, self.action, self.object, self.result, self.detail)
        return f"{self.ts:%Y-%m-%d %H:%M:%S} " + " ".join(fields).rstrip()


class AuditLog:
    def __init__(self, engine: Engine, kiosk: str, now: Callable[[], datetime] | None = None) -> None:
        self.engine = engine
        self.kiosk = kiosk
        self._now = now or (lambda: datetime.now(UTC))

    def record(self, subject: str, action: str, obj: str = "", result: str = "ok", detail: str = "") -> None:
        ts = self._now().astimezone(UTC).replace(tzinfo=None)
        with self.engine.begin() as conn:
            conn.execute(
                sa.insert(audit).values(
                    ts=ts,
                    kiosk=self.kiosk,
                    subject=subject[:64],
                    action=action[:40],
                    object=redact(obj)[:120],
                    result=result[:16],
                    detail=redact(detail),
                )
            )

    def rows(self, since: datetime | None = None, limit: int = 1000) -> list[AuditRow]:
        q = sa.select(audit).order_by(audit.c.id.desc()).limit(limit)
        if since is not None:
            q = q.where(audit.c.ts >= since.astimezone(UTC).replace(tzinfo=None))
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
        return [
            AuditRow(r.ts.replace(tzinfo=UTC), r.kiosk, r.subject, r.action, r.object, r.result, r.detail)
            for r in reversed(rows)
        ]

    def failed_pins(self) -> tuple[int, datetime | None]:
        """Wrong PINs at this kiosk since staff last got in, and when the last one was: the
        lockout survives a restart."""
        last_ok = (
            sa.select(sa.func.max(audit.c.id))
            .where(audit.c.kiosk == self.kiosk, audit.c.action == "enter", audit.c.result == "ok")
            .scalar_subquery()
        )
        q = sa.select(sa.func.count(), sa.func.max(audit.c.ts)).where(
            audit.c.kiosk == self.kiosk,
            audit.c.action == "enter",
            audit.c.object == "pin",
            audit.c.result == "refused",
            audit.c.id > sa.func.coalesce(last_ok, 0),
        )
        with self.engine.connect() as conn:
            n, ts = conn.execute(q).one()
        return int(n), ts.replace(tzinfo=UTC) if ts else None

    def last_visit(self) -> datetime | None:
        """When staff last got in at this kiosk (for the health status)."""
        q = sa.select(sa.func.max(audit.c.ts)).where(
            audit.c.kiosk == self.kiosk, audit.c.action == "enter", audit.c.result == "ok"
        )
        with self.engine.connect() as conn:
            ts = conn.execute(q).scalar()
        return ts.replace(tzinfo=UTC) if ts else None


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="The staff audit trail (read-only).")
    ap.add_argument("command", choices=("list",))
    ap.add_argument("--db", required=True, help="SQLAlchemy URL of the hall database")
    ap.add_argument("--since", type=datetime.fromisoformat, help="first day or time, e.g. 2026-12-01")
    args = ap.parse_args(argv)
    engine = open_engine(args.db)
    migrate(engine)
    since = args.since.replace(tzinfo=args.since.tzinfo or UTC) if args.since else None
    for row in AuditLog(engine, "").rows(since, limit=100_000):
        print(row.line())


if __name__ == "__main__":
    main()
