"""What the journal cannot settle on its own and staff must put right: a refund the gateway did
not take, an application the platform refused after the citizen paid, a saga open for long.

`needing_hand()` reads them from the journal (this kiosk's sagas with a step open longer than a
citizen could still be at the screen); staff either retry (the reconciler's settler, the same
path as every other settlement) or settle by hand with a reason from a fixed list (the money
was given back at the counter, ...): the open steps are closed as not done by the kiosk, the
case as settled by hand, and a `staff.settled` step records who and why. No personal data: the
journal holds references only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from core.text import Text, tr
from hall.journal import DONE, FAILED, OPEN, UNDONE, Journal, Step
from hall.saga import CASE, PAID, PAYMENT, REFUND, SUBMIT

SETTLED = "staff.settled"
BY_HAND = "settled_by_hand"

# kind of item -> what staff read
REFUND_FAILED, REFUSED_AFTER_PAYMENT, UNSETTLED = "refund_failed", "refused_after_payment", "unsettled"
KIND_NAMES = {
    REFUND_FAILED: tr("退款未成功"),
    REFUSED_AFTER_PAYMENT: tr("已缴费但平台拒绝了申请"),
    UNSETTLED: tr("业务长时间未完成"),
}

# why staff settle by hand: a fixed list, so nothing personal is typed into the journal
HAND_REASONS = {
    "refunded_at_counter": tr("已在窗口退款"),
    "citizen_contacted": tr("已联系市民处理"),
    "checked_nothing_owed": tr("经核对无需处理"),
}


@dataclass(frozen=True)
class Item:
    saga: str
    kind: str  # refund_failed, refused_after_payment, unsettled
    since: datetime  # UTC, naive: when the saga began
    acceptance_no: str
    order_no: str
    amount_fen: int
    open_steps: tuple[str, ...]  # kinds of the steps still open
    platform_refused: bool = False  # the platform said no after the citizen paid

    @property
    def title(self) -> Text:
        return KIND_NAMES[self.kind]


def classify(steps: list[Step]) -> Item:
    """One open saga's steps, read as an item for staff."""
    by_kind: dict[str, list[Step]] = {}
    for s in steps:
        by_kind.setdefault(s.kind, []).append(s)
    paid = [p for p in by_kind.get(PAYMENT, []) if p.state in (DONE, UNDONE)]
    refused = any(s.state == FAILED for k in (PAID, SUBMIT) for s in by_kind.get(k, []))
    open_refund = any(s.state == OPEN for s in by_kind.get(REFUND, []))
    if open_refund:
        kind = REFUND_FAILED
    elif paid and refused:
        kind = REFUSED_AFTER_PAYMENT
    else:
        kind = UNSETTLED
    acc = next((str(s.refs["acceptance_no"]) for s in steps if s.refs.get("acceptance_no")), "")
    payment = paid[0] if paid else next(iter(by_kind.get(PAYMENT, [])), None)
    return Item(
        steps[0].saga,
        kind,
        min(s.created_at for s in steps),
        acc,
        payment.key if payment else "",
        int(payment.refs.get("amount_fen", 0)) if payment else 0,
        tuple(s.kind for s in steps if s.open and s.kind != CASE),
        bool(paid) and refused,
    )


def needing_hand(journal: Journal, grace: timedelta = timedelta(minutes=10)) -> list[Item]:
    """This kiosk's sagas still open `grace` after their last step, oldest first."""
    sagas = journal.open_sagas(older_than=journal.now() - grace, kiosk=journal.kiosk_id or None)
    return [classify(journal.saga(saga)) for saga in sagas]


def settle_by_hand(journal: Journal, saga: str, staff: str, reason: str) -> int:
    """Close what is open of `saga` as not done by the kiosk, the case as settled by hand, and
    record who and why; returns the steps closed. `reason` is a key of HAND_REASONS."""
    if reason not in HAND_REASONS:
        raise ValueError(f"unknown reason {reason!r}")
    steps = journal.saga(saga)
    if not any(s.open for s in steps):
        return 0
    journal.begin(saga, SETTLED, saga, {"staff": staff, "reason": reason})
    after = {"settled_by_hand": staff, "reason": reason}
    closed = 0
    for s in steps:
        if s.open and s.kind != CASE:
            journal.finish(s.kind, s.key, FAILED, after)
            closed += 1
    if any(s.kind == CASE and s.open for s in steps):
        journal.finish(CASE, saga, DONE, {"outcome": BY_HAND, **after})
    journal.finish(SETTLED, saga, DONE)
    return closed


OUTCOME_NAMES = {
    "submitted": tr("申请已提交"),
    "refunded": tr("已退款"),
    "not_paid": tr("未扣款，订单已关闭"),
    "not_created": tr("申请未创建，未扣款"),
}
