"""One locker wall as the kiosk uses it: the inventory, the boards, the journalled open, door
supervision and crash reconciliation put together.

An open (load, release to the owner, staff inspection) moves the compartment to `open` and
journals it *before* the command goes to the board; the reply moves it to `awaiting_close` or,
for a jammed lock, to `faulty` with the item still recorded. A board that goes silent in the
middle of an open (unplugged) leaves the compartment in `open` like a crash's leftover, and the
supervisor reconciles it once the board answers again.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from typing import Any

from core.clock import Clock
from core.text import tr
from devices.base import DeviceError, DeviceOffline
from devices.locker.errors import LockJammed
from devices.locker.layout import SIZES, layout_from_settings
from hall.lockers.boards import Boards, DeviceBoards
from hall.lockers.doors import DoorSupervisor
from hall.lockers.inventory import Inventory
from hall.lockers.model import (
    Alerting,
    Compartment,
    CompartmentBusy,
    CState,
    ItemNotFound,
    LockerJammed,
    LockerOutcomeUnknown,
    LockerUnavailable,
    NoFreeCompartment,
    Purpose,
)
from hall.lockers.reconcile import reconcile

log = logging.getLogger(__name__)


class Lockers(Inventory):
    """The inventory of one locker wall and the supervision of its doors."""

    def __init__(
        self,
        engine: Any,
        boards: Boards,
        *,
        wall: str = "K01",
        alerts: Alerting | None = None,
        clock: Clock | None = None,
        door_open_alert_s: float = 120.0,
        open_confirm_s: float = 3.0,
        poll_interval: float = 0.5,
    ) -> None:
        super().__init__(engine, wall=wall, alerts=alerts, clock=clock)
        self.boards = boards
        self.doors = DoorSupervisor(
            self,
            boards,
            door_open_alert_s=door_open_alert_s,
            open_confirm_s=open_confirm_s,
            poll_interval=poll_interval,
        )
        self._inflight: set[str] = set()  # op ids of opens this process is sending right now
        #: False until reconcile() has seen the door of every compartment a crash may have left open
        self.reconciled = False

    @property
    def poll_interval(self) -> float:
        return self.doors.poll_interval

    @poll_interval.setter
    def poll_interval(self, seconds: float) -> None:
        self.doors.poll_interval = seconds

    @classmethod
    def from_settings(
        cls, engine: Any, boards: Boards, settings: Mapping[str, Any], **kwargs: Any
    ) -> Lockers:
        """Built from the [devices.locker] config section."""
        return cls(
            engine,
            boards,
            door_open_alert_s=float(settings.get("door_open_alert_s", 120.0)),
            open_confirm_s=float(settings.get("open_confirm_s", 3.0)),
            poll_interval=float(settings.get("door_poll_interval", 0.5)),
            **kwargs,
        )

    @classmethod
    def for_kiosk(
        cls, engine: Any, device: Any, settings: Mapping[str, Any], *, wall: str, **kwargs: Any
    ) -> Lockers:
        """The kiosk's wiring (after hall.db.migrate): map synced, crash reconciled, doors watched."""
        lockers = cls.from_settings(engine, DeviceBoards(device), settings, wall=wall, **kwargs)
        lockers.sync_layout(layout_from_settings(settings))
        lockers.reconcile()
        lockers.start()
        return lockers

    # ---- operations ----
    def load(
        self, application_no: str, by: str, *, size: str | None = None, number: int | None = None
    ) -> Compartment:
        """Assign the item to an empty compartment (the given one, or the smallest that fits) and
        open it; the item counts as loaded once the door has been open and is shut again."""
        if self.find(application_no) is not None:
            raise CompartmentBusy(tr("该证件已在柜中"))
        if number is not None:
            candidates = [number]
        else:
            rank = SIZES.index(size) if size else 0
            empties = [
                c for c in self.compartments() if c.state is CState.EMPTY and SIZES.index(c.size) >= rank
            ]
            candidates = [c.number for c in sorted(empties, key=lambda c: (SIZES.index(c.size), c.number))]
        for n in candidates:
            try:
                return self._open(n, Purpose.LOAD, (CState.EMPTY,), by, application_no=application_no)
            except CompartmentBusy:
                if number is not None:
                    raise
        raise NoFreeCompartment(tr("没有空闲的柜格"))

    def release(self, application_no: str, actor: str = "citizen") -> Compartment:
        """Open the compartment holding the item for its owner; collected once the door is shut."""
        c = self.find(application_no)
        if c is None:
            raise ItemNotFound(tr("柜中没有该证件"))
        if c.state is CState.FAULTY:
            raise CompartmentBusy(tr("{number} 号柜故障，请联系工作人员", number=c.number), c.number)
        if c.state is not CState.LOADED:
            raise CompartmentBusy(tr("{number} 号柜已打开", number=c.number), c.number)
        return self._open(c.number, Purpose.RELEASE, (CState.LOADED,), actor)

    def staff_open(self, number: int, by: str, reason: str = "") -> Compartment:
        """Open for staff (also faulty ones); the compartment returns to rest when shut."""
        allowed = (CState.EMPTY, CState.LOADED, CState.FAULTY)
        return self._open(number, Purpose.INSPECT, allowed, by, reason=reason)

    # ---- supervision and reconciliation ----
    def start(self) -> None:
        self.doors.start(self._reconcile_if_needed)

    def stop(self) -> None:
        self.doors.stop()

    def tick(self) -> None:
        self.doors.tick()

    def reconcile(self) -> list[tuple[int, str]]:
        """At start-up, before any open: settle what a crash interrupted. Never opens a door.

        A compartment whose board does not answer is left as it is, and `reconciled` stays False
        so the supervisor tries again. Returns (number, what was done) for the log and staff."""
        done, self.reconciled = reconcile(self, self.boards, self._inflight)
        return done

    def _reconcile_if_needed(self) -> None:
        if not self.reconciled:
            self.reconcile()

    # ---- the journalled open ----
    def _open(
        self,
        number: int,
        purpose: Purpose,
        allowed: tuple[CState, ...],
        actor: str,
        *,
        application_no: str | None = None,
        reason: str = "",
    ) -> Compartment:
        op = uuid.uuid4().hex
        self._inflight.add(op)  # before the commit, so a concurrent reconcile leaves it alone
        try:
            self.begin_open(number, purpose, allowed, actor, op, application_no, reason)
            self._send_open(number, op)
        finally:
            self._inflight.discard(op)
        return self.changed_now(number)

    def _send_open(self, number: int, op: str) -> None:
        try:
            self.boards.open(number)
        except LockJammed as e:
            self.jammed(number, op, e.reason)
            c = self.get(number)
            raise LockerJammed(e.reason, number, c.application_no) from e
        except DeviceOffline as e:  # refused before anything was sent
            self.revert(number, op, f"not sent: {e}")
            raise LockerUnavailable(e.reason, number) from e
        except Exception as e:
            reason = e.reason if isinstance(e, DeviceError) else tr("开锁失败：{err}", err=str(e))
            closed = self._ask_door(number, op, reason)
            if closed is None:
                raise LockerOutcomeUnknown(
                    tr(
                        "{why}；如 {number} 号柜门已打开，请照常取放物品并关好柜门", why=reason, number=number
                    ),
                    number,
                ) from e
            if closed:
                raise LockerUnavailable(reason, number) from e
            return  # no reply, but the door is open: the open worked and is watched
        self.opened(number, op)

    def _ask_door(self, number: int, op: str, reason: Any) -> bool | None:
        """No (valid) reply: ask the door and return what it says (closed, or None: no answer).

        Open -> watched; shut -> nothing happened; no answer (a board unplugged mid-open) -> left
        `open` like a crash's leftover: reconcile settles it from the door once the board answers
        again, and only a door that then tells nothing goes to staff."""
        try:
            closed = self.boards.door_states([number]).get(number)
        except DeviceError:
            closed = None
        if closed is True:
            self.revert(number, op, f"no reply, door shut: {reason}")
        elif closed is False:
            self.watch(
                self.get(number), f"no reply, door found open: {reason}", seen_open=True, event="open_ok"
            )
        else:
            self.outcome_unknown(number, op, reason)
            self.reconciled = False  # the supervisor reconciles on its next round
        return closed
