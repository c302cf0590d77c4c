"""The ratings store on SQLite and PostgreSQL: one rating per transaction, refusals staff and
citizens see, follow-up items with working-day deadlines, append-only ratings, phone retention."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa

from core.clock import FakeClock
from hall.ratings import RatingRefused, Ratings, RatingSettings
from hall.ratings.__main__ import main as cli
from tests.queue.helpers import TZ, Db, at_counter, database, local, service, settings

FRIDAY = local(2026, 1, 9, 10)  # 2026-01-09 is a Friday
DAY = date(2026, 1, 9)
ALL_DAY = {"hours": "00:00-24:00", "days": list(range(1, 8))}


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Db]:
    with database(request.param, tmp_path) as d:
        yield d


def ratings(db: Db, clock: FakeClock, **kw: Any) -> Ratings:
    return Ratings(db.engine(), clock, TZ, kiosk_id="K01", settings=RatingSettings(**kw)).prepare()


class refused:  # lowercase: reads like pytest.raises
    """Expect a RatingRefused with this code; `.reason` is its text afterwards."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.reason = ""

    def __enter__(self) -> refused:
        return self

    def __exit__(self, typ: Any, exc: Any, tb: Any) -> bool:
        assert isinstance(exc, RatingRefused), f"expected refusal {self.code}, got {exc!r}"
        assert exc.code == self.code, str(exc)
        self.reason = str(exc.reason)
        return True


def test_a_journey_is_rated_once(db: Db) -> None:
    store = ratings(db, FakeClock(FRIDAY))
    r = store.rate_journey("queue", "run1", 5)
    assert (r.kind, r.ref, r.service, r.kiosk, r.level, r.followup) == (
        "journey",
        "run1",
        "queue",
        "K01",
        5,
        "",
    )
    with refused("already_rated") as no:
        store.rate_journey("queue", "run1", 4)
    assert no.reason == "本次办理已经评价过了"
    with refused("bad_level"):
        store.rate_journey("queue", "run2", 6)
    assert [x.level for x in store.ratings()] == [5]


def test_a_ticket_is_rated_after_its_call_with_its_service_and_counter(db: Db) -> None:
    clock = FakeClock(FRIDAY)
    queue = db.store(settings([service("b", "B", counters=["2"], **ALL_DAY)]), clock)
    store = ratings(db, clock)
    with refused("unknown_ticket") as no:
        store.rate_ticket("B001", 5)
    assert no.reason == "没有找到这张号票：B001"
    queue.issue("b")
    with refused("not_served"):
        store.rate_ticket("B001", 5)  # still waiting: nothing to rate yet
    at_counter(queue, "2").call_next("2")
    r = store.rate_ticket("b001", 4)
    assert (r.kind, r.ref, r.service, r.counter, r.level) == ("ticket", "2026-01-09/B001", "b", "2", 4)
    with refused("already_rated") as no:
        store.rate_ticket("B001", 1)
    assert no.reason == "这张号票已经评价过了"
    # yesterday's B001 is another ticket: the day is part of the transaction
    with refused("unknown_ticket"):
        store.rate_ticket("B001", 5, day=date(2026, 1, 8))


def test_a_bad_rating_opens_an_item_due_in_working_days_with_the_phone(db: Db) -> None:
    # Friday + 5 working days, with Wednesday 14th a holiday and Sunday 11th a make-up day
    store = ratings(
        db,
        FakeClock(FRIDAY),
        followup_days=5,
        closed_dates=frozenset({date(2026, 1, 14)}),
        working_dates=frozenset({date(2026, 1, 11)}),
    )
    r = store.rate_journey(
        "photo", "run1", 2, reasons=("machine", "other"), text="屏幕太暗", phone="138 1234 5678"
    )
    assert r.followup == "PJ00001"
    item = store.item(r.followup)
    assert (item.kind, item.service, item.phone, item.status) == ("rating", "photo", "13812345678", "open")
    assert item.due == date(2026, 1, 16)  # Sun 11, Mon 12, Tue 13, (Wed 14 closed), Thu 15, Fri 16
    assert "自助设备不好用" in item.what and "屏幕太暗" in item.what
    assert item.rating_id == r.id
    # a good rating opens nothing and keeps no phone number, even if one is given
    good = store.rate_journey("photo", "run2", 4, phone="13812345678")
    assert good.followup == ""
    assert [i.ref for i in store.items()] == [r.followup]
    with refused("bad_phone") as no:
        store.rate_journey("photo", "run3", 1, phone="12345")
    assert no.reason == "手机号码应为以 1 开头的十一位数字"
    with refused("bad_reason"):
        store.rate_journey("photo", "run3", 1, reasons=("nonsense",))


def test_ratings_cannot_be_changed_or_deleted_only_annotated(db: Db) -> None:
    store = ratings(db, FakeClock(FRIDAY))
    r = store.rate_journey("queue", "run1", 1)
    engine = db.engines[0]
    for sql in ("UPDATE rating SET level = 5", "DELETE FROM rating", "DELETE FROM followup"):
        with pytest.raises(sa.exc.DBAPIError, match=r"append-only|never deleted"), engine.begin() as conn:
            conn.exec_driver_sql(sql)
    store.annotate(r.id, "s1", "监控显示当时设备故障，已报修")
    with engine.begin() as conn, pytest.raises(sa.exc.DBAPIError, match="append-only"):
        conn.exec_driver_sql("DELETE FROM rating_note")
    assert [n.text for n in store.notes(r.id)] == ["监控显示当时设备故障，已报修"]
    assert store.ratings()[0].level == 1
    with refused("unknown_rating"):
        store.annotate(999, "s1", "x")


def test_unresolved_reports_are_closed_with_a_reply_and_phones_erased_after_retention(db: Db) -> None:
    clock = FakeClock(FRIDAY)
    store = ratings(db, clock, phone_retention_days=30)
    with refused("empty"):
        store.report_unresolved("  ")
    item = store.report_unresolved("想办出入境签注，这里办不了", service="exit_entry", phone="13900001111")
    assert item.ref == "BB00001"
    assert store.item(item.ref.lower()).what == "想办出入境签注，这里办不了"
    with refused("unknown_item"):
        store.item("BB09999")
    for wrong in ("nonsense", "PJ00001", "XX00001"):  # not one, the other kind, no such kind
        with refused("unknown_item"):
            store.item(wrong)
    with refused("empty"):
        store.close(item.ref, " ", "s1")
    closed = store.close(item.ref, "已电话告知到出入境大厅办理", "s1")
    assert (closed.status, closed.reply, closed.closed_by) == ("closed", "已电话告知到出入境大厅办理", "s1")
    with refused("closed"):
        store.close(item.ref, "again", "s2")
    clock.advance(29 * 86400)
    assert store.erase_old_phones() == 0
    clock.advance(2 * 86400)
    assert store.erase_old_phones() == 1
    assert store.item(item.ref).phone is None


def test_overdue_items_show_as_overdue(db: Db) -> None:
    clock = FakeClock(FRIDAY)
    store = ratings(db, clock, followup_days=1)
    item = store.report_unresolved("x")
    assert item.due == date(2026, 1, 12)  # Monday
    assert not item.overdue(store.today())
    clock.advance(4 * 86400)  # Tuesday
    assert store.items(open_only=True)[0].overdue(store.today())
    assert "OVERDUE" in store.items()[0].line(store.today())


def test_no_id_number_is_kept_in_what_citizens_write(db: Db) -> None:
    store = ratings(db, FakeClock(FRIDAY))
    r = store.rate_journey("queue", "run1", 1, text="我的身份证 11010519491231002X 读不出来，电话13812345678")
    assert "11010519491231002X" not in r.text and r.text.endswith("电话138****5678")
    with db.engines[0].connect() as conn:
        dump = repr(conn.exec_driver_sql("SELECT * FROM rating").all())
        dump += repr(conn.exec_driver_sql("SELECT * FROM followup").all())
    assert "19491231" not in dump and "13812345678" not in dump


def test_two_pads_rating_one_ticket_at_once_store_one(db: Db) -> None:
    clock = FakeClock(FRIDAY)
    queue = db.store(settings([service("b", "B", counters=["2"], **ALL_DAY)]), clock)
    queue.issue("b")
    at_counter(queue, "2").call_next("2")
    pads = [ratings(db, clock) for _ in range(6)]
    outcomes: list[str] = []
    start = threading.Barrier(len(pads))

    def rate(store: Ratings, level: int) -> None:
        start.wait()
        try:
            store.rate_ticket("B001", level)
            outcomes.append("stored")
        except RatingRefused as e:
            outcomes.append(e.code)

    threads = [threading.Thread(target=rate, args=(p, i % 5 + 1)) for i, p in enumerate(pads)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(outcomes) == ["already_rated"] * 5 + ["stored"]
    assert len(pads[0].ratings()) == 1


def test_cli_lists_annotates_and_closes_with_phones_masked(
    db: Db, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ratings(db, FakeClock())  # the CLI's clock is the system's: items are today's
    bad = store.rate_journey("queue", "run1", 1, reasons=("slow",), phone="13812345678")
    assert cli(["--db", db.url, "list"]) == 0
    out = capsys.readouterr().out
    assert "★☆☆☆☆" in out and bad.followup in out
    assert cli(["--db", db.url, "items", "--open"]) == 0
    out = capsys.readouterr().out
    assert "138****5678" in out and "13812345678" not in out
    assert cli(["--db", db.url, "annotate", str(bad.id), "已核实", "--staff", "s9"]) == 0
    assert cli(["--db", db.url, "close", bad.followup, "已回电致歉", "--staff", "s9"]) == 0
    assert cli(["--db", db.url, "close", bad.followup, "again", "--staff", "s9"]) == 1
    captured = capsys.readouterr()
    assert "refused (closed)" in captured.err
    assert cli(["--db", db.url, "list"]) == 0
    assert "s9: 已核实" in capsys.readouterr().out
    assert store.item(bad.followup).reply == "已回电致歉"
    assert cli(["--db", db.url, "phone", bad.followup, "--staff", "s9"]) == 0
    assert capsys.readouterr().out.strip() == "13812345678"  # to call back: read on purpose, audited
    with db.engines[0].connect() as conn:
        actions = [r[0] for r in conn.exec_driver_sql("SELECT action FROM staff_audit ORDER BY id")]
    assert actions == ["rating.annotate", "followup.close", "followup.phone"]


def test_a_days_tally_per_service_counter_and_hour(db: Db) -> None:
    clock = FakeClock(FRIDAY)  # 10:00 local
    queue = db.store(settings([service("b", "B", counters=["2", "3"], **ALL_DAY)]), clock)
    store = ratings(db, clock)
    for _ in range(3):
        queue.issue("b")
    calling = at_counter(queue, "2", "3")
    calling.call_next("2")
    calling.call_next("3")
    store.rate_ticket("B001", 5)
    store.rate_ticket("B002", 2)
    store.rate_journey("queue", "run1", 4)
    clock.advance(3600)  # 11:00
    calling.finish("2")
    calling.call_next("2")
    store.rate_ticket("B003", 1)
    clock.advance(86400)  # the next day's ratings are not Friday's
    store.rate_journey("queue", "run2", 5)
    got = {(x.kind, x.service, x.counter, x.hour): (x.count, x.mean, x.bad) for x in store.tally(DAY)}
    assert got == {
        ("journey", "queue", "", 10): (1, 4.0, 0),
        ("ticket", "b", "2", 10): (1, 5.0, 0),
        ("ticket", "b", "2", 11): (1, 1.0, 1),
        ("ticket", "b", "3", 10): (1, 2.0, 1),
    }
