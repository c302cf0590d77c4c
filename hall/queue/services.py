"""The hall's services and calendar, parsed from the validated [queue] section.

kiosk.config checks types; what it cannot check (hours syntax, unique prefixes, dates) is checked
here, with the same one-line ConfigError naming the key.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from core.schema import ConfigError
from core.text import Bilingual

# what a service code may hold after its first letter (codes and prefixes are checked with str
# methods: each regular expression would compile on the way to the first paint)
_CODE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")


@dataclass(frozen=True)
class Hours:
    """Opening ranges of one day, as minutes after local midnight, [start, end)."""

    ranges: tuple[tuple[int, int], ...]

    def contains(self, minute: int) -> bool:
        return any(a <= minute < b for a, b in self.ranges)

    def next_opening(self, minute: int) -> int | None:
        later = [a for a, _ in self.ranges if a > minute]
        return min(later) if later else None

    def __str__(self) -> str:
        return ", ".join(f"{_hhmm(a)}-{_hhmm(b)}" for a, b in self.ranges)


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _clock(text: str) -> tuple[int, int] | None:
    """'8:30' or '08:30' (digits of any script, as int() reads them) -> (8, 30); else None."""
    h, colon, m = text.strip().partition(":")
    if not colon or not 1 <= len(h) <= 2 or len(m) != 2 or not (h + m).isdecimal():
        return None
    return int(h), int(m)


def parse_hours(text: str, where: str = "hours") -> Hours:
    ranges = []
    for part in text.split(","):
        first, dash, second = part.partition("-")
        opens, closes = (_clock(first), _clock(second)) if dash else (None, None)
        if opens is None or closes is None:
            raise ConfigError(
                f"{where} = {text!r} is not allowed: expected ranges like '08:30-12:00,13:30-17:30'"
            )
        (h1, m1), (h2, m2) = opens, closes
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if h1 > 23 or m1 > 59 or h2 > 24 or m2 > 59 or end > 24 * 60 or end <= start:
            raise ConfigError(
                f"{where} = {text!r} is not allowed: {part.strip()!r} is not a range within one day"
            )
        ranges.append((start, end))
    ranges.sort()
    for (_, end), (start, _) in itertools.pairwise(ranges):
        if start < end:
            raise ConfigError(f"{where} = {text!r} is not allowed: the ranges overlap")
    return Hours(tuple(ranges))


@dataclass(frozen=True)
class Service:
    """One service of the queue, from a [[queue.services]] entry."""

    code: str
    prefix: str
    name_zh: str
    name_en: str
    counters: tuple[str, ...]
    hours: Hours
    days: frozenset[int]  # ISO weekdays
    daily_limit: int  # 0: none
    real_name: bool
    avg_service_min: float

    def name_for(self, language: str) -> str:
        """The name in a UI language ("zh" or "en"); the config, not en.ts, holds the English."""
        return self.name_en if language == "en" else self.name_zh

    def title(self) -> Bilingual:
        """The name as a Text for messages: rendered in the reader's language."""
        return Bilingual(self.name_zh, (), self.name_en)

    def number(self, seq: int) -> str:
        return f"{self.prefix}{seq:03d}"


@dataclass(frozen=True)
class Calendar:
    """The hall's days: dates closed and dates worked against the services' weekdays."""

    closed_dates: frozenset[date]
    working_dates: frozenset[date]
    always_open: bool = False

    def is_working_day(self, day: date, service: Service) -> bool:
        if day in self.closed_dates:
            return False
        if day in self.working_dates:
            return True
        return day.isoweekday() in service.days


@dataclass(frozen=True)
class QueueSettings:
    """Everything the store needs from [queue], parsed and checked."""

    services: tuple[Service, ...]
    calendar: Calendar
    elderly_age: int
    appointments: bool
    appointment_early_min: int
    appointment_late_min: int
    recent_samples: int
    id_key_file: str

    def service(self, code_or_prefix: str) -> Service | None:
        key = code_or_prefix.strip()
        for s in self.services:
            if s.code == key or s.prefix == key.upper():
                return s
        return None

    def counters(self) -> tuple[str, ...]:
        """Every counter once, 9 before 10 and numbered before named: the order a clerk picks
        from at login and the board shows (the services' own order put 9 after 4)."""
        seen: dict[str, None] = {}
        for s in self.services:
            seen.update(dict.fromkeys(s.counters))
        return tuple(sorted(seen, key=_natural))


def _natural(name: str) -> tuple[int, int | str]:
    return (0, int(name)) if name.isdigit() else (1, name)


def _dates(values: Iterable[Any], where: str) -> frozenset[date]:
    out = set()
    for v in values:
        try:
            out.add(v if isinstance(v, date) else date.fromisoformat(str(v)))
        except ValueError:
            raise ConfigError(f"{where} contains {v!r}: each entry must be a date like 2026-10-01") from None
    return frozenset(out)


def parse_service(raw: Mapping[str, Any], where: str) -> Service:
    prefix = str(raw["prefix"])
    if not (len(prefix) == 1 and "A" <= prefix <= "Z"):
        raise ConfigError(f"{where}.prefix = {prefix!r} is not allowed: expected one capital letter A-Z")
    code = str(raw["code"])
    if not (1 <= len(code) <= 32 and "a" <= code[0] <= "z" and _CODE_CHARS.issuperset(code)):
        raise ConfigError(
            f"{where}.code = {code!r} is not allowed: expected a short lowercase word like 'tax'"
        )
    counters = tuple(str(c) for c in raw["counters"])
    if not counters:
        raise ConfigError(f"{where}.counters is empty: name at least one counter that serves {code!r}")
    days = raw["days"]
    if not days or any(isinstance(d, bool) or d not in range(1, 8) for d in days):
        raise ConfigError(
            f"{where}.days = {days!r} is not allowed: expected weekdays 1 (Monday) to 7 (Sunday)"
        )
    return Service(
        code=code,
        prefix=prefix,
        name_zh=str(raw["name_zh"]),
        name_en=str(raw.get("name_en") or raw["name_zh"]),
        counters=counters,
        hours=parse_hours(str(raw["hours"]), f"{where}.hours"),
        days=frozenset(int(d) for d in days),
        daily_limit=int(raw["daily_limit"]),
        real_name=bool(raw["real_name"]),
        avg_service_min=float(raw["avg_service_min"]),
    )


def parse_settings(section: Mapping[str, Any]) -> QueueSettings:
    """From the [queue] values as kiosk.config validated them (defaults filled in)."""
    services = tuple(parse_service(s, f"[queue] services[{i}]") for i, s in enumerate(section["services"]))
    if not services:
        raise ConfigError("[queue] services is empty: the ticket machine needs at least one service")
    for attr in ("code", "prefix"):
        values = [getattr(s, attr) for s in services]
        dup = next((v for v in values if values.count(v) > 1), None)
        if dup is not None:
            raise ConfigError(f"[queue] services: two services have the {attr} {dup!r}; each needs its own")
    return QueueSettings(
        services=services,
        calendar=Calendar(
            _dates(section["closed_dates"], "[queue] closed_dates"),
            _dates(section["working_dates"], "[queue] working_dates"),
            bool(section["always_open"]),
        ),
        elderly_age=int(section["elderly_age"]),
        appointments=section["appointments"] != "off",
        appointment_early_min=int(section["appointment_early_min"]),
        appointment_late_min=int(section["appointment_late_min"]),
        recent_samples=int(section["recent_samples"]),
        id_key_file=str(section["id_key_file"]),
    )
