"""Pickup: a slip's code in hand -> the open command answered by the simulated lock board.

The kiosk's path after the scan, minus the human steps (the face check is the citizen's time):
the code checked (shape, hall, Ed25519 signature, age), the wall's history asked whether it was
collected, the inventory where the card is, the hand-over journalled (SQLite file), the open sent
through the supervised Device and the real driver over a pty to the simulated board, its reply
journalled. The simulator paces each answer by the wire time of the request and reply at the
protocol's speed, so each figure is a ratio to that wire time (bytes x 10 / baud); the bare
release() measured in the same run is the baseline the pickup's checks add to.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_locker import settings_for, summary, timed, wire  # noqa: E402
from core.clock import FakeClock  # noqa: E402
from devices.base import Device, State  # noqa: E402
from devices.locker.driver import LockBoard  # noqa: E402
from devices.locker.layout import layout_from_settings  # noqa: E402
from devices.locker.protocol import codec_for  # noqa: E402
from devices.locker.simulator import LockerSimulator  # noqa: E402
from flows.pickup import read_code  # noqa: E402
from flows.runtime import FlowContext  # noqa: E402
from flows.session import Session  # noqa: E402
from hall.db import migrate, open_engine, sqlite_url  # noqa: E402
from hall.lockers import DeviceBoards, Lockers  # noqa: E402
from hall.lockers.handover import Handover  # noqa: E402
from hall.pickup_code import load_signer  # noqa: E402
from kiosk.config import load  # noqa: E402

ROUNDS = 20


def figures(tmp: Path, protocol: str) -> None:
    codec = codec_for(protocol)
    settings = settings_for(tmp / f"pick-{protocol}", protocol, 1, 4)
    sim = LockerSimulator(Path(settings["port"]), settings).start()
    dev: Device[LockBoard] = Device("locker", lambda emit: LockBoard(settings, emit))
    dev.start()
    engine = open_engine(sqlite_url(tmp / f"pickup-{protocol}.db"))
    clock = FakeClock()
    signer = load_signer(tmp / "k.pem", tmp / "k.pub", generate=True)
    ctx = FlowContext(
        clock=clock,
        session=Session(tmp / "run"),
        config=load(None),
        services={"pickup_signer": signer},
    )
    try:
        assert dev.wait_until(lambda s: s.state is State.OK, 10)
        migrate(engine)
        lockers = Lockers(engine, DeviceBoards(dev), wall="K01", clock=clock)
        lockers.sync_layout(layout_from_settings(settings))
        handover = Handover(lockers, None)  # the platform is told later: not on this path

        def shut(n: int) -> None:
            lockers.tick()
            sim.close_door(n)
            lockers.tick()

        def loaded(i: int) -> tuple[str, int]:
            acc = f"SL{20260105 * 100000 + i:013d}"[:15]
            n = lockers.load(acc, "bench").number
            shut(n)
            return acc, n

        today = clock.now().date()
        pickups, releases = [], []
        for i in range(ROUNDS):
            acc, n = loaded(2 * i)
            code = signer.sign(acc, today, "K01")
            t = time.perf_counter()
            got = read_code(ctx, code)
            assert got == acc and handover.collected_at(acc) is None and lockers.find(acc) is not None
            handover.collect(acc, "qr")
            pickups.append(time.perf_counter() - t)
            shut(n)
            acc, n = loaded(2 * i + 1)
            t = time.perf_counter()
            lockers.release(acc)
            releases.append(time.perf_counter() - t)
            shut(n)
        verify = timed(lambda: read_code(ctx, code), ROUNDS)
        frames = codec.request_len + codec.open_reply_len
        baud = codec.default_baud
        w = wire(frames, baud)
        print(f"{protocol} at {baud} baud: open request + reply = {frames} bytes")
        summary("code -> open reply (checks, journal, open)", pickups, w)
        summary("baseline: release() alone", releases, w)
        summary("the code's checks alone (Ed25519 verify)", verify, w)
    finally:
        dev.stop()
        sim.stop()
        engine.dispose()


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        print("Pickup: scanned code -> door-open command answered (simulated board at line rate)")
        figures(tmp, "8a")
        figures(tmp, "kerong")


if __name__ == "__main__":
    main()
