"""Queue journey: tap on a service to the ticket's last byte written to the printer.

Runs the real queue flow (headless), the real store on SQLite and the real printer driver over
the simulator's pty. A pty has no baud rate, so the measured time is the software's share; the
wire time a real serial link adds for the same bytes is printed beside it for 9600 and 115200.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from devices.base import State
from flows import headless, queue
from flows.views import Choose, Intent, Message, View
from kiosk.app import build
from kiosk.config import load

ROOT = Path(__file__).resolve().parent.parent
RUNS = 20


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        config = load(
            ROOT / "resources/config/simulate.toml",
            {
                "kiosk.services": ["queue"],
                "kiosk.data_dir": f"{tmp}/data",
                "kiosk.runtime_dir": f"{tmp}/run",
                "log.dir": f"{tmp}/log",
                "log.level": "WARNING",
                "queue.always_open": True,
                "devices.camera.driver": "none",
                "devices.locker.driver": "none",
                "devices.idcard.driver": "none",
            },
        )
        kiosk = build(config, simulate=True)
        try:
            printer = kiosk.simulators["printer"]
            assert kiosk.devices["printer"].wait_until(lambda s: s.state is State.OK, 10)
            last_byte = [0.0]
            original = printer.on_bytes

            def stamp(data: bytes) -> None:
                last_byte[0] = time.perf_counter()
                original(data)

            printer.on_bytes = stamp  # type: ignore[method-assign]
            latencies, sizes = [], []
            for _ in range(RUNS):
                tapped = [0.0]
                before = printer.received_bytes

                def citizen(view: View, tapped: list[float] = tapped) -> Intent | None:
                    if isinstance(view, Choose) and any(o.key == "social" for o in view.options):
                        tapped[0] = time.perf_counter()
                        return Intent("social")
                    if isinstance(view, Message):
                        return Intent("ok")
                    return None

                count = printer.printed
                t = headless.run(queue.start, kiosk.new_context(), citizen)
                assert printer.wait_receipts(count + 1, 10), t.outcome
                latencies.append(last_byte[0] - tapped[0])
                sizes.append(printer.received_bytes - before)
        finally:
            kiosk.stop()
    med = statistics.median(latencies)
    nbytes = int(statistics.median(sizes))
    p90 = sorted(latencies)[int(0.9 * len(latencies)) - 1]
    print(
        f"tap -> last ticket byte at the printer (software share, pty): median {med * 1000:.1f} ms, "
        f"p90 {p90 * 1000:.1f} ms over {RUNS} tickets"
    )
    print(f"bytes per ticket on the wire (incl. status queries): {nbytes}")
    for baud in (9600, 115200):
        wire = nbytes * 10 / baud
        print(f"  {baud:>6} baud: wire time {wire * 1000:7.1f} ms; software/wire = {med / wire:.2f}")


if __name__ == "__main__":
    main()
