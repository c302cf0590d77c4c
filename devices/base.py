"""The device framework: a driver does the I/O, a Device supervises it on its own thread.

A Driver knows its protocol and nothing about threads. A Device owns one worker thread that
opens the driver, runs calls one at a time, polls health between calls, and after a fault closes
the driver and reopens a fresh one with backoff. Everyone else talks to the Device: calls return
futures with a timeout, and status changes and driver events reach subscribers.
"""

from __future__ import annotations

import logging
import queue
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from core.clock import SystemClock
from core.text import Text, TextLike, as_text, tr

if TYPE_CHECKING:
    from concurrent.futures import Future

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Reconnect delays (first, cap) in seconds. The cap is short on purpose: a reopen attempt costs
#: one port open and one status poll, while a long cap keeps a device that answers again away
#: for as long as the cap (15 s of garbage once kept a printer off for 16 s more).
RECONNECT_BACKOFF = (0.5, 3.0)
D = TypeVar("D", bound="Driver")


class State(StrEnum):
    OK = "ok"
    DEGRADED = "degraded"  # works, but staff should look (paper near end)
    OFFLINE = "offline"  # not reachable now; being reconnected
    FAULT = "fault"  # reachable but cannot do its job (paper out, jammed), or will not load

    @property
    def usable(self) -> bool:
        return self in (State.OK, State.DEGRADED)


@dataclass(frozen=True)
class DeviceStatus:
    """A device's state, the reason shown to citizens and staff, and driver details."""

    state: State
    reason: Text = Text("")
    detail: Mapping[str, Any] = field(default_factory=dict)

    @property
    def usable(self) -> bool:
        return self.state.usable

    def as_json(self) -> dict[str, Any]:
        return {"state": self.state.value, "reason": str(self.reason), **dict(self.detail)}


OK = DeviceStatus(State.OK)


class DeviceError(Exception):
    """A device call failed; `reason` is fit to show a citizen or staff member."""

    def __init__(self, reason: TextLike, *, device: str = "") -> None:
        self.reason = as_text(reason)
        self.device = device
        super().__init__(str(self.reason))


class ConnectionLost(DeviceError):
    """The link is gone (unplugged, port vanished, no answer): reconnect with a fresh driver."""


class OutcomeUnknown(ConnectionLost):
    """The link died after the whole request went out and before the device confirmed it: it may
    or may not have been done (a ticket printed, a door opened). Callers must say so honestly."""


class PermanentFault(DeviceError):
    """Retrying cannot help (bad configuration, missing library): stay in FAULT."""


class DeviceOffline(DeviceError):
    """A call was refused because the device is not connected."""


class DeviceTimeout(DeviceError):
    """A call did not finish in time."""


@dataclass(frozen=True)
class DeviceEvent:
    """A status change or a driver's own event (a card put on the reader), from one device."""

    device: str
    kind: str  # "status" or a driver's own event name, e.g. "card_inserted"
    payload: Any = None


Emit = Callable[[str, Any], None]


class Driver(ABC):
    """Real I/O for one device. Used only from its Device's worker thread."""

    #: seconds between poll() calls while connected
    poll_interval: float = 1.0

    def __init__(self, settings: Mapping[str, Any], emit: Emit) -> None:
        self.settings = settings
        self.emit = emit  # emit(kind, payload): an event to the Device's subscribers

    @abstractmethod
    def open(self) -> None:
        """Connect; raise ConnectionLost (retry) or PermanentFault (give up)."""

    @abstractmethod
    def close(self) -> None:
        """Release the link; must not raise."""

    def poll(self) -> DeviceStatus:
        """Check health (and look for unsolicited input); raise ConnectionLost if the link died."""
        return OK


@dataclass
class _Call:
    """A call queued for the device's worker thread and the future its caller waits on."""

    fn: Callable[[Any], Any]
    future: Future[Any]


class Device(Generic[D]):
    """Supervises one driver on a dedicated worker thread."""

    def __init__(
        self,
        name: str,
        factory: Callable[[Emit], D],
        *,
        backoff: tuple[float, float] = RECONNECT_BACKOFF,
        call_timeout: float = 10.0,
    ) -> None:
        self.name = name
        self._factory = factory
        # real time, not the app's injected clock: polling and backoff are about the hardware
        self._clock = SystemClock()
        self._backoff = backoff
        self.call_timeout = call_timeout
        self._calls: queue.Queue[_Call | None] = queue.Queue()
        self._stop = threading.Event()
        self._listeners: list[Callable[[DeviceEvent], None]] = []
        self._lock = threading.Lock()
        self._status = DeviceStatus(State.OFFLINE, tr("正在连接"))
        self._driver: D | None = None
        self._thread: threading.Thread | None = None
        self.reconnects = 0
        self._served = False

    # ---- public, any thread ----
    @property
    def status(self) -> DeviceStatus:
        with self._lock:
            return self._status

    def subscribe(self, listener: Callable[[DeviceEvent], None]) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=f"device-{self.name}", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._calls.put(None)
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def submit(self, fn: Callable[[D], T]) -> Future[T]:
        """Run fn(driver) on the worker; refused at once while the device is not connected."""
        from concurrent.futures import Future  # at the first call: not on the first paint's path

        fut: Future[T] = Future()
        if self._driver is None and not self.status.usable:
            fut.set_exception(DeviceOffline(self.status.reason, device=self.name))
            return fut
        self._calls.put(_Call(fn, fut))
        return fut

    def call(self, fn: Callable[[D], T], timeout: float | None = None) -> T:
        """Run fn(driver) on the worker and wait for it (never from the GUI thread)."""
        fut = self.submit(fn)
        try:
            return fut.result(timeout if timeout is not None else self.call_timeout)
        except TimeoutError:  # concurrent.futures.TimeoutError is TimeoutError since 3.11
            fut.cancel()
            raise DeviceTimeout(tr("设备无响应"), device=self.name) from None

    def wait_until(self, predicate: Callable[[DeviceStatus], bool], timeout: float) -> bool:
        """For tests and start-up: wait (real time) until the status satisfies predicate."""
        done = threading.Event()

        def check(ev: DeviceEvent) -> None:
            if ev.kind == "status" and predicate(ev.payload):
                done.set()

        unsub = self.subscribe(check)
        try:
            return predicate(self.status) or done.wait(timeout)
        finally:
            unsub()

    # ---- worker thread ----
    def _publish(self, kind: str, payload: Any) -> None:
        with self._lock:
            listeners = list(self._listeners)
        ev = DeviceEvent(self.name, kind, payload)
        for listener in listeners:
            try:
                listener(ev)
            except Exception:
                log.exception("device %s listener failed", self.name)

    def _set_status(self, status: DeviceStatus) -> None:
        with self._lock:
            changed = status != self._status
            self._status = status
        if changed:
            log.info("device %s: %s %s", self.name, status.state.value, status.reason)
            self._publish("status", status)

    def _run(self) -> None:
        attempt = 0
        ever_opened = False
        while not self._stop.is_set():
            try:
                self._driver = self._factory(self._publish)
                self._driver.open()
            except PermanentFault as e:
                self._close_driver()
                self._set_status(DeviceStatus(State.FAULT, e.reason))
                self._refuse_pending(e)
                self._wait_stop_or_call(None)
                continue
            except Exception as e:
                self._close_driver()
                reason = e.reason if isinstance(e, DeviceError) else tr("无法连接：{err}", err=str(e))
                self._set_status(DeviceStatus(State.OFFLINE, reason))
                attempt = self._back_off(attempt, reason)
                continue
            if attempt or ever_opened:
                self.reconnects += 1
            ever_opened = True
            self._served = False
            try:
                self._serve(self._driver)
            except ConnectionLost as e:
                self._set_status(DeviceStatus(State.OFFLINE, e.reason))
            except Exception as e:  # a driver bug must not kill the worker
                log.exception("device %s driver crashed", self.name)
                self._set_status(DeviceStatus(State.OFFLINE, tr("设备故障：{err}", err=str(e))))
            self._close_driver()
            # a link that opens but dies before its first good poll (a stalled printer) backs off
            # like a failed open instead of reconnecting in a tight loop
            attempt = 0 if self._served else self._back_off(attempt, self.status.reason)
        self._close_driver()
        self._refuse_pending(DeviceOffline(tr("设备已停止"), device=self.name))

    def _back_off(self, attempt: int, reason: Text) -> int:
        self._refuse_pending(DeviceOffline(reason, device=self.name))
        attempt += 1
        self._wait_stop_or_call(min(self._backoff[0] * 2 ** (attempt - 1), self._backoff[1]))
        return attempt

    def _serve(self, driver: D) -> None:
        self._set_status(driver.poll())
        self._served = True
        next_poll = self._clock.monotonic() + driver.poll_interval
        while not self._stop.is_set():
            wait = max(0.0, next_poll - self._clock.monotonic())
            try:
                item = self._calls.get(timeout=min(wait, 0.2))
            except queue.Empty:
                item = None
            if item is not None:
                if not item.future.set_running_or_notify_cancel():
                    continue
                try:
                    item.future.set_result(item.fn(driver))
                except ConnectionLost as e:
                    e.device = self.name
                    item.future.set_exception(e)
                    raise
                except BaseException as e:
                    if isinstance(e, DeviceError):
                        e.device = self.name
                    item.future.set_exception(e)
                # a call changes state (paper used, door opened): look again soon
                next_poll = min(next_poll, self._clock.monotonic() + 0.05)
            elif self._clock.monotonic() >= next_poll:
                self._set_status(driver.poll())
                next_poll = self._clock.monotonic() + driver.poll_interval

    def _close_driver(self) -> None:
        if self._driver is not None:
            try:
                self._driver.close()
            except Exception:
                log.exception("device %s close failed", self.name)
            self._driver = None

    def _refuse_pending(self, exc: DeviceError) -> None:
        while True:
            try:
                item = self._calls.get_nowait()
            except queue.Empty:
                return
            if item is not None and item.future.set_running_or_notify_cancel():
                item.future.set_exception(exc)

    def _wait_stop_or_call(self, delay: float | None) -> None:
        """Sleep out the backoff; calls arriving meanwhile are refused at once, not queued."""
        deadline = None if delay is None else self._clock.monotonic() + delay
        while not self._stop.is_set():
            remaining = 0.2 if deadline is None else min(0.2, deadline - self._clock.monotonic())
            if remaining <= 0:
                return
            try:
                item = self._calls.get(timeout=remaining)
            except queue.Empty:
                continue
            if item is not None and item.future.set_running_or_notify_cancel():
                item.future.set_exception(DeviceOffline(self.status.reason, device=self.name))
