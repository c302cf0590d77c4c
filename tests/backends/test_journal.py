"""The journal's own rules, on SQLite and PostgreSQL: references only, a retry reuses its step,
and the CLI lists and reconciles."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backends.payment.api import Mode
from backends.platform.api import Kind
from hall.db import migrate, open_engine
from hall.journal import DONE, OPEN, Journal
from hall.reconcile import Reconciler
from tests.backends.support import AUTH, WANG, Servers, db_url, live_jpeg, servers, wire

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["sqlite", "postgresql"])
def journal(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Journal]:
    with db_url(request.param, tmp_path) as url:
        engine = open_engine(url)
        migrate(engine)
        yield Journal(engine, "K01")
        engine.dispose()


def test_refs_refuse_an_unmasked_id_number(journal: Journal) -> None:
    with pytest.raises(ValueError, match="references only"):
        journal.begin("s1", "receipt.print", "r1", {"id": WANG})
    assert journal.get("receipt.print", "r1") is None
    journal.begin("s1", "receipt.print", "r1", {"id_masked": "360426********0071"})


def test_a_retry_reuses_the_step_and_outcome_merges_refs(journal: Journal) -> None:
    points: list[str] = []
    journal.on_point = points.append
    a = journal.begin("s1", "locker.open", "door-12#1", {"door": 12}, before={"state": "loaded"})
    b = journal.begin("s1", "locker.open", "door-12#1", {"door": 99})
    assert a.id == b.id and b.refs == {"door": 12} and b.state == OPEN
    journal.effect("locker.open")
    done = journal.finish(
        "locker.open", "door-12#1", DONE, {"opened": True}, {"acceptance_no": "SL2026120100001"}
    )
    assert done.refs == {"door": 12, "acceptance_no": "SL2026120100001"} and done.before == {
        "state": "loaded"
    }
    assert points == ["locker.open:intent", "locker.open:effect", "locker.open:outcome"]
    assert journal.open_sagas() == []


def test_open_sagas_respect_the_grace_period(journal: Journal) -> None:
    clock = [datetime(2026, 12, 1, 2, 0, tzinfo=UTC)]
    journal._now = lambda: clock[0]
    journal.begin("s1", "case", "s1")  # opened at the start of a long session
    clock[0] += timedelta(minutes=20)
    journal.begin("s1", "payment", "o1")  # the citizen is paying now
    journal.begin("s2", "case", "s2")
    journal.finish("case", "s2", DONE)
    assert journal.open_sagas(older_than=clock[0] - timedelta(minutes=10)) == []
    clock[0] += timedelta(minutes=11)
    assert journal.open_sagas(older_than=clock[0] - timedelta(minutes=10)) == ["s1"]
    assert journal.open_sagas() == ["s1"]


def test_a_kiosk_reconciles_only_its_own_sagas(journal: Journal) -> None:
    """Kiosks of a hall share PostgreSQL: at start (no grace) one must not settle a saga another
    kiosk's citizen is in the middle of."""
    other = Journal(journal.engine, "K02")
    other.begin("theirs", "case", "theirs")
    journal.begin("mine", "case", "mine")
    assert Reconciler(journal).run(timedelta(0)).waiting == ["mine"]
    assert journal.open_sagas(kiosk="K02") == ["theirs"] and journal.open_sagas() == ["theirs", "mine"]


def test_a_step_written_in_the_callers_transaction_goes_with_it(journal: Journal) -> None:
    """With conn=, the intent and outcome commit or roll back with the caller's own change."""
    with pytest.raises(RuntimeError), journal.engine.begin() as conn:
        journal.begin("s1", "locker.open", "op1", {"compartment": 3}, conn=conn)
        raise RuntimeError("the state change failed")
    assert journal.get("locker.open", "op1") is None
    with journal.engine.begin() as conn:
        journal.begin("s1", "locker.open", "op1", {"compartment": 3}, conn=conn)
        again = journal.begin("s1", "locker.open", "op1", conn=conn)  # a duplicate spoils nothing
        journal.finish("locker.open", "op1", DONE, {"result": "opened"}, conn=conn)
    step = journal.get("locker.open", "op1")
    assert step is not None and step.state == DONE and again.refs == {"compartment": 3}


@pytest.fixture(scope="module")
def srv() -> Iterator[Servers]:
    with servers() as s:
        yield s


def test_cli_lists_and_reconciles(srv: Servers, tmp_path: Path) -> None:
    with db_url("sqlite", tmp_path) as url:
        saga = wire(url, srv.platform_url, srv.payment_url)
        case = saga.open(WANG, Kind.REISSUE_LOST)
        saga.platform.attach_photo(case.acceptance_no, live_jpeg())
        saga.platform.attach_fingerprints(case.acceptance_no, {"R1": b"t"})
        saga.pay(case, Mode.MICROPAY, AUTH)  # the kiosk "crashes" here: paid, never submitted

        def cli(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [sys.executable, "-m", "hall.journal", "--db", url, *args],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=60,
            )

        listed = cli("list", "--open")
        assert listed.returncode == 0, listed.stderr
        kinds = {json.loads(line)["kind"] for line in listed.stdout.splitlines()}
        assert kinds == {"case.paid_application"}
        assert WANG not in listed.stdout
        done = cli("reconcile", "--platform", srv.platform_url, "--payment", srv.payment_url)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["settled"] == {case.saga: "submitted"}
        assert cli("list", "--open").stdout == ""
