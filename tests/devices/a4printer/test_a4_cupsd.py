"""The CUPS driver against Debian's real scheduler (a private cupsd, tests/devices/a4printer/
cupsd.py): what lp and lpstat really print, a job printed, paper running out mid-job (the
scheduler stops the queue and keeps the job), the refill that prints it once, and a withdrawn
job that never prints."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.a4printer.driver import CupsPrinter
from devices.base import DeviceError, State
from tests.devices.a4printer.cupsd import PRINTER, PrivateCups


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


def test_a_withdrawn_job_never_prints(cups, pdf):
    drv = driver()
    cups.paper(loaded=False)
    job = drv.print_pdf(pdf)
    assert until(lambda: drv.poll().state is State.FAULT)
    assert drv.withdraw_job(job.job_id).state == "failed"  # job-canceled-by-user
    cups.paper(loaded=True)  # the queue resumes with nothing to print
    assert until(lambda: drv.read_state().state == "idle")
    # CUPS keeps the backend's last word (media-empty-error) until a job runs again, so the
    # driver still reports the paper out here: a known gap, see the closing note
    assert cups.documents == []
    # nor can lpstat tell a cancelled job from a printed one afterwards ("processing-to-stop-
    # point" for both), which is why withdraw_job takes cancel's own answer
    assert drv.job_state(job.job_id).done
