"""The real driver, supervised by a Device, against the simulated printer on a pty."""

import contextlib
import json
import os
import subprocess
import sys
import threading
import tty
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from PIL import Image

from devices.base import ConnectionLost, Device, DeviceError, DeviceOffline, OutcomeUnknown, State
from devices.printer.driver import EscposPrinter
from devices.printer.simulator import PrinterSimulator
from tests.devices.printer.conftest import SAMPLES
from tests.kiosk_process import wait_for
from tests.qr import read_one_qr

ROOT = Path(__file__).resolve().parents[3]


def start(tmp_path: Path, **settings):
    settings = {"paper_width_mm": 80, "chinese": "gb18030", "native_qr": True, **settings}
    sim = PrinterSimulator(tmp_path / "printer", settings).start()
    cfg = {
        **settings,
        **sim.settings_overrides(),
        "status_interval": 0.1,
        "reply_timeout": 0.3,
        "stall_timeout": 0.5,
    }
    drivers: list[EscposPrinter] = []

    def build(emit):
        drivers.append(EscposPrinter(cfg, emit))
        return drivers[-1]

    dev = Device("printer", build, backoff=(0.05, 0.2), call_timeout=5)
    dev.drivers = drivers  # every connection the Device made, to check none is reused
    dev.start()
    return sim, dev


@pytest.fixture
def printer(tmp_path):
    sim, dev = start(tmp_path)
    assert dev.wait_until(lambda s: s.state is State.OK, 5), dev.status
    yield sim, dev
    dev.stop()
    sim.stop()


def ticket(number: str = "A023") -> dict:
    return {**SAMPLES["queue_ticket"], "number": number, "qr": f"https://q.example.gov.cn/t/{number}"}


def print_ticket(dev, number: str = "A023"):
    return dev.call(lambda p: p.print_layout("queue_ticket", ticket(number)))


def test_ticket_is_rendered_with_its_number_and_a_readable_qr(printer):
    sim, dev = printer
    result = print_ticket(dev)
    assert result.completed and result.bytes_sent > 0
    assert sim.wait_receipts(1)
    assert sim.last_receipt.exists()
    assert "A023" in sim.last_text and "您前面还有 5 人等候" in sim.last_text
    assert read_one_qr(sim.last_receipt) == "https://q.example.gov.cn/t/A023"


@pytest.mark.parametrize(("width", "chinese"), [(58, "bitmap"), (80, "gb18030")])
def test_raster_qr_and_bitmap_chinese_render_readable(tmp_path, width, chinese):
    sim, dev = start(tmp_path, paper_width_mm=width, chinese=chinese, native_qr=False)
    try:
        assert dev.wait_until(lambda s: s.state is State.OK, 5)
        assert print_ticket(dev, "B105").completed
        assert sim.wait_receipts(1)
        assert read_one_qr(sim.last_receipt) == "https://q.example.gov.cn/t/B105"
        assert "B105" in sim.last_text
    finally:
        dev.stop()
        sim.stop()


@pytest.mark.parametrize("native_qr", [True, False])
def test_the_qr_has_four_modules_of_white_paper_above_and_below_it(tmp_path, native_qr):
    """A phone or a scanner looks for the white around a code: the text line printed just before
    it must not touch it (it did: one line gap of 6 dots above a 6-dot module)."""
    sim, dev = start(tmp_path, native_qr=native_qr)
    try:
        assert dev.wait_until(lambda s: s.state is State.OK, 5)
        assert print_ticket(dev).completed and sim.wait_receipts(1)
    finally:
        dev.stop()
        sim.stop()
    grey = np.asarray(Image.open(sim.last_receipt).convert("L"))
    (code,) = zxingcpp.read_barcodes(grey)
    ink = grey < 128
    corners = [code.position.top_left, code.position.top_right, code.position.bottom_left]
    left, right = min(c.x for c in corners), max(c.x for c in corners)
    top, bottom = min(c.y for c in corners), code.position.bottom_left.y
    module = 6  # the ticket layout's size
    rows = ink[:, left : right + 1].any(axis=1)
    assert not rows[top - 4 * module : top].any(), "ink within four modules above the code"
    assert not rows[bottom + 1 : bottom + 1 + 4 * module].any(), "ink within four modules below the code"


def test_paper_out_before_job_refuses_and_prints_nothing(printer):
    sim, dev = printer
    sim.set_state("out")
    assert dev.wait_until(lambda s: s.state is State.FAULT, 5)
    assert str(dev.status.reason) == "打印纸已用完"
    with pytest.raises(DeviceError, match="打印纸已用完"):
        print_ticket(dev)
    assert sim.receipts == []


def test_paper_out_during_job_is_reported_not_completed(printer):
    sim, dev = printer
    sim.run_out_during_next(dots=150)
    result = print_ticket(dev)
    assert not result.completed
    assert str(result.reason) == "打印纸已用完"
    assert sim.receipts == []
    assert dev.wait_until(lambda s: s.state is State.FAULT, 5)
    sim.set_state("ok")  # staff loads a new roll: the caller can offer a reprint
    assert dev.wait_until(lambda s: s.state is State.OK, 5)
    assert print_ticket(dev).completed
    assert sim.wait_receipts(1)


def test_cover_open_refuses_until_closed(printer):
    sim, dev = printer
    sim.set_state("cover_open")
    assert dev.wait_until(lambda s: s.state is State.FAULT and str(s.reason) == "打印机盖未关", 5)
    with pytest.raises(DeviceError, match="打印机盖未关"):
        print_ticket(dev)
    sim.set_state("ok")
    assert dev.wait_until(lambda s: s.state is State.OK, 5)
    assert print_ticket(dev).completed


def test_near_end_is_degraded_and_still_prints(printer):
    sim, dev = printer
    sim.set_state("near_end")
    assert dev.wait_until(lambda s: s.state is State.DEGRADED, 5)
    assert str(dev.status.reason) == "纸将用尽" and dev.status.detail["paper"] == "near_end"
    assert print_ticket(dev).completed


def test_offline_printer_is_a_fault_not_a_reconnect(printer):
    sim, dev = printer
    sim.set_state("offline")
    assert dev.wait_until(lambda s: s.state is State.FAULT and str(s.reason) == "打印机脱机", 5)
    assert dev.reconnects == 0


def test_unplug_goes_offline_then_replug_prints_on_a_fresh_connection(printer):
    sim, dev = printer
    sim.unplug()
    assert dev.wait_until(lambda s: s.state is State.OFFLINE, 5)
    with pytest.raises((DeviceOffline, ConnectionLost)):
        print_ticket(dev)
    sim.plug()
    assert dev.wait_until(lambda s: s.state is State.OK, 5)
    assert dev.reconnects >= 1
    assert print_ticket(dev).completed
    assert sim.wait_receipts(1)


def test_an_unplugged_printer_does_not_talk_to_the_device_that_takes_its_terminal(printer):
    """Unplugging removes the port, as the kernel removes /dev/ttyUSB0. A pseudo-terminal number
    freed by the unplug goes to the next device plugged in (another simulator: a locker board,
    a scanner), and the printer's driver must not reconnect to that device, write printer
    commands to it and read its bytes as printer status."""
    sim, dev = printer
    tries = len(dev.drivers)
    sim.unplug()
    wait_for(lambda: len(dev.drivers) > tries, "a new try")  # a new try: the old terminal has been closed
    master, other = os.openpty()  # the next device: the kernel hands out the lowest free number
    tty.setraw(other)  # as a simulator sets its terminal: no echo of what it says
    os.set_blocking(master, False)
    try:
        os.write(master, b"MN" * 64)  # what it says, should anyone listen
        tries = len(dev.drivers)
        wait_for(lambda: len(dev.drivers) > tries + 2, "the driver to keep trying")  # 0.05-0.2 s apart
        with contextlib.suppress(BlockingIOError):
            heard = os.read(master, 4096)
            pytest.fail(f"the printer's driver wrote {heard[:16]!r} to another device")
        assert dev.status.state is State.OFFLINE
    finally:
        os.close(master)
        os.close(other)
    sim.plug()
    assert dev.wait_until(lambda s: s.state is State.OK, 5)


def test_stalled_printer_fails_the_job_goes_offline_and_recovers(printer):
    sim, dev = printer
    sim.stall()
    with pytest.raises(ConnectionLost):
        print_ticket(dev)
    assert dev.wait_until(lambda s: s.state is State.OFFLINE, 5)
    stalled_link = dev.drivers[0]
    sim.resume()
    assert dev.wait_until(lambda s: s.state is State.OK, 5)
    assert len(dev.drivers) >= 2 and dev.drivers[-1] is not stalled_link
    assert stalled_link._link is None  # the dead connection was closed, not reused
    assert print_ticket(dev, "C001").completed
    assert sim.wait_receipts(1)
    assert "C001" in sim.last_text


@pytest.mark.parametrize("job_bytes", [400, 60_000])  # within and beyond what the pty can buffer
def test_printer_stalling_during_a_job_is_never_reported_printed(printer, job_bytes):
    sim, dev = printer
    sim.stall_during_next()
    job = b"\x1b@" + b"x" * job_bytes + b"\n\x1dV\x00"
    # a job the pty can hold is all written before the stall shows: its outcome is unknown
    lost = ConnectionLost if job_bytes > 30_000 else OutcomeUnknown
    with pytest.raises(lost, match="打印机停止接收数据" if job_bytes > 30_000 else "打印机在打印后没有应答"):
        dev.call(lambda p: p.print_bytes(job))
    assert dev.wait_until(lambda s: s.state is State.OFFLINE, 5)
    sim.resume()
    assert dev.wait_until(lambda s: s.state is State.OK, 5)
    assert sim.receipts == []  # the power cycle lost the held job
    assert print_ticket(dev).completed


def test_second_request_while_printing_waits_its_turn(printer):
    sim, dev = printer
    results: dict[str, object] = {}

    def job(number: str) -> None:
        results[number] = print_ticket(dev, number)

    threads = [threading.Thread(target=job, args=(n,)) for n in ("A001", "A002", "A003")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert all(r.completed for r in results.values()) and len(results) == 3
    assert sim.wait_receipts(3)
    assert len(sim.receipts) == 3
    assert sorted(read_one_qr(p)[-4:] for p in sim.receipts) == ["A001", "A002", "A003"]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "devices.printer", *args], capture_output=True, text=True, cwd=ROOT, timeout=30
    )


def test_cli_status_json(tmp_path):
    sim = PrinterSimulator(tmp_path / "printer", {}).start()
    try:
        sim.set_state("near_end")
        out = run_cli("status", "--port", str(sim.port), "--json")
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout) == {"online": True, "paper": "near_end", "cover_open": False}
        sim.set_state("cover_open")
        out = run_cli("status", "--port", str(sim.port), "--json")
        assert json.loads(out.stdout) == {"online": False, "paper": "ok", "cover_open": True}
    finally:
        sim.stop()


def test_cli_status_without_answer_exits_nonzero_with_one_line(tmp_path):
    sim = PrinterSimulator(tmp_path / "printer", {}).start()
    sim.stall()
    try:
        out = run_cli("status", "--port", str(sim.port), "--json")
    finally:
        sim.stop()
    assert out.returncode != 0 and out.stdout == ""
    assert out.stderr.count("\n") == 1 and "打印机无响应" in out.stderr


def test_cli_test_page_prints_and_refuses_without_paper(tmp_path):
    sim = PrinterSimulator(tmp_path / "printer", {}).start()
    try:
        out = run_cli("test-page", "--port", str(sim.port))
        assert out.returncode == 0, out.stderr
        assert sim.wait_receipts(1)
        assert read_one_qr(sim.last_receipt) == "TEST-PAGE-OK"
        sim.set_state("out")
        out = run_cli("test-page", "--port", str(sim.port))
        assert out.returncode != 0 and "打印纸已用完" in out.stderr
        assert len(sim.receipts) == 1
    finally:
        sim.stop()


def test_printer_unplugged_after_printing_the_whole_job_is_outcome_unknown(printer):
    """The ticket came out, then the cable was pulled before the status after it: the driver must
    not call that "not printed" (it may well be in the citizen's hand), but unknown."""
    sim, dev = printer
    sim.unplug_after_next()
    with pytest.raises(OutcomeUnknown):
        print_ticket(dev, "E001")
    assert sim.wait_receipts(1)
    assert "E001" in sim.last_text  # it was printed
    assert dev.wait_until(lambda s: s.state is State.OFFLINE, 5)
    sim.plug()
    assert dev.wait_until(lambda s: s.state is State.OK, 10)
    assert print_ticket(dev, "E002").completed


def test_a_status_reply_lost_after_the_job_is_asked_again_not_called_unknown(printer):
    """One reply lost on the line after a printed ticket: asked again, the ticket counts as
    printed (an unknown outcome would send the citizen to staff for a ticket in their hand)."""
    sim, dev = printer
    sim.lose_reply_after_next()
    assert print_ticket(dev, "E003").completed
    assert sim.wait_receipts(1) and "E003" in sim.last_text


def test_a_restarted_simulator_keeps_the_receipts_of_the_last_run(tmp_path):
    folder = tmp_path / "receipts"
    for run, number in enumerate(("A001", "A002"), 1):
        sim, dev = start(tmp_path, sim_receipts_dir=str(folder))
        try:
            assert dev.wait_until(lambda s: s.state is State.OK, 5), dev.status
            assert print_ticket(dev, number).completed and sim.wait_receipts(1)
        finally:
            dev.stop()
            sim.stop()
        assert len(list(folder.glob("receipt-*.png"))) == run
    assert {read_one_qr(p) for p in folder.glob("receipt-*.png")} == {
        "https://q.example.gov.cn/t/A001",
        "https://q.example.gov.cn/t/A002",
    }
