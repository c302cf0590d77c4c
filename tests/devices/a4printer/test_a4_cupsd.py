"""The CUPS driver against Debian's real scheduler (a private cupsd, tests/devices/a4printer/
cupsd.py): what lp, lpstat and ipptool really print, a job printed, paper running out mid-job
(the scheduler stops the queue and keeps the job), the refill that prints it once, a withdrawn
job that never prints and the certificate after it that does, a job staff cancel in CUPS read
as not printed by the journal, and which jobs CUPS can print again."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from devices.a4printer.driver import CupsPrinter
from devices.base import DeviceError, State
from hall.certificate_prints import PRINT, CertificatePrints, owns_job
from hall.db import migrate, open_engine, sqlite_url
from hall.journal import DONE, FAILED, Journal
from tests.devices.a4printer.cupsd import PRINTER, PrivateCups

T = TypeVar("T")


@pytest.fixture
def cups(monkeypatch: pytest.MonkeyPatch) -> Iterator[PrivateCups]:
    c = PrivateCups().start()
    monkeypatch.setenv("CUPS_SERVER", str(c.socket))  # lp, lpstat and cancel ask this scheduler
    yield c
    c.stop()


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "certificate.pdf"
    path.write_bytes(b"%PDF-1.4\n% a certificate\n%%EOF\n")
    return path


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    engine = open_engine(sqlite_url(tmp_path / "hall.db"))
    migrate(engine)
    yield Journal(engine, "K01")
    engine.dispose()


class Direct:
    """The driver called in this thread, as the Device's worker would call it."""

    def __init__(self, drv: CupsPrinter) -> None:
        self.drv = drv

    def call(self, fn: Callable[[CupsPrinter], T], timeout: float = 0) -> T:
        return fn(self.drv)


def driver() -> CupsPrinter:
    drv = CupsPrinter({"printer": "", "status_interval": 1}, lambda kind, payload: None)
    drv.open()
    return drv


def until(predicate, seconds: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_a_job_prints_through_the_real_scheduler(cups, pdf):
    drv = driver()
    assert drv.name == PRINTER and drv.poll().state is State.OK  # the default destination
    job = drv.print_pdf(pdf, copies=2, title="SO20261201000001")
    assert job.job_id.startswith(f"{PRINTER}-")
    assert drv.wait_job(job.job_id, timeout=20).state == "completed"
    [out] = cups.documents
    assert out.read_bytes() == pdf.read_bytes()
    assert until(lambda: cups.unloaded(job.job_id))  # out of cupsd's memory, its name still reads
    assert drv.job_state(job.job_id).name == "SO20261201000001"
    assert until(lambda: cups.spooled == [])  # the certificate's file does not stay in the spool


def test_paper_out_mid_job_stops_the_queue_and_the_refill_prints_it_once(cups, pdf):
    drv = driver()
    cups.paper(loaded=False)
    job = drv.print_pdf(pdf)  # accepted: the tray empties as the job reaches the printer
    assert until(lambda: drv.poll().state is State.FAULT), cups.log()[-1500:]
    status = drv.poll()
    assert str(status.reason) == "A4 打印纸已用完" and status.detail["paper"] == "out"
    state = drv.job_state(job.job_id)
    assert not state.done and cups.documents == []
    with pytest.raises(DeviceError, match="A4 打印纸已用完"):
        drv.print_pdf(pdf)  # no new job while the printer cannot print
    cups.paper(loaded=True)  # staff load paper and resume the queue
    assert drv.wait_job(job.job_id, timeout=20).state == "completed"
    assert len(cups.documents) == 1 and drv.poll().state is State.OK


def test_a_withdrawn_job_never_prints_and_after_refill_and_resume_a_new_certificate_does(cups, pdf, journal):
    drv = driver()
    cups.paper(loaded=False)
    job = drv.print_pdf(pdf)
    assert until(lambda: drv.poll().state is State.FAULT)
    assert drv.withdraw_job(job.job_id).state == "failed"  # job-canceled-by-user
    cups.paper(loaded=True)  # staff load paper and resume the queue, with nothing to print
    assert until(lambda: drv.read_state().state == "idle")
    # CUPS keeps the backend's last word until a job runs again: read as a warning, not a fault
    state = drv.read_state()
    assert state.has("media-empty") and state.queued == 0
    status = state.device_status()
    assert status.state is State.DEGRADED and status.usable and status.detail["paper"] == "unconfirmed"
    assert drv.job_state(job.job_id).state == "failed" and drv.job_state(job.job_id).canceled
    prints = CertificatePrints(journal, Direct(drv))
    step = prints.submit("SO20261201000007", 1, pdf, 1, {"kind": "social_insurance"})
    assert until(lambda: prints.poll(step.key).state == "completed"), cups.log()[-1500:]
    assert journal.get(PRINT, step.key).state == DONE
    assert len(cups.documents) == 1 and drv.poll().state is State.OK  # the backend cleared it


def test_a_job_staff_cancel_in_cups_is_not_printed_for_the_journal(cups, pdf, journal):
    drv = driver()
    cups.paper(loaded=False)
    prints = CertificatePrints(journal, Direct(drv))
    step = prints.submit("SO20261201000008", 1, pdf, 1, {"kind": "social_insurance"})
    job_id = str(step.refs["job"])
    assert until(lambda: drv.poll().state is State.FAULT)
    cups.cancel(job_id)  # staff, at CUPS, not through the kiosk
    cups.paper(loaded=True)
    assert until(lambda: drv.read_state().state == "idle")
    # lpstat lists it like a printed job; IPP's job-state says canceled
    assert "processing-to-stop-point" in cups.lpstat("-l", "-W", "completed", "-o", PRINTER)
    state = prints.poll(step.key)
    assert (state.state, state.ipp_state) == ("failed", "canceled")
    assert journal.get(PRINT, step.key).state == FAILED
    assert prints.settle("cert-SO20261201000008").state == "not_printed"  # a fee would be refunded
    assert cups.documents == []


def test_only_a_job_whose_file_cups_kept_can_be_printed_again(pdf, monkeypatch, journal):
    for keeps in (False, True):
        c = PrivateCups(preserve_files=keeps).start()
        monkeypatch.setenv("CUPS_SERVER", str(c.socket))
        try:
            drv = driver()
            c.paper(loaded=False)
            prints = CertificatePrints(journal, Direct(drv))
            serial = f"SO2026120100001{int(keeps)}"
            job_id = str(prints.submit(serial, 1, pdf, 1, {"kind": "tax"}).refs["job"])
            assert until(lambda drv=drv: drv.poll().state is State.FAULT)
            c.cancel(job_id)
            c.paper(loaded=True)
            # staff look at the queue later, when cupsd has dropped the ended job from memory
            assert until(lambda c=c, job_id=job_id: c.unloaded(job_id)), c.log()[-1500:]
            job = drv.job_state(job_id)
            assert job.canceled and job.kept is keeps  # number-of-documents
            # the job's name is the serial, so the journal knows the job as a certificate's
            assert job.name == serial and owns_job(journal, job)
            if keeps:
                drv.retry_job(job_id)  # what maintenance refuses for a certificate: CUPS can
                assert drv.wait_job(job_id, timeout=20).state == "completed"
                assert len(c.documents) == 1
            else:
                with pytest.raises(DeviceError, match="no files"):
                    drv.retry_job(job_id)
                assert c.documents == []
        finally:
            c.stop()
