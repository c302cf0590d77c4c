"""`python -m hall.stats`: a day's figures per service, counter and hour, as text and CSV, with
the ratings once their table exists."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from core.clock import FakeClock
from hall.queue.calling import Calling
from hall.ratings.store import Ratings
from hall.stats import main
from tests.queue.helpers import TZ, Db, local, service, settings

ALL_DAY = "00:00-24:00"


def test_a_days_table_per_service_counter_and_hour(db: Db, capsys: Any) -> None:
    clock = FakeClock(local(2026, 1, 5, 9, 30))
    queue = settings(
        [
            service("a", "A", hours=ALL_DAY, counters=["1"]),
            service("b", "B", hours=ALL_DAY, counters=["2"]),
        ]
    )
    store = db.store(queue, clock)
    calling = Calling(store, no_show_after=1)
    calling.login("1"), calling.login("2")
    store.issue("a"), store.issue("a"), store.issue("b")
    clock.advance(10 * 60)  # 09:40: A001 waited 10 minutes
    calling.call_next("1")
    calling.start("1")
    clock.advance(6 * 60)  # served 6 minutes
    calling.finish("1")
    calling.call_next("1")  # A002 waited 16 minutes and never came
    calling.no_show("1")
    clock.advance(30 * 60)  # 10:16: B001 issued at 09:30 is transferred to A and served at 1
    store.issue("b")  # B002, issued in the 10:00 hour, still waiting
    calling.call_next("2")
    calling.transfer("2", "a")
    calling.call_next("1")
    clock.advance(4 * 60)
    calling.finish("1")

    assert main(["--url", db.url, "--day", "2026-01-05", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    by = {(r["by"], r["key"]): r for r in rows}
    a, b = by["service", "a"], by["service", "b"]
    assert (a["issued"], a["served"], a["no_shows"]) == ("3", "2", "1")  # B001 counts where served
    assert (b["issued"], b["served"]) == ("1", "0")
    assert a["avg_wait_min"] == "24.0"  # A001 10, A002 16, B001 46 (issue to its last call)
    assert a["avg_service_min"] == "5.0"  # 6 and 4 minutes
    one = by["counter", "1"]
    assert (one["issued"], one["served"], one["no_shows"]) == ("3", "2", "1")
    assert by["hour", "09:00"]["issued"] == "3" and by["hour", "10:00"]["issued"] == "1"
    assert a["ratings"] == ""  # no ratings table yet

    ratings = Ratings(db.engines[0], clock, TZ).prepare()
    clock.advance(-40 * 60)  # 09:50 (the clock may go back: the rating only reads its time)
    ratings.rate_ticket("A001", 5, day=date(2026, 1, 5))
    ratings.rate_ticket("B001", 2, day=date(2026, 1, 5), reasons=["slow"])
    ratings.rate_journey("queue", "run-1", 4)  # a kiosk journey: no service, no counter
    assert main(["--url", db.url, "--day", "2026-01-05"]) == 0
    text = capsys.readouterr().out
    assert "Hall statistics for 2026-01-05" in text
    rows = {x.split()[0]: x.split() for x in text.splitlines() if x.strip()}
    # ratings count where the tickets were served: B001 (issued for B) was served in A's line
    assert rows["a"][-2:] == ["2", "3.5"]
    assert main(["--url", db.url, "--day", "2026-01-05", "--csv"]) == 0
    b = next(r for r in csv.DictReader(io.StringIO(capsys.readouterr().out)) if r["key"] == "b")
    assert (b["ratings"], b["avg_rating"]) == ("", "")  # none filed under B
    assert rows["1"][-2:] == ["2", "3.5"]  # counter 1 served both
    hour = next(x for x in text.splitlines() if x.startswith("09:00"))
    assert hour.split()[-2:] == ["3", "3.7"]
