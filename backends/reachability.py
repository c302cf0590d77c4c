"""Whether the systems we do not own answer now: one thread probes each system's /health every
few seconds and keeps the answer, so home's gating (on the GUI thread) and the health file read a
cached value and never wait on the network. A change of state is reported to subscribers (the
kiosk turns it into a staff alert)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from core.text import Text, tr

log = logging.getLogger(__name__)

SYSTEM_NAMES = {"platform": tr("政务服务平台"), "payment": tr("支付平台")}


@dataclass(frozen=True)
class Reach:
    """Whether a system we do not own answers now, why not, and since when."""

    up: bool
    reason: Text = field(default_factory=lambda: Text(""))  # why not, for home and staff
    since: str = ""  # UTC, ISO seconds

    def as_json(self) -> dict[str, Any]:
        return {"up": self.up, "reason": str(self.reason), "since": self.since}


NOT_CONFIGURED = Reach(False, tr("未配置"))
CHECKING = Reach(False, tr("正在连接"))


class Reachability:
    """Thread-safe. `probes` maps a system name to its client's `healthy()` (one quick call)."""

    def __init__(self, probes: Mapping[str, Callable[[], bool]], interval: float = 15.0) -> None:
        self.probes = dict(probes)
        self.interval = interval
        self._lock = threading.Lock()
        self._state: dict[str, Reach] = {name: CHECKING for name in self.probes}
        self._listeners: list[Callable[[str, Reach], None]] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def status(self, name: str) -> Reach:
        with self._lock:
            return self._state.get(name, NOT_CONFIGURED)

    def as_json(self) -> dict[str, Any]:
        with self._lock:
            return {name: reach.as_json() for name, reach in self._state.items()}

    def subscribe(self, listener: Callable[[str, Reach], None]) -> None:
        self._listeners.append(listener)

    def probe(self) -> None:
        """One round now (the thread's work; tests call it to avoid waiting for the interval)."""
        for name, healthy in self.probes.items():
            try:
                up = bool(healthy())
            except Exception:  # a probe must never end the loop
                log.exception("probe of %s failed", name)
                up = False
            self._set(name, up)

    def _set(self, name: str, up: bool) -> None:
        with self._lock:
            old = self._state.get(name)
            if old is not None and old is not CHECKING and old.up == up:
                return
            stamp = datetime.now(UTC).isoformat(timespec="seconds")
            new = Reach(True, Text(""), stamp) if up else Reach(False, tr("暂时无法连接"), stamp)
            self._state[name] = new
        log.log(logging.INFO if up else logging.WARNING, "%s %s", name, "reachable" if up else "unreachable")
        for listener in list(self._listeners):
            try:
                listener(name, new)
            except Exception:
                log.exception("reachability listener failed")

    def start(self) -> None:
        def loop() -> None:
            self.probe()
            while not self._stop.wait(self.interval):
                self.probe()

        self._thread = threading.Thread(target=loop, name="backend-probes", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
