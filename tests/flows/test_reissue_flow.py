"""The reissue journey headless: fake devices (a camera whose face sways, a fingerprint module,
a printer), the real platform and gateway clients against the reference servers on loopback,
and the journal on SQLite. What the citizen sees, what the platform and the gateway end with."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import cv2
import numpy as np
import pytest

from backends.platform.demo import PEOPLE
from core.clock import FakeClock
from devices.base import OK
from devices.camera.scene import Scene, render
from flows import reissue, reissue_slip
from flows.headless import Transcript, run
from flows.runtime import Cancelled, Finished, FlowContext, FlowRunner
from flows.session import Session
from flows.views import Capture, Choose, Entry, Intent, Message, Payment, View, Work, offline
from hall.journal import DONE
from hall.pickup_code import load_signer
from hall.saga import CASE
from kiosk.config import load
from tests.backends.support import AUTH, WANG, db_url, servers, wire
from tests.flows.fakes import FakeDevice, FakeDevices, FakeFingerprint

OTHER_FACE = next(p.id_number for p in PEOPLE if p.photo == "other")
MINOR = next(p.id_number for p in PEOPLE if p.refusal_code == "minor_guardian")


class SwayingCamera:
    """Fresh frames of the simulated person, moving a little as people do."""

    def __init__(self) -> None:
        self.base = render(Scene())
        self.n = 0

    def snapshot(self) -> np.ndarray:
        self.n += 1
        m = np.array([[1, 0, 30.0 * (self.n % 2)], [0, 1, 0]], np.float32)
        return cv2.warpAffine(self.base, m, (self.base.shape[1], self.base.shape[0]))


#: what the fake fingerprint module said last: the citizen relays it as the shell would
TOLD: list[Intent] = []


class JourneyDevices(FakeDevices):
    def __init__(self) -> None:
        super().__init__()
        self.camera = SwayingCamera()
        TOLD.clear()
        self.fingerprint = FakeFingerprint(TOLD)
        self.states.update({k: OK for k in ("camera", "fingerprint", "scanner")})

    def __getitem__(self, kind: str) -> FakeDevice:
        drivers = {"printer": self.printer, "camera": self.camera, "fingerprint": self.fingerprint}
        return FakeDevice(drivers[kind])


@pytest.fixture(scope="module")
def sim() -> Iterator[Any]:
    with servers() as s:
        yield s


@pytest.fixture
def devices() -> JourneyDevices:
    return JourneyDevices()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: Any, tmp_path: Path) -> Iterator[str]:
    with db_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def ctx(tmp_path: Path, sim: Any, devices: JourneyDevices, db: str) -> Iterator[FlowContext]:
    sim.gateway.script("*", "pay")
    saga = wire(db, sim.platform_url, sim.payment_url)
    signer = load_signer(tmp_path / "k.pem", tmp_path / "k.pub", generate=True)
    config = load(None, {"reissue.poll_seconds": 4.0})
    services = {
        "platform": saga.platform,
        "payment": saga.gateway,
        "journal": saga.journal,
        "pickup_signer": signer,
    }
    yield FlowContext(
        clock=FakeClock(),
        session=Session(tmp_path / "run"),
        config=config,
        devices=devices,
        services=services,
    )
    _quiet()  # an abandoned case settles in a thread: let it finish before the schema goes
    saga.journal.engine.dispose()


class Citizen:
    """Answers each screen of the journey the way a test says."""

    def __init__(self, id_number: str = WANG, mode: str = "micropay", pay_code: str = AUTH) -> None:
        self.id_number, self.mode, self.pay_code = id_number, mode, pay_code
        self.on_payment: Callable[[Payment], Intent | None] = lambda v: None
        self.seen: list[str] = []

    def __call__(self, view: View) -> Intent | None:
        title = str(view.title)
        self.seen.append(title)
        if "finger_done" in view.events:
            return TOLD[-1]  # the capture's end, as the module announced it
        if isinstance(view, Payment):
            if "scanned" in view.events:
                return Intent("scanned", self.pay_code)
            return self.on_payment(view)
        if isinstance(view, Entry):
            return Intent("ok", self.id_number)
        if isinstance(view, Capture):
            return Intent("captured", SimpleNamespace(image=render(Scene())))
        if isinstance(view, Choose):
            keys = [o.key for o in view.options if o.enabled]
            if "lost" in keys:
                return Intent("lost")
            if self.mode in keys:
                return Intent(self.mode)
            return Intent(keys[0])
        assert isinstance(view, Message)
        if title.startswith("没有检测到"):  # a finger not placed in time: pass it on
            return Intent("other_finger")
        answers = {
            "请确认是您本人": "yes",
            "请确认您的照片": "ok",
            "人像比对未通过": "retry",
            "部分指纹未能采集": "ok",
            "请核对申请信息": "ok",
        }
        return Intent(answers[title]) if title in answers else None


def case_of(ctx: FlowContext) -> Any:
    journal = ctx.services["journal"]
    cases = [s for s in journal.iter_all() if s.kind == CASE]
    assert len(cases) == 1
    return cases[0]


def test_loss_reissue_paid_by_scanned_code_ends_with_a_signed_slip(ctx, devices, sim):
    t = run(reissue.start, ctx, Citizen())
    assert t.outcome == Finished("submitted"), [str(v.title) for v in t.views]
    name, data = devices.printer.jobs[-1]
    assert name == "reissue_receipt"
    acc = data["application_no"]
    assert data["fee"] == "40.00" and data["id_number"] == "360426********0071"
    assert WANG not in str(data)
    code = ctx.services["pickup_signer"].verifier.verify(data["qr"])
    assert code.acceptance_no == acc
    assert sim.platform.apps[acc].state == "accepted"
    assert sim.gateway.net_fen(data["order_no"]) == 4000
    assert case_of(ctx).after["outcome"] == "submitted"
    assert devices.fingerprint.asked == ["right_thumb", "left_thumb"]


def test_the_number_is_checked_and_the_masked_name_confirmed(ctx):
    bad = WANG[:-1] + ("0" if WANG[-1] != "0" else "1")
    answers = iter([Intent("lost"), Intent("ok", bad), Intent("ok", MINOR), Intent("yes")])
    t = run(reissue.start, ctx, lambda v: next(answers, None))
    entries = [v for v in t.views if isinstance(v, Entry)]
    assert entries[0].check == "id_number" and "校验位" in str(entries[1].error)
    confirm = next(v for v in t.views if str(v.title) == "请确认是您本人")
    assert "孙*" in str(confirm.body) and MINOR not in str(confirm.body)
    # under 16: refused with what to do, nothing created, nothing charged
    assert str(t.views[-1].title) == "自助机暂时不能为您办理"
    assert "监护人" in str(t.views[-1].body)
    assert not list(ctx.services["journal"].iter_all())


def test_a_face_that_does_not_match_goes_to_a_counter_after_a_retry(ctx, devices, sim):
    citizen = Citizen(OTHER_FACE)
    t = run(reissue.start, ctx, citizen)
    assert t.outcome == Finished("counter")
    assert citizen.seen.count("人像比对未通过") == 1  # one retry (face_tries = 2)
    assert str(t.views[-1].title) == "请到窗口办理" and "办不成事" in str(t.views[-1].body)
    assert not list(ctx.services["journal"].iter_all()) and not devices.printer.jobs


def test_fingerprints_that_cannot_be_taken_are_recorded_and_the_journey_goes_on(ctx, devices, sim):
    devices.fingerprint.placed = False
    t = run(reissue.start, ctx, Citizen())
    assert t.outcome == Finished("submitted")
    note = next(v for v in t.views if str(v.title) == "部分指纹未能采集")
    assert "右手采集失败" in str(note.body)
    review = next(v for v in t.views if str(v.title) == "请核对申请信息")
    assert "左手采集失败" in str(review.body)
    acc = devices.printer.jobs[-1][1]["application_no"]
    assert sim.platform.apps[acc].fingers == 0  # "capture failed" recorded on the form


def test_paying_by_qr_with_a_confirmation_on_the_phone(ctx, devices, sim):
    sim.gateway.script("*", "userpaying_then_paid", polls=3)
    t = run(reissue.start, ctx, Citizen(mode="native"))
    assert t.outcome == Finished("submitted")
    shown = [v for v in t.views if isinstance(v, Payment)]
    assert shown[0].qr.startswith("weixin://") and shown[0].amount == "40.00"
    assert shown[0].seconds_left == 300 and shown[-1].seconds_left < 300  # the countdown runs
    assert any(str(v.status) == "请在手机上确认付款" for v in shown)
    assert sim.gateway.net_fen(devices.printer.jobs[-1][1]["order_no"]) == 4000


def test_userpaying_that_is_confirmed_in_time(ctx, devices, sim):
    sim.gateway.script("*", "userpaying_then_paid", polls=2)
    t = run(reissue.start, ctx, Citizen())
    assert t.outcome == Finished("submitted")
    assert any(str(v.title) == "请在手机上确认付款" for v in t.views)


def test_userpaying_never_confirmed_is_reversed_and_nothing_is_charged(ctx, devices, sim):
    sim.gateway.script("*", "userpaying_then_abandoned")
    t = run(reissue.start, ctx, Citizen())
    waits = [v for v in t.views if str(v.title) == "请在手机上确认付款"]
    assert len(waits) >= 7  # queried every 4 s for 30 s
    failed = next(v for v in t.views if str(v.title) == "支付没有完成")
    assert "REVERSED" in str(failed.body)
    order_no = _order_no(ctx)
    assert sim.gateway.orders[order_no].state == "CLOSED" and sim.gateway.net_fen(order_no) == 0
    _settled(ctx, "not_paid")  # walked away from the last screen: the application is withdrawn
    assert not devices.printer.jobs


@pytest.mark.parametrize(("leave", "outcome"), [("keep", "submitted"), ("discard", "cancelled")])
def test_the_payment_choice_shows_the_fee_and_going_back_asks_before_giving_up(ctx, sim, leave, outcome):
    """Both ways to pay offered: the screen says how much, and its 返回 asks first; 继续办理
    offers the payment again, 放弃 withdraws the application with nothing charged."""
    citizen, asked, before = Citizen(), [], set(sim.gateway.orders)
    plain = citizen.__call__

    def walk(view: View) -> Intent | None:
        title = str(view.title)
        if title.startswith("请选择缴费方式"):
            asked.append(title)
            if len(asked) == 1:
                return Intent("back")
        if title == "要放弃本次申请吗？":
            return Intent(leave)
        return plain(view)

    t = run(reissue.start, ctx, walk)
    assert asked[0] == "请选择缴费方式（40.00 元）"
    assert t.outcome == Finished(outcome), [str(v.title) for v in t.views]
    assert len(asked) == (2 if leave == "keep" else 1)
    if leave == "discard":
        _settled(ctx, "not_paid")
        assert set(sim.gateway.orders) == before  # no order was opened: nothing charged


def test_a_citizen_who_walks_away_mid_payment_has_the_order_closed(ctx, devices, sim):
    sim.gateway.script("*", "userpaying_then_abandoned")
    runner = _walk_until(ctx, Citizen(), lambda v: str(v.title) == "请在手机上确认付款")
    runner.cancel("idle")  # the idle timeout closes the journey at the phone prompt
    _settled(ctx, "not_paid")
    order_no = _order_no(ctx)
    assert sim.gateway.orders[order_no].state == "CLOSED" and sim.gateway.net_fen(order_no) == 0
    acc = case_of(ctx).refs["acceptance_no"]
    assert sim.platform.apps[acc].state == "cancelled"


def test_cancel_at_the_qr_closes_the_order_only_after_a_query(ctx, devices, sim):
    sim.gateway.script("*", "userpaying_then_abandoned")
    citizen = Citizen(mode="native")
    citizen.on_payment = lambda v: Intent("cancel")
    t = run(reissue.start, ctx, citizen)
    order_no = _order_no(ctx)
    ops = [op for op, o in sim.gateway.calls if o == order_no]
    assert ops[-2:] == ["query", "cancel"]
    assert sim.gateway.net_fen(order_no) == 0
    assert isinstance(t.outcome, Finished | Cancelled)


def test_a_citizen_gone_after_paying_still_has_the_application_submitted(ctx, devices, sim):
    runner = _walk_until(ctx, Citizen(), lambda v: str(v.title) == "正在提交申请")
    runner.cancel("idle")  # paid, then gone before the submit: the paid step is never lost
    _settled(ctx, "submitted")
    acc = case_of(ctx).refs["acceptance_no"]
    assert sim.platform.apps[acc].state == "accepted"
    assert sim.gateway.net_fen(_order_no(ctx)) == 4000  # charged once, not refunded


def test_a_paid_application_the_platform_refuses_is_refunded_and_the_citizen_told_what_to_quote(
    ctx, devices, sim
):
    sim.platform.refuse_paid = True  # its review refuses the application once it is paid
    try:
        t = run(reissue.start, ctx, Citizen())
    finally:
        sim.platform.refuse_paid = False
    last = t.views[-1]
    body = str(last.body)
    acc, order = case_of(ctx).refs["acceptance_no"], _order_no(ctx)
    assert str(last.title) == "申请未能提交，费用将原路退回" and "平台复核未通过" in body
    assert acc in body and order in body and ctx.config["kiosk"]["help_phone"] in body
    assert sim.gateway.net_fen(order) == 0  # refunded in full
    # the rating comes next: the button says 完成, not 返回首页 (whose tap landed on 非常满意)
    assert [(k, str(label)) for k, label in last.actions] == [("ok", "完成")]


def _quiet() -> None:
    deadline = time.monotonic() + 30
    while any(t.name == "reissue-abandon" for t in threading.enumerate()) and time.monotonic() < deadline:
        time.sleep(0.05)


def _order_no(ctx: FlowContext) -> str:
    return next(s.key for s in ctx.services["journal"].iter_all() if s.kind == "payment")


def _settled(ctx: FlowContext, outcome: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        case = case_of(ctx)
        if case.state == DONE:
            assert case.after["outcome"] == outcome
            return
        time.sleep(0.05)
    raise AssertionError("the abandoned case was not settled")


def _walk_until(ctx: FlowContext, citizen: Citizen, stop: Callable[[View], bool]) -> FlowRunner:
    runner = FlowRunner(reissue.start(ctx), ctx.session, ctx.clock)
    step: Any = runner.start()
    for _ in range(200):
        if isinstance(step, Work):
            if stop(step.busy):
                return runner
            try:
                step = runner.answer(step.fn())
            except Exception as e:
                step = runner.fail(e)
            continue
        assert isinstance(step, View), step
        if stop(step):
            return runner
        step = runner.answer(citizen(step) or Intent("timeout"))
    raise AssertionError("never reached the step")


def transcript_titles(t: Transcript) -> list[str]:
    return [str(v.title) for v in t.views]


def test_renewal_reads_the_old_card_and_a_fee_exempt_citizen_pays_nothing(ctx, devices, sim):
    from devices.idcard.presets import PRESETS

    devices.states["idcard"] = OK
    citizen = Citizen()
    plain = citizen.__call__

    def with_card(view: View) -> Intent | None:
        if isinstance(view, Choose) and any(o.key == "renew" for o in view.options):
            return Intent("renew")
        if isinstance(view, Choose) and any(o.key == "renewal_damaged" for o in view.options):
            return Intent("renewal_damaged")
        if "card_inserted" in view.events:
            return Intent("card_inserted", PRESETS["elderly"])
        if "card_removed" in view.events:
            return Intent("card_removed")
        return plain(view)

    t = run(reissue.start, ctx, with_card)
    assert t.outcome == Finished("submitted")
    kinds = next(v for v in t.views if str(v.title) == "请选择办理类型")
    assert [o.key for o in kinds.options] == ["renewal_expiry", "renewal_damaged"]
    assert "免收工本费" in str(kinds.options[0].detail) and "长期有效" in str(kinds.options[0].detail)
    assert not any(isinstance(v, Payment) for v in t.views)  # nothing to pay
    data = devices.printer.jobs[-1][1]
    assert data["service_name"] == "居民身份证损坏换领" and data["fee"] == "0.00" and data["order_no"] == ""
    assert sim.platform.apps[data["application_no"]].state == "accepted"


def test_a_slip_that_does_not_print_shows_the_number_and_the_signed_qr(ctx, devices, sim):
    from devices.base import DeviceOffline

    devices.printer.fail = DeviceOffline("打印纸已用完")
    t = run(reissue.start, ctx, Citizen())
    assert t.outcome == Finished("submitted_not_printed")
    last = t.views[-1]
    assert str(last.title) == "申请已受理，回执未能打印" and "打印纸已用完" in str(last.body)
    code = ctx.services["pickup_signer"].verifier.verify(last.qr)
    assert code.acceptance_no in str(last.body)
    assert sim.platform.apps[code.acceptance_no].state == "accepted"  # paid and submitted all the same


def test_the_platform_down_at_the_lookup_is_said_and_nothing_is_charged(ctx, sim):
    sim.platform.faults.add("POST", "/persons/lookup", "status", times=10)
    try:
        t = run(reissue.start, ctx, Citizen())
    finally:
        sim.platform.faults.clear()
    assert t.outcome == Finished("refused")
    assert str(t.views[-1].title) == "业务系统暂时无法连接" and "没有收取任何费用" in str(t.views[-1].body)
    assert t.views[-1].actions == (("ok", t.views[-1].actions[0][1]),)  # the way home
    assert not list(ctx.services["journal"].iter_all())


def _reprint_citizen(card: Any = None) -> Callable[[View], Intent | None]:
    from devices.idcard.presets import PRESETS

    def citizen(view: View) -> Intent | None:
        if isinstance(view, Choose) and any(o.key == "reprint" for o in view.options):
            return Intent("reprint")
        if "card_inserted" in view.events:
            return Intent("card_inserted", card or PRESETS["resident"])
        if "card_removed" in view.events:
            return Intent("card_removed")
        return Intent("ok") if isinstance(view, Message) else None

    return citizen


def test_a_lost_slip_is_reprinted_from_the_card_with_the_same_signed_code(ctx, devices, sim, tmp_path):
    from devices.base import DeviceOffline

    devices.printer.fail = DeviceOffline("打印纸已用完")
    first = run(reissue.start, ctx, Citizen())
    assert first.outcome == Finished("submitted_not_printed")
    shown = first.views[-1].qr
    # a citizen who reported the card lost is not told to read it: the counter reprints for them
    assert "凭受理号和身份证明到服务窗口补打回执" in str(first.views[-1].body)
    assert "刷身份证" not in str(first.views[-1].body)
    # later, paper loaded, at a kiosk of the hall (the same journal): the card read, the slip again
    devices.printer.fail = None
    ctx.session = Session(tmp_path / "run")
    again = run(reissue.start, ctx, _reprint_citizen())
    assert again.outcome == Finished("submitted"), [str(v.title) for v in again.views]
    name, data = devices.printer.jobs[-1]
    assert name == "reissue_receipt" and data["qr"] == shown  # the very code shown on screen
    assert data["id_number"] == "360426********0071" and WANG not in str(data)
    code = ctx.services["pickup_signer"].verifier.verify(data["qr"])
    assert code.acceptance_no == data["application_no"] and data["fee"] == "40.00"


def test_a_slip_for_an_application_submitted_after_its_citizen_left_is_made_at_the_reprint(
    ctx, devices, sim, tmp_path
):
    runner = _walk_until(ctx, Citizen(), lambda v: str(v.title) == "正在提交申请")
    runner.cancel("idle")  # paid, then gone: the submit is finished in the background, no slip
    _settled(ctx, "submitted")
    acc = case_of(ctx).refs["acceptance_no"]
    ctx.session = Session(tmp_path / "run")
    t = run(reissue_slip.reprint, ctx, _reprint_citizen())
    assert t.outcome == Finished("submitted")
    # the card is asked back once: asked again, long gone, the citizen was told it was still
    # on the reader until the idle watch ended the journey
    assert sum("card_removed" in v.events for v in t.views) == 1
    data = devices.printer.jobs[-1][1]
    assert ctx.services["pickup_signer"].verifier.verify(data["qr"]).acceptance_no == acc
    assert data["order_no"] == _order_no(ctx)


def test_a_reprint_for_someone_with_no_application_says_so(ctx, devices, sim):
    from dataclasses import replace

    from devices.idcard.presets import PRESETS

    never_applied = next(p for p in PEOPLE if p.case == "eligible; no certificates on file")
    card = replace(PRESETS["resident"], id_number=never_applied.id_number, name=never_applied.name)
    t = run(reissue_slip.reprint, ctx, _reprint_citizen(card))
    assert t.outcome == Finished("none")
    assert str(t.views[-1].title) == "没有可补打回执的申请" and not devices.printer.jobs


# ---- the platform and the gateway failing at each call ----
def _fault_after_create(sim: Any, ctx: FlowContext, method: str, suffix: str) -> Any:
    """A step hook adding a lasting 503 to `method /applications/<acc>/<suffix>` once the
    application exists (its number comes from the platform)."""
    from hall.saga import CREATE

    added = []

    def hook(n: int, step: Any, phase: str) -> None:
        if added:
            return
        made = [
            s for s in ctx.services["journal"].iter_all() if s.kind == CREATE and s.refs.get("acceptance_no")
        ]
        if made:
            acc = made[0].refs["acceptance_no"]
            added.append(
                sim.platform.faults.add(method, f"/applications/{acc}/{suffix}", "status", times=LASTING)
            )

    return hook


LASTING = 100_000  # answers refused with 503 until the test clears them (retries included)
FAULTS = {
    # call: (system, method, path or the application's sub-path, the title the citizen ends on)
    "face comparison": ("platform", "POST", "/faces/compare", "业务系统暂时无法连接"),
    "application create": ("platform", "POST", "/applications", "业务系统暂时无法连接"),
    "photo upload": ("platform", "PUT", "photo", "业务系统暂时无法连接"),
    "fingerprint upload": ("platform", "PUT", "fingerprints", "业务系统暂时无法连接"),
    "mark paid": ("platform", "POST", "paid", "费用已收到，申请将自动提交"),
    "submit": ("platform", "POST", "submit", "费用已收到，申请将自动提交"),
    # the gateway refusing every POST: the order may or may not exist, and cannot be closed now
    "order create": ("payment", "POST", "/orders", "支付结果暂时无法确认"),
    # charged, but the answer lost: the kiosk asks, never charges again, and completes
    "order create, answer lost": ("payment", "POST", "/orders", "申请已受理，请取走回执"),
    "order query": ("payment", "GET", "/orders/", "支付没有完成"),
    "order cancel": ("payment", "POST", "/orders/", "支付结果暂时无法确认"),
}


@pytest.mark.parametrize("call", list(FAULTS))
def test_a_system_failing_at_each_call_gives_a_clear_screen_and_money_ends_consistent(
    ctx, devices, sim, call
):
    from datetime import timedelta

    from hall.reconcile import Reconciler
    from hall.saga import PaidApplication

    system, method, path, title = FAULTS[call]
    before_orders = set(sim.gateway.orders)
    citizen = Citizen(mode="native" if call in ("order query", "order cancel") else "micropay")
    hook = None
    if path.startswith("/"):
        server = sim.platform if system == "platform" else sim.gateway
        lost = call.endswith("answer lost")  # else refused before the work: nothing happened
        server.faults.add(method, path, "status", times=1 if lost else LASTING, after=lost)
    else:
        hook = _fault_after_create(sim, ctx, method, path)
    answers = {"支付没有完成": "cancel", "要放弃本次申请吗？": "discard", "支付结果暂时无法确认": "ok"}
    if call in ("order query", "order cancel"):
        sim.gateway.script("*", "userpaying_then_abandoned")  # scanned, never confirmed
        citizen.on_payment = lambda v: Intent("cancel")  # gives up at the QR: the order is closed
    plain = citizen.__call__

    def walk(view: View) -> Intent | None:
        key = answers.get(str(view.title))
        return Intent(key) if key else plain(view)

    try:
        t = run(reissue.start, ctx, walk, on_step=hook)
    finally:
        sim.platform.faults.clear()
        sim.gateway.faults.clear()
    shown = [str(v.title) for v in t.views]
    # cancelling a payment that did not go through asks before the application is given up
    last = "要放弃本次申请吗？" if title == "支付没有完成" else title
    assert isinstance(t.outcome, Finished) and shown[-1] == last and title in shown, shown
    assert t.views[-1].actions  # a way on: home, or the next step
    if title == "业务系统暂时无法连接":
        assert "没有收取任何费用" in str(t.views[-1].body)
    # the systems answer again; the reconciler (at the next start, or every few minutes) settles
    _quiet()
    saga = PaidApplication(ctx.services["journal"], ctx.services["platform"], ctx.services["payment"])
    Reconciler(ctx.services["journal"], saga, grace=timedelta(0)).run()
    orders = [sim.gateway.orders[o] for o in set(sim.gateway.orders) - before_orders]
    paid = sum(sim.gateway.net_fen(o.order_no) for o in orders)
    cases = [s for s in ctx.services["journal"].iter_all() if s.kind == CASE]
    assert all(not s.open for s in ctx.services["journal"].iter_all())
    if cases and cases[0].after.get("outcome") == "submitted":
        acc = cases[0].refs["acceptance_no"]
        assert sim.platform.apps[acc].state == "accepted" and paid == 4000  # charged once
        assert title in ("费用已收到，申请将自动提交", "申请已受理，请取走回执")
    else:
        assert paid == 0  # nothing charged, or reversed
        made = [s.refs["acceptance_no"] for s in cases if s.refs.get("acceptance_no")]
        assert all(sim.platform.apps[acc].state == "cancelled" for acc in made)


def test_a_second_application_while_the_first_payment_is_unconfirmed_is_refused(ctx, devices, sim, tmp_path):
    """A night walk-through: the gateway stopped answering while the QR was shown; the citizen
    cancelled, was told the result could not be confirmed, started again with the same card and
    paid again. The reconciler completed the first minutes later: two applications, charged
    twice. Now the second start is refused with why, how long and whom to call, and once the
    first is settled the person may apply again."""
    from datetime import timedelta

    from hall.reconcile import Reconciler
    from hall.saga import PaidApplication

    before_orders = set(sim.gateway.orders)
    citizen = Citizen(mode="native")
    sim.gateway.script("*", "userpaying_then_abandoned")
    citizen.on_payment = lambda v: Intent("cancel")
    # the gateway stops answering while the QR is shown: neither the close nor a query is answered
    sim.gateway.faults.add("POST", "/orders/", "status", times=LASTING)
    sim.gateway.faults.add("GET", "/orders/", "status", times=LASTING)
    plain = citizen.__call__
    answers = {"要放弃本次申请吗？": "discard", "支付结果暂时无法确认": "ok"}

    def walk(view: View) -> Intent | None:
        key = answers.get(str(view.title))
        return Intent(key) if key else plain(view)

    try:  # the gateway silent throughout: the first case stays open (its settling on leaving fails)
        first = run(reissue.start, ctx, walk)
        assert str(first.views[-1].title) == "支付结果暂时无法确认"
        assert "12345" in str(first.views[-1].body) and "分钟" in str(first.views[-1].body)
        ctx.session = Session(tmp_path / "run2")
        second = run(reissue.start, ctx, Citizen())
    finally:
        sim.gateway.faults.clear()
    assert second.outcome == Finished("unsettled")
    why = str(second.views[-1].body)
    assert "正在确认缴费结果" in why and "请勿重复申请" in why and "12345" in why
    assert not any(isinstance(v, Payment) for v in second.views)  # nothing offered to pay
    assert len([s for s in ctx.services["journal"].iter_all() if s.kind == CASE]) == 1
    # settled (here the close is answered: nothing was charged), the person may apply again
    saga = PaidApplication(ctx.services["journal"], ctx.services["platform"], ctx.services["payment"])
    Reconciler(ctx.services["journal"], saga, grace=timedelta(0)).run()
    orders = [sim.gateway.orders[o] for o in set(sim.gateway.orders) - before_orders]
    assert sum(sim.gateway.net_fen(o.order_no) for o in orders) == 0
    ctx.session = Session(tmp_path / "run3")
    sim.gateway.script("*", "pay")  # this time the citizen pays and the gateway answers
    again = run(reissue.start, ctx, Citizen())
    assert again.outcome == Finished("submitted")


@pytest.mark.parametrize("mode", ["native", "micropay"])
def test_the_payment_screen_says_so_when_the_gateway_stops_answering(ctx, devices, sim, mode):
    """The gateway silent while the QR shows: the screen said nothing until the citizen gave
    up. The line under the QR (or under "confirm on your phone") now says we keep asking, and
    not to pay twice."""
    citizen = Citizen(mode=mode)
    sim.gateway.script("*", "userpaying_then_abandoned")
    statuses: list[str] = []

    def pay(view: Payment) -> Intent | None:
        statuses.append(str(view.status))
        return Intent("cancel") if len(statuses) >= 3 else None  # waits two rounds, then gives up

    citizen.on_payment = pay
    sim.gateway.faults.add("GET", "/orders/", "status", times=LASTING)
    try:
        run(reissue.start, ctx, citizen)
    finally:
        sim.gateway.faults.clear()
    assert statuses[0] != statuses[-1]
    assert "支付系统暂时没有应答，正在重试。如您已付款，请勿重复付款" in statuses[1:]


# ---- each device failing at its step ----
class DeadCamera:
    def snapshot(self) -> Any:
        from devices.base import DeviceOffline

        raise DeviceOffline("摄像头没有画面")


def test_the_camera_lost_at_the_photo_says_so_and_nothing_is_created(ctx, devices, sim):
    citizen = Citizen()
    plain = citizen.__call__
    t = run(reissue.start, ctx, lambda v: Intent(offline("camera")) if isinstance(v, Capture) else plain(v))
    assert t.outcome == Finished("device_lost")
    assert str(t.views[-1].title) == "摄像头暂时无法使用" and "照片没有保存" in str(t.views[-1].body)
    assert "没有收取任何费用" in str(t.views[-1].body) and "服务台" not in str(t.views[-1].body)
    assert not list(ctx.services["journal"].iter_all())


def test_the_camera_failing_at_the_face_check_says_so_and_nothing_is_charged(ctx, devices, sim):
    devices.camera = DeadCamera()
    t = run(reissue.start, ctx, Citizen())
    assert str(t.views[-1].title) == "摄像头暂时无法使用" and "没有收取任何费用" in str(t.views[-1].body)
    assert not list(ctx.services["journal"].iter_all()) and not devices.printer.jobs


def test_the_scanner_lost_while_the_code_is_shown_switches_to_the_qr(ctx, devices, sim):
    citizen = Citizen()
    plain = citizen.__call__
    lost = []

    def walk(view: View) -> Intent | None:
        if isinstance(view, Payment) and "scanned" in view.events and not lost:
            lost.append(view)
            return Intent(offline("scanner"))  # unplugged while the citizen finds the code
        return plain(view)

    t = run(reissue.start, ctx, walk)
    assert t.outcome == Finished("submitted")
    after = [v for v in t.views if isinstance(v, Payment) and v.qr]
    assert lost and after and after[0].qr.startswith("weixin://")  # paid by scanning the QR instead
    assert sim.gateway.net_fen(devices.printer.jobs[-1][1]["order_no"]) == 4000


# ---- the photo: retakes as configured, then the retake option is gone ----
def _retaking(citizen: Citizen, image: Any = None) -> Callable[[View], Intent | None]:
    """Retakes whenever a retake is offered; `image`: every capture is this frame."""
    plain = citizen.__call__

    def walk(view: View) -> Intent | None:
        if isinstance(view, Capture) and image is not None:
            return Intent("captured", SimpleNamespace(image=image))
        if isinstance(view, Message) and any(k == "retake" for k, _ in view.actions):
            return Intent("retake")
        return plain(view)

    return walk


@pytest.mark.parametrize("retakes", [2, 0])
def test_the_photo_can_be_retaken_as_often_as_configured_then_the_option_is_gone(ctx, devices, sim, retakes):
    from dataclasses import replace

    ctx = replace(ctx, config=load(None, {"reissue.poll_seconds": 4.0, "reissue.photo_retakes": retakes}))
    t = run(reissue.start, ctx, _retaking(Citizen()))
    assert t.outcome == Finished("submitted")
    assert sum(isinstance(v, Capture) for v in t.views) == retakes + 1
    confirms = [v for v in t.views if str(v.title) == "请确认您的照片"]
    assert [[k for k, _ in v.actions] for v in confirms] == [["retake", "ok"]] * retakes + [["ok"]]
    assert "重拍次数已用完" in str(confirms[-1].body)  # the citizen is told why it is gone
    if retakes:
        assert "还可以重拍 2 次" in str(confirms[0].body)


def test_photos_refused_every_time_end_after_the_retakes_with_the_way_to_a_counter(ctx, devices, sim):
    blank = np.full((1080, 1920, 3), 200, np.uint8)  # nobody in front of the camera
    t = run(reissue.start, ctx, _retaking(Citizen(), blank))
    assert t.outcome == Finished("no_retakes")
    retakes = int(ctx.config["reissue"]["photo_retakes"])
    refused = [v for v in t.views if str(v.title) == "这张照片不能使用"]
    assert len(refused) == retakes and "没有找到人脸" in str(refused[0].body)  # each with a retake
    assert sum(isinstance(v, Capture) for v in t.views) == retakes + 1
    last = t.views[-1]  # the last refusal offers no retake that cannot be had: it ends here
    assert str(last.title) == "多次拍摄未能得到合格照片" and "服务台" in str(last.body)
    assert "没有找到人脸" in str(last.body)
    assert last.actions[0][0] == "ok"  # the way home
    assert not list(ctx.services["journal"].iter_all()) and not devices.printer.jobs


# ---- who may apply here: each refusal the platform knows, said plainly with what to do ----
NOT_FOUND = "320102199909090014"  # a valid check digit, nobody on the reference platform
REFUSED = {p.refusal_code: p.id_number for p in PEOPLE if p.refusal_code}


def test_the_demo_people_cover_every_refusal_the_kiosk_explains():
    from devices.idcard.record import is_valid_id

    assert set(REFUSED) | {"person_not_found"} == set(reissue.REFUSALS)
    assert is_valid_id(NOT_FOUND) and all(p.id_number != NOT_FOUND for p in PEOPLE)


@pytest.mark.parametrize("code", sorted(reissue.REFUSALS))
def test_each_refusal_is_said_plainly_with_what_to_do_and_nothing_is_created(ctx, devices, sim, code):
    number = REFUSED.get(code, NOT_FOUND)
    t = run(reissue.start, ctx, Citizen(number))
    assert t.outcome == Finished("refused"), transcript_titles(t)
    last = t.views[-1]
    title = "没有查到您的信息" if code == "person_not_found" else "自助机暂时不能为您办理"
    assert str(last.title) == title
    assert str(last.body) == str(reissue.REFUSALS[code])  # the kiosk's words, not a raw code
    assert code not in str(last.body) and number not in str(last.body)
    assert any(w in str(last.body) for w in ("窗口", "通知")), str(last.body)  # what to do next
    assert [k for k, _ in last.actions] == ["ok"]  # the way home
    assert not any(isinstance(v, Capture | Payment) for v in t.views)  # no photo, nothing to pay
    assert not list(ctx.services["journal"].iter_all()) and not devices.printer.jobs


def test_a_submitted_application_is_rated_under_the_reissue_never_with_the_id_number(ctx, tmp_path):
    from tests.flows.rated import check_rated, rated_walk

    citizen = Citizen()
    t, store = rated_walk("reissue", ctx, citizen, tmp_path / "ratings")
    assert t.outcome == Finished("submitted"), citizen.seen
    check_rated(t, store, "reissue", ctx, tmp_path / "ratings", WANG, "360426********0071")


class Hesitant(Citizen):
    """Steps back at the screens named in `first` (title -> intent, once each), then answers as
    told at the question "要放弃本次申请吗？"."""

    def __init__(self, first: dict[str, str], at_question: str) -> None:
        super().__init__()
        self.first, self.at_question = dict(first), at_question
        self.asked: list[Message] = []

    def __call__(self, view: View) -> Intent | None:
        title = str(view.title)
        if title == "要放弃本次申请吗？":
            assert isinstance(view, Message)
            self.asked.append(view)
            self.seen.append(title)
            return Intent(self.at_question)
        if title in self.first:
            self.seen.append(title)
            return Intent(self.first.pop(title))
        return super().__call__(view)


def test_back_and_cancel_ask_before_the_work_is_lost_and_keep_goes_on_where_it_was(ctx, devices, sim):
    citizen = Hesitant(
        {"请选择办理类型": "back", "请确认您的照片": "back", "请核对申请信息": "cancel"}, "keep"
    )
    t = run(reissue.start, ctx, citizen)
    assert t.outcome == Finished("submitted"), citizen.seen
    # each time asked, with both ways out, and then back on the very screen left
    seen = citizen.seen
    for left in ("请选择办理类型", "请确认您的照片", "请核对申请信息"):
        at = seen.index(left)
        assert seen[at + 1 : at + 3] == ["要放弃本次申请吗？", left], seen
    bodies = [str(v.body) for v in citizen.asked]
    assert "信息将被清除" in bodies[0] and "照片将被删除" in bodies[1] and "照片和指纹将被删除" in bodies[2]
    assert all(
        {k: str(x) for k, x in v.actions} == {"keep": "继续办理", "discard": "放弃"} for v in citizen.asked
    )
    # nothing was taken again: one photo, one print per thumb
    assert seen.count("拍摄身份证照片") == 1
    assert devices.fingerprint.asked == ["right_thumb", "left_thumb"]


@pytest.mark.parametrize("left", ["请选择办理类型", "请确认您的照片", "请核对申请信息"])
def test_giving_up_when_asked_ends_the_application_and_clears_the_session(ctx, devices, sim, tmp_path, left):
    review = left == "请核对申请信息"
    citizen = Hesitant({left: "cancel" if review else "back"}, "discard")
    t = run(reissue.start, ctx, citizen)
    assert t.outcome == Finished("cancelled" if review else "back"), citizen.seen
    assert citizen.seen[citizen.seen.index(left) + 1] == "要放弃本次申请吗？"
    # the session is gone with its photo: nothing of the citizen is left in the run folder
    assert ctx.session.closed and not [f for f in (tmp_path / "run").rglob("*") if f.is_file()]
    if review:  # the application already made is withdrawn, nothing charged
        _settled(ctx, "not_paid")
