"""The kiosk's database: one SQLAlchemy Core layer over an SQLite file or PostgreSQL.

Tables are declared on METADATA by the modules that own them; schema changes are versioned
migrations (a module registers `Migration`s; `migrate()` applies the missing ones in order
inside a transaction and records them in `schema_version`). The same code runs on both engines.
"""

from __future__ import annotations

import fcntl
import logging
import operator
import os
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql.compiler import SQLCompiler

log = logging.getLogger(__name__)

METADATA = sa.MetaData()
_AUTOCOMMIT = "kiosk_autocommit"  # execution option: no BEGIN IMMEDIATE on SQLite

schema_version = sa.Table(
    "schema_version",
    METADATA,
    sa.Column("component", sa.String(40), primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
)


@dataclass(frozen=True)
class Migration:
    component: str  # e.g. "queue", "locker": each owns its own sequence
    version: int
    description: str
    apply: Callable[[Connection], None]


_MIGRATIONS: list[Migration] = []


def register(*migrations: Migration) -> None:
    for m in migrations:
        if any(x.component == m.component and x.version == m.version for x in _MIGRATIONS):
            continue
        _MIGRATIONS.append(m)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def open_engine(url: str) -> Engine:
    """An engine tuned per dialect: SQLite in WAL mode with a busy timeout for concurrent writers."""
    if url.startswith("sqlite"):
        if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": 30, "isolation_level": None})

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @sa.event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            # IMMEDIATE takes the write lock at BEGIN, so read-then-write transactions never
            # deadlock on lock upgrade between processes.
            if not conn.get_execution_options().get(_AUTOCOMMIT):
                conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    # No pre-ping: it costs a round trip per checkout on every hot path. A connection found dead
    # fails that one call (QueueUnavailable, "try again") and SQLAlchemy then drops the pool.
    return sa.create_engine(url)


@contextmanager
def queued_writer(conn: Connection) -> Iterator[None]:
    """SQLite: wait for the write lock in a kernel queue (flock on a file beside the database)
    before BEGIN IMMEDIATE. SQLite's busy handler polls with sleeps growing to 100 ms, which puts
    p99 at hundreds of ms with 32 writers; an flock waiter wakes the moment the lock is free.
    Writers that skip this still take turns through SQLite's own lock, only more slowly."""
    path = conn.engine.url.database
    if conn.dialect.name != "sqlite" or not path or path == ":memory:":
        yield
        return
    lock, fd = _writers(path)
    with lock:  # threads of this process share the file: they queue here first
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)


# database path -> (pid, thread lock, lock file): one open file per database and process
_WRITERS: dict[str, tuple[int, threading.Lock, int]] = {}
_WRITERS_GUARD = threading.Lock()


def _writers(path: str) -> tuple[threading.Lock, int]:
    with _WRITERS_GUARD:
        found = _WRITERS.get(path)
        if found is None or found[0] != os.getpid():  # a forked child needs its own file
            fd = os.open(path + "-writers", os.O_RDWR | os.O_CREAT, 0o600)
            found = _WRITERS[path] = (os.getpid(), threading.Lock(), fd)
        return found[1], found[2]


class DriverStatement:
    """A Core statement compiled once for one dialect and run on the checked-out connection's
    driver, for the hottest paths only: SQLAlchemy's work per execution (execution context,
    events, parameter and result processing, about 15 us) is several times what SQLite needs
    for a small write. Errors come out as SQLAlchemy's (IntegrityError, ...), and a dead
    connection is invalidated as SQLAlchemy would. Rows are the driver's own tuples, with no
    result type processing: select integers and strings only."""

    def __init__(self, stmt: sa.ClauseElement, dialect: sa.Dialect) -> None:
        compiled = stmt.compile(dialect=dialect)
        if not isinstance(compiled, SQLCompiler):
            raise TypeError(f"not a SQL statement: {stmt!r}")
        if compiled.literal_execute_params or compiled.post_compile_params:
            raise ValueError("statements with expanding or literal-execute parameters are not supported")
        self.sql = compiled.string
        self._dialect = dialect
        # each name once (a positional statement names a parameter at each place it is used):
        # (name, the caller must give it, type processor, the fixed value processed once)
        by_name = {name: bind for bind, name in compiled.bind_names.items()}
        self._order = list(compiled.positiontup or ()) if dialect.positional else None
        binds = []
        self._by_name = by_name
        for name, bind in by_name.items():
            process = bind.type.dialect_impl(dialect).bind_processor(dialect)
            fixed = bind.value if process is None or bind.value is None else process(bind.value)
            binds.append((name, bind.required, process, fixed))
        # for execute(), the hot path: the fixed values, processed, as a dict to copy; the names a
        # caller must give, and those it may give (a named parameter with a default; the names
        # SQLAlchemy makes up for literals, as status_1, are nobody's to give); the positional
        # arguments picked in C
        self._fixed = {name: fixed for name, required, _, fixed in binds if not required}
        self._required = [(name, process) for name, required, process, _ in binds if required]
        self._optional = [
            (name, process)
            for name, required, process, _ in binds
            if not required and by_name[name].key == name
        ]
        order = self._order
        self._pick: Callable[[dict[str, Any]], Any] | None = None
        if order is not None and len(order) == 1:  # itemgetter of one name gives the value, not a tuple
            self._pick = lambda values, name=order[0]: (values[name],)
        elif order is not None:
            self._pick = operator.itemgetter(*order) if order else (lambda _: ())

    def inline(self, variables: Callable[[str], str]) -> str:
        """The statement as PL/pgSQL takes it: each parameter as the variable `variables` names
        for it (the driver's SQL, pyformat, doubles each % outside a parameter; the result has
        them single)."""
        if self._dialect.paramstyle != "pyformat":
            raise ValueError("inline() reads pyformat SQL")
        return re.sub(r"%%|%\((\w+)\)s", lambda m: variables(m.group(1)) if m.group(1) else "%", self.sql)

    def fixed(self) -> dict[str, tuple[str, str]]:
        """Each parameter with a fixed value: (its SQL type, the value as an SQL literal, with
        % single: the dialect's literal has it doubled for pyformat SQL), for inline()."""
        out = {}
        for name, bind in self._by_name.items():
            if bind.required:
                continue
            impl = bind.type.dialect_impl(self._dialect)
            literal = impl.literal_processor(self._dialect)
            if bind.value is None:
                value = "NULL"
            elif literal is not None:
                value = str(literal(bind.value)).replace("%%", "%")
            else:
                raise ValueError(f"no SQL literal for the parameter {name!r}")
            out[name] = (bind.type.compile(dialect=self._dialect), value)
        return out

    def execute(self, conn: Connection, params: dict[str, Any]) -> Any:
        """Run on `conn`'s driver connection in whatever transaction state it is in; the cursor."""
        values = self._fixed.copy()
        for name, process in self._required:
            value = params[name]
            values[name] = value if process is None or value is None else process(value)
        for name, process in self._optional:
            if name in params:
                value = params[name]
                values[name] = value if process is None or value is None else process(value)
        args: Any = values if self._pick is None else self._pick(values)
        fairy = conn.connection
        try:
            return fairy.driver_connection.execute(self.sql, args)  # type: ignore[union-attr]
        except self._dialect.loaded_dbapi.Error as e:
            dead = self._dialect.is_disconnect(e, fairy.dbapi_connection, None)
            if dead:  # as SQLAlchemy does: the pool's older connections are replaced at checkout
                conn.engine.pool._invalidate(fairy, e)
                conn.invalidate(e)
            raise sa.exc.DBAPIError.instance(
                self.sql,
                args,
                e,
                self._dialect.loaded_dbapi.Error,
                connection_invalidated=dead,
                dialect=self._dialect,
            ) from e


def autocommit(engine: Engine) -> Engine:
    """The same pool, each statement its own transaction: single-statement reads take no write
    lock (SQLite skips BEGIN IMMEDIATE) and a single-statement write costs no BEGIN/COMMIT
    round trips (PostgreSQL)."""
    if engine.dialect.name == "sqlite":  # the driver connection is autocommit already
        return engine.execution_options(**{_AUTOCOMMIT: True})
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def migrate(engine: Engine) -> dict[str, int]:
    """Apply every registered migration not yet applied; returns component -> version."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            # one migrator at a time across the hall's machines
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4242)")
        schema_version.create(conn, checkfirst=True)
        done = {r.component: r.version for r in conn.execute(sa.select(schema_version))}
        for m in sorted(_MIGRATIONS, key=lambda m: (m.component, m.version)):
            current = done.get(m.component, 0)
            if m.version <= current:
                continue
            log.info("migrating %s to version %d: %s", m.component, m.version, m.description)
            m.apply(conn)
            if current == 0:
                conn.execute(sa.insert(schema_version).values(component=m.component, version=m.version))
            else:
                conn.execute(
                    sa.update(schema_version)
                    .where(schema_version.c.component == m.component)
                    .values(version=m.version)
                )
            done[m.component] = m.version
    return done


def create_tables(*tables: sa.Table) -> Callable[[Connection], None]:
    """A migration step that creates the given tables as declared."""

    def apply(conn: Connection) -> None:
        for t in tables:
            t.create(conn, checkfirst=True)

    return apply
