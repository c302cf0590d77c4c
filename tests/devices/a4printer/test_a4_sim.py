"""The CUPS driver against the simulated CUPS (stand-in lp/lpstat), and the Qt PDF renderer."""

import re
import sys
from pathlib import Path

import pytest

from devices.a4printer.driver import CupsPrinter
from devices.a4printer.simulator import A4Simulator
from devices.base import ConnectionLost, Device, DeviceError, PermanentFault, State
from kiosk.ui import documents


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    documents.ensure_gui_app()
    html = documents.certificate_html(
        "社会保险参保缴费证明",
        [("姓名", "张三"), ("公民身份号码", "11010519491231002X"), ("参保状态", "正常参保")],
        issuer="市社会保险事业管理中心",
        issued_at="2026年1月5日",
        serial="SB-2026-000123",
    )
    path = tmp_path_factory.mktemp("pdf") / "certificate.pdf"
    pages = documents.render_pdf(
        path, html, title="参保证明", qr="https://verify.example.gov.cn/c/SB-2026-000123"
    )
    assert pages == 1
    return path


@pytest.fixture
def sim(tmp_path):
    s = A4Simulator(tmp_path / "a4printer", {}).start()
    yield s
    s.stop()


def driver(sim: A4Simulator, **extra) -> CupsPrinter:
    drv = CupsPrinter({**sim.settings_overrides(), "printer": "", **extra}, lambda kind, payload: None)
    drv.open()
    return drv


def test_rendered_certificate_is_an_a4_pdf_with_the_qr_image(pdf):
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/Subtype /Image" in data or b"/Subtype/Image" in data
    # A4 in points (595 x 842) as the page's MediaBox
    assert re.search(rb"/MediaBox \[0 0 595(\.0+)? 842(\.0+)?\]", data)


def test_pdf_prints_and_lands_in_the_output_folder(sim, pdf):
    drv = driver(sim)
    assert drv.name == "KIOSK_A4"  # taken from lpstat -d
    job = drv.print_pdf(pdf, title="参保证明")
    assert job.job_id == "KIOSK_A4-1"
    assert drv.wait_job(job.job_id, timeout=5).state == "completed"
    assert sim.last_document is not None and sim.last_document.read_bytes() == pdf.read_bytes()


@pytest.mark.parametrize(
    ("state", "reason"),
    [("media_empty", "A4 打印纸已用完"), ("stopped", "已停用"), ("jam", "卡纸"), ("offline", "脱机")],
)
def test_job_refused_when_printer_cannot_print(sim, pdf, state, reason):
    drv = driver(sim)
    sim.set_state(state)
    assert drv.poll().state is State.FAULT
    with pytest.raises(DeviceError, match=reason):
        drv.print_pdf(pdf)
    assert sim.jobs() == [] and sim.documents == []


def test_paper_running_out_during_a_job_stops_the_queue_until_refilled(sim, pdf):
    drv = driver(sim)
    sim.run_out_during_next()
    job = drv.print_pdf(pdf)
    state = drv.job_state(job.job_id)
    assert state.state == "pending" and not state.done  # back in the queue, as CUPS does
    assert drv.read_state().state == "stopped"  # the queue stopped, like real CUPS
    assert str(drv.poll().reason) == "A4 打印纸已用完"
    with pytest.raises(DeviceError, match="A4 打印纸已用完"):
        drv.print_pdf(pdf)
    assert sim.documents == []
    sim.set_state("idle")  # staff loads paper
    assert drv.wait_job(job.job_id, timeout=5).state == "completed"
    assert len(sim.documents) == 1


def test_media_low_is_degraded_and_still_prints(sim, pdf):
    drv = driver(sim)
    sim.set_state("media_low")
    assert drv.poll().state is State.DEGRADED
    assert drv.wait_job(drv.print_pdf(pdf).job_id, timeout=5).state == "completed"


def test_scheduler_down_is_offline_and_comes_back(sim):
    dev = Device(
        "a4printer",
        lambda emit: CupsPrinter({**sim.settings_overrides(), "status_interval": 1}, emit),
        backoff=(0.05, 0.2),
    )
    dev.start()
    try:
        assert dev.wait_until(lambda s: s.state is State.OK, 10)
        sim.set_scheduler(False)
        with pytest.raises(ConnectionLost):
            dev.call(lambda d: d.read_state(), timeout=10)
        assert dev.wait_until(lambda s: s.state is State.OFFLINE, 10)
        sim.set_scheduler(True)
        assert dev.wait_until(lambda s: s.state is State.OK, 10)
    finally:
        dev.stop()


def test_missing_cups_is_a_permanent_fault(tmp_path):
    drv = CupsPrinter(
        {"printer": "X", "lpstat_command": str(tmp_path / "no-lpstat")}, lambda kind, payload: None
    )
    with pytest.raises(PermanentFault, match="no-lpstat"):
        drv.open()


def test_staff_see_the_queue_cancel_a_stuck_job_and_retry_it(tmp_path, pdf):
    sim = A4Simulator(tmp_path / "keeps", {"sim_preserve_files": True}).start()  # PreserveJobFiles Yes
    drv = driver(sim)
    sim.set_state("media_empty")
    with pytest.raises(DeviceError):
        drv.print_pdf(pdf)  # refused at once while out of paper
    sim.set_state("idle")
    sim.run_out_during_next()
    stuck = drv.print_pdf(pdf).job_id  # the tray empties as it starts: it waits
    assert [(j.job_id, j.state) for j in drv.jobs()] == [(stuck, "pending")]
    drv.cancel_job(stuck)
    (job,) = drv.jobs()
    assert job.state == "failed" and job.canceled and job.kept
    with pytest.raises(DeviceError):
        drv.cancel_job(stuck)  # already finished: CUPS says so
    sim.set_state("idle")  # paper loaded
    drv.retry_job(stuck)
    assert drv.wait_job(stuck, timeout=5).state == "completed"
    assert sim.last_document is not None
    with pytest.raises(DeviceError):
        drv.retry_job(stuck)  # printed: nothing kept to print again


def test_a_job_the_printer_aborts_is_failed_and_can_be_retried(tmp_path, pdf):
    sim = A4Simulator(tmp_path / "keeps", {"sim_preserve_files": True}).start()
    drv = driver(sim)
    sim.fail_next()
    job = drv.print_pdf(pdf).job_id
    assert drv.wait_job(job, timeout=5).state == "failed"
    assert sim.documents == []
    drv.retry_job(job)
    assert drv.wait_job(job, timeout=5).state == "completed" and len(sim.documents) == 1


def test_without_kept_job_files_a_cancelled_job_is_failed_and_cannot_be_retried(sim, pdf):
    drv = driver(sim)  # as deployed: PreserveJobFiles No
    sim.run_out_during_next()
    job = drv.print_pdf(pdf).job_id
    drv.cancel_job(job)
    state = drv.job_state(job)
    assert (state.state, state.canceled, state.kept) == ("failed", True, False)
    sim.set_state("idle")
    with pytest.raises(DeviceError):
        drv.retry_job(job)  # CUPS has no file to print again
    assert sim.documents == []


def test_after_a_withdrawn_job_the_resumed_printer_warns_and_the_next_job_prints(sim, pdf):
    """As real CUPS does: media-empty stays after the resume with nothing queued."""
    drv = driver(sim)
    sim.run_out_during_next()
    job = drv.print_pdf(pdf).job_id
    assert drv.withdraw_job(job).state == "failed"
    sim.set_state("idle")  # paper loaded, queue resumed: nothing left to print
    status = drv.poll()
    assert status.state is State.DEGRADED and status.detail["paper"] == "unconfirmed"
    assert "缺纸" in str(status.reason)
    assert drv.wait_job(drv.print_pdf(pdf).job_id, timeout=5).state == "completed"
    assert drv.poll().state is State.OK and len(sim.documents) == 1


def test_in_the_bundle_the_printer_programs_run_through_the_kiosk_binary(tmp_path, pdf, monkeypatch):
    """The PyInstaller bundle has no interpreter and no source files: the simulated CUPS's
    programs run the kiosk binary itself (make bundle's demo prints certificates through them)."""
    binary = tmp_path / "kiosk"  # stands for dist/kiosk/kiosk: run_kiosk.py's entry point
    run_kiosk = Path(__file__).resolve().parents[3] / "run_kiosk.py"
    binary.write_text(f'#!/bin/sh\nexec {sys.executable} {run_kiosk} "$@"\n', encoding="utf-8")
    binary.chmod(0o755)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(binary))
    sim = A4Simulator(tmp_path / "a4printer", {}).start()
    monkeypatch.undo()
    drv = driver(sim)
    job = drv.print_pdf(pdf, title="参保证明")
    assert drv.wait_job(job.job_id, timeout=10).state == "completed"
    assert sim.last_document is not None and sim.last_document.read_bytes() == pdf.read_bytes()
