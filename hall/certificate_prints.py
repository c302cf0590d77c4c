"""Certificate prints as journal steps: one `certificate.print` step per CUPS job, keyed by the
certificate's serial and the attempt, written before `lp` and finished when CUPS says the job
completed (done) or failed or was withdrawn (failed). The job id is added to the open step as
soon as CUPS gives it.

So a certificate never prints twice: a step that already has a job is never submitted again
(a double tap, a retry after an uncertain answer), and a new attempt is only made after CUPS
said the last one failed. And never prints for nobody: when the citizen leaves with a job still
waiting (out of paper, printer offline) the job is withdrawn; after a crash the reconciler asks
CUPS (completed: done; otherwise withdrawn: failed, since the PDF went with the session).
Refs are references only: serial, kind, masked ID, copies, pages, job id.

A certificate with a fee heads its saga with a `certificate.fee` step; the payment steps are the
paid application's (hall/saga.py: order number journalled first, queried, never charged twice),
so the journey pays through the reissue journey's payment step. Settling a paid print: printed,
the fee is kept; not printed (refused, failed, withdrawn), it is refunded.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from devices.a4printer.cups import JobState
from devices.base import DeviceError
from hall.journal import DONE, FAILED, OPEN, Journal, Step
from hall.saga import PAYMENT, Case, Outcome, PaidApplication

log = logging.getLogger(__name__)

PRINT = "certificate.print"
FEE = "certificate.fee"
CALL_TIMEOUT = 30.0


def key(serial: str, attempt: int) -> str:
    return f"{serial}#{attempt}"


def owns_job(journal: Journal, job: JobState) -> bool:
    """Whether the CUPS job is a certificate's print the journal keeps (the job is titled with
    the serial): such a job is settled by the journal, never printed again from CUPS."""
    return any(s.kind == PRINT and s.refs.get("job") == job.job_id for s in journal.saga(f"cert-{job.name}"))


class CertificatePrints:
    """`a4` is the a4printer Device (anything with call(fn, timeout))."""

    def __init__(self, journal: Journal, a4: Any, payments: PaidApplication | None = None) -> None:
        self.journal, self.a4, self.payments = journal, a4, payments

    def open_fee(self, serial: str, amount_fen: int, refs: Mapping[str, Any]) -> Case:
        """The paid print's head step, before any order: what the payment step pays for."""
        saga = f"cert-{serial}"
        self.journal.begin(saga, FEE, serial, {**refs, "serial": serial, "amount_fen": amount_fen})
        return Case(saga, serial, amount_fen)

    def submit(self, serial: str, attempt: int, pdf: Path, copies: int, refs: Mapping[str, Any]) -> Step:
        """Write the step, then hand the PDF to CUPS; the open step with its job id. A step that
        already has a job, or is finished, is returned as it is: nothing is sent twice. Raises
        DeviceError (the step failed) when CUPS refused the job."""
        k = key(serial, attempt)
        step = self.journal.begin(f"cert-{serial}", PRINT, k, {**refs, "serial": serial, "copies": copies})
        if step.state != OPEN or step.refs.get("job"):
            return step
        try:
            job = self.a4.call(lambda d: d.print_pdf(pdf, copies=copies, title=serial), timeout=CALL_TIMEOUT)
        except DeviceError as e:
            # refused before anything was queued (printer stopped, out of paper, CUPS down)
            self.journal.finish(PRINT, k, FAILED, {"error": str(e.reason)[:200]})
            raise
        self.journal.effect(PRINT)
        return self.journal.finish(PRINT, k, OPEN, refs={"job": job.job_id})

    def poll(self, step_key: str) -> JobState:
        """The job's state from CUPS; the step is finished when the job is."""
        step = self._step(step_key)
        job_id = str(step.refs["job"])
        state: JobState = self.a4.call(lambda d: d.job_state(job_id), timeout=CALL_TIMEOUT)
        self._record(step, state)
        return state

    def withdraw(self, step_key: str) -> JobState:
        """Cancel a job that has not printed; finishes the step with what CUPS says after."""
        step = self._step(step_key)
        job_id = str(step.refs["job"])
        state: JobState = self.a4.call(lambda d: d.withdraw_job(job_id), timeout=CALL_TIMEOUT)
        self._record(step, state)
        return state

    def settle(self, saga: str) -> Outcome:
        """The reconciler's settler (and the journey's last step): each open print is asked
        about and, if not printed, withdrawn; then a fee is kept for a printed certificate and
        refunded for one that was not."""
        printed = self._settle_prints(saga)
        if printed.state == "waiting":
            return printed
        fee = self.journal.get(FEE, saga.removeprefix("cert-"))
        if fee is None or not fee.open:
            return printed
        if self.payments is None:
            return Outcome("waiting", reason=None)
        outcome = self._settle_fee(saga, printed.state == "printed")
        if outcome.final:
            self.journal.finish(FEE, fee.key, DONE, {"outcome": outcome.state})
        return outcome

    def _settle_fee(self, saga: str, printed: bool) -> Outcome:
        assert self.payments is not None
        for p in [s for s in self.journal.saga(saga) if s.kind == PAYMENT and s.open]:
            order = self.payments.poll(p.key)
            if not order.state.final:
                order = self.payments.cancel_order(p.key)  # the citizen is gone, or done
            if not order.state.final:
                return Outcome("waiting", reason=None)
        paid = [s for s in self.journal.saga(saga) if s.kind == PAYMENT and s.state == DONE]
        keep = paid[:1] if printed else []
        for extra in paid[len(keep) :]:  # never charged twice; nothing charged for no paper
            self.payments.refund(saga, extra)
        if not paid:
            return Outcome("not_paid")
        return Outcome("printed" if printed else "refunded")

    def _settle_prints(self, saga: str) -> Outcome:
        """ "printed" when a job of the saga printed, else "not_printed"; "waiting" while CUPS
        cannot be asked."""
        for step in self.journal.saga(saga):
            if step.kind != PRINT or not step.open:
                continue
            if not step.refs.get("job"):  # crashed before lp answered: ask nobody, it is unknown
                self.journal.finish(
                    PRINT, step.key, FAILED, {"error": "no job id (crash before lp answered)"}
                )
                continue
            try:
                state = self.poll(step.key)
                if not state.done:
                    self.withdraw(step.key)
            except DeviceError as e:
                log.warning("certificate print %s waits: %s", step.key, e)
                return Outcome("waiting", reason=e.reason)
        done = any(s.kind == PRINT and s.state == DONE for s in self.journal.saga(saga))
        return Outcome("printed" if done else "not_printed")

    def _step(self, step_key: str) -> Step:
        step = self.journal.get(PRINT, step_key)
        if step is None:
            raise KeyError(step_key)
        return step

    def _record(self, step: Step, state: JobState) -> None:
        if not step.open:
            return
        if state.state == "completed":
            self.journal.finish(PRINT, step.key, DONE, {"cups": state.state})
        elif state.state in ("failed", "unknown"):
            self.journal.finish(
                PRINT, step.key, FAILED, {"cups": state.state, "reasons": list(state.reasons)}
            )
