"""A day of the hall in numbers: `python -m hall.stats [--day YYYY-MM-DD] [--url URL] [--csv]`.

Per service, per counter and per hour: tickets issued, served, no-shows, the average wait
(issue to its last call) and service time (start, or call when never started, to finish), and
the ratings given that day (count and average of the five levels, as hall/ratings tallies
them) once the hall has a ratings table. Tickets count under the service they were served in
(after a transfer, the new one); hours are the hall's.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from core.clock import SystemClock
from hall.db import migrate, open_engine
from hall.queue import tables as t
from hall.ratings.model import Tally
from hall.ratings.store import Ratings

DEFAULT_URL = "sqlite:///var/data/hall.db"  # the kiosk's file with the default [kiosk] data_dir
COLUMNS = ("issued", "served", "no_shows", "avg_wait_min", "avg_service_min", "ratings", "avg_rating")


@dataclass
class Row:
    issued: int = 0
    served: int = 0
    no_shows: int = 0
    waits: list[float] = field(default_factory=list)
    services: list[float] = field(default_factory=list)
    rated: int = 0
    rating_sum: float = 0.0  # of the five levels

    def values(self) -> tuple[str, ...]:
        def avg(xs: Iterable[float]) -> str:
            xs = list(xs)
            return f"{sum(xs) / len(xs):.1f}" if xs else ""

        rated = str(self.rated) if self.rated else ""
        mean = f"{self.rating_sum / self.rated:.1f}" if self.rated else ""
        return (
            str(self.issued),
            str(self.served),
            str(self.no_shows),
            avg(self.waits),
            avg(self.services),
            rated,
            mean,
        )


@dataclass
class DayStats:
    day: date
    by_service: dict[str, Row]
    by_counter: dict[str, Row]
    by_hour: dict[str, Row]
    ratings_table: bool

    def tables(self) -> list[tuple[str, dict[str, Row]]]:
        return [("service", self.by_service), ("counter", self.by_counter), ("hour", self.by_hour)]


def _minutes(a: datetime | None, b: datetime | None) -> float | None:
    return (b - a).total_seconds() / 60 if a is not None and b is not None else None


def day_stats(engine: Engine, day: date, tz: ZoneInfo) -> DayStats:
    tk = t.ticket.c
    by: dict[str, dict[str, Row]] = {
        "service": defaultdict(Row),
        "counter": defaultdict(Row),
        "hour": defaultdict(Row),
    }

    def local_hour(naive_utc: datetime) -> str:
        return f"{naive_utc.replace(tzinfo=UTC).astimezone(tz).hour:02d}:00"

    with engine.connect() as conn:
        tickets = conn.execute(sa.select(t.ticket).where(tk.day == day).order_by(tk.id)).all()
    ratings = _ratings(engine, day, tz)
    for r in tickets:
        rows = [by["service"][r.line or r.service], by["hour"][local_hour(r.issued_at)]]
        if r.counter:
            rows.append(by["counter"][r.counter])
        wait = _minutes(r.issued_at, r.called_at)
        served = _minutes(r.served_at or r.called_at, r.done_at) if r.status == t.DONE else None
        for row in rows:
            row.issued += 1
            row.served += r.status == t.DONE
            row.no_shows += r.status == t.NO_SHOW
            if wait is not None:
                row.waits.append(wait)
            if served is not None:
                row.services.append(served)
    for tally in ratings or []:
        rows = [by["hour"][f"{tally.hour:02d}:00"]]
        if tally.service:
            rows.append(by["service"][tally.service])
        if tally.counter:
            rows.append(by["counter"][tally.counter])
        for row in rows:
            row.rated += tally.count
            row.rating_sum += tally.mean * tally.count
    return DayStats(
        day,
        dict(sorted(by["service"].items())),
        dict(sorted(by["counter"].items())),
        dict(sorted(by["hour"].items())),
        ratings is not None,
    )


def _ratings(engine: Engine, day: date, tz: ZoneInfo) -> list[Tally] | None:
    """The day's ratings as hall/ratings tallies them; None while the hall has no ratings table."""
    if not sa.inspect(engine).has_table("rating"):
        return None
    return Ratings(engine, SystemClock(), tz).tally(day)


def render_text(stats: DayStats) -> str:
    out = [f"Hall statistics for {stats.day.isoformat()}"]
    if not stats.ratings_table:
        out.append("(no ratings table in this database yet: ratings columns empty)")
    for name, rows in stats.tables():
        out.append("")
        header = (name, *COLUMNS)
        table = [header, *[(key, *row.values()) for key, row in rows.items()]]
        widths = [max(len(line[i]) for line in table) for i in range(len(header))]
        for line in table:
            out.append(
                "  ".join(
                    cell.ljust(w) if i == 0 else cell.rjust(w)
                    for i, (cell, w) in enumerate(zip(line, widths, strict=True))
                )
            )
        if not rows:
            out.append("(no tickets)")
    return "\n".join(out) + "\n"


def render_csv(stats: DayStats) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(("day", "by", "key", *COLUMNS))
    for name, rows in stats.tables():
        for key, row in rows.items():
            writer.writerow((stats.day.isoformat(), name, key, *row.values()))
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m hall.stats", description=__doc__.splitlines()[0] if __doc__ else ""
    )
    p.add_argument("--url", default=DEFAULT_URL, help=f"the hall's database (default {DEFAULT_URL})")
    p.add_argument(
        "--day", type=date.fromisoformat, help="the hall's date, YYYY-MM-DD (default: today there)"
    )
    p.add_argument("--timezone", default="Asia/Shanghai", help="the hall's time zone (default Asia/Shanghai)")
    p.add_argument("--csv", action="store_true", help="CSV: day, by (service, counter, hour), key, figures")
    args = p.parse_args(argv)
    tz = ZoneInfo(args.timezone)
    day = args.day or datetime.now(tz).date()
    engine = open_engine(args.url)
    try:
        if not sa.inspect(engine).has_table("queue_ticket"):
            print(f"no queue in {args.url}: nothing to count", file=sys.stderr)
            return 1
        migrate(engine)  # a hall that has not started since calling came: its columns first
        stats = day_stats(engine, day, tz)
    except sa.exc.DBAPIError as e:
        print(f"database error: {e.orig if e.orig is not None else e}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    sys.stdout.write(render_csv(stats) if args.csv else render_text(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
