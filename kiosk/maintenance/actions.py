"""What the maintenance screens show and do, without Qt: device and alert rows, the day's
figures, the printer, the locker wall, the queue and the log. Every change goes through
StaffSession.act (audited); reads are not audited."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from core.redact import mask_reference
from core.text import Text, as_text, tr
from devices.base import State
from flows.queue import service_name
from kiosk.alerts import Alert
from kiosk.home import DEVICE_NAMES
from kiosk.maintenance.figures import Figure, day_figures
from kiosk.maintenance.session import Outcome, Refused, StaffSession

if TYPE_CHECKING:
    from kiosk.app import Kiosk

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
PAPER_CODES = ("paper_out", "paper_near_end", State.DEGRADED.value, State.FAULT.value)


@dataclass(frozen=True)
class DeviceRow:
    kind: str
    name: Text
    state: str  # ok, degraded, fault, offline, ...
    reason: Text  # rendered in the UI language


@dataclass(frozen=True)
class ServiceRow:
    name: Text  # Chinese, or the config's English name in English
    open: bool
    reason: Text  # why it is not open now
    issued: int
    waiting: int
    code: str = ""
    paused: bool = False  # by staff (hall/queue/pause.py)


@dataclass(frozen=True)
class Slot:
    number: int
    state: str
    holds: str  # masked application number, or ""
    since: datetime
    reason: str


def _local_time(entry: Mapping[str, Any], zone: ZoneInfo) -> str:
    """A log line's time of day in the hall's zone (its ISO time as written if unreadable)."""
    ts = str(entry.get("ts", ""))
    try:
        return datetime.fromisoformat(ts).astimezone(zone).strftime("%H:%M:%S")
    except ValueError:
        return ts[11:19]


class Maintenance:
    def __init__(self, kiosk: Kiosk, session: StaffSession) -> None:
        self.kiosk = kiosk
        self.session = session
        self.zone = ZoneInfo(kiosk.config["kiosk"]["timezone"])

    # ---- overview ----
    def devices(self) -> list[DeviceRow]:
        return [
            DeviceRow(
                d.name, DEVICE_NAMES.get(d.name, Text(d.name)), d.status.state.value, as_text(d.status.reason)
            )
            for d in self.kiosk.devices
        ]

    def alerts(self) -> list[tuple[Alert, bool]]:
        """Open alerts, oldest first, each with whether staff acknowledged it."""
        alerts = self.kiosk.alerts
        return [(a, alerts.acknowledged(a)) for a in sorted(alerts.active(), key=lambda a: a.ts)]

    def started_local(self, alert: Alert) -> str:
        return datetime.fromisoformat(alert.ts).astimezone(self.zone).strftime("%m-%d %H:%M")

    def acknowledge(self, alert: Alert) -> Outcome:
        return self.session.act(
            "alert_ack",
            f"{alert.source}/{alert.code}",
            lambda: self.kiosk.alerts.acknowledge(alert.source, alert.code),
        )

    def clear_alert(self, alert: Alert) -> Outcome:
        return self.session.act(
            "alert_clear",
            f"{alert.source}/{alert.code}",
            lambda: self.kiosk.alerts.clear(alert.source, alert.code),
        )

    def _midnight(self) -> datetime:
        today = self.kiosk.clock.now().astimezone(self.zone).date()
        return datetime.combine(today, time(0), self.zone)

    def queue(self) -> list[ServiceRow]:
        """Each queue service today: open or why not, tickets issued and waiting."""
        store = self.kiosk.services.get("queue")
        if store is None:
            return []
        try:
            overview = store.overview()
        except Exception:  # the store down is shown by its alert; the screen shows no rows
            return []
        return [
            ServiceRow(
                service_name(a.service),
                a.available,
                a.reason or Text(""),
                int(a.last_number[len(a.service.prefix) :]) if a.last_number else 0,
                a.waiting,
                a.service.code,
                a.code == "paused",
            )
            for a in overview
        ]

    def figures(self) -> list[Figure]:
        """Today's figures from the stores the kiosk has (kiosk/maintenance/figures.py)."""
        from kiosk.journey_log import journey_log

        journey_log(self.kiosk)  # opened here too: the day's journeys before this start's first
        rows = self.queue()
        tickets = sum(r.issued for r in rows) if self.kiosk.services.get("queue") is not None else None
        configured = self.kiosk.config["kiosk"]["services"]
        names = {key: spec.title for key, spec in self.kiosk.catalog.items()}
        return day_figures(self.kiosk.services, self._midnight(), tickets, configured, names)

    # ---- printer ----
    def test_print(self) -> Outcome:
        kcfg = self.kiosk.config["kiosk"]
        data = {"hall": kcfg["hall_name"], "kiosk_id": kcfg["kiosk_id"], "printed_at": self.kiosk.clock.now()}
        printer = self.kiosk.devices["printer"]

        def run() -> Text:
            result = printer.call(lambda d: d.print_layout("test_page", data), 60)
            if not result.completed:  # the paper ran out or the printer failed during the page
                raise Refused(result.reason)
            return tr("测试页已打印")

        return self.session.act("test_print", "printer", run)

    def paper_refilled(self) -> Outcome:
        def run() -> Text:
            for code in PAPER_CODES:
                self.kiosk.alerts.clear("printer", code)
            return tr("已记录换纸，纸张提醒已清除")

        return self.session.act("paper_refilled", "printer", run)

    # ---- lockers ----
    @property
    def lockers(self) -> Any:
        return self.kiosk.services.get("lockers")

    def slots(self) -> list[Slot]:
        if self.lockers is None:
            return []
        return [
            Slot(c.number, c.state.value, mask_reference(c.application_no), c.since, c.fault_reason or "")
            for c in self.lockers.compartments()
        ]

    def _locker(self, action: str, number: int, change: Any, said: Text, reason: str) -> Outcome:
        """One audited change of a compartment through hall.lockers (it raises LockerError with a
        reason fit to show when the compartment is busy or the board does not answer); the
        staff's reason goes into the audit row's object and the locker history."""
        who = self.session.staff or "staff"

        def run() -> Text:
            change(number, by=who, reason=reason)
            return said

        return self.session.act(action, f"locker {number} {reason}".strip(), run)

    def locker_open(self, number: int, reason: str) -> Outcome:
        said = tr("{n} 号柜已打开", n=number)
        return self._locker("locker_open", number, self.lockers.staff_open, said, reason)

    def locker_clear(self, number: int, reason: str) -> Outcome:
        said = tr("{n} 号柜已清空", n=number)
        return self._locker("locker_clear", number, self.lockers.clear, said, reason)

    def locker_faulty(self, number: int, reason: str) -> Outcome:
        said = tr("{n} 号柜已标记故障", n=number)
        return self._locker("locker_faulty", number, self.lockers.mark_faulty, said, reason)

    def locker_repaired(self, number: int, reason: str) -> Outcome:
        said = tr("{n} 号柜已修复", n=number)
        return self._locker("locker_repaired", number, self.lockers.mark_repaired, said, reason)

    # ---- logs ----
    def log_lines(self, count: int = 200, level: str = "INFO") -> list[str]:
        """The newest `count` lines at `level` or above, newest first, timed in the hall's
        clock as the header is (the log is written in UTC, masked as it is written)."""
        path = Path(self.kiosk.config.resolve(self.kiosk.config["log"]["dir"])) / "kiosk.jsonl"
        floor = LEVELS.index(level)
        kept: deque[tuple[str, dict[str, Any]]] = deque(maxlen=count)  # formatted once kept
        try:
            with path.open(encoding="utf-8", errors="replace") as f:
                for line in f:
                    try:
                        entry = json.loads(line)
                    except ValueError:
                        continue
                    lvl = entry.get("level", "INFO")
                    if lvl in LEVELS and LEVELS.index(lvl) >= floor:
                        kept.append((lvl, entry))
        except OSError:
            return []
        return [
            f"{_local_time(e, self.zone)} {lvl[0]} {e.get('logger', '')}: {e.get('msg', '')}"
            for lvl, e in reversed(kept)
        ]
