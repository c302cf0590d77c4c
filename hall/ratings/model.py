"""Ratings (好差评) and follow-up items, as plain values: levels, reasons, errors, working days,
phone numbers. No database here, so flows and screens import it at no start-up cost.

GB/T 39735-2020: five levels, 非常满意 (5) to 非常不满意 (1); 不满意 or worse asks for a reason
and, with the citizen's consent, a phone number for follow-up. Ratings keep no personal data:
the phone number lives only on the follow-up item, and is erased after it is closed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from core.text import Text, tr

# level -> (words, stars)
LEVELS: dict[int, Text] = {
    5: tr("非常满意"),
    4: tr("满意"),
    3: tr("基本满意"),
    2: tr("不满意"),
    1: tr("非常不满意"),
}
BAD = 2  # this level or worse asks for a reason and opens a follow-up item

# reason code -> words (codes are stored; the words follow the citizen's language)
REASONS: dict[str, Text] = {
    "slow": tr("等候或办理时间太长"),
    "attitude": tr("工作人员态度不好"),
    "unclear": tr("办事指南或告知不清楚"),
    "runaround": tr("多次跑腿、材料反复要求"),
    "not_done": tr("事情没有办成"),
    "machine": tr("自助设备不好用"),
    "other": tr("其他原因"),
}

# what is rated: a ticket served at a counter (rated at the counter's pad or by the ticket's
# QR), or one run of a kiosk journey (rated on the kiosk at its end)
TICKET, JOURNEY = "ticket", "journey"
# what a follow-up item came from: a bad rating, or a citizen who could not get it done (办不成事)
FROM_RATING, UNRESOLVED = "rating", "unresolved"
REF_PREFIX = {FROM_RATING: "PJ", UNRESOLVED: "BB"}
OPEN, CLOSED = "open", "closed"

MOBILE_RE = re.compile(r"1[3-9]\d{9}")
TEXT_MAX = 500  # characters of free text kept


class RatingError(Exception):
    """A reason for the citizen or staff (translatable) and a stable code for scripts."""

    def __init__(self, reason: Text, code: str) -> None:
        super().__init__(str(reason))
        self.reason = reason
        self.code = code


class RatingRefused(RatingError):
    """No such ticket, rated already, not served yet, a bad level or phone number, no such item."""


class RatingUnavailable(RatingError):
    """The database cannot be reached: nothing was stored."""


def stars(level: int) -> str:
    return "★" * level + "☆" * (5 - level)


def check_level(level: int) -> int:
    if level not in LEVELS:
        raise RatingRefused(tr("评价等级应为 1 到 5"), "bad_level")
    return level


def check_phone(phone: str | None) -> str | None:
    """A mainland mobile number (11 digits starting 13-19), or None; anything else is refused."""
    if phone is None or not phone.strip():
        return None
    digits = phone.strip().replace(" ", "").replace("-", "")
    if not MOBILE_RE.fullmatch(digits):
        raise RatingRefused(tr("手机号码应为以 1 开头的十一位数字"), "bad_phone")
    return digits


def mask_phone(phone: str | None) -> str:
    """138****5678: enough for staff to tell numbers apart in a list, useless to anyone else."""
    if not phone:
        return ""
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:] if len(phone) > 7 else "*" * len(phone)


def mask_phones(text: str) -> str:
    """Every mobile number in free text masked (written into logs and the CLI's lists)."""
    return re.sub(r"(?<!\d)" + MOBILE_RE.pattern + r"(?!\d)", lambda m: mask_phone(m.group(0)), text)


def add_working_days(start: date, n: int, closed: frozenset[date], working: frozenset[date]) -> date:
    """The day n working days after `start` (Monday to Friday, less the hall's closed dates,
    plus its make-up working dates): 5 working days from a Friday is the next Friday."""
    day = start
    left = n
    while left > 0:
        day += timedelta(days=1)
        if day in working or (day.isoweekday() <= 5 and day not in closed):
            left -= 1
    return day


@dataclass(frozen=True)
class Rating:
    id: int
    at: datetime  # hall-local, aware
    kind: str  # ticket, journey
    ref: str  # "2026-12-01/A005" for a ticket, the run id for a journey
    service: str  # service code or journey key
    counter: str  # the counter that served (tickets), else ""
    kiosk: str  # the kiosk it was given on, else ""
    level: int
    reasons: tuple[str, ...]
    text: str
    followup: str = ""  # the follow-up item's reference number, if one was opened

    @property
    def words(self) -> Text:
        return LEVELS[self.level]

    def line(self) -> str:
        where = " ".join(x for x in (self.service, f"counter {self.counter}" if self.counter else "") if x)
        extra = ",".join(self.reasons) + (f" {mask_phones(self.text)}" if self.text else "")
        return (
            f"{self.id:>5} {self.at:%Y-%m-%d %H:%M} {self.kind:<7} {self.ref:<18} {where:<20} "
            f"{stars(self.level)} {extra} {self.followup}"
        ).rstrip()


@dataclass(frozen=True)
class Tally:
    """Ratings of one kind, service, counter and hour of a day."""

    kind: str
    service: str
    counter: str
    hour: int  # hall-local
    count: int
    mean: float  # 1 to 5
    bad: int  # 不满意 or worse


@dataclass(frozen=True)
class Note:
    """A staff annotation on a rating (a challenge, a finding): ratings are never changed."""

    rating_id: int
    at: datetime
    staff: str
    text: str


@dataclass(frozen=True)
class Item:
    """A follow-up item: a bad rating or a 办不成事 report, with a deadline and, once closed, a reply."""

    id: int
    ref: str  # "BB00007": what the citizen is given and staff type
    kind: str  # rating, unresolved
    service: str
    what: str  # what could not be done, or the rating's reasons
    phone: str | None  # None without consent, and after the retention period
    opened_at: datetime  # hall-local
    due: date
    status: str  # open, closed
    kiosk: str = ""
    rating_id: int | None = None
    closed_at: datetime | None = None
    reply: str = ""
    closed_by: str = ""

    def overdue(self, today: date) -> bool:
        return self.status == OPEN and today > self.due

    def line(self, today: date) -> str:
        state = "OVERDUE" if self.overdue(today) else self.status
        phone = mask_phone(self.phone) or "-"
        reply = f" reply: {mask_phones(self.reply)}" if self.reply else ""
        return (
            f"{self.ref} {self.opened_at:%Y-%m-%d %H:%M} due {self.due} {state:<7} {self.service or '-'} "
            f"{phone} {mask_phones(self.what)}{reply}"
        )


def item_ref(kind: str, item_id: int) -> str:
    """Short enough to read out on the phone and to show large on screen: "BB00007"."""
    return f"{REF_PREFIX[kind]}{item_id:05d}"


def parse_item_ref(ref: str) -> tuple[str, int] | None:
    """(kind, id) of a reference number as printed, or None when it is not one."""
    m = re.fullmatch(r"([A-Z]{2})(\d{5,9})", ref.strip().upper())
    kinds = {v: k for k, v in REF_PREFIX.items()}
    if m is None or m.group(1) not in kinds:
        return None
    return kinds[m.group(1)], int(m.group(2))
