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
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from devices.a4printer.cups import JobState
from devices.base import DeviceError
from hall.journal import DONE, FAILED, OPEN, Journal, Step
from hall.saga import Outcome

log = logging.getLogger(__name__)

PRINT = "certificate.print"
CALL_TIMEOUT = 30.0


def key(serial: str, attempt: int) -> str:
    return f"{serial}#{attempt}"


class CertificatePrints:
    """`a4` is the a4printer Device (anything with call(fn, timeout))."""

    def __init__(self, journal: Journal, a4: Any) -> None:
        self.journal, self.a4 = journal, a4

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
        state: JobState = self.a4.call(lambda d: d.cancel_job(job_id), timeout=CALL_TIMEOUT)
        self._record(step, state)
        return state

    def settle(self, saga: str) -> Outcome:
        """The reconciler's settler: each open print is asked about and, if not printed, withdrawn."""
        outcome = "printed"
        for step in self.journal.saga(saga):
            if step.kind != PRINT or not step.open:
                if step.kind == PRINT and step.state == FAILED:
                    outcome = "not_printed"
                continue
            if not step.refs.get("job"):  # crashed before lp answered: ask nobody, it is unknown
                self.journal.finish(
                    PRINT, step.key, FAILED, {"error": "no job id (crash before lp answered)"}
                )
                outcome = "not_printed"
                continue
            try:
                state = self.poll(step.key)
                if not state.done:
                    state = self.withdraw(step.key)
            except DeviceError as e:
                log.warning("certificate print %s waits: %s", step.key, e)
                return Outcome("waiting", reason=e.reason)
            if state.state != "completed":
                outcome = "not_printed"
        return Outcome(outcome)

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
