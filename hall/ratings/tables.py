"""The ratings' tables (on hall.db.METADATA) and their migration.

`rating` and `rating_note` are append-only: triggers refuse UPDATE and DELETE on both engines,
as for hall.audit, so a rating cannot be removed or changed, only annotated (GB/T 39735: staff
may challenge a rating, never delete it). `followup` rows change (closing, erasing the phone
number after retention) but are never deleted either.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hall.db import METADATA, Migration, create_tables, register

rating = sa.Table(
    "rating",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("ts", sa.DateTime, nullable=False),  # naive UTC
    sa.Column("kind", sa.String(12), nullable=False),  # ticket, journey
    sa.Column("ref", sa.String(64), nullable=False),
    sa.Column("service", sa.String(32), nullable=False, default=""),
    sa.Column("counter", sa.String(16), nullable=False, default=""),
    sa.Column("kiosk", sa.String(40), nullable=False, default=""),
    sa.Column("level", sa.SmallInteger, nullable=False),
    sa.Column("reasons", sa.String(200), nullable=False, default=""),  # codes, comma-separated
    sa.Column("text", sa.Text, nullable=False, default=""),
    # one rating per transaction (一次一评): a second one for the same ticket or run collides
    sa.UniqueConstraint("kind", "ref", name="uq_rating_transaction"),
    sa.CheckConstraint("level BETWEEN 1 AND 5", name="ck_rating_level"),
    sa.Index("ix_rating_ts", "ts"),
)

note = sa.Table(
    "rating_note",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("rating_id", sa.Integer, sa.ForeignKey("rating.id"), nullable=False),
    sa.Column("ts", sa.DateTime, nullable=False),
    sa.Column("staff", sa.String(64), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Index("ix_rating_note_rating", "rating_id"),
)

followup = sa.Table(
    "followup",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(12), nullable=False),  # rating, unresolved
    sa.Column("rating_id", sa.Integer, sa.ForeignKey("rating.id"), nullable=True, unique=True),
    sa.Column("service", sa.String(64), nullable=False, default=""),
    sa.Column("what", sa.Text, nullable=False, default=""),
    sa.Column("phone", sa.String(16), nullable=True),  # only with consent; erased after retention
    sa.Column("kiosk", sa.String(40), nullable=False, default=""),
    sa.Column("opened_at", sa.DateTime, nullable=False),  # naive UTC
    sa.Column("due", sa.Date, nullable=False),
    sa.Column("status", sa.String(8), nullable=False),  # open, closed
    sa.Column("closed_at", sa.DateTime, nullable=True),
    sa.Column("reply", sa.Text, nullable=False, default=""),
    sa.Column("closed_by", sa.String(64), nullable=False, default=""),
    sa.Index("ix_followup_status_due", "status", "due"),
)

_APPEND_ONLY = ("rating", "rating_note")


def _guards(conn: Connection) -> None:
    pg = conn.dialect.name == "postgresql"
    if pg:
        conn.exec_driver_sql(
            "CREATE OR REPLACE FUNCTION rating_append_only() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'ratings are append-only: annotate a rating, never change it'; "
            "END $$ LANGUAGE plpgsql"
        )
        conn.exec_driver_sql(
            "CREATE OR REPLACE FUNCTION followup_no_delete() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'followup items are closed, never deleted'; END $$ LANGUAGE plpgsql"
        )
    for table in _APPEND_ONLY:
        if pg:
            conn.exec_driver_sql(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION rating_append_only()"
            )
        else:
            for op in ("UPDATE", "DELETE"):
                conn.exec_driver_sql(
                    f"CREATE TRIGGER {table}_no_{op.lower()} BEFORE {op} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
    if pg:
        conn.exec_driver_sql(
            "CREATE TRIGGER followup_no_delete BEFORE DELETE ON followup "
            "FOR EACH ROW EXECUTE FUNCTION followup_no_delete()"
        )
    else:
        conn.exec_driver_sql(
            "CREATE TRIGGER followup_no_delete BEFORE DELETE ON followup "
            "BEGIN SELECT RAISE(ABORT, 'followup items are closed, never deleted'); END"
        )


def _create(conn: Connection) -> None:
    create_tables(rating, note, followup)(conn)
    _guards(conn)


register(Migration("ratings", 1, "append-only ratings, their notes, follow-up items", _create))
