"""Fakes for flow unit tests: devices that answer at once, a citizen who answers in order."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from core.text import Text
from devices.base import OK, DeviceStatus, State
from devices.fingerprint.model import FingerImage, NoFinger
from devices.printer.driver import PrintResult
from flows.views import Intent, View


class FakePrinter:
    def __init__(self) -> None:
        self.jobs: list[tuple[str, dict[str, Any]]] = []
        self.fail: BaseException | None = None

    def print_layout(self, name: str, data: dict[str, Any]) -> PrintResult:
        if self.fail is not None:
            raise self.fail
        self.jobs.append((name, data))
        return PrintResult(True)


class FakeFingerprint:
    """A fingerprint module that answers at once and records in `told` the events a capture
    sends (the citizen relays the last one to the screen, as the shell would)."""

    def __init__(self, told: list[Intent] | None = None) -> None:
        self.placed = True
        self.absent: set[str] = set()  # fingers the citizen never places (each such capture times out)
        self.qualities: list[int] = []  # of the next captures, then 80
        self.asked: list[str] = []
        self.stops: list[Any] = []  # the stop event each capture was given
        self.told = [] if told is None else told

    def emit(self, kind: str, payload: dict[str, Any]) -> None:
        self.told.append(Intent(kind, payload))

    def capture(self, finger: str, timeout: float | None = None, stop: Any = None) -> FingerImage:
        self.asked.append(finger)
        self.stops.append(stop)
        if not self.placed or finger in self.absent:
            raise NoFinger("没有按手指")
        self.emit("finger", {"state": "placed"})  # as the driver does when the module has it
        q = self.qualities.pop(0) if self.qualities else 80
        return FingerImage(finger, 8, 8, bytes(64), q, template=b"T" + finger.encode())


class FakeDevice:
    def __init__(self, driver: Any) -> None:
        self.driver = driver

    def call(self, fn: Callable[[Any], Any], timeout: float | None = None) -> Any:
        return fn(self.driver)

    def submit(self, fn: Callable[[Any], Any]) -> Future[Any]:
        """Runs at once: the future is done before the flow shows the screen that waits on it."""
        fut: Future[Any] = Future()
        try:
            fut.set_result(fn(self.driver))
        except Exception as e:
            fut.set_exception(e)
        return fut


class FakeDevices:
    def __init__(self) -> None:
        self.printer = FakePrinter()
        self.states: dict[str, DeviceStatus] = {"printer": OK, "idcard": OK}

    def status(self, kind: str) -> DeviceStatus:
        return self.states.get(kind, DeviceStatus(State.OFFLINE, Text("未配置")))

    def __contains__(self, kind: object) -> bool:
        return kind in self.states

    def __getitem__(self, kind: str) -> FakeDevice:
        if kind != "printer":
            raise KeyError(kind)
        return FakeDevice(self.printer)

    def down(self, kind: str) -> None:
        self.states[kind] = DeviceStatus(State.OFFLINE, Text("已断开"))


def citizen(*answers: Intent | None) -> Callable[[View], Intent | None]:
    queue_ = list(answers)
    return lambda view: queue_.pop(0) if queue_ else None
