"""Journal items needing a hand, against the reference gateway and platform on SQLite and
PostgreSQL: a refund the gateway would not take is listed with its references, a staff retry
settles it once the gateway answers, and settling by hand closes the saga for good, recorded."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from backends.payment.api import Mode
from backends.platform.api import Kind
from hall.handwork import BY_HAND, REFUND_FAILED, SETTLED, needing_hand, settle_by_hand
from hall.journal import FAILED, OPEN
from hall.reconcile import Reconciler
from hall.saga import CASE, REFUND, REFUNDED, WAITING, PaidApplication
from tests.backends.support import AUTH, WANG, Servers, db_url, servers, wire


@pytest.fixture(scope="module")
def srv() -> Iterator[Servers]:
    with servers() as s:
        yield s


@pytest.fixture(params=["sqlite", "postgresql"])
def saga(request: pytest.FixtureRequest, srv: Servers, tmp_path: Path) -> Iterator[PaidApplication]:
    srv.gateway.faults.clear()
    srv.platform.faults.clear()
    with db_url(request.param, tmp_path) as url:
        yield wire(url, srv.platform_url, srv.payment_url, timeout=1.0)


def refund_refused(saga: PaidApplication, srv: Servers) -> str:
    """A paid application the platform refuses (no photo), whose refund the gateway fails."""
    case = saga.open(WANG, Kind.REISSUE_LOST)
    order = saga.pay(case, Mode.MICROPAY, AUTH)
    srv.gateway.faults.add("POST", f"/orders/{order.order_no}/refunds", "status", status=503, times=1000)
    assert saga.settle(case.saga).state == WAITING
    return case.saga


def test_a_failed_refund_is_listed_and_a_retry_settles_it_once_the_gateway_answers(
    saga: PaidApplication, srv: Servers
) -> None:
    key = refund_refused(saga, srv)
    (item,) = needing_hand(saga.journal, grace=timedelta(0))
    assert item.saga == key and item.kind == REFUND_FAILED and item.platform_refused
    assert item.acceptance_no and item.order_no and item.amount_fen > 0 and REFUND in item.open_steps
    assert needing_hand(saga.journal) == []  # within the grace: the citizen may still be there
    reconciler = Reconciler(saga.journal, saga)
    assert reconciler.settle_one(key).state == WAITING  # the gateway still fails
    srv.gateway.faults.clear()
    assert reconciler.settle_one(key).state == REFUNDED
    assert srv.gateway.net_fen(item.order_no) == 0
    assert needing_hand(saga.journal, grace=timedelta(0)) == []


def test_settled_by_hand_closes_the_saga_with_who_and_why(saga: PaidApplication, srv: Servers) -> None:
    key = refund_refused(saga, srv)
    with pytest.raises(ValueError):
        settle_by_hand(saga.journal, key, "S01", "anything typed")  # reasons come from the list
    assert settle_by_hand(saga.journal, key, "S01", "refunded_at_counter") == 1
    steps = {s.kind: s for s in saga.journal.saga(key)}
    assert not any(s.state == OPEN for s in steps.values())
    assert steps[REFUND].state == FAILED and steps[REFUND].after["settled_by_hand"] == "S01"
    assert steps[CASE].after["outcome"] == BY_HAND
    assert steps[SETTLED].refs == {"staff": "S01", "reason": "refunded_at_counter"}
    assert needing_hand(saga.journal, grace=timedelta(0)) == []
    assert Reconciler(saga.journal, saga, grace=timedelta(0)).run().waiting == []  # left alone
    assert settle_by_hand(saga.journal, key, "S01", "refunded_at_counter") == 0
