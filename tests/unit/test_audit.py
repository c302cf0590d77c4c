"""The staff audit table on SQLite and PostgreSQL: rows go in, nothing changes or removes them,
and the CLI lists them."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from core.clock import FakeClock
from hall.audit import AuditLog, audit
from hall.db import migrate, open_engine
from tests.backends.support import db_url
from tests.conftest import ROOT


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    with db_url(request.param, tmp_path) as u:
        yield u


def test_rows_are_kept_and_cannot_be_changed_or_deleted(url):
    engine = open_engine(url)
    migrate(engine)
    clock = FakeClock()
    log = AuditLog(engine, "K01", clock.now)
    log.record("unknown", "enter", "pin", "refused", "locked 30s")
    clock.advance(60)
    log.record("S01", "enter", "pin")
    log.record("S01", "locker_faulty", "locker 3 门锁卡住 11010519491231002X")
    for stmt in (sa.delete(audit), sa.update(audit).values(result="ok")):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(stmt)
    rows = log.rows()
    assert [(r.subject, r.action, r.result) for r in rows] == [
        ("unknown", "enter", "refused"),
        ("S01", "enter", "ok"),
        ("S01", "locker_faulty", "ok"),
    ]
    assert "11010519491231002X" not in rows[2].object  # an ID number typed into a reason is masked
    assert log.last_visit() == clock.now()  # the last entry that got in
    assert [r.action for r in log.rows(since=clock.now())] == ["enter", "locker_faulty"]
    assert log.failed_pins() == (0, None)  # staff got in after the wrong PIN
    clock.advance(5)
    log.record("unknown", "enter", "card", "refused")  # a citizen's card does not count
    log.record("unknown", "enter", "pin", "refused")
    assert log.failed_pins() == (1, clock.now())
    engine.dispose()


def test_cli_lists_the_trail(url):
    engine = open_engine(url)
    migrate(engine)
    AuditLog(engine, "K07", lambda: datetime(2026, 12, 1, 8, 0, tzinfo=UTC)).record("S01", "enter", "card")
    AuditLog(engine, "K07", lambda: datetime(2026, 11, 30, 8, 0, tzinfo=UTC)).record("S02", "enter", "pin")
    engine.dispose()
    out = subprocess.run(
        [sys.executable, "-m", "hall.audit", "list", "--db", url, "--since", "2026-12-01"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    assert "K07 S01 enter card ok" in out and "S02" not in out
