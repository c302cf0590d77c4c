"""kill -9 of a kiosk at every journal step of a paid application (before and after each side
effect), on SQLite and PostgreSQL; then the reconciler runs, as at the next start. Afterwards
nothing is charged twice, nothing is charged without a submitted application or a refund, and
nothing is left open, in the journal or at the gateway."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from backends.platform.api import AppState
from hall.db import open_engine
from hall.journal import OPEN, Journal
from hall.reconcile import Reconciler
from hall.saga import SUBMITTED
from tests.backends.support import Servers, db_url, servers, wire

ROOT = Path(__file__).resolve().parents[2]


def _points(kinds: list[str]) -> list[str]:
    return [f"{k}:{phase}" for k in kinds for phase in ("intent", "effect", "outcome")]


OK_POINTS = [
    "case.paid_application:intent",
    *_points(["application.create", "payment", "application.paid", "application.submit"]),
    "case.paid_application:outcome",
]
REFUND_POINTS = ["application.paid:intent", *_points(["payment.refund"]), "case.paid_application:outcome"]
ABANDON_POINTS = [*_points(["payment"]), "case.paid_application:outcome"]
CASES = (
    [("ok", p) for p in OK_POINTS]
    + [("refund", p) for p in REFUND_POINTS]
    + [("abandon", p) for p in ABANDON_POINTS]
)


@pytest.fixture(scope="module")
def srv():  # type: ignore[no-untyped-def]
    with servers() as s:
        yield s


@pytest.mark.parametrize("dbkind", ["sqlite", "postgresql"])
@pytest.mark.parametrize(("scenario", "point"), CASES)
def test_kill_at_every_step_then_reconcile(
    srv: Servers, tmp_path: Path, dbkind: str, scenario: str, point: str
) -> None:
    with db_url(dbkind, tmp_path) as url:
        wire(url, srv.platform_url, srv.payment_url)  # migrate before the child
        before_orders = set(srv.gateway.orders)
        srv.gateway.script("*", "userpaying_then_abandoned" if scenario == "abandon" else "pay")
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "tests.backends.crash_child",
                url,
                srv.platform_url,
                srv.payment_url,
                point,
                scenario,
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
        srv.gateway.script("*", "pay")

        saga = wire(url, srv.platform_url, srv.payment_url)
        report = Reconciler(saga.journal, saga, grace=timedelta(0)).run()
        assert not report.waiting, report

        journal: Journal = saga.journal
        steps = list(journal.iter_all())
        assert steps and all(s.state != OPEN for s in steps), [s.to_json() for s in steps if s.open]
        [case] = [s for s in steps if s.kind == "case.paid_application"]
        outcome = case.after["outcome"]

        orders = [srv.gateway.orders[o] for o in set(srv.gateway.orders) - before_orders]
        assert all(o.state in ("PAID", "CLOSED") for o in orders)  # every order final
        out_of_pocket = sum(srv.gateway.net_fen(o.order_no) for o in orders)
        acc = case.refs.get("acceptance_no", "")
        app = srv.platform.apps.get(acc)
        if outcome == SUBMITTED:
            assert scenario == "ok"
            assert app is not None and app.state == AppState.ACCEPTED
            assert out_of_pocket == app.fee_fen  # charged exactly once
            assert app.order_no in {o.order_no for o in orders if srv.gateway.net_fen(o.order_no)}
        else:
            assert out_of_pocket == 0, outcome  # not paid, reversed or refunded
            assert app is None or app.state == AppState.CANCELLED
        if scenario == "refund" and point.startswith("payment.refund"):
            assert outcome == "refunded"
        if scenario == "abandon":
            assert outcome == "not_paid"
        with open_engine(url).connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM journal_step")).scalar() == len(steps)
