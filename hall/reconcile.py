"""The reconciler: at start and every few minutes, finish or undo what a crash, power cut or
network cut left open in the journal, and tell staff what it cannot settle.

Each saga's head step kind has a settler (the paid application, hall/saga.py, when the
platform and gateway are configured; others register with `add_settler`). A saga is only
touched once its last step is older than `grace`, so a citizen still at the screen is never
overtaken; at start nothing of this kiosk is live, so the app runs it with grace 0. A kiosk
settles only its own sagas (a hall's kiosks share PostgreSQL). A saga still open after
`patience` raises one staff alert.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from core.every import Every
from core.text import TextLike, tr
from hall.journal import DONE, Journal
from hall.saga import CASE, WAITING, Outcome, PaidApplication

log = logging.getLogger(__name__)

# (source, code, message) -> anything: kiosk.alerts.Alerts.raise_ fits
AlertFn = Callable[[str, str, TextLike], object]
ALERT = "staff.alert"


@dataclass
class Report:
    settled: dict[str, str] = field(default_factory=dict)  # saga -> outcome
    waiting: list[str] = field(default_factory=list)
    alerted: list[str] = field(default_factory=list)


GRACE = timedelta(minutes=10)  # a saga's last step this old: its citizen has gone


class Reconciler:
    def __init__(
        self,
        journal: Journal,
        paid_application: PaidApplication | None = None,
        alert: AlertFn | None = None,
        grace: timedelta = GRACE,
        patience: timedelta = timedelta(hours=1),
    ) -> None:
        self.journal = journal
        self.settlers: dict[str, Callable[[str], Outcome]] = {}
        if paid_application is not None:
            self.add_settler(CASE, lambda saga: paid_application.settle(saga, citizen_gone=True))
        self.alert = alert
        self.grace, self.patience = grace, patience
        # at start nothing of this kiosk is live: its first round settles with grace 0
        self._every = Every("journal-reconciler", 300.0, self.run, first=lambda: self.run(timedelta(0)))

    def add_settler(self, kind: str, settle: Callable[[str], Outcome]) -> None:
        """`settle(saga)` for sagas whose first step of `kind` heads them."""
        self.settlers[kind] = settle

    def run(self, grace: timedelta | None = None) -> Report:
        report = Report()
        now = self.journal.now()
        cutoff = now - (self.grace if grace is None else grace)
        mine = self.journal.kiosk_id or None  # a kiosk settles its own; the staff CLI settles all
        for saga in self.journal.open_sagas(older_than=cutoff, kiosk=mine):
            steps = self.journal.saga(saga)
            head = next((s for s in steps if s.kind in self.settlers), None)
            try:
                outcome = self.settle_one(saga)
            except Exception:  # one saga's surprise must not stop the others being settled
                log.exception("journal: saga %s could not be settled", saga)
                outcome = Outcome(WAITING)
            if outcome.final:
                report.settled[saga] = outcome.state
                log.info("journal: saga %s settled: %s", saga, outcome.state)
                continue
            report.waiting.append(saga)
            first = min(s.created_at for s in steps)
            if now - first >= self.patience and self._alert_once(saga, head.kind if head else steps[0].kind):
                report.alerted.append(saga)
        return report

    def settle_one(self, saga: str) -> Outcome:
        """Drive one saga forward by its head's settler now (staff's "retry" takes this path)."""
        head = next((s for s in self.journal.saga(saga) if s.kind in self.settlers), None)
        if head is None:
            return Outcome(WAITING, reason=tr("没有能处理这笔业务的程序"))
        return self.settlers[head.kind](saga)

    def _alert_once(self, saga: str, kind: str) -> bool:
        step = self.journal.get(ALERT, saga)
        if step is not None:
            if step.open:  # crashed while alerting: it went out, or it will not matter now
                self.journal.finish(ALERT, saga, DONE)
            return False
        self.journal.begin(saga, ALERT, saga, {"kind": kind})
        if self.alert is not None:
            self.alert(
                "journal",
                "unsettled",
                tr("业务 {saga}（{kind}）长时间未能完成，请人工核对", saga=saga, kind=kind),
            )
        self.journal.finish(ALERT, saga, DONE)
        return True

    # ---- every few minutes, in a thread of its own (network calls must not block anything) ----
    def start(self, every: float = 300.0) -> None:
        self._every.seconds = every
        self._every.start()

    def stop(self) -> None:
        self._every.stop()
