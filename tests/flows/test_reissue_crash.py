"""kill -9 of a kiosk at every step of the loss reissue journey (the screens and the work between
them, on the real drivers and simulators), on SQLite and PostgreSQL; then a restart: stale
session folders purged and the reconciler run, as the next start does. Afterwards nothing is
charged twice, nothing is charged without a submitted application or a refund, no application
is paid twice, nothing is left open, and nothing personal is left on disk. (The money steps'
own journal points are killed in tests/backends/test_journal_crash.py.)"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from backends.platform.api import AppState
from flows.session import purge_stale
from hall.journal import OPEN
from hall.reconcile import Reconciler
from hall.saga import CASE, SUBMITTED
from tests.backends.support import WANG, Servers, db_url, servers, wire

ROOT = Path(__file__).resolve().parents[2]

#: the journey as the child walks it (checked against a full walk below)
STEPS = [
    "Choose:请选择办理方式",
    "Entry:请输入您的身份证号码",
    "Work:正在查询",
    "Message:请确认是您本人",
    "Work:正在查询",  # an earlier application whose payment is being confirmed?
    "Choose:请选择办理类型",
    "Capture:拍摄身份证照片",
    "Work:请稍候",
    "Message:请确认您的照片",
    "Work:人像比对",
    "Work:人像比对",
    "Message:请将右手拇指放在指纹仪上",
    "Work:请将右手拇指放在指纹仪上",
    "Message:请将左手拇指放在指纹仪上",
    "Work:请将左手拇指放在指纹仪上",
    "Work:正在提交申请资料",
    "Work:正在提交申请资料",
    "Message:请核对申请信息",
    "Choose:请选择缴费方式（40.00 元）",
    "Payment:请出示付款码",
    "Work:正在扣款",
    "Work:正在提交申请",
    "Work:正在打印受理回执",  # the slip signed and journalled
    "Work:正在打印受理回执",  # and printed
    "Message:申请已受理，请取走回执",
]


@pytest.fixture(scope="module")
def srv():  # type: ignore[no-untyped-def]
    with servers() as s:
        yield s


def child(srv: Servers, tmp_path: Path, url: str, at: int) -> subprocess.CompletedProcess[str]:
    args = [str(tmp_path), url, srv.platform_url, srv.payment_url, str(at)]
    return subprocess.run(
        [sys.executable, "-m", "tests.flows.crash_journey_child", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=150,
    )


def test_the_child_walks_these_steps(srv: Servers, tmp_path: Path) -> None:
    with db_url("sqlite", tmp_path) as url:
        proc = child(srv, tmp_path, url, -1)
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    assert lines[-1] == "outcome Finished(result='submitted')"
    assert [line.split(" ", 1)[1] for line in lines[:-1]] == STEPS


@pytest.mark.parametrize("dbkind", ["sqlite", "postgresql"])
@pytest.mark.parametrize("at", range(len(STEPS)), ids=[f"{i:02d}-{s}" for i, s in enumerate(STEPS)])
def test_kill_at_every_step_then_restart(srv: Servers, tmp_path: Path, dbkind: str, at: int) -> None:
    with db_url(dbkind, tmp_path) as url:
        before_orders, before_apps = set(srv.gateway.orders), set(srv.platform.apps)
        srv.gateway.script("*", "pay")
        proc = child(srv, tmp_path, url, at)
        assert proc.returncode == -signal.SIGKILL, proc.stdout[-2000:] + proc.stderr[-3000:]
        assert proc.stdout.splitlines()[-1] == f"{at} {STEPS[at]}"

        # the next start: stale session folders go, the reconciler finishes what was left
        purge_stale(tmp_path / "run")
        saga = wire(url, srv.platform_url, srv.payment_url)
        report = Reconciler(saga.journal, saga, grace=timedelta(0)).run()
        assert not report.waiting, report
        steps = list(saga.journal.iter_all())
        assert all(s.state != OPEN for s in steps), [s.to_json() for s in steps if s.open]

        orders = [srv.gateway.orders[o] for o in set(srv.gateway.orders) - before_orders]
        apps = [srv.platform.apps[a] for a in set(srv.platform.apps) - before_apps]
        assert all(o.state in ("PAID", "CLOSED") for o in orders)  # every order final
        assert all(o.charges <= 1 for o in orders)  # no order charged twice
        cases = [s for s in steps if s.kind == CASE]
        assert len(cases) == len(apps) <= 1  # an application only with its journalled case
        out_of_pocket = sum(srv.gateway.net_fen(o.order_no) for o in orders)
        if not cases:
            assert not orders and out_of_pocket == 0  # killed before the review: nothing began
        else:
            [case], [app] = cases, apps
            if case.after["outcome"] == SUBMITTED:
                assert app.state == AppState.ACCEPTED
                assert out_of_pocket == app.fee_fen  # charged exactly once, for this application
                paid = Counter(o.order_no for o in orders if srv.gateway.net_fen(o.order_no))
                assert list(paid) == [app.order_no]
            else:
                assert out_of_pocket == 0, case.after  # not paid, reversed or refunded
                assert app.state == AppState.CANCELLED
        saga.journal.engine.dispose()
    # nothing personal on disk: the killed session's folder, the journal, the logs, receipts
    for f in tmp_path.rglob("*"):
        if f.is_file():
            content = f.read_bytes()
            assert WANG.encode() not in content and "王小明".encode() not in content, f
