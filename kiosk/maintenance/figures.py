"""Today's figures for the staff overview, with the names staff use: journeys begun (sessions),
each service's journeys completed and abandoned, tickets, certificate prints, pickups, payments
and refunds. Counted from the stores that already keep them: the journey log
(kiosk/journey_log.py), the journal's steps, the queue; a store the kiosk lacks adds no row."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.text import Text, tr

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Figure:
    label: Text
    value: int


def journey_figures(
    counts: Mapping[tuple[str, str], int], services: Iterable[str], names: Mapping[str, Text]
) -> list[Figure]:
    """Sessions, then per service (the configured ones, then any other that ran today)
    completed and abandoned, and failed where some did."""
    out = [Figure(tr("自助会话"), sum(counts.values()))]
    keys = list(dict.fromkeys([*services, *sorted({s for s, _ in counts})]))
    for key in keys:
        name = names.get(key, Text(key))
        out.append(Figure(tr("{service} 办完", service=name), counts.get((key, "completed"), 0)))
        out.append(Figure(tr("{service} 中途放弃", service=name), counts.get((key, "abandoned"), 0)))
        if counts.get((key, "failed")):
            out.append(Figure(tr("{service} 因故障未办成", service=name), counts[(key, "failed")]))
    return out


def journal_figures(counts: Mapping[tuple[str, str], int]) -> list[Figure]:
    """Prints, pickups, payments and refunds from the journal's steps of the day (kind, state)."""
    from hall.certificate_prints import PRINT
    from hall.journal import DONE, UNDONE
    from hall.lockers.handover import COLLECTED
    from hall.saga import PAYMENT, REFUND

    rows: tuple[tuple[Text, tuple[tuple[str, str], ...]], ...] = (
        (tr("证明已打印"), ((PRINT, DONE),)),
        (tr("证件取件"), ((COLLECTED, DONE),)),
        (tr("支付成功"), ((PAYMENT, DONE), (PAYMENT, UNDONE))),  # undone: paid, then refunded
        (tr("退款"), ((REFUND, DONE),)),
    )
    return [Figure(label, sum(counts.get(k, 0) for k in keys)) for label, keys in rows]


def day_figures(
    services: Mapping[str, Any],
    since: datetime,
    tickets: int | None,
    configured: Iterable[str],
    names: Mapping[str, Text],
) -> list[Figure]:
    out: list[Figure] = []
    journeys = services.get("journeys")
    if journeys is not None:
        try:
            out += journey_figures(journeys.counts_since(since), configured, names)
        except Exception:  # the database down has its own alert; the screen shows what it can
            log.exception("journey figures not read")
    if tickets is not None:
        out.append(Figure(tr("取号"), tickets))
    journal = services.get("journal")
    if journal is not None:
        try:
            out += journal_figures(journal.counts_since(since))
        except Exception:
            log.exception("journal figures not read")
    return out
