"""The paid application against the reference gateway and platform: every scripted behaviour
of the gateway and every fault leaves the journal consistent and the citizen charged at most
once (and only for a submitted application)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from backends.errors import Unavailable
from backends.payment.api import HALL_TZ, Mode, State
from backends.payment.client import PaymentClient
from backends.platform.api import AppState, Kind
from backends.platform.client import PlatformClient
from backends.refserver import free_port
from hall.journal import DONE, FAILED, OPEN, UNDONE
from hall.reconcile import Reconciler
from hall.saga import NOT_PAID, PAYMENT, REFUNDED, SUBMITTED, WAITING, Case, PaidApplication
from tests.backends.support import AUTH, WANG, Servers, db_url, live_jpeg, servers, wire


@pytest.fixture(scope="module")
def srv() -> Iterator[Servers]:
    with servers() as s:
        yield s


@pytest.fixture
def saga(srv: Servers, tmp_path: Path) -> Iterator[PaidApplication]:
    srv.gateway.faults.clear()
    srv.platform.faults.clear()
    with db_url("sqlite", tmp_path) as url:
        yield wire(url, srv.platform_url, srv.payment_url, timeout=1.0)


def ready_case(saga: PaidApplication) -> Case:
    case = saga.open(WANG, Kind.REISSUE_LOST)
    saga.platform.attach_photo(case.acceptance_no, live_jpeg())
    saga.platform.attach_fingerprints(case.acceptance_no, {"R1": b"t1", "L1": b"t2"})
    return case


def no_sleep(_: float) -> None:
    pass


def payment_state(saga: PaidApplication, order_no: str) -> str:
    step = saga.journal.get(PAYMENT, order_no)
    assert step is not None
    return step.state


def next_order(saga: PaidApplication, srv: Servers, behaviour: str, **kw: float) -> str:
    """Script the gateway for the order number the saga will make next."""
    order_no = f"T{len(srv.gateway.orders):04d}{behaviour[:6].upper()}"
    saga._new_order = lambda: order_no  # type: ignore[method-assign]
    srv.gateway.script(order_no, behaviour, **kw)  # type: ignore[arg-type]
    return order_no


def test_micropay_paid_at_once_is_submitted_and_charged_once(saga: PaidApplication, srv: Servers) -> None:
    case = ready_case(saga)
    order_no = next_order(saga, srv, "pay")
    assert saga.pay_and_wait(case, AUTH, sleep=no_sleep).state == State.PAID
    out = saga.settle(case.saga)
    assert out.state == SUBMITTED and out.acceptance_no == case.acceptance_no
    assert srv.platform.apps[case.acceptance_no].state == AppState.ACCEPTED
    assert srv.gateway.net_fen(order_no) == case.fee_fen == 4000
    assert all(not s.open for s in saga.journal.saga(case.saga))


def test_userpaying_then_paid_is_resolved_by_querying(saga: PaidApplication, srv: Servers) -> None:
    case = ready_case(saga)
    order_no = next_order(saga, srv, "userpaying_then_paid", polls=3)
    naps: list[float] = []
    order = saga.pay_and_wait(case, AUTH, wait=30, every=5, sleep=naps.append)
    assert order.state == State.PAID and naps == [5, 5, 5]
    assert [c for c in srv.gateway.calls if c == ("create", order_no)] == [("create", order_no)]
    assert saga.settle(case.saga).state == SUBMITTED


def test_userpaying_then_abandoned_is_reversed_after_30_seconds(saga: PaidApplication, srv: Servers) -> None:
    case = ready_case(saga)
    order_no = next_order(saga, srv, "userpaying_then_abandoned")
    naps: list[float] = []
    order = saga.pay_and_wait(case, AUTH, wait=30, every=5, sleep=naps.append)
    assert sum(naps) == 30
    assert order.state == State.CLOSED and order.detail == "REVERSED"
    assert payment_state(saga, order_no) == FAILED
    out = saga.settle(case.saga, citizen_gone=True)
    assert out.state == NOT_PAID
    assert srv.platform.apps[case.acceptance_no].state == AppState.CANCELLED
    assert srv.gateway.net_fen(order_no) == 0


def test_decline_then_a_second_code_pays_once(saga: PaidApplication, srv: Servers) -> None:
    case = ready_case(saga)
    declined = next_order(saga, srv, "decline")
    assert saga.pay_and_wait(case, AUTH, sleep=no_sleep).detail == "PAYERROR"
    assert payment_state(saga, declined) == FAILED
    paid = next_order(saga, srv, "pay")
    assert saga.pay_and_wait(case, AUTH, sleep=no_sleep).state == State.PAID
    assert saga.settle(case.saga).state == SUBMITTED
    assert srv.platform.apps[case.acceptance_no].order_no == paid
    assert srv.gateway.net_fen(declined) == 0 and srv.gateway.net_fen(paid) == 4000


@pytest.mark.parametrize("behaviour", ["timeout", "lost_answer"])
def test_answer_lost_after_the_charge_is_queried_never_charged_again(
    saga: PaidApplication, srv: Servers, behaviour: str
) -> None:
    case = ready_case(saga)
    order_no = next_order(saga, srv, behaviour, delay=3.0)  # the client gives up after 1 s
    order = saga.pay(case, Mode.MICROPAY, AUTH)
    assert order.state == State.PAID  # learnt by querying the same order number
    assert srv.gateway.calls.count(("create", order_no)) == 1
    assert saga.settle(case.saga).state == SUBMITTED
    assert srv.gateway.net_fen(order_no) == 4000


def test_native_qr_has_an_expiry_and_is_closed_when_the_citizen_leaves(
    saga: PaidApplication, srv: Servers
) -> None:
    case = ready_case(saga)
    order_no = next_order(saga, srv, "userpaying_then_abandoned")
    order = saga.pay(case, Mode.NATIVE, expire_seconds=300)
    assert order.state == State.PENDING and order.code_url and order.expires_at is not None
    assert payment_state(saga, order_no) == OPEN
    assert saga.poll(order_no).state == State.PENDING  # the screen polls while the QR shows
    assert saga.settle(case.saga, citizen_gone=True).state == NOT_PAID
    assert srv.gateway.orders[order_no].state == "CLOSED"
    assert payment_state(saga, order_no) == FAILED


def test_native_qr_paid_on_a_poll(saga: PaidApplication, srv: Servers) -> None:
    case = ready_case(saga)
    order_no = next_order(saga, srv, "pay", polls=2)
    assert saga.pay(case, Mode.NATIVE).state == State.PENDING
    assert saga.poll(order_no).state == State.PENDING
    assert saga.poll(order_no).state == State.PAID
    assert saga.settle(case.saga).state == SUBMITTED


def test_duplicate_payment_notice_changes_nothing(saga: PaidApplication, srv: Servers) -> None:
    case = ready_case(saga)
    order_no = next_order(saga, srv, "pay")
    saga.pay(case, Mode.MICROPAY, AUTH)
    first = saga.notice(order_no)
    second = saga.notice(order_no)
    assert first.state == second.state == SUBMITTED
    app = srv.platform.apps[case.acceptance_no]
    assert app.paid_calls == 1 and srv.gateway.net_fen(order_no) == 4000
    assert [s.kind for s in saga.journal.saga(case.saga)].count(PAYMENT) == 1


def test_gateway_refused_connection_leaves_nothing_open(saga: PaidApplication, srv: Servers) -> None:
    case = ready_case(saga)
    saga.gateway = PaymentClient(f"http://127.0.0.1:{free_port()}", timeout=1, backoff=0.01)
    order = saga.pay(case, Mode.MICROPAY, AUTH)
    assert order.state == State.CLOSED and order.detail == "unreachable"
    assert saga.settle(case.saga, citizen_gone=True).state == NOT_PAID
    assert all(not s.open for s in saga.journal.saga(case.saga))


def test_platform_down_after_payment_waits_then_is_forwarded(saga: PaidApplication, srv: Servers) -> None:
    case = ready_case(saga)
    order_no = next_order(saga, srv, "pay")
    saga.pay(case, Mode.MICROPAY, AUTH)
    srv.platform.faults.add("POST", f"/applications/{case.acceptance_no}/paid", "status", status=503, times=3)
    out = saga.settle(case.saga)
    assert out.state == WAITING  # the journey says: paid, will be forwarded
    assert payment_state(saga, order_no) == DONE
    report = Reconciler(saga.journal, saga, grace=timedelta(0)).run()
    assert report.settled == {case.saga: SUBMITTED}
    assert srv.platform.apps[case.acceptance_no].state == AppState.ACCEPTED


def test_platform_answering_after_the_kiosk_gave_up(saga: PaidApplication, srv: Servers) -> None:
    """The platform records "paid" but answers after the client's timeout; the retry with the
    same order number is answered from what it recorded: one payment, one submission."""
    case = ready_case(saga)
    next_order(saga, srv, "pay")
    saga.pay(case, Mode.MICROPAY, AUTH)
    srv.platform.faults.add("POST", f"/applications/{case.acceptance_no}/paid", "delay", seconds=2.5)
    assert saga.settle(case.saga).state == SUBMITTED
    assert srv.platform.apps[case.acceptance_no].paid_calls == 2


def test_application_that_cannot_complete_is_refunded(saga: PaidApplication, srv: Servers) -> None:
    case = saga.open(WANG, Kind.REISSUE_LOST)  # no photo, no fingerprints: "paid" is refused
    order_no = next_order(saga, srv, "pay")
    saga.pay(case, Mode.MICROPAY, AUTH)
    out = saga.settle(case.saga)
    assert out.state == REFUNDED and out.reason is not None
    assert payment_state(saga, order_no) == UNDONE
    assert srv.gateway.net_fen(order_no) == 0
    assert srv.platform.apps[case.acceptance_no].state == AppState.CANCELLED


@pytest.mark.parametrize("fault", ["malformed", "contract", "status"])
def test_garbled_payment_answer_is_resolved_by_query(saga: PaidApplication, srv: Servers, fault: str) -> None:
    case = ready_case(saga)
    order_no = next_order(saga, srv, "pay")
    srv.gateway.faults.add("POST", "/orders", fault)
    assert saga.pay(case, Mode.MICROPAY, AUTH).state == State.PAID
    assert srv.gateway.calls.count(("create", order_no)) == 1
    assert saga.settle(case.saga).state == SUBMITTED


def test_gateway_gone_for_good_raises_one_staff_alert(saga: PaidApplication, srv: Servers) -> None:
    case = ready_case(saga)
    next_order(saga, srv, "userpaying_then_abandoned")
    saga.pay(case, Mode.MICROPAY, AUTH)
    saga.gateway = PaymentClient(f"http://127.0.0.1:{free_port()}", timeout=1, backoff=0.01)
    alerts: list[tuple[str, str, str]] = []
    rec = Reconciler(
        saga.journal, saga, lambda *a: alerts.append(a), grace=timedelta(0), patience=timedelta(0)
    )
    assert rec.run().alerted == [case.saga]
    assert rec.run().waiting == [case.saga]
    assert len(alerts) == 1 and alerts[0][:2] == ("journal", "unsettled")
    assert case.saga in str(alerts[0][2]) and WANG not in str(alerts[0][2])


def test_daily_bill_matches_every_kiosk_order(saga: PaidApplication, srv: Servers) -> None:
    case = ready_case(saga)
    next_order(saga, srv, "decline")
    saga.pay_and_wait(case, AUTH, sleep=no_sleep)
    next_order(saga, srv, "pay")
    saga.pay_and_wait(case, AUTH, sleep=no_sleep)
    saga.settle(case.saga)
    # the gateway's day is the hall's (Asia/Shanghai), not this machine's: they differ after 16:00 UTC
    today = datetime.now(HALL_TZ).date()
    bill = {line.order_no: line for line in saga.gateway.bill(today)}
    for step in saga.journal.iter_all():
        if step.kind == PAYMENT:
            line = bill[step.key]
            assert (step.state == DONE) == (line.state == State.PAID and line.refunded_fen == 0)


def test_refund_is_idempotent_per_refund_number(srv: Servers) -> None:
    client = PaymentClient(srv.payment_url)
    client.create("REFUNDTEST01", 2000, "x", Mode.MICROPAY, AUTH)
    client.refund("REFUNDTEST01", "REFUNDTEST01R", 2000)
    client.refund("REFUNDTEST01", "REFUNDTEST01R", 2000)
    assert srv.gateway.net_fen("REFUNDTEST01") == 0
    assert client.query("REFUNDTEST01").refunded_fen == 2000


def test_connection_refused_is_unavailable() -> None:
    client = PaymentClient(f"http://127.0.0.1:{free_port()}", timeout=1, backoff=0.01)
    with pytest.raises(Unavailable):
        client.query("NOSUCHORDER1")


def test_reconciler_thread_settles_at_start(saga: PaidApplication, srv: Servers) -> None:
    case = ready_case(saga)
    next_order(saga, srv, "pay")
    saga.pay(case, Mode.MICROPAY, AUTH)  # paid, and then the kiosk died before submitting
    rec = Reconciler(saga.journal, saga)  # 10-minute grace, but not at start
    rec.start(every=3600)
    try:
        deadline = time.monotonic() + 30
        while saga.journal.open_sagas():
            assert time.monotonic() < deadline, "the reconciler never settled the saga"
            time.sleep(0.02)
    finally:
        rec.stop()
    assert srv.platform.apps[case.acceptance_no].state == AppState.ACCEPTED


def test_fee_exempt_application_is_submitted_without_an_order(saga: PaidApplication, srv: Servers) -> None:
    orders = len(srv.gateway.orders)
    case = saga.open("11010519491231002X", Kind.REISSUE_LOST)  # fee class: exempt
    assert case.fee_fen == 0
    saga.platform.attach_photo(case.acceptance_no, live_jpeg())
    saga.platform.attach_fingerprints(case.acceptance_no, {})
    with pytest.raises(ValueError):
        saga.pay(case, Mode.MICROPAY, AUTH)
    assert saga.settle(case.saga).state == SUBMITTED
    assert len(srv.gateway.orders) == orders


def test_platform_unreachable_at_create_leaves_nothing_open(saga: PaidApplication) -> None:
    saga.platform = PlatformClient(f"http://127.0.0.1:{free_port()}", timeout=1, backoff=0.01)
    with pytest.raises(Unavailable):
        saga.open(WANG, Kind.REISSUE_LOST)
    assert saga.journal.open_sagas() == []


def test_health_probes(srv: Servers) -> None:
    assert PaymentClient(srv.payment_url).healthy() and PlatformClient(srv.platform_url).healthy()
    down = f"http://127.0.0.1:{free_port()}"
    assert not PaymentClient(down, timeout=1).healthy() and not PlatformClient(down, timeout=1).healthy()
    srv.platform.faults.add("GET", "/health", "status", status=503)
    assert not PlatformClient(srv.platform_url).healthy()
