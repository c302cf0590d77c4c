"""Shared set-up of the pickup tests: the reference platform on loopback with an accepted
application (its card made), the locker wall on the simulator, and the hand-over wired as the
kiosk wires it."""

from __future__ import annotations

import time
import uuid
from typing import Any

from backends.platform.api import AppState
from backends.platform.client import PlatformClient
from backends.platform.demo import accepted_application
from backends.platform.server import ReferencePlatform
from backends.refserver import Running, free_port, serve
from core.clock import Clock
from devices.base import Device
from devices.locker.driver import LockBoard
from devices.locker.layout import layout_from_settings
from devices.locker.simulator import LockerSimulator
from hall.db import migrate, open_engine
from hall.lockers import CState, DeviceBoards, Lockers
from hall.lockers.handover import Handover
from hall.reconcile import Reconciler
from kiosk.alerts import Alerts
from tests.devices.locker.support import start_device


class Platform:
    """The reference platform and a client of it."""

    def __init__(self) -> None:
        self.ref = ReferencePlatform()
        self.server: Running = serve(self.ref.app())
        self.client = PlatformClient(self.server.url, timeout=5, backoff=0.01)

    def accepted(self) -> str:
        return accepted(self.client)

    def stop(self) -> None:
        self.client.close()
        self.server.stop()


def accepted(c: PlatformClient, photo: bytes = b"") -> str:
    """An accepted application whose card is made: what staff load into the locker."""
    acc = accepted_application(c, uuid.uuid4().hex, photo)
    assert c.status(acc).state == AppState.ACCEPTED
    return acc


def dead_platform() -> PlatformClient:
    """A platform that does not answer (nothing listens on the port)."""
    return PlatformClient(f"http://127.0.0.1:{free_port()}", timeout=0.5, connect_timeout=0.5, backoff=0.01)


class Kiosk:
    """The locker wall, its supervisor running, the hand-over and the reconciler."""

    def __init__(
        self,
        sim: LockerSimulator,
        settings: dict[str, Any],
        url: str,
        platform: Any,
        clock: Clock | None = None,
        **lockers_kw: Any,
    ) -> None:
        self.sim = sim
        self.engine = open_engine(url)
        migrate(self.engine)
        self.device: Device[LockBoard] = start_device(settings)
        self.alerts = Alerts(None)
        kw: dict[str, Any] = {"door_open_alert_s": 60.0, "open_confirm_s": 3.0, "poll_interval": 0.05}
        kw.update(lockers_kw)
        self.lockers = Lockers(
            self.engine, DeviceBoards(self.device, timeout=10), alerts=self.alerts, clock=clock, **kw
        )
        self.lockers.sync_layout(layout_from_settings(settings))
        self.handover = Handover(self.lockers, platform)
        self.reconciler = Reconciler(self.lockers.journal, alert=self.alerts.raise_)
        from hall.lockers.handover import KINDS

        for kind in KINDS:
            self.reconciler.add_settler(kind, self.handover.settle)

    def start(self) -> Kiosk:
        self.lockers.reconcile()
        self.lockers.start()
        return self

    def loaded(self, acc: str, **kw: Any) -> int:
        """Staff load the card and shut the door; the platform is told."""
        handed = self.handover.load(acc, "staff-07", **kw)
        self.shut(handed.compartment.number)
        outcome = self.handover.wait(handed, 10)
        assert outcome is not None and outcome.state == "done", outcome
        assert self.lockers.get(handed.compartment.number).state is CState.LOADED
        return handed.compartment.number

    def shut(self, number: int) -> None:
        """The person at the wall: once the supervisor has seen the door open, shut it."""
        deadline = time.monotonic() + 10
        while not self.lockers.get(number).door_seen_open:
            assert time.monotonic() < deadline, "the door was never seen open"
            with self.lockers.changed:
                self.lockers.changed.wait(0.05)
        self.sim.close_door(number)

    def alert_codes(self) -> set[str]:
        return {a.code for a in self.alerts.active()}

    def close(self) -> None:
        self.lockers.stop()
        self.device.stop()
        self.engine.dispose()
