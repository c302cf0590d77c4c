"""The [ratings] config section: follow-up deadlines, phone retention, asking after journeys.

The hall's closed dates and make-up working days are the queue's ([queue] closed_dates and
working_dates), so deadlines in working days skip the same holidays the ticket machine does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from core.schema import Option, Section

SECTION = Section(
    "ratings",
    "Ratings (好差评) and 办不成事 reports: follow-up deadlines and what is kept.",
    (
        Option(
            "ask_after_journeys",
            True,
            "Ask the citizen for a rating at the end of each kiosk journey (skippable in one tap).",
        ),
        Option(
            "followup_days",
            5,
            "Working days staff have to answer a bad rating or a 办不成事 report (local rules: 5 to 15).",
            min=1,
            max=30,
        ),
        Option(
            "overdue_check_every",
            600.0,
            "Seconds between checks for follow-ups past their deadline while the kiosk runs "
            "(the staff alert rises or clears; also checked at start and when staff close one).",
            min=1,
        ),
        Option(
            "phone_retention_days",
            30,
            "Days a citizen's phone number is kept after the item is closed; then it is erased.",
            min=0,
            max=365,
        ),
    ),
)


@dataclass(frozen=True)
class RatingSettings:
    """[ratings], parsed: follow-up and phone retention days, and the hall's calendar."""

    followup_days: int = 5
    phone_retention_days: int = 30
    closed_dates: frozenset[date] = frozenset()
    working_dates: frozenset[date] = frozenset()


def parse_settings(ratings: Mapping[str, Any], queue: Mapping[str, Any] | None = None) -> RatingSettings:
    """From the validated [ratings] values and, for the hall's calendar, [queue]."""
    queue = queue or {}
    return RatingSettings(
        followup_days=int(ratings["followup_days"]),
        phone_retention_days=int(ratings["phone_retention_days"]),
        closed_dates=frozenset(date.fromisoformat(str(d)) for d in queue.get("closed_dates", [])),
        working_dates=frozenset(date.fromisoformat(str(d)) for d in queue.get("working_dates", [])),
    )
