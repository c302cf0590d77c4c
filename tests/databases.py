"""One empty database per test: an SQLite file, or a PostgreSQL schema of its own dropped after."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hall.db import open_engine, sqlite_url
from tests.conftest import PG_URL


@contextmanager
def empty_database(kind: str, tmp_path: Path, prefix: str = "t") -> Iterator[str]:
    """Yield the URL of an empty database of `kind` ("sqlite" or "postgresql")."""
    if kind == "sqlite":
        yield sqlite_url(tmp_path / "hall.db")
        return
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = open_engine(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        sep = "&" if "?" in PG_URL else "?"
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()
