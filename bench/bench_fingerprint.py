"""Fingerprint module: from a finger placed on the sensor to its image in the driver's hands.

The real uart driver talks to the EF 01 simulator over a pty at 57600 baud. The simulator sends
at wire speed and takes 150 ms to expose an image, as a module does. The image (256 x 288 at
4 bits a pixel, 36 KB in 128-byte packets) dominates:

    placed -> image ready = wait for the next GenImg look + exposure + wire time + overhead

and overhead / wire time of the image transfer is the driver's share. Goal: under 10 %.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from devices.fingerprint import codec
from devices.fingerprint.simulator import IMAGE_TIME, FingerprintSimulator
from devices.fingerprint.uart import UartFingerprint

BAUD = 57600
RUNS = 3


class _Timed(UartFingerprint):
    """Stamps the moment the image upload returns (capture() goes on to the template)."""

    image_ready: float = 0.0
    upload_bytes: int = 0

    def upload(self, instruction: int, *params: int) -> bytes:
        s0, r0 = self.sent, self.received
        data = super().upload(instruction, *params)
        if instruction == codec.UP_IMAGE:
            self.image_ready = time.perf_counter()
            self.upload_bytes = self.sent - s0 + self.received - r0
        return data


def _wire(nbytes: int) -> float:
    return nbytes * 10 / BAUD


def main() -> None:
    rng = random.Random(3)
    rows: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        sim = FingerprintSimulator(Path(tmp) / "fp", {"baud": BAUD}).start()
        assert isinstance(sim, FingerprintSimulator)
        events: list[Any] = []
        d = _Timed({"port": str(sim.port), "baud": BAUD, "reply_timeout": 3.0}, lambda k, p: events.append(p))
        d.open()
        try:
            for _ in range(RUNS):
                sim.lift()
                sim.placed_at = None
                start = time.perf_counter()
                # the finger lands while the driver is looking (GenImg every 50 ms + its wire time)
                delay = rng.uniform(0.2, 0.4)
                threading.Timer(delay, sim.place, ("good",)).start()
                image = d.capture("right_thumb", timeout=10)
                placed = start + delay
                assert sim.placed_at is not None and image.quality >= 55
                elapsed = d.image_ready - placed
                wire = _wire(d.upload_bytes)
                rows.append(
                    {
                        "elapsed": elapsed,
                        "look_wait": sim.placed_at - placed,
                        "wire": wire,
                        "overhead": elapsed - (sim.placed_at - placed) - IMAGE_TIME - wire,
                    }
                )
        finally:
            d.close()
            sim.stop()
    med = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
    ratio = med["overhead"] / med["wire"]
    print(
        f"EF 01 fingerprint module at {BAUD} baud, image 256x288 4-bit in 128-byte packets"
        f" ({RUNS} runs, median)"
    )
    print(
        f"placed -> image ready {med['elapsed'] * 1000:8.0f} ms = look wait {med['look_wait'] * 1000:.0f} ms"
        f" + exposure {IMAGE_TIME * 1000:.0f} ms + wire {med['wire'] * 1000:.0f} ms"
        f" + overhead {med['overhead'] * 1000:.0f} ms"
    )
    print(
        f"driver overhead / wire time of the image: {ratio:.1%} (goal < 10%):"
        f" {'met' if ratio < 0.1 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
