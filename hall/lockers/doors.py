"""Door supervision: a door that was opened must be seen open, then shut, and only then does the
open take effect (loaded / collected / back to rest). A door open longer than the alert time
raises a staff alert and stays watched; a door that never moved after a "opened" reply is a jam
the reply did not admit."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, timedelta

from devices.base import DeviceError
from hall.lockers.boards import Boards
from hall.lockers.inventory import Inventory
from hall.lockers.model import CState

log = logging.getLogger(__name__)


class DoorSupervisor:
    def __init__(
        self,
        inventory: Inventory,
        boards: Boards,
        *,
        door_open_alert_s: float = 120.0,
        open_confirm_s: float = 3.0,
        poll_interval: float = 0.5,
    ) -> None:
        self.inventory = inventory
        self.boards = boards
        self.door_open_alert = timedelta(seconds=door_open_alert_s)
        self.open_confirm = timedelta(seconds=open_confirm_s)
        self.poll_interval = poll_interval
        self._tick_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def tick(self) -> None:
        """One round over every compartment awaiting its door's close."""
        inv = self.inventory
        with self._tick_lock:
            watched = [c for c in inv.compartments() if c.state is CState.AWAITING_CLOSE]
            if not watched:
                return
            try:
                doors = self.boards.door_states([c.number for c in watched])
            except DeviceError as e:
                log.warning("locker doors cannot be checked: %s", e)
                return
            now = inv.clock.now().astimezone(UTC)
            for c in watched:
                closed = doors.get(c.number)
                if closed is None:
                    continue  # board silent: keep watching
                if not closed:
                    if not c.door_seen_open:
                        inv.seen_open(c)
                    if now - c.since >= self.door_open_alert and c.number not in inv.alerted:
                        inv.door_left_open(c)
                elif c.door_seen_open:
                    inv.complete(c)
                elif now - c.since >= self.open_confirm:
                    inv.never_opened(c)

    def start(self, before_round: Callable[[], None]) -> None:
        """Rounds every poll_interval in a thread of its own; `before_round` first (the wall
        reconciles there while a board has not answered)."""
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(
                target=self._run, args=(before_round,), name="locker-doors", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    def _run(self, before_round: Callable[[], None]) -> None:
        while not self._stop.wait(self.poll_interval):
            try:
                before_round()
                self.tick()
            except Exception:
                log.exception("locker door supervision failed")
