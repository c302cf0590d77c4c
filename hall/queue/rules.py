"""The ticket machine's rules as pure functions: opening hours, age priority, the estimated wait.

No database and no clock here; the store hands in "now" in the hall's time zone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

from core.text import Text, tr
from hall.queue.services import Calendar, Service

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"

# How many recent service times weigh as much as the configured seed: a few quick or slow
# citizens early in the morning should not swing the estimate much.
SEED_WEIGHT = 5


@dataclass(frozen=True)
class Opening:
    open: bool
    code: str = ""  # closed_day, before_hours, between_hours, after_hours
    reason: Text | None = None


def opening(service: Service, calendar: Calendar, local_now: datetime) -> Opening:
    """Whether the service issues tickets at `local_now` (hall-local), and if not, why."""
    if calendar.always_open:
        return Opening(True)
    if not calendar.is_working_day(local_now.date(), service):
        return Opening(
            False, "closed_day", tr("今日不办理此业务（办理时间 {hours}）", hours=str(service.hours))
        )
    minute = local_now.hour * 60 + local_now.minute
    if service.hours.contains(minute):
        return Opening(True)
    nxt = service.hours.next_opening(minute)
    if nxt is None:
        return Opening(
            False, "after_hours", tr("今日办理时间已过（办理时间 {hours}）", hours=str(service.hours))
        )
    at = f"{nxt // 60:02d}:{nxt % 60:02d}"
    code = "before_hours" if minute < service.hours.ranges[0][0] else "between_hours"
    return Opening(False, code, tr("{at} 开始取号（办理时间 {hours}）", at=at, hours=str(service.hours)))


def id_number_valid(number: str) -> bool:
    """GB 11643: 17 digits, a check character, and a real birth date in digits 7-14."""
    n = number.strip().upper()
    if len(n) != 18 or not n[:17].isdigit():
        return False
    if _CHECK[sum(int(c) * w for c, w in zip(n[:17], _WEIGHTS, strict=True)) % 11] != n[17]:
        return False
    return birth_date_of(n) is not None


def birth_date_of(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def age_on(birth: date, day: date) -> int:
    """Whole years; someone born on 29 February turns a year older on 1 March in common years."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def is_elderly(birth: date | None, day: date, elderly_age: int) -> bool:
    return elderly_age > 0 and birth is not None and age_on(birth, day) >= elderly_age


def average_service_min(recent_total_min: float, samples: int, seed_min: float) -> float:
    """Recent service times (their sum and count) blended with the configured seed, which fades
    as samples arrive."""
    return (seed_min * SEED_WEIGHT + recent_total_min) / (SEED_WEIGHT + samples)


def estimated_wait_min(ahead: int, avg_min: float, counters: int) -> int:
    """Minutes until this citizen is called: the people ahead shared by the counters serving."""
    if ahead <= 0:
        return 0
    return math.ceil(ahead * avg_min / max(1, counters))
