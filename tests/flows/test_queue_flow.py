"""The queue flow headless, with fake devices (a real SQLite queue store): what the citizen is
offered when a device goes away, the card-return step, and honest printing outcomes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from core.clock import FakeClock
from devices.base import OK, DeviceOffline, OutcomeUnknown
from devices.idcard.presets import PRESETS
from flows import queue
from flows.headless import run
from flows.runtime import Finished, FlowContext
from flows.session import Session
from flows.views import Choose, Intent, Message, offline
from hall.queue.factory import open_queue
from kiosk.config import load
from kiosk.home import tiles
from tests.flows.fakes import FakeDevices, citizen


@pytest.fixture
def devices() -> FakeDevices:
    return FakeDevices()


@pytest.fixture
def make_ctx(tmp_path: Path, devices: FakeDevices) -> Callable[..., FlowContext]:
    config = load(None, {"queue.always_open": True, "kiosk.data_dir": str(tmp_path / "data")})
    clock = FakeClock()
    (tmp_path / "data").mkdir()
    store = open_queue(config, clock)

    def make(language: str = "zh") -> FlowContext:
        return FlowContext(
            clock=clock,
            session=Session(tmp_path / "run"),
            config=config,
            devices=devices,
            services={"queue": store},
            language=lambda: language,
        )

    return make


def printed(job: tuple[str, dict[str, Any]]) -> str:
    """A receipt job's text as the printer gets it."""
    from devices.printer import layout as L

    return L.job_bytes(L.load_layout(job[0]), job[1], L.PaperOptions()).decode("gb18030", "replace")


def titles(t: Any) -> list[str]:
    return [str(v.title) for v in t.views]


def test_reader_lost_while_waiting_for_an_optional_card_offers_a_plain_ticket(make_ctx, devices):
    t = run(
        queue.start,
        make_ctx(),
        citizen(Intent("social"), Intent("card"), Intent(offline("idcard")), Intent("skip"), Intent("ok")),
    )
    lost = t.views[3]
    assert isinstance(lost, Message) and str(lost.title) == "读卡器暂时无法使用"
    assert "12345" in str(lost.body)  # the help number
    assert [k for k, _ in lost.actions] == ["skip", "back"]
    assert t.outcome == Finished("printed")
    assert devices.printer.jobs[0][1]["service_name"] == "社保业务"


def test_reader_lost_on_a_real_name_service_offers_other_services(make_ctx, devices):
    t = run(
        queue.start,
        make_ctx(),
        citizen(Intent("idcard"), Intent(offline("idcard")), Intent("back"), None),
    )
    lost = t.views[2]
    assert isinstance(lost, Message) and [k for k, _ in lost.actions] == ["back", "home"]
    assert "服务台" in str(lost.body)
    assert isinstance(t.views[3], Choose)  # back to the list of services
    assert devices.printer.jobs == []


def test_real_name_services_are_off_with_the_reason_while_the_reader_is_down(make_ctx, devices):
    devices.down("idcard")
    t = run(queue.start, make_ctx(), citizen(Intent("social"), Intent("ok")))
    options = {o.key: o for o in t.views[0].options}
    assert not options["idcard"].enabled and "读卡器暂不可用" in str(options["idcard"].reason)
    assert options["social"].enabled
    # no "swipe your card?" question either: straight to the ticket
    assert t.outcome == Finished("printed")
    assert len(t.views) == 2


def test_the_card_is_taken_back_before_the_ticket_is_shown(make_ctx, devices):
    t = run(
        queue.start,
        make_ctx(),
        citizen(
            Intent("idcard"),
            Intent("card_inserted", PRESETS["resident"]),
            Intent("card_removed"),
            Intent("ok"),
        ),
    )
    assert titles(t)[2] == "请取回您的身份证"
    take_back = t.views[2]
    assert "card_removed" in take_back.events and take_back.actions == () and take_back.timeout
    assert titles(t)[3].startswith("请取走您的号票")
    assert "请取回" not in str(t.views[3].body)
    assert t.outcome == Finished("printed")


def test_a_card_left_in_the_reader_gets_a_reminder_then_the_journey_goes_on(make_ctx, devices):
    t = run(
        queue.start,
        make_ctx(),
        citizen(Intent("idcard"), Intent("card_inserted", PRESETS["resident"]), None, None, Intent("ok")),
    )
    assert titles(t)[2:4] == ["请取回您的身份证", "您的身份证还在读卡器上"]
    assert "马上取回" in str(t.views[3].prompt)
    assert t.outcome == Finished("printed")


def test_printer_down_gives_an_on_screen_ticket_naming_the_service(make_ctx, devices):
    devices.down("printer")
    t = run(queue.start, make_ctx(), citizen(Intent("social"), Intent("plain"), Intent("ok")))
    ticket = t.views[-1]
    assert isinstance(ticket, Message) and ticket.big == "B001" and ticket.qr.endswith("B001")
    assert "社保业务" in str(ticket.title.render())
    assert "同等有效" in str(ticket.body.render())
    assert devices.printer.jobs == []
    assert t.outcome == Finished("on_screen")


def test_print_outcome_unknown_says_the_number_is_valid_and_may_have_printed(make_ctx, devices):
    devices.printer.fail = OutcomeUnknown("打印机在打印后没有应答")
    t = run(queue.start, make_ctx(), citizen(Intent("social"), Intent("plain"), Intent("ok")))
    ticket = t.views[-1]
    assert "号码有效" in ticket.title.render() and ticket.big == "B001"
    assert "可能已经打出，也可能没有" in ticket.body.render() and ticket.qr
    assert t.outcome == Finished("print_unknown")


def test_print_refused_is_not_printed(make_ctx, devices):
    devices.printer.fail = DeviceOffline("打印纸已用完")
    t = run(queue.start, make_ctx(), citizen(Intent("social"), Intent("plain"), Intent("ok")))
    assert "未能打印" in t.views[-1].title.render() and "社保业务" in t.views[-1].title.render()
    assert t.outcome == Finished("not_printed")


def test_english_session_prints_the_english_ticket(make_ctx, devices):
    run(queue.start, make_ctx("en"), citizen(Intent("social"), Intent("plain"), Intent("ok")))
    name, data = devices.printer.jobs[0]
    assert name == "queue_ticket_en" and data["service_name_en"] == "Social insurance"


def test_home_keeps_the_queue_on_with_a_note_when_an_optional_device_is_down(make_ctx, devices):
    from flows.catalog import CATALOG

    services = make_ctx().services
    devices.down("printer")
    (tile,) = tiles(["queue"], CATALOG, devices.status, services)
    assert tile.available and "电子号票" in tile.detail.render()
    devices.down("idcard")
    (tile,) = tiles(["queue"], CATALOG, devices.status, services)
    assert "电子号票" in tile.detail.render() and "读卡器暂不可用" in tile.detail.render()
    # a required device down still turns a service off, with the reason
    devices.states["camera"] = OK
    (photo,) = tiles(["photo"], CATALOG, devices.status, {})
    assert not photo.available and "凭条打印机" in photo.reason.render()


def test_a_service_paused_by_staff_is_off_with_its_reason_and_home_says_when_all_are(make_ctx, devices):
    from flows.catalog import CATALOG

    ctx = make_ctx()
    store = ctx.services["queue"]
    codes = [s.code for s in store.settings.services]
    store.pauses.pause(codes[0], "S01")
    t = run(queue.start, ctx, citizen(Intent("back")))
    choose = next(v for v in t.views if isinstance(v, Choose))
    first = next(o for o in choose.options if o.key == codes[0])
    assert not first.enabled and "暂停取号" in first.reason.render()
    assert all(o.enabled for o in choose.options if o.key in codes[1:])
    for code in codes[1:]:
        store.pauses.pause(code, "S01")
    (tile,) = tiles(["queue"], CATALOG, devices.status, ctx.services)
    assert not tile.available and "暂停全部取号" in tile.reason.render()
    store.pauses.resume(codes[0])
    (tile,) = tiles(["queue"], CATALOG, devices.status, ctx.services)
    assert tile.available


def test_the_first_in_line_is_told_so_not_a_wait_of_0_minutes(make_ctx, devices):
    first = run(queue.start, make_ctx(), citizen(Intent("social"), Intent("plain"), Intent("ok")))
    listed = {o.key: o.detail.render() for o in first.views[0].options}
    assert listed["social"] == "现在无人等候"  # the service list too: not "等候 0 人，约 0 分钟"
    said = first.views[-1].body.render()
    assert "前面没有人" in said and "0 分钟" not in said and "0 人" not in said
    paper = printed(devices.printer.jobs[-1])
    assert "您前面没有人在等" in paper and "0 分钟" not in paper and "0 人" not in paper  # as the screen
    second = run(queue.start, make_ctx(), citizen(Intent("social"), Intent("plain"), Intent("ok")))
    assert "您前面还有 1 人" in second.views[-1].body.render()
    paper = printed(devices.printer.jobs[-1])
    assert "您前面还有 1 人等候" in paper and "没有人" not in paper
    assert {o.key: o.detail.render() for o in second.views[0].options}["social"].startswith("等候 1 人")


def test_a_real_name_ticket_is_rated_under_the_queue_never_with_the_id_number(make_ctx, devices, tmp_path):
    from tests.flows.rated import check_rated, rated_walk

    ctx = make_ctx()
    card = PRESETS["resident"]
    answers = citizen(Intent("idcard"), Intent("card_inserted", card), Intent("card_removed"), Intent("ok"))
    t, store = rated_walk("queue", ctx, answers, tmp_path / "ratings")
    assert t.outcome == Finished("printed")
    check_rated(t, store, "queue", ctx, tmp_path / "ratings", card.id_number, card.name)


def booked(ctx: FlowContext, ref: str) -> Any:
    """The context's queue store, with a booking under `ref` for now (social insurance)."""
    store = ctx.services["queue"]
    now = store.local_now().replace(tzinfo=None)
    store.book("social", now, id_number=PRESETS["resident"].id_number, ref=ref)
    return store


def test_an_appointment_number_that_finds_nothing_can_be_typed_again(make_ctx, devices):
    """A stranger mistyped the number from the text message and was offered only the way home,
    to start over from the home screen; now the refusal offers to type it again, and the right
    number checks the booking in."""
    ctx = make_ctx()
    booked(ctx, "5550001")
    done = run(
        queue.start,
        ctx,
        citizen(
            Intent("_appointment"),
            Intent("ref"),
            Intent("ok", "5550010"),  # one digit slipped
            Intent("again"),
            Intent("ok", "5550001"),
            Intent("ok"),
        ),
    )
    refused = next(v for v in done.views if isinstance(v, Message) and str(v.title) == "无法取号")
    assert [a for a, _ in refused.actions] == ["again", "ok"]
    assert "5550010" in refused.body.render()
    assert [type(v).__name__ for v in done.views].count("Entry") == 2  # the keypad again, not home
    assert "您前面" in done.views[-1].body.render()  # the ticket: checked in at the second try


def test_a_check_in_refused_for_another_reason_offers_no_retyping(make_ctx, devices):
    """Typing again only helps a number that found nothing: a booking already used goes home."""
    ctx = make_ctx()
    store = booked(ctx, "5550002")
    store.check_in("5550002")
    done = run(
        queue.start,
        ctx,
        citizen(Intent("_appointment"), Intent("ref"), Intent("ok", "5550002"), Intent("ok")),
    )
    refused = done.views[-1]
    assert isinstance(refused, Message) and [a for a, _ in refused.actions] == ["ok"]
    assert "已签到" in refused.body.render()


def test_typing_again_ends_after_a_few_tries(make_ctx, devices):
    """Retyping is for a slip of the finger, not for guessing someone else's booking: the third
    number that finds nothing offers only the way home."""
    wrong = [Intent("ok", f"555009{i}") for i in range(queue.RETYPE_TRIES)]
    answers = [Intent("_appointment"), Intent("ref")]
    for typed in wrong:
        answers += [typed, Intent("again")]
    done = run(queue.start, make_ctx(), citizen(*answers))
    refusals = [v for v in done.views if isinstance(v, Message) and str(v.title) == "无法取号"]
    assert len(refusals) == queue.RETYPE_TRIES == 3
    assert [[a for a, _ in r.actions] for r in refusals] == [["again", "ok"], ["again", "ok"], ["ok"]]
