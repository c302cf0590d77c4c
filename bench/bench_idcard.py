"""ID card reader: from a card placed on the reader to the decoded record, against wire time.

The real driver talks to the simulator over a pty. The simulator sends at 115200 baud wire
speed (a pty itself is instantaneous) and works on each command as long as a real reader does
(find/select 15 ms, read 450 ms, fingerprint read 900 ms). So

    elapsed = reader working time + wire time + overhead

and overhead / wire time is the driver's share (plus pty and thread wake-ups, which a real
UART has too). Goal: under 20 %. Two paths are measured:

- read:  read_card() called with the card on the reader (find -> select -> read);
- event: through the supervised Device: from the poll that found the card to the
  "card_inserted" event; the wait until that poll (up to poll_interval) is shown apart.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import threading
import time
from pathlib import Path

from devices.base import Device, DeviceEvent, State
from devices.idcard import codec
from devices.idcard.driver import SamSerialReader
from devices.idcard.simulator import IdCardSimulator

BAUD = 115200
RUNS = 15
EVENT_RUNS = 5
POLL = 0.25


def _wire(nbytes: int) -> float:
    return nbytes * 10 / BAUD


def bench_read(sim: IdCardSimulator, fingerprint: bool) -> dict[str, float]:
    # timeout_scale only widens the failure path, so a loaded machine cannot abort the run
    settings = {"port": str(sim.port), "baud": BAUD, "timeout_scale": 3.0}
    reader = SamSerialReader(settings, lambda kind, payload: None)
    reader.open()
    assert reader.link is not None
    link = reader.link
    elapsed, work, wire = [], [], []
    try:
        sim.insert("resident")
        reader.read_card(fingerprint=fingerprint)  # warm up (imports, first allocations)
        for _ in range(RUNS):
            w0, s0, r0 = sim.work_time, link.sent, link.received
            t0 = time.perf_counter()
            reader.read_card(fingerprint=fingerprint)
            elapsed.append(time.perf_counter() - t0)
            work.append(sim.work_time - w0)
            wire.append(_wire(link.sent - s0 + link.received - r0))
    finally:
        reader.close()
        sim.remove()
    return _figures(elapsed, work, wire)


def bench_event(sim: IdCardSimulator) -> dict[str, float]:
    """Card placed -> card_inserted through the Device's worker and its polling loop."""
    found_at: list[float] = []
    answer = sim.answer

    def timed_answer(command: tuple[int, int]) -> bytes:
        if command == codec.FIND and sim.card is not None and not found_at:
            found_at.append(time.perf_counter())
        return answer(command)

    sim.answer = timed_answer  # type: ignore[method-assign]
    settings = {"port": str(sim.port), "baud": BAUD, "poll_interval": POLL, "timeout_scale": 3.0}
    dev = Device("idcard", lambda emit: SamSerialReader(settings, emit))
    got = threading.Event()
    stamps: list[float] = []

    def on_event(ev: DeviceEvent) -> None:
        if ev.kind in ("card_inserted", "card_removed"):
            stamps.append(time.perf_counter())
            got.set()

    dev.subscribe(on_event)
    dev.start()
    elapsed, work, wire, waits = [], [], [], []
    rng = random.Random(1)
    try:
        assert dev.wait_until(lambda s: s.state is State.OK, 10)
        for _ in range(EVENT_RUNS):
            found_at.clear()
            got.clear()
            w0, b0 = sim.work_time, sim.bytes_out
            time.sleep(rng.uniform(0, POLL))  # a citizen does not wait for the poll
            placed = time.perf_counter()
            sim.insert("resident")
            assert got.wait(10), "no card_inserted"
            t_event = stamps[-1]
            # the find that saw the card is counted from its request; its 10-byte request is wire time too
            elapsed.append(t_event - found_at[0])
            waits.append(found_at[0] - placed)
            work.append(sim.work_time - w0)
            requests = 3 * 10  # find, select, read
            wire.append(_wire(sim.bytes_out - b0 + requests))
            got.clear()
            sim.remove()
            assert got.wait(10), "no card_removed"
    finally:
        dev.stop()
        sim.answer = answer  # type: ignore[method-assign]
    out = _figures(elapsed, work, wire)
    out["poll_wait_ms"] = statistics.median(waits) * 1000
    return out


def _figures(elapsed: list[float], work: list[float], wire: list[float]) -> dict[str, float]:
    overhead = [e - w - x for e, w, x in zip(elapsed, work, wire, strict=True)]
    ratios = sorted(o / x for o, x in zip(overhead, wire, strict=True))
    return {
        "elapsed_ms": statistics.median(elapsed) * 1000,
        "reader_work_ms": statistics.median(work) * 1000,
        "wire_ms": statistics.median(wire) * 1000,
        "overhead_ms": statistics.median(overhead) * 1000,
        "ratio": statistics.median(ratios),
        "ratio_p90": ratios[int(0.9 * (len(ratios) - 1))],
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sim = IdCardSimulator(Path(tmp) / "idcard", {"baud": BAUD}).start()
        try:
            rows = [
                ("read (text+photo)", bench_read(sim, fingerprint=False)),
                ("read (+fingerprint)", bench_read(sim, fingerprint=True)),
                ("placed -> event", bench_event(sim)),
            ]
        finally:
            sim.stop()
    print(f"ID card reader at {BAUD} baud, simulator with a real reader's working times (median of runs)")
    print(f"{'path':22} {'elapsed':>9} {'reader':>9} {'wire':>9} {'overhead':>9} {'ratio':>7} {'p90':>7}")
    for name, f in rows:
        print(
            f"{name:22} {f['elapsed_ms']:8.1f}ms {f['reader_work_ms']:8.1f}ms {f['wire_ms']:8.1f}ms "
            f"{f['overhead_ms']:8.1f}ms {f['ratio']:7.1%} {f['ratio_p90']:7.1%}"
        )
    event = rows[2][1]
    print(
        f"placed -> first find (waiting for the poll, interval {POLL} s): "
        f"{event['poll_wait_ms']:.0f} ms median"
    )
    worst = max(f["ratio"] for _, f in rows)
    print(
        f"driver overhead / wire time: {worst:.1%} worst median "
        f"(goal < 20%): {'met' if worst < 0.2 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
