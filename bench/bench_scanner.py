"""Code scanner: from a code's first byte on the wire to the "scanned" event, against wire time.

The real serial driver, supervised by a Device (it reads in poll(), every poll_interval), reads
the scanner simulator over a pty; the simulator sends each line at the baud rate's wire speed.
    sent -> event = wire time + overhead (mostly the wait for the next poll)
Goal: overhead under the 20 ms poll interval plus a few ms, i.e. a citizen sees no delay.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import threading
import time
from pathlib import Path

from devices.base import DeviceEvent, State
from devices.manager import build_devices
from devices.scanner.simulator import ScannerSimulator

RUNS = 20
CODES = {
    "payment code (18 digits)": "134567890123456789",
    "QR URL (120 chars)": "https://zwfw.example.cn/pickup/" + "8F3K2Q9X" * 11 + "A",
}


def run(baud: int, code: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        sim = ScannerSimulator(Path(tmp) / "scanner", {"baud": baud}).start()
        assert isinstance(sim, ScannerSimulator)
        manager = build_devices({"scanner": {"driver": "serial", "port": str(sim.port), "baud": baud,
                                             "repeat_window": 0.0}})  # fmt: skip
        dev = manager["scanner"]
        got = threading.Event()
        stamp: list[float] = []

        def on_event(ev: DeviceEvent) -> None:
            if ev.kind == "scanned":
                stamp.append(time.perf_counter())
                got.set()

        dev.subscribe(on_event)
        manager.start()
        rng = random.Random(5)
        elapsed = []
        try:
            assert dev.wait_until(lambda st: st.state is State.OK, 10)
            for _ in range(RUNS):
                got.clear()
                time.sleep(rng.uniform(0, 0.05))  # out of step with the poll, as a citizen is
                sim.scan(code)
                assert got.wait(10), "no scanned event"
                assert sim.sent_at is not None
                elapsed.append(stamp[-1] - sim.sent_at)
        finally:
            manager.stop()
            sim.stop()
    wire = (len(code.encode()) + 2) * 10 / baud
    over = sorted(e - wire for e in elapsed)
    return {
        "elapsed": statistics.median(elapsed),
        "wire": wire,
        "overhead": statistics.median(over),
        "overhead_p90": over[int(0.9 * (len(over) - 1))],
    }


def main() -> None:
    print(f"serial scanner -> driver (poll every 20 ms) -> event, median of {RUNS}")
    print(f"{'code':26} {'baud':>6} {'elapsed':>9} {'wire':>9} {'overhead':>9} {'p90':>8} {'ratio':>7}")
    worst = 0.0
    for name, code in CODES.items():
        for baud in (9600, 115200):
            f = run(baud, code)
            worst = max(worst, f["overhead"])
            print(
                f"{name:26} {baud:6} {f['elapsed'] * 1000:8.1f}ms {f['wire'] * 1000:8.1f}ms "
                f"{f['overhead'] * 1000:8.1f}ms {f['overhead_p90'] * 1000:7.1f}ms "
                f"{f['overhead'] / f['wire']:7.1%}"
            )
    print(
        f"worst median overhead {worst * 1000:.1f} ms (goal < 25 ms): {'met' if worst < 0.025 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
