"""ID card reissue and renewal at one kiosk (services.md sections 1 and 2), top to bottom:

who (the old card read, or the number typed and the masked name confirmed; the platform says
whether this person may apply here) -> kind and fee -> photo (the photo journey's step) ->
liveness and face comparison on the platform -> fingerprints (a failed capture is recorded, as
the standard allows) -> the application created with photo and prints, reviewed -> pay (the
citizen's code scanned, or a QR shown) -> submit -> a slip with a signed pickup code.

Nothing personal reaches the platform before the review; from the application on, every step
goes through hall.saga.PaidApplication, so it is journalled: a citizen who cancels or walks
away mid-payment has the order closed or reversed and the application withdrawn (settled with
`citizen_gone`, off the GUI thread), and a paid application is submitted or refunded by the
reconciler if this kiosk dies. Photo and prints live in the session and go with it.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from backends.errors import BackendError, Refused
from backends.payment.api import Mode, Order, State
from backends.platform.api import Kind, Person
from core.text import Text, tr
from devices.base import DeviceError
from devices.idcard.record import is_valid_id
from flows.fingerprints import take_prints
from flows.photo import take_photo
from flows.queue import take_card_back
from flows.reissue_slip import local_now, make_slip, print_slip, reprint, signer
from flows.runtime import FlowContext, FlowGen
from flows.views import Busy, Choose, Entry, Message, Option, Payment, Work, offline, online
from hall.reconcile import GRACE

if TYPE_CHECKING:  # the saga brings SQLAlchemy: loaded when a citizen starts, not at first paint
    from hall.saga import Case, PaidApplication

log = logging.getLogger(__name__)

KIND_NAMES: dict[Kind, Text] = {
    Kind.RENEWAL_EXPIRY: tr("到期换领"),
    Kind.RENEWAL_DAMAGED: tr("损坏换领"),
    Kind.REISSUE_LOST: tr("丢失补领"),
}
# the platform's refusal codes, said plainly with what to do next
REFUSALS: dict[str, Text] = {
    "pending_application": tr("您已有一份正在办理的身份证申请，不能重复申请。新证制作好后会通知您领取"),
    "minor_guardian": tr("未满十六周岁的申请人，请由监护人陪同到窗口办理"),
    "registration_cancelled": tr("户籍信息显示已注销，请到户籍窗口咨询"),
    "no_registry_photo": tr("户籍中没有您的登记照片，无法进行人像比对，请到窗口办理"),
    "not_resident_card": tr("港澳台居民居住证请到出入境窗口办理"),
    "other_province": tr("您的户籍不在本省，自助机暂不能受理，请到窗口办理异地换补领"),
    "person_not_found": tr("没有查到这个身份证号码的户籍信息，请核对号码，或到窗口办理"),
}
OLD_CARD = tr("请刷旧身份证")
# what a citizen who gives up loses, said before it is thrown away
LOST_ID = tr("您输入的信息将被清除，需要从头办理。")
LOST_PHOTO = tr("已拍的照片将被删除，需要从头办理。")
LOST_ALL = tr("已拍的照片和指纹将被删除，需要从头办理。")
CARD_EVENTS = ("card_inserted", "card_invalid", offline("idcard"))


def fen(amount: int) -> str:
    return f"{amount / 100:.2f}"


def validity(id_number: str, today: date) -> Text:
    """The validity class the new card will have, by age (5, 10, 20 years or long-term)."""
    born = date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if age < 16:
        return tr("有效期 5 年")
    if age <= 25:
        return tr("有效期 10 年")
    if age <= 45:
        return tr("有效期 20 年")
    return tr("长期有效")


def end(
    ctx: FlowContext, title: Text, body: Text, tone: str = "warning", outcome: str = "refused"
) -> FlowGen:
    """A screen that ends the journey with what happened and what to do, and the way on."""
    ctx.at_stake = None  # what the citizen gave is gone or kept by now: home needs no question
    yield Message(
        title=title,
        body=body,
        prompt=title,
        tone=tone,
        # 完成, not 返回首页: a rating may come first (a stranger's tap meant for the home's
        # first tile landed on its 非常满意 after a refused application)
        actions=(("ok", tr("完成")),),
        timeout=60,
        can_go_back=False,
    )
    return outcome


def _counter(ctx: FlowContext, why: Text) -> FlowGen:
    return end(
        ctx,
        tr("请到窗口办理"),
        tr(
            "{why}。请带身份证明到服务窗口办理；没办成事可在首页“办不成事”反映。服务电话 {phone}",
            why=why,
            phone=ctx.config["kiosk"]["help_phone"],
        ),
        outcome="counter",
    )


def start(ctx: FlowContext) -> FlowGen:
    cfg = ctx.config["reissue"]
    platform = ctx.services["platform"]
    try:  # before anything is paid: a slip that cannot be signed is found out now
        signer(ctx)
    except (OSError, ValueError) as e:
        log.error("pickup code key unusable: %s", e)
        return (yield from end(ctx, tr("自助机暂时不能办理此业务"), tr("请到窗口办理，或稍后再试")))
    # 1. who
    who = yield from _who(ctx, platform)
    if who == "reprint":
        return (yield from reprint(ctx))
    if isinstance(who, str):
        return who
    id_number, person, renewal = who
    ctx.at_stake = LOST_ID
    if not person.eligible:
        why = REFUSALS.get(person.refusal_code) or Text(person.refusal)
        return (yield from end(ctx, tr("自助机暂时不能为您办理"), why))
    if (yield from _payment_unconfirmed(ctx, platform, id_number)):
        return (yield from end(ctx, tr("自助机暂时不能为您办理"), _unconfirmed_why(ctx), outcome="unsettled"))
    # 2. kind and fee
    kind = yield from _kind(ctx, person, id_number, renewal)
    if kind is None:
        return "back"
    # 3. photo
    taken = yield from take_photo(
        ctx,
        tr("拍摄身份证照片"),
        retakes=int(cfg["photo_retakes"]),
        leave=lambda photo: really_leave(LOST_PHOTO if photo else LOST_ID),
    )
    if isinstance(taken, str):
        return taken
    photo, _path = taken
    ctx.at_stake = LOST_ALL  # the photo, and the prints as they are taken
    # 4. the live face against the registry photo
    face = yield from compare_face(ctx, platform, person)
    if face != "same":
        return face
    # 5. fingerprints
    prints = yield from take_prints(ctx, leave=lambda: really_leave(LOST_ALL))
    if isinstance(prints, str):
        return prints
    # 6. the application, then the review
    from hall.saga import SUBMITTED, WAITING, PaidApplication

    saga = PaidApplication(ctx.services["journal"], platform, ctx.services["payment"])
    case: Case | None = None
    settled = False
    try:
        try:
            case = yield Work(
                lambda: saga.open(id_number, kind),
                busy=Busy(title=tr("正在提交申请资料"), prompt=tr("正在提交申请资料，请稍候")),
            )
        except Refused as e:
            return (yield from end(ctx, tr("自助机暂时不能为您办理"), e.reason))
        except BackendError as e:
            return (yield from systems_down(ctx, e))
        acc = case.acceptance_no
        try:
            yield Work(
                lambda: _attach(platform, acc, photo.jpeg, prints),
                busy=Busy(title=tr("正在提交申请资料"), prompt=tr("正在上传照片和指纹，请稍候")),
            )
        except BackendError as e:
            return (yield from systems_down(ctx, e))
        ok = yield from _review(ctx, person, kind, id_number, prints, case, str(_path))
        if not ok:
            yield Work(lambda: saga.settle(case.saga, citizen_gone=True))
            settled = True
            return (yield from end(ctx, tr("申请已取消"), tr("没有收取任何费用。"), "info", "cancelled"))
        # 7. pay
        if case.fee_fen > 0:
            paid = yield from pay(ctx, saga, case, leave=lambda: really_leave(LOST_ALL))
            if paid != "paid":
                if paid != "unknown":
                    yield Work(lambda: saga.settle(case.saga, citizen_gone=True))
                    settled = True
                return paid
        ctx.at_stake = None  # paid (or free): the application goes in whatever the citizen does
        # 8. submit and slip
        outcome = yield Work(
            lambda: saga.settle(case.saga),
            busy=Busy(title=tr("正在提交申请"), prompt=tr("正在提交申请，请稍候")),
        )
        settled = outcome.final
        if outcome.state == SUBMITTED:
            return (yield from _slip(ctx, case, kind, person, outcome.order_no))
        if outcome.state == WAITING:
            return (
                yield from end(
                    ctx,
                    tr("费用已收到，申请将自动提交"),
                    tr(
                        "受理号 {acc}。系统暂未应答，本机会自动提交；不能完成时费用原路退回",
                        acc=acc,
                    ),
                    outcome="waiting",
                )
            )
        why = outcome.reason or tr("申请无法完成")
        # paid and refused: what happened, the references to quote, when the money comes back
        body = tr(
            "{why}。\n受理号 {acc}，订单号 {order}。已缴费用将原路退回到您付款的账户。"
            "有疑问请拨打服务电话 {phone}，或在首页“办不成事”反映",
            why=why,
            acc=acc,
            order=outcome.order_no or "—",
            phone=ctx.config["kiosk"]["help_phone"],
        )
        return (yield from end(ctx, tr("申请未能提交，费用将原路退回"), body, outcome=outcome.state))
    finally:
        if case is not None and not settled:
            _abandon(saga, case.saga)


def really_leave(lost: Text) -> FlowGen:
    """True when the citizen, asked, gives up the application (`lost`: what goes with it);
    False (继续办理) takes them back to the screen they left, with nothing lost."""
    got = yield Message(
        title=tr("要放弃本次申请吗？"),
        body=lost,
        prompt=tr("要放弃本次申请吗？{lost}", lost=lost),
        tone="warning",
        actions=(("discard", tr("放弃")), ("keep", tr("继续办理"))),
        can_go_back=False,
    )
    return got.name == "discard"


def _abandon(saga: PaidApplication, key: str) -> None:
    """The citizen left (home, idle) with the case open: close or reverse the order and withdraw
    the application off the GUI thread; what cannot be reached now the reconciler finishes."""

    def settle() -> None:
        try:
            saga.settle(key, citizen_gone=True)
        except Exception as e:  # the kiosk shutting down closed its clients: the journal keeps it
            log.warning("saga %s not settled on leaving (the reconciler will): %s", key, e)

    threading.Thread(target=settle, name="reissue-abandon", daemon=True).start()


def _payment_unconfirmed(ctx: FlowContext, platform: Any, id_number: str) -> FlowGen:
    """True when an application of this person waits for its payment to be confirmed (the
    gateway did not answer): a second one started meanwhile was paid for twice, the first
    completed by the reconciler minutes later. The platform lists the person's applications;
    the hall's journal says which are still open."""
    from hall.saga import PaidApplication

    saga = PaidApplication(ctx.services["journal"], platform, ctx.services["payment"])
    try:
        busy = Busy(title=tr("正在查询"), prompt=tr("正在查询您的申请，请稍候"))
        return (yield Work(partial(saga.unsettled_for, id_number), busy=busy))
    except BackendError:  # the platform answered the lookup a moment ago; not knowing, go on
        return False


def _unconfirmed_why(ctx: FlowContext) -> Text:
    return tr(
        "您刚才的申请正在确认缴费结果，请勿重复申请或再次付款。确认后本机会自动完成申请，或原路退款"
        "（约 {minutes} 分钟）；之后可刷身份证补打回执。有疑问请拨打服务电话 {phone}",
        minutes=_settle_minutes(ctx),
        phone=ctx.config["kiosk"]["help_phone"],
    )


def _settle_minutes(ctx: FlowContext) -> int:
    """The longest a payment left unconfirmed waits to be settled: the reconciler's grace, then
    its next round."""
    return math.ceil((GRACE.total_seconds() + ctx.config["backends"]["reconcile_every"]) / 60)


def systems_down(ctx: FlowContext, e: BackendError) -> FlowGen:
    return end(
        ctx, tr("业务系统暂时无法连接"), tr("{why}。没有收取任何费用，请稍后再试或到窗口办理", why=e.reason)
    )


# ---- 1. who ----
def _who(ctx: FlowContext, platform: Any) -> FlowGen:
    """(id_number, Person, renewal) or "back"/"home"/a refusal outcome."""
    while True:
        how = yield Choose(
            title=tr("请选择办理方式"),
            prompt=tr("换领请刷旧身份证；证件丢失请选择补领"),
            options=(
                Option(
                    "renew",
                    tr("换领：刷旧身份证"),
                    tr("证件到期或损坏"),
                    enabled=ctx.usable("idcard"),
                    reason=tr("读卡器暂不可用，请选择输入号码"),
                ),
                Option("lost", tr("补领：输入身份证号码"), tr("证件丢失")),
                Option(
                    "reprint",
                    tr("补打受理回执"),
                    tr("已经申请，回执丢了或没打出来：刷身份证补打"),
                    enabled=ctx.usable("idcard"),
                    reason=tr("读卡器暂不可用，请到窗口补打"),
                ),
            ),
            # with the reader down, drawn again when it is back: its choices turn on
            events=() if ctx.usable("idcard") else (online("idcard"),),
        )
        if how.name == online("idcard"):
            continue
        if how.name in ("back", "reprint"):
            return how.name
        renewal = how.name == "renew"
        id_number = yield from (read_card(ctx) if renewal else type_number(ctx))
        if id_number in ("back", "retry"):
            continue
        if id_number == "home":
            return "home"
        try:
            person = yield Work(
                partial(platform.lookup, id_number),
                busy=Busy(title=tr("正在查询"), prompt=tr("正在查询户籍信息，请稍候")),
            )
        except Refused as e:
            why = REFUSALS.get(e.code) or e.reason
            return (yield from end(ctx, tr("没有查到您的信息"), why))
        except BackendError as e:
            return (yield from systems_down(ctx, e))
        if not renewal:
            sure = yield Message(
                title=tr("请确认是您本人"),
                body=tr("姓名：{name}\n公民身份号码：{id}", name=person.name_masked, id=person.id_masked),
                prompt=tr("请确认姓名是否正确"),
                actions=(("no", tr("不是，重新输入")), ("yes", tr("是我本人"))),
                can_go_back=False,
            )
            if sure.name != "yes":
                continue
        return id_number, person, renewal


def read_card(ctx: FlowContext, title: Text = OLD_CARD) -> FlowGen:
    """The ID number of the card placed on the reader, or "back"/"home"."""
    error: Text = Text("")
    while ctx.usable("idcard"):
        got = yield Message(
            title=title,
            body=error if str(error) else tr("请将身份证放在读卡区"),
            prompt=title,
            tone="warning" if str(error) else "info",
            events=CARD_EVENTS,
            actions=(("back", tr("返回")),),
            timeout=60,
            can_go_back=False,
        )
        if got.name == "card_inserted":
            card = got.value
            ctx.session.personal(card.name, card.address)
            yield from take_card_back(ctx)
            return str(card.id_number)
        if got.name == "card_invalid":
            error = tr("这张证件无法读取：{why}。损坏的证件请到窗口办理，或选择补领输入号码", why=got.value)
            continue
        if got.name == offline("idcard"):
            yield from _reader_lost(ctx)
            return "back"
        return "back" if got.name == "back" else "home"
    return "back"


def _reader_lost(ctx: FlowContext) -> FlowGen:
    """The reader went down while waiting for the card: said, not a silent jump back (the
    card may lie on it, and 换领 is greyed on the screen that comes next)."""
    yield Message(
        title=tr("读卡器暂时无法使用"),
        body=tr(
            "如身份证已放在读卡区，请先取回。证件丢失可选择补领输入号码，或稍后再试；"
            "有疑问请拨打服务电话 {phone}",
            phone=ctx.config["kiosk"]["help_phone"],
        ),
        prompt=tr("读卡器暂时无法使用，请取回身份证"),
        tone="warning",
        actions=(("ok", tr("知道了")),),
        timeout=30,
        can_go_back=False,
    )


#: the large keypad for the ID number, its check character checked as it is typed
ID_ENTRY = Entry(
    title=tr("请输入您的身份证号码"),
    prompt=tr("请输入十八位身份证号码"),
    label=tr("公民身份号码（18 位，最后一位可能是 X）"),
    min_length=18,
    max_length=18,
    allowed="0123456789X",
    check="id_number",
)
WRONG_NUMBER = tr("号码有误（校验位或出生日期不对），请核对后重新输入")


def type_number(ctx: FlowContext) -> FlowGen:
    error: Text = Text("")
    while True:
        got = yield replace(ID_ENTRY, error=error)
        if got.name != "ok":
            return "back"
        number = str(got.value).upper()
        if is_valid_id(number):
            ctx.session.personal(number)
            return number
        error = WRONG_NUMBER


# ---- 2. kind and fee ----
def _kind(ctx: FlowContext, person: Person, id_number: str, renewal: bool) -> FlowGen:
    cfg = ctx.config["reissue"]
    exempt = person.fee_class == "exempt"
    wanted = (Kind.RENEWAL_EXPIRY, Kind.RENEWAL_DAMAGED) if renewal else (Kind.REISSUE_LOST,)
    kinds = [k for k in wanted if k in person.kinds]
    if not kinds:
        return None
    until = validity(id_number, local_now(ctx).date())
    options = tuple(
        Option(
            k.value,
            KIND_NAMES[k],
            tr("免收工本费，{until}", until=until)
            if exempt
            else tr("工本费 {fee} 元，{until}", fee=fen(int(cfg[f"fee_{k.value}"])), until=until),
        )
        for k in kinds
    )
    choose = Choose(title=tr("请选择办理类型"), prompt=tr("请选择办理类型，下方写有费用"), options=options)
    while (got := (yield choose)).name not in {k.value for k in kinds}:
        if (yield from really_leave(LOST_ID)):
            return None
    return Kind(got.name)


# ---- 4. face ----
def compare_face(ctx: FlowContext, platform: Any, person: Person) -> FlowGen:
    """ "same", or the outcome of a screen that ended the journey."""
    got = yield from face_check(ctx, platform, person.photo_ref, int(ctx.config["reissue"]["face_tries"]))
    if got in ("same", "home"):
        return got
    if got == "camera":
        return (yield from end(ctx, tr("摄像头暂时无法使用"), tr("没有收取任何费用，请稍后再试或到窗口办理")))
    if isinstance(got, BackendError):
        return (yield from systems_down(ctx, got))
    return (yield from _counter(ctx, tr("人像比对没有通过")))


def face_check(ctx: FlowContext, platform: Any, photo_ref: str, tries: int) -> FlowGen:
    """The live face (liveness first) against `photo_ref` on the platform, a retry screen between
    tries; a step other journeys reuse. Returns "same", "different" (tries used up), "home" (the
    citizen gave up at the retry screen), "camera" (it cannot be used), or the platform's
    BackendError."""
    settings = ctx.config["devices.camera"]
    for attempt in range(1, tries + 1):
        if not ctx.usable("camera"):
            return "camera"
        try:
            alive, frame = yield Work(
                partial(
                    live_face,
                    lambda: ctx.devices["camera"].call(lambda d: d.snapshot(), timeout=8),
                    settings,
                    float(ctx.config["reissue"]["liveness_seconds"]),
                ),
                busy=Busy(title=tr("人像比对"), prompt=tr("请看着摄像头，轻轻眨眨眼")),
            )
        except DeviceError:
            return "camera"
        same = False
        if alive and frame is not None:
            try:
                result = yield Work(
                    partial(platform.compare_face, photo_ref, frame),
                    busy=Busy(title=tr("人像比对"), prompt=tr("正在比对，请稍候")),
                )
                same = bool(result.same)
            except Refused:
                same = False  # no face in the live picture: another try
            except BackendError as e:
                return e
        if same:
            return "same"
        log.info("face comparison %d/%d failed (alive=%s)", attempt, tries, alive)
        if attempt < tries:
            again = yield Message(
                title=tr("人像比对未通过"),
                body=tr("请摘下帽子和眼镜，正对摄像头，保持光线充足，再试一次"),
                tone="warning",
                actions=(("retry", tr("再试一次")), ("home", tr("返回首页"))),
                can_go_back=False,
            )
            if again.name != "retry":
                return "home"
    return "different"


def live_face(snapshot: Any, settings: Mapping[str, Any], seconds: float = 0.0) -> tuple[bool, bytes | None]:
    """Off the GUI thread: the liveness verdict and the live face as JPEG for the platform."""
    import cv2

    from devices.camera.pipeline import watch_liveness

    alive, image = watch_liveness(snapshot, settings, seconds=seconds)
    return alive, None if image is None else bytes(cv2.imencode(".jpg", image)[1].tobytes())


def _attach(platform: Any, acc: str, jpeg: bytes, prints: Any) -> None:
    platform.attach_photo(acc, jpeg)
    fingers = {s.image.finger: s.image.template or s.image.png() for s in prints.slots if s.image is not None}
    platform.attach_fingerprints(acc, fingers)  # empty: "capture failed", as the standard allows


# ---- 6. review ----
def _review(
    ctx: FlowContext, person: Person, kind: Kind, id_number: str, prints: Any, case: Case, photo: str
) -> FlowGen:
    fee = tr("免收工本费") if case.fee_fen == 0 else tr("{fee} 元", fee=fen(case.fee_fen))
    review = Message(
        title=tr("请核对申请信息"),
        body=tr(
            "姓名：{name}\n公民身份号码：{id}\n办理类型：{kind}（{until}）\n指纹：{prints}\n受理号：{acc}\n应缴费用：{fee}",
            name=person.name_masked,
            id=person.id_masked,
            kind=KIND_NAMES[kind],
            until=validity(id_number, local_now(ctx).date()),
            prints=prints.summary(),
            acc=case.acceptance_no,
            fee=fee,
        ),
        prompt=tr("请核对申请信息，确认后缴费"),
        image=photo,
        actions=(("cancel", tr("取消申请")), ("ok", tr("确认，去缴费") if case.fee_fen else tr("确认提交"))),
        can_go_back=False,
    )
    while (yield review).name != "ok":
        if (yield from really_leave(LOST_ALL)):
            return False
    return True


# ---- 7. pay ----
def pay(
    ctx: FlowContext, saga: PaidApplication, case: Case, leave: Callable[[], FlowGen] | None = None
) -> FlowGen:
    """ "paid", or why not: "cancelled", "failed", "unknown" (the reconciler settles it).
    `leave` asks a citizen who would cancel before any charge whether to give up (True: they
    do); without it a cancel ends at once."""
    modes = [m for m in ctx.config["reissue"]["payment_modes"] if m in ("micropay", "native")]
    while True:
        options = []
        if "micropay" in modes:
            options.append(
                Option(
                    "micropay",
                    tr("出示付款码"),
                    tr("打开微信或支付宝付款码，由本机扫码"),
                    enabled=ctx.usable("scanner"),
                    reason=tr("扫码器暂不可用，请用手机扫码支付"),
                )
            )
        if "native" in modes:
            options.append(Option("native", tr("手机扫码支付"), tr("用微信或支付宝扫描屏幕上的二维码")))
        usable = [o for o in options if o.enabled]
        if len(usable) == 1:
            mode = usable[0].key
        else:
            got = yield Choose(
                title=tr("请选择缴费方式（{fee} 元）", fee=fen(case.fee_fen)),
                prompt=tr("需缴费 {fee} 元，请选择缴费方式", fee=fen(case.fee_fen)),
                options=tuple(options),
                help=tr("两种方式都可以：出示手机付款码给本机扫，或用手机扫屏幕上的二维码。"),
            )
            if got.name not in ("micropay", "native"):
                if got.name == "back" and leave is not None and not (yield from leave()):
                    continue
                return "cancelled"
            mode = got.name
        if mode == "micropay":
            order = yield from _micropay(ctx, saga, case)
        else:
            order = yield from _native(ctx, saga, case)
        if isinstance(order, str):
            if order == "switch":
                modes = ["native"]
                continue
            return order
        if order.state == State.PAID:
            return "paid"
        if order.state == State.UNKNOWN:
            return (
                yield from end(
                    ctx,
                    tr("支付结果暂时无法确认"),
                    tr(
                        "如已扣款，本机会在约 {minutes} 分钟内自动完成申请或原路退款，"
                        "请勿重复支付或重新申请。受理号 {acc}。有疑问请拨打服务电话 {phone}",
                        minutes=_settle_minutes(ctx),
                        acc=case.acceptance_no,
                        phone=ctx.config["kiosk"]["help_phone"],
                    ),
                    outcome="unknown",
                )
            )
        again = yield Message(
            title=tr("支付没有完成"),
            body=tr("没有扣款（{why}）。您可以重新支付，或取消申请", why=order.detail or tr("订单已关闭")),
            tone="warning",
            actions=(("cancel", tr("取消申请")), ("retry", tr("重新支付"))),
            can_go_back=False,
        )
        if again.name == "cancel" and leave is not None and not (yield from leave()):
            continue  # 继续办理: the payment is offered again
        if again.name != "retry":
            return "cancelled"


def _paying(ctx: FlowContext, case: Case, left: float, **kw: Any) -> Payment:
    kw.setdefault("title", tr("缴纳工本费"))
    kw.setdefault("prompt", tr("请按屏幕提示付款"))
    kw.setdefault("actions", (("cancel", tr("取消缴费")),))
    return Payment(amount=fen(case.fee_fen), seconds_left=max(0, round(left)), **kw)


def _micropay(ctx: FlowContext, saga: PaidApplication, case: Case) -> FlowGen:
    cfg = ctx.config["reissue"]
    clock = ctx.clock
    deadline = clock.monotonic() + float(cfg["qr_expire_seconds"])
    ask = dict(title=tr("请出示付款码"), prompt=tr("请打开手机付款码，对准扫码口"))
    while True:
        left = deadline - clock.monotonic()
        got = yield _paying(
            ctx, case, left, events=("scanned", offline("scanner")), timeout=max(1.0, left), **ask
        )
        if got.name == offline("scanner"):
            return "switch"
        if got.name != "scanned":
            return "cancelled"
        code = str(got.value).strip()
        if code.isdigit() and 16 <= len(code) <= 24:
            break
        ask["prompt"] = tr("这不是付款码，请打开微信或支付宝的付款码再扫")
    busy = _paying(ctx, case, left, title=tr("正在扣款"), prompt=tr("正在扣款，请稍候"), actions=())
    order = yield Work(lambda: saga.pay(case, Mode.MICROPAY, code), busy=busy)
    wait, every = float(cfg["userpaying_wait"]), float(cfg["poll_seconds"])
    waited = 0.0
    while not order.state.final:  # USERPAYING (or no answer): query, never a second order
        if waited >= wait:
            return (yield Work(lambda o=order: saga.cancel_order(o.order_no), busy=busy))
        view = _paying(
            ctx,
            case,
            wait - waited,
            title=tr("请在手机上确认付款"),
            prompt=tr("请在手机上输入密码确认付款"),
            status=_paying_status(order, tr("等待您在手机上确认")),
            timeout=every,
        )
        got = yield view
        if got.name == "cancel":
            return (yield Work(lambda o=order: saga.cancel_order(o.order_no), busy=busy))
        waited += every
        order = yield Work(lambda o=order: saga.poll(o.order_no), busy=view)
    return order


def _native(ctx: FlowContext, saga: PaidApplication, case: Case) -> FlowGen:
    cfg = ctx.config["reissue"]
    clock = ctx.clock
    expire, every = int(cfg["qr_expire_seconds"]), float(cfg["poll_seconds"])
    order: Order = yield Work(
        lambda: saga.pay(case, Mode.NATIVE, expire_seconds=expire),
        busy=Busy(title=tr("正在生成付款二维码"), prompt=tr("正在生成付款二维码，请稍候")),
    )
    if order.state.final:
        return order
    qr = order.code_url
    deadline = clock.monotonic() + expire
    while True:
        left = deadline - clock.monotonic()
        confirming = tr("请在手机上确认付款") if order.detail == "USERPAYING" else Text("")
        view = _paying(
            ctx,
            case,
            left,
            title=tr("请用手机扫码付款"),
            prompt=tr("请用微信或支付宝扫描二维码付款"),
            qr=qr,
            status=_paying_status(order, confirming),
            timeout=max(0.0, min(every, left)),
        )
        got = yield view
        order = yield Work(lambda o=order: saga.poll(o.order_no), busy=view)
        if order.state.final:
            return order
        if got.name == "cancel" or left <= every:
            # closed only after a query says unpaid (above); a payment arriving now is reversed
            return (yield Work(lambda o=order: saga.cancel_order(o.order_no), busy=view))


def _paying_status(order: Order, confirming: Text) -> Text:
    """The line under the payment: `confirming`, or, the gateway silent, that we keep asking,
    so a citizen who paid does not pay again (a night walk-through saw only the QR)."""
    if order.state == State.UNKNOWN:
        return tr("支付系统暂时没有应答，正在重试。如您已付款，请勿重复付款")
    return confirming


# ---- 8. slip ----
def _slip(ctx: FlowContext, case: Case, kind: Kind, person: Person, order_no: str) -> FlowGen:
    slip = yield Work(
        lambda: make_slip(ctx, case.saga, case.acceptance_no, kind, case.fee_fen, order_no),
        busy=Busy(title=tr("正在打印受理回执"), prompt=tr("正在打印受理回执，请稍候")),
    )
    return (yield from print_slip(ctx, slip, person.name_masked, person.id_masked))
