"""The durable journal: one record of every step that costs money or moves a document (payment,
refund, application submission, receipt or certificate print, locker open), written before the
side effect and after its outcome, in the hall's database (SQLite or PostgreSQL, one code path).

A step is generic: (saga, kind, key, state, before, after, refs). `key` is the step's idempotency
key (order number, refund number, acceptance number, "door 12 open #3"), created and written
before the first call, so every retry and the reconciler reuse it; (kind, key) is unique.
`saga` groups the steps of one citizen transaction. `refs` hold references only (numbers,
amounts, masked IDs): a value that looks like a full ID number is refused, so nothing personal
needs to survive a crash here.

States: open (intent written, outcome not yet known), done, failed (did not happen), undone
(happened and was reversed). Nothing may stay open: the reconciler (hall/reconcile.py) finishes
or undoes what a crash, power cut or network cut left open.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from core.redact import ID_RE
from hall.db import METADATA, Migration, create_tables, register

log = logging.getLogger(__name__)

OPEN, DONE, FAILED, UNDONE = "open", "done", "failed", "undone"
STATES = (OPEN, DONE, FAILED, UNDONE)

journal_step = sa.Table(
    "journal_step",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("saga", sa.String(64), nullable=False, index=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("key", sa.String(64), nullable=False),
    sa.Column("state", sa.String(12), nullable=False, index=True),
    sa.Column("before", sa.Text, nullable=False),
    sa.Column("after", sa.Text, nullable=False),
    sa.Column("refs", sa.Text, nullable=False),
    sa.Column("kiosk", sa.String(40), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),  # UTC, naive
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("kind", "key", name="uq_journal_step_kind_key"),
)

register(Migration("journal", 1, "journal steps", create_tables(journal_step)))

_c = journal_step.c
# Statements built once: a journal step sits on the payment path, and building Core constructs
# per call costs more than SQLite's work (as in the queue store).
_INSERT = sa.insert(journal_step)
_ONE = sa.select(journal_step).where(_c.kind == sa.bindparam("k"), _c.key == sa.bindparam("ky"))
_LOCK_ONE = _ONE.with_for_update()
_FINISH = (
    sa.update(journal_step)
    .where(_c.id == sa.bindparam("row_id"))
    .values(
        state=sa.bindparam("new_state"),
        after=sa.bindparam("new_after"),
        refs=sa.bindparam("new_refs"),
        updated_at=sa.bindparam("now"),
    )
)


@dataclass(frozen=True)
class Step:
    id: int
    saga: str
    kind: str
    key: str
    state: str
    before: dict[str, Any]
    after: dict[str, Any]
    refs: dict[str, Any]
    kiosk: str
    created_at: datetime
    updated_at: datetime

    @property
    def open(self) -> bool:
        return self.state == OPEN

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "saga": self.saga,
            "kind": self.kind,
            "key": self.key,
            "state": self.state,
            "before": self.before,
            "after": self.after,
            "refs": self.refs,
            "kiosk": self.kiosk,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "updated_at": self.updated_at.isoformat(timespec="seconds"),
        }


def _dump(value: Mapping[str, Any] | None) -> str:
    text = json.dumps(dict(value or {}), ensure_ascii=False, sort_keys=True)
    if ID_RE.search(text):
        raise ValueError("the journal keeps references only: mask ID numbers before journalling")
    return text


def _step(row: Any) -> Step:
    return Step(
        row.id,
        row.saga,
        row.kind,
        row.key,
        row.state,
        json.loads(row.before),
        json.loads(row.after),
        json.loads(row.refs),
        row.kiosk,
        row.created_at,
        row.updated_at,
    )


class Journal:
    """Thread-safe (each call takes its own connection and transaction); one per process.

    `on_point(name)` is called at "kind:intent" (written, before the side effect), "kind:effect"
    (the caller reports the side effect done, outcome not yet written) and "kind:outcome": the
    crash tests kill the process there.
    """

    def __init__(
        self,
        engine: Engine,
        kiosk_id: str = "",
        now: Callable[[], datetime] | None = None,
        on_point: Callable[[str], None] | None = None,
    ) -> None:
        self.engine = engine
        self.kiosk_id = kiosk_id
        self._now = now or (lambda: datetime.now(UTC))
        self.on_point = on_point

    def now(self) -> datetime:
        return self._now().astimezone(UTC).replace(tzinfo=None)

    def point(self, kind: str, phase: str) -> None:
        if self.on_point is not None:
            self.on_point(f"{kind}:{phase}")

    def effect(self, kind: str) -> None:
        """The side effect of `kind` is done; its outcome is about to be written."""
        self.point(kind, "effect")

    def begin(
        self,
        saga: str,
        kind: str,
        key: str,
        refs: Mapping[str, Any] | None = None,
        before: Mapping[str, Any] | None = None,
        conn: Connection | None = None,
    ) -> Step:
        """Write the intent (state open) before the side effect; an existing (kind, key) step is
        returned as it is, so a retry reuses it. With `conn` the step is written in the caller's
        transaction (with the state change it goes with) and the crash point is the caller's."""
        now = self.now()
        values = {
            "saga": saga,
            "kind": kind,
            "key": key,
            "state": OPEN,
            "before": _dump(before),
            "after": "{}",
            "refs": _dump(refs),
            "kiosk": self.kiosk_id,
            "created_at": now,
            "updated_at": now,
        }
        try:
            with self._transaction(conn) as c:
                pk = c.execute(_INSERT, values).inserted_primary_key
            assert pk is not None
            new_id = int(pk[0])
        except sa.exc.IntegrityError:  # written before (a retry, or another process): it stands
            existing = self.get(kind, key, conn)
            assert existing is not None
            return existing
        step = Step(
            new_id, saga, kind, key, OPEN, dict(before or {}), {}, dict(refs or {}), self.kiosk_id, now, now
        )
        if conn is None:
            self.point(kind, "intent")
        return step

    @contextmanager
    def _transaction(self, conn: Connection | None) -> Iterator[Connection]:
        """A transaction of our own, or a savepoint in the caller's (so a duplicate key does not
        spoil the caller's transaction on PostgreSQL)."""
        if conn is None:
            with self.engine.begin() as own:
                yield own
        else:
            with conn.begin_nested():
                yield conn

    def finish(
        self,
        kind: str,
        key: str,
        state: str,
        after: Mapping[str, Any] | None = None,
        refs: Mapping[str, Any] | None = None,
        conn: Connection | None = None,
    ) -> Step:
        """Write the outcome; `refs` are merged into the step's references. With `conn`, in the
        caller's transaction."""
        if state not in STATES:
            raise ValueError(f"unknown journal state {state!r}")
        now = self.now()
        with self._transaction(conn) as c:
            row = c.execute(_LOCK_ONE, {"k": kind, "ky": key}).one()
            merged = {**json.loads(row.refs), **dict(refs or {})}
            c.execute(
                _FINISH,
                {
                    "row_id": row.id,
                    "new_state": state,
                    "new_after": _dump(after),
                    "new_refs": _dump(merged),
                    "now": now,
                },
            )
        if conn is None:
            self.point(kind, "outcome")
        old = _step(row)
        return Step(
            old.id,
            old.saga,
            kind,
            key,
            state,
            old.before,
            dict(after or {}),
            merged,
            old.kiosk,
            old.created_at,
            now,
        )

    def get(self, kind: str, key: str, conn: Connection | None = None) -> Step | None:
        if conn is not None:
            row = conn.execute(_ONE, {"k": kind, "ky": key}).first()
        else:
            with self.engine.connect() as own:
                row = own.execute(_ONE, {"k": kind, "ky": key}).first()
        return _step(row) if row else None

    def saga(self, saga: str) -> list[Step]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(journal_step).where(_c.saga == saga).order_by(_c.id)).all()
        return [_step(r) for r in rows]

    def open_sagas(self, older_than: datetime | None = None, kiosk: str | None = None) -> list[str]:
        """Sagas with an open step and no step touched after `older_than` (UTC): a citizen still
        at the screen keeps touching theirs. Only `kiosk`'s when given (kiosks of a hall share
        a PostgreSQL database, and one settles only its own). Oldest first."""
        with_open = sa.select(_c.saga).where(_c.state == OPEN)
        if kiosk is not None:
            with_open = with_open.where(_c.kiosk == kiosk)
        with_open = with_open.distinct()
        q = (
            sa.select(_c.saga, sa.func.min(_c.id).label("first"))
            .where(_c.saga.in_(with_open))
            .group_by(_c.saga)
        )
        if older_than is not None:
            q = q.having(sa.func.max(_c.updated_at) <= older_than.astimezone(UTC).replace(tzinfo=None))
        with self.engine.connect() as conn:
            return [r.saga for r in conn.execute(q.order_by("first"))]

    def steps(self, state: str | None = None, limit: int = 100) -> list[Step]:
        q = sa.select(journal_step).order_by(_c.id.desc()).limit(limit)
        if state is not None:
            q = q.where(_c.state == state)
        with self.engine.connect() as conn:
            return [_step(r) for r in conn.execute(q)]

    def counts_since(self, since: datetime) -> dict[tuple[str, str], int]:
        """(kind, state) -> steps created since `since`: the day's figures for staff."""
        q = (
            sa.select(_c.kind, _c.state, sa.func.count())
            .where(_c.created_at >= since.astimezone(UTC).replace(tzinfo=None))
            .group_by(_c.kind, _c.state)
        )
        with self.engine.connect() as conn:
            return {(kind, state): n for kind, state, n in conn.execute(q)}

    def iter_all(self) -> Iterator[Step]:
        with self.engine.connect() as conn:
            for r in conn.execute(sa.select(journal_step).order_by(_c.id)):
                yield _step(r)


if __name__ == "__main__":
    import sys

    # `python -m hall.journal` runs this file as __main__: let the CLI's `import hall.journal`
    # find this module instead of declaring the table a second time
    sys.modules.setdefault("hall.journal", sys.modules[__name__])
    from hall.journal_cli import main

    sys.exit(main())
