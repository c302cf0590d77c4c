"""The simulators run for days in training and demos: their records stay bounded, their ports safe.

(A soak of thousands of queue sessions grew RSS by about 1.6 MB per 1,000, nearly all in the
printer simulator's receipt lists and the pty simulators' input buffer.)
"""

from __future__ import annotations

import os
import select
import time
from pathlib import Path
from types import SimpleNamespace

from devices import sim as sim_module
from devices.locker import simulator as locker_module
from devices.locker.simulator import LockerSimulator
from devices.printer import simulator as printer_module
from devices.printer.simulator import PrinterSimulator
from devices.sim import PtySimulator
from tests.devices.locker.support import wall_settings

CUT = b"\x1dV\x00"


def receipt(n: int) -> bytes:
    return b"\x1b@" + f"TICKET {n:05d}\n".encode() + CUT


def test_printer_simulator_keeps_only_the_latest_receipts_in_memory_and_on_disk(tmp_path, monkeypatch):
    monkeypatch.setattr(printer_module, "RECEIPTS_KEPT", 5)
    sim = PrinterSimulator(tmp_path / "printer", {"sim_receipts_dir": str(tmp_path / "receipts")})
    for n in range(1, 13):
        sim.on_bytes(receipt(n))
    assert sim.printed == 12 and sim.wait_receipts(12, 0)
    assert len(sim.receipts) == len(sim.texts) == len(sim.qr_codes) == 5
    assert "TICKET 00012" in sim.last_text and "TICKET 00008" in sim.texts[0]
    on_disk = sorted(p.name for p in (tmp_path / "receipts").iterdir())
    # only the last five files remain, the same ones the simulator remembers, oldest first
    assert on_disk == [p.name for p in sim.receipts] and len(on_disk) == 5


def test_a_printer_power_cycled_before_its_armed_stall_prints_the_next_job(tmp_path):
    """The soak's printer once stayed mute for good: healed before the armed stall went off."""
    sim = PrinterSimulator(tmp_path / "printer", {"sim_receipts_dir": str(tmp_path / "receipts")})
    sim.stall_during_next()
    sim.resume()
    sim.on_bytes(receipt(1))
    assert sim.printed == 1 and "TICKET 00001" in sim.last_text


def test_paper_fed_without_a_cut_is_torn_off_instead_of_growing(tmp_path, monkeypatch):
    monkeypatch.setattr(printer_module, "TEAR_OFF_DOTS", 600)
    sim = PrinterSimulator(tmp_path / "printer", {"sim_receipts_dir": str(tmp_path / "receipts")})
    for _ in range(200):  # a driver (or line noise) that feeds lines and never cuts
        sim.on_bytes(b"no cut in sight\n")
    assert sim.printed >= 1
    assert sim._paper.receipt.height <= 600 + 60  # at most one more line than the limit


class Echo(PtySimulator):
    kind = "echo"

    def on_bytes(self, data: bytes) -> None:
        self.write(data[-1:])


def test_pty_simulator_keeps_only_the_latest_input(tmp_path, monkeypatch):
    monkeypatch.setattr(sim_module, "RECEIVED_KEEP", 1000)
    sim = Echo(tmp_path / "echo").start()
    fd = os.open(sim.port, os.O_RDWR | os.O_NOCTTY)
    try:
        sent = 0
        for n in range(50):
            chunk = bytes([n]) * 100
            os.write(fd, chunk)
            sent += len(chunk)
        deadline = time.monotonic() + 10
        while sim.received_bytes < sent and time.monotonic() < deadline:
            time.sleep(0.01)
        assert sim.received_bytes == sent
        assert len(sim.received) == 1000 and sim.received.endswith(bytes([49]) * 100)
    finally:
        os.close(fd)
        sim.stop()


def test_locker_simulator_keeps_only_the_latest_opens(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(locker_module, "OPENS_KEPT", 10)
    sim = LockerSimulator(tmp_path / "lk", wall_settings(tmp_path / "lk"))
    sim.pace = False
    for _ in range(30):
        sim.on_bytes(sim.codec.open_request(1, 3))
        sim.close_door(3)
    assert len(sim.opens) == 10 and sim.opens_of(3) == 10


def test_an_unplugged_simulator_never_reads_a_descriptor_reused_by_another_file(tmp_path, monkeypatch):
    """The soak saw OpenCV fail to parse its own cascade file now and then: a pty simulator,
    unplugged while it waited on its port, went on to read from the descriptor number, which by
    then belonged to the file OpenCV had just opened."""
    data = tmp_path / "cascade.xml"
    data.write_bytes(b"<opencv_storage>" + b"x" * 5000 + b"</opencv_storage>")
    sim = Echo(tmp_path / "echo")
    reused: list[int] = []
    calls: list[int] = []

    def unplugged_meanwhile(r, w, x, timeout):
        calls.append(1)
        if not reused:
            stale = r[0]
            sim.unplug()  # another thread pulls the plug...
            reused.extend(os.open(data, os.O_RDONLY) for _ in range(2))  # ...and opens files
            assert stale in reused  # the lowest free numbers: the port's
            sim.plug()  # and back (on other numbers), so the loop goes round again
            r = [stale]
        return select.select(r, w, x, timeout)

    monkeypatch.setattr(sim_module, "select", SimpleNamespace(select=unplugged_meanwhile))
    sim.start()
    try:
        deadline = time.monotonic() + 10
        while len(calls) < 5 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(calls) >= 5
        for fd in reused:  # nobody but their owner read from them
            assert os.lseek(fd, 0, os.SEEK_CUR) == 0
            assert os.read(fd, 10_000) == data.read_bytes()
    finally:
        sim.stop()
        for fd in reused:
            os.close(fd)
