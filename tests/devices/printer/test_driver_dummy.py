"""The driver's job rules on python-escpos's Dummy, whose _read answers with simulated status bytes."""

import pytest

from devices.base import ConnectionLost, DeviceError, State
from devices.printer.driver import EscposPrinter
from devices.printer.status import QUERY_OFFLINE_CAUSE, QUERY_PAPER, QUERY_PRINTER
from tests.devices.printer.conftest import SAMPLES, StatusDummy

ROUND = QUERY_PRINTER + QUERY_OFFLINE_CAUSE + QUERY_PAPER


def driver(dummy: StatusDummy, **settings) -> EscposPrinter:
    drv = EscposPrinter(
        {"paper_width_mm": 80, **settings}, lambda kind, payload: None, link_factory=lambda s, profile: dummy
    )
    drv.open()
    return drv


def test_job_is_status_job_status():
    dummy = StatusDummy("ok")
    drv = driver(dummy)
    job = drv.job_data("queue_ticket", SAMPLES["queue_ticket"])
    result = drv.print_layout("queue_ticket", SAMPLES["queue_ticket"])
    assert result.completed and result.bytes_sent == len(job)
    assert dummy.output == ROUND + job + ROUND


@pytest.mark.parametrize(("state", "reason"), [("out", "打印纸已用完"), ("cover_open", "打印机盖未关")])
def test_job_refused_before_sending_anything(state, reason):
    dummy = StatusDummy(state)
    drv = driver(dummy)
    with pytest.raises(DeviceError) as err:
        drv.print_layout("queue_ticket", SAMPLES["queue_ticket"])
    assert reason in str(err.value.reason)
    assert not isinstance(err.value, ConnectionLost)  # the printer is there: no reconnect
    assert dummy.output == ROUND  # only the status query went out


def test_paper_out_after_job_reports_not_completed():
    dummy = StatusDummy("ok", "out")
    drv = driver(dummy)
    result = drv.print_layout("queue_ticket", SAMPLES["queue_ticket"])
    assert not result.completed
    assert str(result.reason) == "打印纸已用完"
    assert result.bytes_sent > 0


def test_near_end_prints_and_poll_is_degraded():
    dummy = StatusDummy("near_end")
    drv = driver(dummy)
    status = drv.poll()
    assert status.state is State.DEGRADED and str(status.reason) == "纸将用尽"
    assert status.detail["paper"] == "near_end"
    assert drv.print_layout("queue_ticket", SAMPLES["queue_ticket"]).completed


def test_silent_printer_is_connection_lost():
    drv = driver(StatusDummy("silent"))
    with pytest.raises(ConnectionLost, match="打印机无响应"):
        drv.poll()


def test_gs_r_is_queried_when_configured():
    dummy = StatusDummy("ok")
    driver(dummy, gs_r_status=True).poll()
    assert dummy.output == ROUND + b"\x1dr\x01"


def test_test_page_fills_in_printer_settings():
    drv = driver(StatusDummy("ok"), profile="TM-T88V", paper_width_mm=58)
    text = drv.job_data("test_page", {"hall": "测试大厅"}).decode("gb18030")
    assert "TM-T88V" in text and "58 mm" in text and "测试大厅" in text
