import threading
from pathlib import Path

import pytest

from devices.base import Device, DeviceEvent
from devices.idcard.driver import SamSerialReader
from devices.idcard.simulator import IdCardSimulator


@pytest.fixture
def sim(tmp_path: Path):
    """A reader that answers at once (no RF working time) but still at 115200 baud wire speed."""
    s = IdCardSimulator(tmp_path / "idcard")
    s.delays = {}
    s.start()
    yield s
    s.stop()


class Events:
    """Driver events as they arrive, with waiting."""

    def __init__(self) -> None:
        self.items: list[tuple[str, object]] = []
        self._cond = threading.Condition()

    def __call__(self, kind: str, payload: object) -> None:
        with self._cond:
            self.items.append((kind, payload))
            self._cond.notify_all()

    def on_device(self, ev: DeviceEvent) -> None:
        if ev.kind != "status":
            self(ev.kind, ev.payload)

    def kinds(self) -> list[str]:
        with self._cond:
            return [k for k, _ in self.items]

    def wait(self, kind: str, count: int = 1, timeout: float = 10) -> list[object]:
        with self._cond:
            self._cond.wait_for(lambda: sum(k == kind for k, _ in self.items) >= count, timeout)
            found = [p for k, p in self.items if k == kind]
        assert len(found) >= count, f"expected {count} {kind}, got {self.items}"
        return found


@pytest.fixture
def events() -> Events:
    return Events()


def settings_for(sim: IdCardSimulator, **extra: object) -> dict[str, object]:
    # generous timeouts: a loaded CI machine must not turn into a slow reader
    return {
        "driver": "sam-serial",
        "port": str(sim.port),
        "poll_interval": 0.05,
        "timeout_scale": 4.0,
        **extra,
    }


@pytest.fixture
def device(sim, events):
    made: list[Device[SamSerialReader]] = []

    def make(**extra: object) -> Device[SamSerialReader]:
        settings = settings_for(sim, **extra)
        dev = Device("idcard", lambda emit: SamSerialReader(settings, emit), backoff=(0.05, 0.2))
        dev.subscribe(events.on_device)
        dev.start()
        made.append(dev)
        return dev

    yield make
    for dev in made:
        dev.stop()
