"""Work done on a thread of its own every few seconds until stopped: the reconciler, the
overdue follow-up watch, the health file's database view.

start and stop may come from different threads in either order: a kiosk told to stop while its
start-up after the first paint is still starting these (SIGTERM soon after boot) stops them
cleanly, and one stopped before it started never starts.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class Every:
    def __init__(
        self,
        name: str,
        seconds: float,
        work: Callable[[], object],
        *,
        first: Callable[[], object] | None = None,
    ) -> None:
        """`first`, when given, runs at once on the thread; `work` then runs every `seconds`."""
        self.name, self.seconds = name, seconds
        self._work, self._first = work, first
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        with self._lock:
            if self._stop.is_set() or self._thread is not None:
                return
            self._thread = threading.Thread(target=self._loop, name=self.name, daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        with self._lock:
            self._stop.set()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _loop(self) -> None:
        if self._first is not None:
            self._safely(self._first)
        while not self._stop.wait(self.seconds):
            self._safely(self._work)

    def _safely(self, work: Callable[[], object]) -> None:
        try:
            work()
        except Exception:  # a database or network hiccup must not end the loop
            log.exception("%s failed; retrying next round", self.name)
