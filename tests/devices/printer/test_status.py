"""Every status reply listed in reference/protocols.md section 2, parsed as the kiosk must read it."""

import pytest

from devices.base import State
from devices.printer import status as st


@pytest.mark.parametrize(
    ("byte", "offline"),
    [(0x12, False), (0x1A, True)],
)
def test_dle_eot_1_printer(byte, offline):
    assert st.parse_printer(byte).offline is offline


def test_dle_eot_1_other_bits():
    flags = st.parse_printer(0x12 | 0x20 | 0x40)
    assert flags.waiting_recovery and flags.feed_button and not flags.offline


@pytest.mark.parametrize(
    ("byte", "cover_open", "paper_end_stop", "error"),
    [
        (0x12, False, False, False),
        (0x16, True, False, False),
        (0x32, False, True, False),
        (0x52, False, False, True),
    ],
)
def test_dle_eot_2_offline_cause(byte, cover_open, paper_end_stop, error):
    cause = st.parse_offline_cause(byte)
    assert (cause.cover_open, cause.paper_end_stop, cause.error) == (cover_open, paper_end_stop, error)


def test_dle_eot_2_feed_button():
    assert st.parse_offline_cause(0x1A).feeding_by_button


@pytest.mark.parametrize(
    ("byte", "cause"),
    [
        (0x12, None),
        (0x16, "recoverable"),
        (0x1A, "autocutter"),
        (0x32, "unrecoverable"),
        (0x52, "auto_recoverable"),
        (0x3A, "unrecoverable"),
    ],
)
def test_dle_eot_3_error_cause(byte, cause):
    assert st.parse_error_cause(byte) == cause


@pytest.mark.parametrize(
    ("byte", "paper"),
    [
        (0x12, "ok"),
        (0x1E, "near_end"),
        (0x72, "out"),
        (0x7E, "out"),
        # printers that set only one bit of each pair
        (0x16, "near_end"),
        (0x1A, "near_end"),
        (0x32, "out"),
        (0x52, "out"),
    ],
)
def test_dle_eot_4_paper(byte, paper):
    assert st.parse_paper(byte) == paper


@pytest.mark.parametrize(("byte", "paper"), [(0x00, "ok"), (0x03, "near_end"), (0x0C, "out"), (0x0F, "out")])
def test_gs_r_1_paper(byte, paper):
    assert st.parse_gs_r_paper(byte) == paper


@pytest.mark.parametrize("byte", [0x00, 0x02, 0x10, 0x13, 0x92, 0xFF, 0x41])
def test_bytes_breaking_the_fixed_bits_are_not_status(byte):
    assert not st.is_status_byte(byte)
    for parse in (st.parse_printer, st.parse_offline_cause, st.parse_error_cause, st.parse_paper):
        with pytest.raises(st.BadReply):
            parse(byte)


def test_gs_r_reply_with_fixed_bits_set_is_rejected():
    with pytest.raises(st.BadReply):
        st.parse_gs_r_paper(0x12)


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (bytes([0x10, 0x00, 0x00, 0x0F]), st.PrinterStatus(True, "ok", False)),
        (bytes([0x10, 0x00, 0x03, 0x0F]), st.PrinterStatus(True, "near_end", False)),
        (bytes([0x18, 0x00, 0x0C, 0x0F]), st.PrinterStatus(False, "out", False)),
        (bytes([0x38, 0x00, 0x00, 0x0F]), st.PrinterStatus(False, "ok", True)),
        (bytes([0x18, 0x08, 0x00, 0x0F]), st.PrinterStatus(False, "ok", False, "autocutter")),
    ],
)
def test_automatic_status_back(block, expected):
    assert st.parse_asb(block) == expected


def test_automatic_status_back_rejects_other_bytes():
    with pytest.raises(st.BadReply):
        st.parse_asb(bytes([0x12, 0, 0, 0]))
    with pytest.raises(st.BadReply):
        st.parse_asb(bytes([0x10, 0, 0]))


@pytest.mark.parametrize(
    ("replies", "state", "reason", "json"),
    [
        ((0x12, 0x12, 0x12), State.OK, "", {"online": True, "paper": "ok", "cover_open": False}),
        (
            (0x12, 0x12, 0x1E),
            State.DEGRADED,
            "纸将用尽",
            {"online": True, "paper": "near_end", "cover_open": False},
        ),
        (
            (0x1A, 0x32, 0x72),
            State.FAULT,
            "打印纸已用完",
            {"online": False, "paper": "out", "cover_open": False},
        ),
        (
            (0x1A, 0x16, 0x12),
            State.FAULT,
            "打印机盖未关",
            {"online": False, "paper": "ok", "cover_open": True},
        ),
        (
            (0x1A, 0x12, 0x12),
            State.FAULT,
            "打印机脱机",
            {"online": False, "paper": "ok", "cover_open": False},
        ),
        # paper-end stop alone (sensor not reporting) still means out of paper
        (
            (0x1A, 0x32, 0x12),
            State.FAULT,
            "打印纸已用完",
            {"online": False, "paper": "out", "cover_open": False},
        ),
    ],
)
def test_combined_status_to_device_status(replies, state, reason, json):
    status = st.combine(*replies)
    verdict = status.device_status()
    assert verdict.state is state
    assert str(verdict.reason) == reason
    assert status.as_json() == json
    assert verdict.detail["paper"] == json["paper"]
    assert status.ready is (state in (State.OK, State.DEGRADED))


def test_error_cause_is_read_when_offline_cause_says_error():
    status = st.combine(0x1A, 0x52, 0x12, error_cause=0x1A)
    assert status.error == "autocutter"
    assert status.device_status().state is State.FAULT
    assert str(status.device_status().reason) == "打印机切刀故障"


def test_gs_r_reports_near_end_when_dle_eot_4_does_not():
    assert st.combine(0x12, 0x12, 0x12, gs_r=0x03).paper == "near_end"
    assert st.combine(0x12, 0x12, 0x1E, gs_r=0x00).paper == "near_end"
    assert st.combine(0x12, 0x12, 0x12, gs_r=0x0C).device_status().state is State.FAULT
