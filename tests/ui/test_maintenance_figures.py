"""Today's figures on the staff overview: each journey's end is recorded (completed, abandoned,
failed; no personal data) in the hall database, and the overview shows sessions, each service's
journeys, tickets, prints, pickups, payments and refunds under names staff use. The stores are
tested on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from core.clock import FakeClock
from core.text import Text
from hall.certificate_prints import PRINT
from hall.db import migrate
from hall.journal import DONE, FAILED, UNDONE, Journal
from hall.journeys import Journeys, journeys
from hall.lockers.handover import COLLECTED
from hall.saga import PAYMENT, REFUND
from kiosk.journey_log import JourneyLog, journey_log, outcome_of
from kiosk.maintenance.figures import journal_figures, journey_figures
from tests.ui.test_maintenance import PIN, SHOTS, click, shell, staff_kiosk, taps, texts, type_pin  # noqa: F401
from tests.ui.test_maintenance_devices import scroll_to_bottom

NAMES = {"queue": Text("取号排队"), "pickup": Text("证件领取")}


def test_a_journey_s_result_is_completed_abandoned_or_failed():
    left = ("back", "home", "refused", "counter", "no_retakes", None)
    assert [outcome_of(r) for r in left] == ["abandoned"] * 6
    assert [outcome_of(r) for r in ("failed", "device_lost")] == ["failed"] * 2
    assert [outcome_of(r) for r in ("done", "printed", "more", {"ticket": "A001"})] == ["completed"] * 4


def test_a_journey_not_rated_as_not_done_is_not_counted_completed():
    from flows.rating import NOT_DONE

    assert [r for r in NOT_DONE if outcome_of(r) == "completed"] == []  # the two lists agree


def test_journeys_are_counted_per_kiosk_service_and_day(db):
    clock = FakeClock(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    store = Journeys(db.engine(), "K01", clock.now).prepare()
    other = Journeys(db.engine(), "K02", clock.now).prepare()
    store.record("queue", "abandoned")  # yesterday, as far as the count below is concerned
    clock.advance(3600)
    for service, outcome in (("queue", "completed"), ("queue", "completed"), ("pickup", "failed")):
        store.record(service, outcome)
    other.record("queue", "completed")
    counts = store.counts_since(datetime(2026, 12, 1, 9, 30, tzinfo=UTC))
    assert counts == {("queue", "completed"): 2, ("pickup", "failed"): 1}
    with pytest.raises(ValueError):
        store.record("queue", "maybe")
    columns = {c.name for c in journeys.columns}
    assert columns == {"id", "ts", "kiosk", "service", "outcome"}  # nothing about the citizen


def test_journey_log_writes_off_the_calling_thread_and_survives_a_database_down(db):
    threads = []
    store = Journeys(db.engine(), "K01").prepare()
    record = store.record
    store.record = lambda *a: (threads.append(threading.current_thread().name), record(*a))[1]  # type: ignore[method-assign]
    log = JourneyLog(lambda: store)
    log.ended("queue", "completed")
    log.flush()
    assert threads and threads[0].startswith("journey-log")
    assert log.counts_since(datetime.now(UTC) - timedelta(hours=1)) == {("queue", "completed"): 1}

    def down() -> Journeys:
        raise sa.exc.OperationalError("connect", {}, Exception("refused"))

    broken = JourneyLog(down)
    broken.ended("queue", "completed")  # logged, not raised at the citizen's screen
    broken.flush()
    broken.stop()
    broken.ended("queue", "completed")  # after stop: dropped with a log line
    log.stop()


def test_figures_name_each_count_as_staff_say_it(db):
    clock = FakeClock(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    store = Journeys(db.engine(), "K01", clock.now).prepare()
    for outcome in ("completed", "completed", "abandoned", "failed"):
        store.record("queue", outcome)
    store.record("unresolved", "completed")  # ran today though not configured now
    since = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)
    shown = {
        str(f.label): f.value for f in journey_figures(store.counts_since(since), ["queue", "pickup"], NAMES)
    }
    assert shown == {
        "自助会话": 5,
        "取号排队 办完": 2,
        "取号排队 中途放弃": 1,
        "取号排队 因故障未办成": 1,
        "证件领取 办完": 0,
        "证件领取 中途放弃": 0,
        "unresolved 办完": 1,
        "unresolved 中途放弃": 0,
    }

    engine = db.engine()
    migrate(engine)
    journal = Journal(engine, "K01")
    steps = (
        (PRINT, "p1", DONE),
        (PRINT, "p2", FAILED),
        (COLLECTED, "c1", DONE),
        (PAYMENT, "o1", DONE),
        (PAYMENT, "o2", UNDONE),  # paid, then refunded
        (PAYMENT, "o3", FAILED),
        (REFUND, "r1", DONE),
    )
    for kind, key, state in steps:
        journal.begin(f"saga-{key}", kind, key, {})
        journal.finish(kind, key, state)
    shown = {str(f.label): f.value for f in journal_figures(journal.counts_since(since))}
    assert shown == {"证明已打印": 1, "证件取件": 1, "支付成功": 2, "退款": 1}


def test_overview_shows_the_day_s_journeys_after_a_completed_and_an_abandoned_one(qtbot, shell, staff_kiosk):  # noqa: F811
    click(qtbot, shell, "service_demo")  # completed
    click(qtbot, shell, "option_phone")
    for k in "13800138000":
        click(qtbot, shell, f"key_{k}")
    click(qtbot, shell, "confirm")
    qtbot.waitUntil(lambda: "办理完成" in texts(shell), timeout=5000)
    click(qtbot, shell, "action_ok")
    click(qtbot, shell, "service_demo")  # abandoned: home pressed
    click(qtbot, shell, "home")
    assert shell.mode == "home"
    journey_log(staff_kiosk).flush()

    taps(qtbot, shell)
    type_pin(qtbot, shell, PIN)
    qtbot.waitUntil(lambda: "自助会话" in texts(shell, 0.2), timeout=5000)  # read on a thread
    shown = texts(shell)
    for line in ("自助会话：2", "体验流程 办完：1", "体验流程 中途放弃：1", "证明打印 办完：0"):
        assert line in shown, line
    assert "13800138000" not in str(
        journey_log(staff_kiosk).store().counts_since(datetime(2000, 1, 1, tzinfo=UTC))
    )
    for lang in ("zh", "en"):
        for w, h in ((1080, 1920), (1920, 1080)):
            shell.resize(w, h)
            scroll_to_bottom(shell)
            shell.grab().save(str(SHOTS / f"overview_figures_{lang}_{w}x{h}.png"))
        shell.resize(1080, 1920)
        shell.toggle_language()
        if lang == "zh":
            qtbot.waitUntil(lambda: "Sessions: 2" in texts(shell), timeout=5000)


def test_a_slow_database_never_holds_the_overview_its_figures_follow(qtbot, shell, staff_kiosk):  # noqa: F811
    """The journey table opened (and migrated) the first time staff come in, on a database that
    takes its time: the devices and alerts show at once, the figures once they are read."""
    held = threading.Event()
    opened_on: list[str] = []
    journeys_log = journey_log(staff_kiosk)
    real_open = journeys_log._open

    def slow_open() -> Journeys:
        opened_on.append(threading.current_thread().name)
        held.wait(10)  # on the GUI thread this would freeze the screen until released
        return real_open()

    journeys_log._open = slow_open  # type: ignore[method-assign]
    taps(qtbot, shell)
    type_pin(qtbot, shell, PIN)
    qtbot.waitUntil(lambda: bool(opened_on), timeout=5000)
    shown = texts(shell)
    assert "凭条打印机" in shown and "纸将用尽" in shown and "正在读取今日数据" in shown
    assert "自助会话" not in shown
    click(qtbot, shell, "tab_logs")  # staff can move on meanwhile
    click(qtbot, shell, "tab_overview")
    held.set()
    qtbot.waitUntil(lambda: "自助会话：0" in texts(shell, 0.2), timeout=5000)
    assert "正在读取今日数据" not in texts(shell)
    assert opened_on == ["staff-load"]
