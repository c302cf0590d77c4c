"""Ratings (好差评), 办不成事 reports and their follow-up items. No Qt.

Journeys and the counter's rating pad use `Ratings` (hall.ratings.store): `rate_ticket()`,
`rate_journey()`, `report_unresolved()`; staff use `items()`, `close()`, `annotate()` or
`python -m hall.ratings`. Each name loads its module on first use (the store brings SQLAlchemy).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hall.ratings.model import (
        BAD,
        LEVELS,
        REASONS,
        Item,
        Note,
        Rating,
        RatingError,
        RatingRefused,
        RatingUnavailable,
        Tally,
        check_phone,
        mask_phone,
    )
    from hall.ratings.settings import RatingSettings
    from hall.ratings.store import Ratings

# everything loads on first use: the kiosk's config reads hall.ratings.settings before its
# first paint, and importing that runs this file
_LAZY = {
    **dict.fromkeys(
        (
            "BAD",
            "LEVELS",
            "REASONS",
            "Item",
            "Note",
            "Rating",
            "RatingError",
            "RatingRefused",
            "RatingUnavailable",
            "Tally",
            "check_phone",
            "mask_phone",
        ),
        "hall.ratings.model",
    ),
    "RatingSettings": "hall.ratings.settings",
    "Ratings": "hall.ratings.store",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BAD",
    "LEVELS",
    "REASONS",
    "Item",
    "Note",
    "Rating",
    "RatingError",
    "RatingRefused",
    "RatingSettings",
    "RatingUnavailable",
    "Ratings",
    "Tally",
    "check_phone",
    "mask_phone",
]
