"""The loss reissue journey headless, step by step: the kiosk's own software time beside the
waits it cannot shorten.

The app as `make run` builds it: real drivers on the camera, fingerprint (at its 57600 baud wire
speed), scanner and printer simulators; the platform and gateway reference servers on loopback;
the journal on SQLite. A scripted citizen answers at once, so a screen's time is the device it
waits on (the fingerprint screens wait for the module). Per step:

    wall = device (driver calls on the device's worker, the module's events)
         + backends (HTTP round trips, the servers' own work included: dlib compares faces there)
         + software (the rest: the flow, photo making, liveness analysis, journal, signing)

and the journey's software share is the figure to watch: software / (device + backends).
"""

from __future__ import annotations

import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from devices.base import Device
from flows.views import View
from hall.db import sqlite_url
from tests.backends.support import servers
from tests.flows.reissue_walk import simulated_kiosk, step_name, walk

RUNS = 2


class Meter:
    """Seconds of device and backend waiting, charged to the step running now."""

    def __init__(self) -> None:
        self.step = -1
        self.device: dict[int, float] = defaultdict(float)
        self.backends: dict[int, float] = defaultdict(float)

    def timed(self, into: dict[int, float], fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kw: Any) -> Any:
            step, t0 = self.step, time.perf_counter()
            try:
                return fn(*args, **kw)
            finally:
                into[step] += time.perf_counter() - t0

        return run


def one_run(kiosk: Any, meter: Meter) -> list[tuple[str, float, float, float, float]]:
    """(step, wall, device, backends, software) for each step of one journey."""
    rows: list[tuple[str, float, float, float, float]] = []
    marks: dict[int, float] = {}
    gap = [time.perf_counter()]  # the flow's own code between one step and the next

    def on_step(n: int, step: Any, phase: str) -> None:
        now = time.perf_counter()
        if phase == "before":
            meter.step, marks[n] = n, now
            return
        wall = now - marks[n]
        device, backends = meter.device[n], meter.backends[n]
        flow = marks[n] - gap[0]
        # a screen's wall time is the wait for its answer: the module's events on a fingerprint
        # screen (a device wait), the citizen elsewhere (who answers at once here)
        if isinstance(step, View):
            device = max(device, wall) if "finger_done" in step.events else device
            software = flow
        else:
            software = max(0.0, wall - device - backends) + flow
        rows.append((step_name(step), wall + flow, device, backends, software))
        gap[0] = now

    meter.device.clear()
    meter.backends.clear()
    t = walk(kiosk, on_step)
    assert str(t.outcome) == "Finished(result='submitted')", t.outcome
    return rows


def pad(text: str, width: int) -> str:
    """Left-aligned in `width` terminal columns (a Chinese character takes two)."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - used)


def main() -> None:
    meter = Meter()
    submit = Device.submit

    def timed_submit(self: Device[Any], fn: Callable[[Any], Any]) -> Any:
        return submit(self, meter.timed(meter.device, fn))

    Device.submit = timed_submit  # type: ignore[method-assign]
    try:
        with tempfile.TemporaryDirectory() as tmp, servers() as sim:
            kiosk = simulated_kiosk(
                Path(tmp), sim.platform_url, sim.payment_url, sqlite_url(Path(tmp) / "hall.db")
            )
            for name in ("platform", "payment"):
                http = kiosk.services[name].http._http
                http.request = meter.timed(meter.backends, http.request)
            try:
                runs = [one_run(kiosk, meter) for _ in range(RUNS)]
            finally:
                kiosk.stop()
    finally:
        Device.submit = submit  # type: ignore[method-assign]
    rows = runs[-1]  # the first run warms caches (models, registry descriptors); both are printed below
    print(f"{pad('step', 40)} {'wall s':>7} {'device':>7} {'backends':>8} {'software':>8}")
    for name, wall, device, backends, software in rows:
        print(f"{pad(name, 40)} {wall:7.3f} {device:7.3f} {backends:8.3f} {software:8.3f}")
    for i, run in enumerate(runs, 1):
        wall = sum(r[1] for r in run)
        device, backends, software = (sum(r[k] for r in run) for k in (2, 3, 4))
        print(
            f"run {i}: journey {wall:.2f} s = device {device:.2f} s + backends {backends:.2f} s "
            f"+ software {software:.2f} s; software / waits = {software / max(device + backends, 1e-9):.2f}"
        )
