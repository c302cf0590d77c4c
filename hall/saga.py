"""The paid application, as one journalled saga the journeys compose (ID card reissue today,
any paid platform application tomorrow):

    create application (key) -> create order (order no journalled first) -> pay -> mark paid -> submit

`settle()` drives a saga forward from whatever the journal says, so the journey (after a
payment) and the reconciler (after a crash, with the citizen gone) take the same path:
an open payment is resolved by querying (never a second order), an unpaid order of a departed
citizen is closed or reversed, a paid application is told to the platform and submitted, and a
charge whose application can no longer complete is refunded. While a system is unreachable the
saga stays open and says so: a step already paid waits in the journal and is forwarded later.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from backends.errors import BackendError, Refused, Unavailable
from backends.payment.api import Gateway, Mode, Order, State, new_order_no, refund_no
from backends.platform.api import Application, AppState, Kind, Platform
from core.redact import mask_id
from core.text import Text, tr
from hall.journal import DONE, FAILED, OPEN, UNDONE, Journal, Step

log = logging.getLogger(__name__)

CASE = "case.paid_application"
CREATE, PAYMENT, REFUND, PAID, SUBMIT = (
    "application.create",
    "payment",
    "payment.refund",
    "application.paid",
    "application.submit",
)

# saga outcomes
SUBMITTED, NOT_PAID, REFUNDED, NOT_CREATED, WAITING = (
    "submitted",
    "not_paid",
    "refunded",
    "not_created",
    "waiting",
)


@dataclass(frozen=True)
class Case:
    saga: str  # also the platform's idempotency key for the application
    acceptance_no: str
    fee_fen: int


@dataclass(frozen=True)
class Outcome:
    state: str  # submitted, not_paid, refunded, not_created, waiting (still open: retried later)
    acceptance_no: str = ""
    order_no: str = ""
    reason: Text | None = None

    @property
    def final(self) -> bool:
        return self.state != WAITING


class PaidApplication:
    def __init__(
        self,
        journal: Journal,
        platform: Platform,
        gateway: Gateway,
        subject: str = "居民身份证申领费",
        new_key: Callable[[], str] | None = None,
        new_order: Callable[[], str] | None = None,
    ) -> None:
        self.journal, self.platform, self.gateway = journal, platform, gateway
        self.subject = subject
        self._new_key = new_key or (lambda: "app-" + secrets.token_hex(12))
        self._new_order = new_order or (lambda: new_order_no(journal.kiosk_id))

    # ---- the journey's steps ----
    def open(self, id_number: str, kind: Kind) -> Case:
        """Create the application (the platform keeps its personal data). Raises Refused when
        the person may not apply, BackendError when the platform cannot be reached."""
        key = self._new_key()
        j = self.journal
        j.begin(key, CASE, key, {"id_masked": mask_id(id_number), "kind": str(kind)})
        j.begin(key, CREATE, key)
        try:
            app = self.platform.create_application(key, id_number, kind)
        except (Refused, Unavailable):  # a definite no, or never reached: nothing to settle later
            j.finish(CREATE, key, FAILED)
            self._close(key, NOT_CREATED)
            raise
        j.effect(CREATE)
        j.finish(CREATE, key, DONE, refs={"acceptance_no": app.acceptance_no, "amount_fen": app.fee_fen})
        return Case(key, app.acceptance_no, app.fee_fen)

    def pay(self, case: Case, mode: Mode, auth_code: str = "", expire_seconds: int = 300) -> Order:
        """Create the order (its number journalled first). The answer may be PENDING (the citizen
        confirms on the phone, or scans the QR) or UNKNOWN (no answer: `poll` resolves it)."""
        if case.fee_fen <= 0:
            raise ValueError("nothing to pay: settle() submits a fee-exempt application directly")
        order_no = self._new_order()
        self.journal.begin(
            case.saga,
            PAYMENT,
            order_no,
            {"order_no": order_no, "amount_fen": case.fee_fen, "mode": str(mode)},
        )
        try:
            order = self.gateway.create(order_no, case.fee_fen, self.subject, mode, auth_code, expire_seconds)
        except (Refused, Unavailable) as e:  # a bad payment code, or never reached: nothing created
            self.journal.finish(PAYMENT, order_no, FAILED, {"detail": e.code})
            return Order(order_no, State.CLOSED, case.fee_fen, e.code)
        except BackendError as e:  # sent, answer lost: query, never a second order
            log.info("payment %s: %s, querying", order_no, e.code)
            return self.poll(order_no)
        self.journal.effect(PAYMENT)
        self._record(order)
        return order

    def unsettled_for(self, id_number: str) -> bool:
        """An application of this person belongs to a case the journal has not settled yet.
        The hall's open cases are read first (few, and local): with none, the platform is not
        asked, so a journey pays no extra round trip in the common case."""
        j = self.journal
        open_apps = {
            str(step.refs["acceptance_no"])
            for saga in j.open_sagas()
            for step in j.saga(saga)
            if step.kind == CREATE and step.refs.get("acceptance_no")
        }
        if not open_apps:
            return False
        apps = self.platform.applications_for(id_number)
        return any(a.acceptance_no in open_apps and a.state is AppState.CREATED for a in apps)

    def poll(self, order_no: str) -> Order:
        """The order's state from the gateway, journalled when final; UNKNOWN when unreachable."""
        try:
            try:
                order = self.gateway.query(order_no)
            except Refused as e:
                if e.code != "order_not_found":
                    raise
                order = self.gateway.cancel(order_no)  # the create never arrived: bar a late one
        except BackendError:
            return Order(order_no, State.UNKNOWN, 0)
        self._record(order)
        return order

    def notice(self, order_no: str) -> Outcome:
        """A gateway callback, perhaps repeated or forged: never trusted as is. The order is
        queried and its saga settled, which is idempotent, so a duplicate changes nothing."""
        step = self.journal.get(PAYMENT, order_no)
        if step is None:
            return Outcome(WAITING, reason=tr("日志中没有这笔业务"))
        self.poll(order_no)
        return self.settle(step.saga)

    def cancel_order(self, order_no: str) -> Order:
        """The citizen left or gave up: close an unpaid order, reverse an uncertain one."""
        try:
            order = self.gateway.cancel(order_no)
        except BackendError:
            return Order(order_no, State.UNKNOWN, 0)
        self._record(order)
        return order

    def pay_and_wait(
        self,
        case: Case,
        auth_code: str,
        wait: float = 30.0,
        every: float = 5.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> Order:
        """Micropay: charge the scanned code; while the citizen confirms on the phone query every
        `every` seconds up to `wait`, then reverse (services.md section 2)."""
        order = self.pay(case, Mode.MICROPAY, auth_code)
        waited = 0.0
        while not order.state.final and waited < wait:
            sleep(every)
            waited += every
            order = self.poll(order.order_no)
        if not order.state.final:
            order = self.cancel_order(order.order_no)
        return order

    def _record(self, order: Order) -> None:
        step = self.journal.get(PAYMENT, order.order_no)
        if step is None or not step.open:
            return  # already settled (a duplicate notice, a late answer, a refunded order)
        if order.state == State.PAID:
            self.journal.finish(PAYMENT, order.order_no, DONE, {"detail": order.detail})
        elif order.state == State.CLOSED:
            self.journal.finish(PAYMENT, order.order_no, FAILED, {"detail": order.detail})

    # ---- forward or back, from the journal ----
    def settle(self, saga: str, citizen_gone: bool = False) -> Outcome:
        """Finish what the journal shows open: resolve payments, mark paid, submit, or refund.
        With `citizen_gone`, an unpaid order is closed and an unpaid application withdrawn."""
        try:
            return self._settle(saga, citizen_gone)
        except BackendError as e:
            log.warning("saga %s waits: %s", saga, e)
            return Outcome(WAITING, reason=e.reason)

    def _settle(self, saga: str, gone: bool) -> Outcome:
        steps = self.journal.saga(saga)
        case = next((s for s in steps if s.kind == CASE), None)
        if case is None:
            return Outcome(WAITING, reason=tr("日志中没有这笔业务"))
        if not case.open:
            return Outcome(case.after.get("outcome", WAITING), case.refs.get("acceptance_no", ""))
        create = next((s for s in steps if s.kind == CREATE), None)
        if create is None or create.open:
            app = self.platform.find_application(saga)  # the create may have arrived: ask
            if create is None:
                create = self.journal.begin(saga, CREATE, saga)
            if app is None:
                self.journal.finish(CREATE, saga, FAILED)
                return self._close(saga, NOT_CREATED)
            create = self.journal.finish(
                CREATE, saga, DONE, refs={"acceptance_no": app.acceptance_no, "amount_fen": app.fee_fen}
            )
        elif create.state == FAILED:
            return self._close(saga, NOT_CREATED)
        acc, fee = create.refs["acceptance_no"], int(create.refs["amount_fen"])
        payments = [s for s in steps if s.kind == PAYMENT]
        for p in payments:
            if p.open:
                order = self.poll(p.key)
                if order.state == State.PENDING and gone:
                    order = self.cancel_order(p.key)
                if not order.state.final:
                    return Outcome(WAITING, acc, p.key, tr("支付结果尚未确定"))
        payments = [s for s in self.journal.saga(saga) if s.kind == PAYMENT]
        paid = [p for p in payments if p.state == DONE]
        for extra in paid[1:]:  # never charged twice: a second charge goes back
            self._refund(saga, extra)
        if not paid and fee > 0:
            if not gone:
                return Outcome(NOT_PAID, acc)
            self._withdraw(acc)
            return self._close(saga, NOT_PAID, acc)
        order_no = paid[0].key if paid else ""
        try:
            if paid:
                self._step(saga, PAID, acc, lambda: self.platform.mark_paid(acc, order_no, fee))
            self._step(saga, SUBMIT, acc, lambda: self.platform.submit(acc))
        except Refused as e:  # the application can no longer complete: give the money back
            log.warning("application %s cannot complete (%s)", acc, e.code)
            self._withdraw(acc)
            if paid:
                self._refund(saga, paid[0])
                return self._close(saga, REFUNDED, acc, order_no, e.reason)
            return self._close(saga, NOT_CREATED, acc, reason=e.reason)
        return self._close(saga, SUBMITTED, acc, order_no)

    def _withdraw(self, acc: str) -> None:
        try:
            self.platform.cancel(acc)
        except Refused as e:
            log.info("application %s not withdrawn: %s", acc, e.code)

    def _step(self, saga: str, kind: str, acc: str, call: Callable[[], Application]) -> None:
        step = self.journal.begin(saga, kind, acc, {"acceptance_no": acc})
        if step.state == DONE:
            return
        if step.state == FAILED:
            raise Refused("platform", "wrong_state", tr("申请无法完成"))
        try:
            app = call()
        except Refused as e:
            self.journal.finish(kind, acc, FAILED, {"error": e.code})
            raise
        self.journal.effect(kind)
        self.journal.finish(kind, acc, DONE, {"state": str(app.state)})

    def refund(self, saga: str, payment: Step) -> None:
        """Give one payment of the saga back (a paid certificate that did not print)."""
        self._refund(saga, payment)

    def _refund(self, saga: str, payment: Step) -> None:
        order_no, amount = payment.key, int(payment.refs["amount_fen"])
        rno = refund_no(order_no)
        step = self.journal.begin(
            saga, REFUND, rno, {"order_no": order_no, "refund_no": rno, "amount_fen": amount}
        )
        if step.state != OPEN:
            return
        self.gateway.refund(order_no, rno, amount)
        self.journal.effect(REFUND)
        self.journal.finish(REFUND, rno, DONE)
        self.journal.finish(PAYMENT, order_no, UNDONE, {"detail": "REFUNDED"})

    def _close(
        self, saga: str, outcome: str, acc: str = "", order_no: str = "", reason: Text | None = None
    ) -> Outcome:
        self.journal.finish(CASE, saga, DONE, {"outcome": outcome}, {"acceptance_no": acc} if acc else None)
        return Outcome(outcome, acc, order_no, reason)

    def application(self, case: Case) -> Application:
        return self.platform.status(case.acceptance_no)
