"""Reading CUPS's lp and lpstat output (formats of CUPS 2.x with LC_ALL=C)."""

import dataclasses

import pytest

from devices.a4printer import cups
from devices.base import State

IDLE = """printer HP_A4 is idle.  enabled since Mon 05 Jan 2026 09:00:00 AM CST
\tForm mounted:
\tContent types: any
\tPrinter types: unknown
\tDescription: HP LaserJet
\tAlerts: none
\tLocation: hall
"""
STOPPED = """printer HP_A4 disabled since Mon 05 Jan 2026 09:00:00 AM CST -
\tPaused
\tDescription: HP LaserJet
\tAlerts: paused
"""
PRINTING_NO_PAPER = """printer HP_A4 now printing HP_A4-17.  enabled since Mon 05 Jan 2026 09:00:00 AM CST
\tMedia tray empty
\tDescription: HP LaserJet
\tAlerts: media-empty-error
printer OTHER is idle.  enabled since Mon 05 Jan 2026 09:00:00 AM CST
\tAlerts: none
"""


def test_idle_printer_is_ok():
    st = cups.parse_printer(IDLE, "HP_A4")
    assert (st.state, st.reasons) == ("idle", ())
    assert st.device_status().state is State.OK


def test_stopped_printer_is_a_fault_with_its_message():
    st = cups.parse_printer(STOPPED, "HP_A4")
    assert st.state == "stopped" and st.message == "Paused"
    verdict = st.device_status()
    assert (
        verdict.state is State.FAULT and "已停用" in str(verdict.reason) and "Paused" in str(verdict.reason)
    )


def test_paper_out_while_printing():
    st = cups.parse_printer(PRINTING_NO_PAPER, "HP_A4")
    assert st.state == "printing" and st.job == "HP_A4-17" and st.paper == "out"
    assert str(st.device_status().reason) == "A4 打印纸已用完"
    assert cups.parse_printer(PRINTING_NO_PAPER, "OTHER").device_status().state is State.OK


@pytest.mark.parametrize(
    ("reasons", "state", "reason"),
    [
        ("media-low-warning", State.DEGRADED, "A4 纸将用尽"),
        ("toner-low-report", State.DEGRADED, "A4 打印机碳粉不足"),
        ("offline-report", State.FAULT, "A4 打印机脱机"),
        ("media-jam-error", State.FAULT, "A4 打印机卡纸"),
        ("media-needed", State.FAULT, "A4 打印纸已用完"),
        ("door-open-error toner-low-warning", State.FAULT, "A4 打印机盖未关"),
        ("media-empty-warning", State.DEGRADED, "A4 打印纸已用完"),
    ],
)
def test_state_reasons(reasons, state, reason):
    out = IDLE.replace("Alerts: none", f"Alerts: {reasons}")
    verdict = cups.parse_printer(out, "HP_A4").device_status()
    assert (verdict.state, str(verdict.reason)) == (state, reason)


def test_unknown_printer_is_an_error():
    with pytest.raises(ValueError):
        cups.parse_printer(IDLE, "NOPE")


def test_request_id_and_default_destination():
    assert cups.parse_request_id("request id is HP_A4-18 (1 file(s))\n") == "HP_A4-18"
    with pytest.raises(ValueError):
        cups.parse_request_id("")
    assert cups.parse_default("system default destination: HP_A4\n") == "HP_A4"
    assert cups.parse_default("no system default destination\n") is None


# `ipptool -c ipp://.../printers/HP_A4 /dev/stdin` with cups.GET_JOBS (CUPS 2.4.2, Debian 12)
IPP_JOBS = """job-id,job-state,job-state-reasons,number-of-documents,job-name
18,completed,job-completed-successfully,0,SO20260105000018
17,processing,job-printing,1,SO20260105000017
19,canceled,processing-to-stop-point,0,SO20260105000019
20,pending,none,1,
21,aborted,"aborted-by-system,job-completed-with-errors",1,"test, page"
22,pending-held,job-hold-until-specified,1,
"""


def test_ipp_job_states():
    jobs = {j.job_id: j for j in cups.parse_ipp_jobs(IPP_JOBS, "HP_A4")}
    assert list(jobs) == [f"HP_A4-{n}" for n in range(17, 23)]  # oldest first
    got = {k: (j.state, j.done) for k, j in jobs.items()}
    assert got == {
        "HP_A4-17": ("processing", False),
        "HP_A4-18": ("completed", True),
        "HP_A4-19": ("failed", True),  # cancelled: never read as printed
        "HP_A4-20": ("pending", False),
        "HP_A4-21": ("failed", True),
        "HP_A4-22": ("pending", False),
    }
    assert jobs["HP_A4-19"].canceled and not jobs["HP_A4-21"].canceled
    assert not jobs["HP_A4-19"].kept and jobs["HP_A4-21"].kept  # number-of-documents
    assert jobs["HP_A4-21"].reasons == ("aborted-by-system", "job-completed-with-errors")
    assert jobs["HP_A4-18"].name == "SO20260105000018" and jobs["HP_A4-21"].name == "test, page"
    assert jobs["HP_A4-20"].reasons == ()


def test_ipp_answer_without_jobs_header_is_an_error():
    with pytest.raises(ValueError):
        cups.parse_ipp_jobs('ipptool: Unable to connect to "localhost" on port 631\n', "HP_A4")
    assert cups.parse_ipp_jobs("job-id,job-state\n", "HP_A4") == []


IDLE_PAPER_OUT = IDLE.replace("Alerts: none", "Alerts: media-empty-error")


def test_paper_out_on_an_idle_printer_with_nothing_queued_is_only_a_warning():
    """CUPS keeps the backend's media-empty after the queue was resumed with nothing to print."""
    st = cups.parse_printer(IDLE_PAPER_OUT, "HP_A4")
    assert st.device_status().state is State.FAULT  # the queue not read: the paper is out
    stale = dataclasses.replace(st, queued=0)
    verdict = stale.device_status()
    assert verdict.state is State.DEGRADED and verdict.usable and "缺纸" in str(verdict.reason)
    assert stale.paper == "unconfirmed"
    assert dataclasses.replace(st, queued=1).device_status().state is State.FAULT  # a job waits
    stopped = cups.parse_printer(
        STOPPED.replace("Alerts: paused", "Alerts: media-empty-error paused"), "HP_A4"
    )
    assert dataclasses.replace(stopped, queued=0).device_status().state is State.FAULT
    assert dataclasses.replace(stopped, queued=0).paper == "out"
