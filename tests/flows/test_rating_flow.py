"""The rating flow headless against a real SQLite ratings store: asked after every journey that
did something, skippable in one tap, reasons and a consented phone for a bad rating."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from core import redact
from core.clock import FakeClock
from flows import rating
from flows.headless import Transcript, run
from flows.runtime import Finished, FlowContext, FlowGen, FlowSpec
from flows.session import Session
from flows.views import Choose, Entry, Intent, Message, Pick, Picked
from hall.db import open_engine, sqlite_url
from hall.ratings import Ratings
from kiosk.config import load
from tests.flows.fakes import citizen
from tests.queue.helpers import at_counter


def finishing(result: Any) -> Callable[[FlowContext], FlowGen]:
    def start(ctx: FlowContext) -> FlowGen:
        yield Message(title="done")  # type: ignore[arg-type]
        return result

    return start


@pytest.fixture
def store(tmp_path: Path) -> Ratings:
    return Ratings(open_engine(sqlite_url(tmp_path / "hall.db")), FakeClock(), "Asia/Shanghai").prepare()


@pytest.fixture
def make_ctx(tmp_path: Path, store: Ratings) -> Callable[..., FlowContext]:
    def make(ask: bool = True, services: dict[str, Any] | None = None) -> FlowContext:
        config = load(None, {"ratings.ask_after_journeys": ask})
        return FlowContext(
            clock=FakeClock(),
            session=Session(tmp_path / "run"),
            config=config,
            services={"ratings": store} if services is None else services,
        )

    return make


def journey(spec: FlowSpec, ctx: FlowContext, *answers: Intent | None) -> Transcript:
    return run(partial(rating.journey, spec), ctx, citizen(Intent("ok"), *answers))


def spec(result: Any, rated: bool = True) -> FlowSpec:
    return FlowSpec("queue", "取号", "", finishing(result), rated=rated)


def test_a_finished_journey_asks_and_stores_a_rating_of_that_run(make_ctx, store):
    ctx = make_ctx()
    t = journey(spec("printed"), ctx, Intent("5"), Intent("ok"))
    ask = t.views[1]
    assert isinstance(ask, Choose)
    assert [str(o.label) for o in ask.options] == [
        "非常满意",
        "满意",
        "基本满意",
        "不满意",
        "非常不满意",
        "跳过",
    ]
    assert str(ask.options[0].detail) == "★★★★★"
    assert str(t.views[-1].title) == "感谢您的评价"
    assert t.outcome == Finished("printed")  # the journey's own result, not the rating's
    [r] = store.ratings()
    assert (r.kind, r.service, r.level) == ("journey", "queue", 5)


def test_back_from_the_reasons_undoes_a_mistaken_bad_rating(make_ctx, store):
    t = journey(spec("printed"), make_ctx(), Intent("1"), Intent("back"), Intent("5"), Intent("ok"))
    reasons = next(v for v in t.views if str(v.title) == "请告诉我们哪里做得不好")
    assert reasons.can_go_back  # a way back to the levels, not only 提交
    assert [str(v.title) for v in t.views].count("请您对本次自助办理作出评价") == 2
    [r] = store.ratings()  # the mis-tapped 非常不满意 is not kept, and no follow-up is opened
    assert r.level == 5 and store.items() == []


def test_skip_is_one_tap_and_walking_away_stores_nothing(make_ctx, store):
    t = journey(spec("printed"), make_ctx(), Intent("skip"))
    assert len(t.views) == 2 and t.outcome == Finished("printed")
    t = journey(spec("printed"), make_ctx(), None)  # the rating screen times out
    assert t.outcome == Finished("printed")
    assert store.ratings() == []


@pytest.mark.parametrize(
    "result, rated, ask, up",
    [
        ("back", True, True, True),  # the citizen turned back: nothing to rate
        ("home", True, True, True),
        ("refused", True, True, True),  # a ticket refused: nothing was done
        ("counter", True, True, True),  # sent to a counter
        ("device_lost", True, True, True),  # a device failed mid-way: "返回首页" goes home
        ("no_retakes", True, True, True),  # no usable photo in the retakes allowed
        ("printed", False, True, True),  # a journey that opts out (the demo, 办不成事)
        ("printed", True, False, True),  # [ratings] ask_after_journeys = false
        ("printed", True, True, False),  # the ratings store is down
    ],
)
def test_no_rating_is_asked_when_nothing_was_done_or_it_is_off(make_ctx, result, rated, ask, up):
    ctx = make_ctx(ask=ask, services=None if up else {"ratings": None})
    t = journey(spec(result, rated), ctx)
    assert len(t.views) == 1 and t.outcome == Finished(result)


def test_a_bad_rating_asks_why_and_a_consented_phone_checked_as_typed(make_ctx, store):
    ctx = make_ctx()
    seen: list[str] = []

    def masked_while_asked(view: Any) -> None:
        if isinstance(view, Message) and str(view.title) == "感谢您的评价":
            seen.append(redact.redact("call 13812345678"))

    answers = [
        Intent("ok"),
        Intent("2"),
        Intent("ok", Picked(("slow", "unclear"), "排了一个小时")),
        Intent("yes"),
        Intent("ok", "12345678901"),
        Intent("ok", "13812345678"),
        Intent("ok"),
    ]

    def person(view: Any) -> Intent | None:
        masked_while_asked(view)
        return answers.pop(0) if answers else None

    t = run(partial(rating.journey, spec("printed")), ctx, person)
    why = t.views[2]
    assert isinstance(why, Pick) and why.multiple and str(why.text_label)
    assert [o.key for o in why.options] == list(rating.KIOSK_REASONS)
    entries = [v for v in t.views if isinstance(v, Entry)]
    assert str(entries[1].error) == "手机号码应为以 1 开头的十一位数字"
    [r] = store.ratings()
    assert (r.level, r.reasons, r.text) == (2, ("slow", "unclear"), "排了一个小时")
    item = store.item(r.followup)
    assert item.phone == "13812345678"
    thanks = t.views[-1]
    assert r.followup in str(thanks.body) and item.due.isoformat() in str(thanks.body)  # type: ignore[attr-defined]
    assert seen == ["call 1**********"]  # the number is masked in logs while the session lives
    assert redact.redact("13812345678") == "13812345678"  # and forgotten with the session


def test_declining_the_phone_still_opens_an_item_without_it(make_ctx, store):
    t = journey(
        spec("printed"), make_ctx(), Intent("1"), Intent("ok", Picked((), "")), Intent("no"), Intent("ok")
    )
    [r] = store.ratings()
    assert store.item(r.followup).phone is None
    assert "核实处理" in str(t.views[-1].body)  # type: ignore[attr-defined]


def test_back_from_the_phone_returns_to_the_reasons_as_written_and_stores_once(make_ctx, store):
    said = Picked(("slow",), "等了很久")
    t = journey(
        spec("printed"),
        make_ctx(),
        Intent("2"),
        Intent("ok", said),
        Intent("yes"),
        Intent("back"),  # from the number: the consent again
        Intent("back"),  # from the consent: the reasons again, as ticked and written
        Intent("ok", said),
        Intent("no"),
        Intent("ok"),
    )
    reasons = [v for v in t.views if isinstance(v, Pick)]
    assert [p.earlier for p in reasons] == [None, said]
    consent = next(v for v in t.views if isinstance(v, Choose) and "手机号码" in str(v.title))
    assert consent.can_go_back
    [r] = store.ratings()  # nothing stored on the way back
    assert (r.level, r.reasons, r.text) == (2, ("slow",), "等了很久")
    assert store.item(r.followup).phone is None


def test_a_ticket_rated_twice_says_so(make_ctx, store):
    ctx = make_ctx()
    store.rate_journey("queue", ctx.session.id, 5)
    t = journey(spec("printed"), ctx, Intent("4"), Intent("ok"))
    assert str(t.views[-1].title) == "评价未能提交"
    assert str(t.views[-1].body) == "本次办理已经评价过了"  # type: ignore[attr-defined]


def test_the_counter_pad_rates_the_ticket_it_served(tmp_path, make_ctx, store):
    from hall.queue.factory import open_queue

    config = load(None, {"queue.always_open": True, "kiosk.data_dir": str(tmp_path / "data")})
    queue = open_queue(config, store.clock, url=str(store.engine.url))
    queue.issue("social")
    at_counter(queue, "3").call_next("3")
    ctx = make_ctx()
    t = run(lambda c: rating.for_ticket(c, "B001", counter="3"), ctx, citizen(Intent("4"), Intent("ok")))
    assert str(t.views[0].title) == "请对 B001 号的服务作出评价"
    [r] = store.ratings()
    assert (r.kind, r.ref, r.service, r.counter, r.level) == (
        "ticket",
        f"{queue.today()}/B001",
        "social",
        "3",
        4,
    )
    t = run(
        lambda c: rating.for_ticket(c, "B001", counter="3"), make_ctx(), citizen(Intent("5"), Intent("ok"))
    )
    assert str(t.views[-1].body) == "这张号票已经评价过了"  # type: ignore[attr-defined]


def test_a_rating_pad_run_as_a_journey_is_not_rated_again(tmp_path, make_ctx, store):
    pad = FlowSpec("pad", "评价", "", lambda c: rating.after_journey(c, spec("x")))
    t = run(partial(rating.journey, pad), make_ctx(), citizen(Intent("5"), Intent("ok")))
    assert sum(isinstance(v, Choose) for v in t.views) == 1 and len(store.ratings()) == 1


def stored(store: Ratings, n: int = 1) -> list[Any]:
    """The ratings once `n` are there: a walked-away rating is stored on a thread of its own."""
    import time

    deadline = time.monotonic() + 10
    while len(store.ratings()) < n:
        assert time.monotonic() < deadline, "the rating was not kept"
        time.sleep(0.02)
    return store.ratings()


def test_walking_away_at_the_reasons_screen_keeps_the_level_without_reasons(make_ctx, store):
    t = journey(spec("printed"), make_ctx(), Intent("2"))  # 不满意, then nothing: the screen times out
    assert isinstance(t.views[-1], Pick) and t.outcome == Finished("printed")
    [r] = stored(store)
    assert (r.level, r.reasons, r.text) == (2, (), "")
    assert store.item(r.followup).phone is None  # a follow-up item all the same


def test_walking_away_at_the_phone_question_keeps_the_level_and_the_reasons(make_ctx, store):
    journey(spec("printed"), make_ctx(), Intent("1"), Intent("ok", Picked(("slow",), "太慢")))
    [r] = stored(store)
    assert (r.level, r.reasons, r.text) == (1, ("slow",), "太慢")


def test_home_or_idle_ending_the_session_at_those_screens_keeps_it_too(make_ctx, store):
    from flows.runtime import FlowRunner

    ctx = make_ctx()
    runner = FlowRunner(rating.journey(spec("printed"), ctx), ctx.session, ctx.clock)
    runner.start()
    runner.answer(Intent("ok"))  # the journey's last screen
    runner.answer(Intent("2"))  # 不满意
    assert isinstance(runner.answer(Intent("ok", Picked(("unclear",), ""))), Choose)  # the phone question
    runner.cancel("home")
    [r] = stored(store)
    assert (r.level, r.reasons) == (2, ("unclear",))


# ---- every kiosk journey that ends with something done asks, as the catalog says ----
#: each journey's outcome when the citizen got what they came for
DONE_OUTCOMES = {
    "queue": "printed",
    "photo": "printed",
    "reissue": "submitted",
    "certificate": "printed",
    "pickup": "collected",
}


def test_the_catalog_rates_exactly_the_journeys_a_citizen_finishes():
    from flows.catalog import CATALOG

    assert {k for k, s in CATALOG.items() if s.rated} == set(DONE_OUTCOMES) | {"slip_reprint"}
    assert not CATALOG["unresolved"].rated and not CATALOG["demo"].rated


@pytest.mark.parametrize("key", sorted(DONE_OUTCOMES))
def test_each_journey_is_rated_at_its_end_and_skipped_in_one_tap(make_ctx, store, key):
    from dataclasses import replace

    from flows.catalog import CATALOG

    done = replace(CATALOG[key], start=finishing(DONE_OUTCOMES[key]))
    skipped = journey(done, make_ctx(), Intent(rating.SKIP))
    ask = skipped.views[-1]
    assert str(ask.title) == "请您对本次自助办理作出评价" and not ask.can_go_back
    assert len(skipped.views) == 2  # the skip ends it: no thanks, no further screen
    assert skipped.outcome == Finished(DONE_OUTCOMES[key]) and store.ratings() == []
    rated = journey(done, make_ctx(), Intent("3"), Intent("ok"))
    assert str(rated.views[-1].title) == "感谢您的评价"
    [r] = store.ratings()
    assert (r.kind, r.service, r.level) == ("journey", key, 3)
