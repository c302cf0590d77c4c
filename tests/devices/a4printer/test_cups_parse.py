"""Reading CUPS's lp and lpstat output (formats of CUPS 2.x with LC_ALL=C)."""

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


JOBS = """HP_A4-17                kiosk             26624   Mon 05 Jan 2026 09:00:00 AM CST
\tStatus: Out of paper
\tAlerts: job-printing
\tqueued for HP_A4
HP_A4-18                kiosk             26624   Mon 05 Jan 2026 09:01:00 AM CST
\tStatus:
\tAlerts: job-completed-successfully
\tqueued for HP_A4
HP_A4-19                kiosk             26624   Mon 05 Jan 2026 09:02:00 AM CST
\tAlerts: job-canceled-by-user
\tqueued for HP_A4
HP_A4-20                kiosk             26624   Mon 05 Jan 2026 09:03:00 AM CST
"""


@pytest.mark.parametrize(
    ("job", "active", "state"),
    [
        ("HP_A4-17", True, "processing"),
        ("HP_A4-18", False, "completed"),
        ("HP_A4-19", False, "failed"),
        ("HP_A4-20", True, "pending"),
        ("HP_A4-20", False, "completed"),
        ("HP_A4-99", False, "unknown"),
    ],
)
def test_job_states(job, active, state):
    assert cups.parse_job(JOBS, job, active).state == state
