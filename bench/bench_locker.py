"""Pickup lockers: time from "release compartment" to the open command's reply, and query-all.

Everything runs the kiosk's path: the inventory (SQLite file, journal written before and after
the command) -> the supervised Device -> the real driver -> a pty -> the simulated boards. A pty
has no baud rate, so the simulator paces each answer by the wire time of the request and reply at
the configured speed; every figure is given as a ratio to that wire time (bytes x 10 / baud). The
ratio minus 1 is the software's share: the journal writes, thread hand-offs and pty round trips.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from devices.base import Device, State  # noqa: E402
from devices.locker.driver import LockBoard  # noqa: E402
from devices.locker.layout import layout_from_settings  # noqa: E402
from devices.locker.protocol import codec_for  # noqa: E402
from devices.locker.simulator import LockerSimulator  # noqa: E402
from hall.db import migrate, open_engine, sqlite_url  # noqa: E402
from hall.lockers import CState, DeviceBoards, Lockers  # noqa: E402

ROUNDS = 20


def wire(nbytes: int, baud: int) -> float:
    return nbytes * 10 / baud


def settings_for(port: Path, protocol: str, boards: int, locks: int) -> dict[str, Any]:
    return {
        "driver": "lockboard",
        "protocol": protocol,
        "port": str(port),
        "baud": 0,
        "boards": boards,
        "locks_per_board": locks,
        "reply_timeout": 0.5,
        "query_retries": 0,
        "poll_interval": 3600.0,  # keep the health poll off the bus while timing
        "open_reply_polarity": "normal",
    }


def timed(fn: Callable[[], Any], rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def summary(label: str, times: list[float], wire_s: float) -> None:
    med = statistics.median(times)
    p95 = sorted(times)[int(len(times) * 0.95) - 1] if len(times) > 1 else med
    print(
        f"  {label:<42} median {med * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  "
        f"wire {wire_s * 1000:6.1f} ms  ratio {med / wire_s:5.2f}"
    )


def release_figures(tmp: Path, protocol: str) -> None:
    codec = codec_for(protocol)
    settings = settings_for(tmp / f"rel-{protocol}", protocol, 1, 4)
    sim = LockerSimulator(Path(settings["port"]), settings).start()
    dev: Device[LockBoard] = Device("locker", lambda emit: LockBoard(settings, emit))
    dev.start()
    engine = open_engine(sqlite_url(tmp / f"kiosk-{protocol}.db"))
    try:
        assert dev.wait_until(lambda s: s.state is State.OK, 10)
        migrate(engine)
        lockers = Lockers(engine, DeviceBoards(dev), wall=f"bench-{protocol}")
        lockers.sync_layout(layout_from_settings(settings))
        frames = codec.request_len + codec.open_reply_len
        baud = codec.default_baud

        def shut(n: int) -> None:
            lockers.tick()
            sim.close_door(n)
            lockers.tick()

        releases = []
        for i in range(ROUNDS):
            app = f"BENCH{protocol}{i:04d}"
            n = lockers.load(app, "bench").number
            shut(n)
            t = time.perf_counter()
            c = lockers.release(app)
            releases.append(time.perf_counter() - t)
            assert c.state is CState.AWAITING_CLOSE
            shut(n)
        raw = timed(lambda: dev.call(lambda d: d.open_lock(codec.first_board, 1)), ROUNDS)
        sim.close_door(1)
        print(f"{protocol} at {baud} baud: open request + reply = {frames} bytes")
        summary("release(): journal, open, reply, journal", releases, wire(frames, baud))
        summary("driver open exchange through the Device", raw, wire(frames, baud))
    finally:
        dev.stop()
        sim.stop()
        engine.dispose()


def query_all_figures(tmp: Path, protocol: str, boards: int, locks: int) -> None:
    codec = codec_for(protocol)
    settings = settings_for(tmp / f"qa-{protocol}", protocol, boards, locks)
    sim = LockerSimulator(Path(settings["port"]), settings).start()
    driver = LockBoard(settings, lambda kind, payload: None)
    driver.open()
    try:
        doors = driver.doors()
        assert len(doors) == boards * locks and all(v is True for v in doors.values())
        times = timed(driver.doors, 5)
        frames = boards * (codec.request_len + codec.query_all_reply_len)
        baud = codec.default_baud
        print(f"{protocol} query-all of {boards} boards x {locks} locks at {baud} baud: {frames} bytes")
        summary(f"every door of {boards * locks} compartments", times, wire(frames, baud))
    finally:
        driver.close()
        sim.stop()


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        print("Locker: release -> open reply, and query-all (simulated boards paced at the line rate)")
        release_figures(tmp, "8a")
        release_figures(tmp, "kerong")
        query_all_figures(tmp, "8a", 32, 24)
        query_all_figures(tmp, "kerong", 16, 16)


if __name__ == "__main__":
    main()
