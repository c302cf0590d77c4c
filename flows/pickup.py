"""Collecting a new ID card from the pickup locker, top to bottom:

the slip's QR scanned (the scanner, or held to the camera), or the ID card read / the acceptance
number typed -> the code checked (shape, hall, signature, age) -> collected before? (this wall's
history, the platform) -> ready in a compartment of this kiosk? (the platform, and the local
inventory) -> the person: a live face against the application's photo on the platform -> the
compartment opened (a journalled hand-over, hall/lockers/handover.py) -> which door, with a map
of the wall -> the door shut again -> the pickup recorded (inventory, journal, platform).

A slip whose signature verifies is enough while the platform does not answer: the local
inventory says where the card is, and the platform is told later through the journal. The ID
card and the typed number carry no signature, so they need the platform and the face check.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from backends.errors import BackendError, Refused
from backends.platform.api import Application, AppState
from core.text import Text, tr
from devices.base import DeviceError
from flows.queue import take_card_back
from flows.reissue import CARD_EVENTS, face_check, signer
from flows.runtime import FlowContext, FlowGen
from flows.views import Busy, Entry, LockerDoor, Message, Work, offline

log = logging.getLogger(__name__)

ACCEPTANCE_LEN = 15  # SL + 13 digits, as the platform numbers applications
NOT_READY = (AppState.CREATED, AppState.PAID, AppState.ACCEPTED, AppState.IN_PRODUCTION)


@dataclass(frozen=True)
class Ticket:
    """A card this kiosk may give out now."""

    acc: str
    number: int  # the compartment
    method: str  # qr, idcard, face (typed number)
    photo_ref: str  # "" when the platform did not answer (a verified slip is enough then)


@dataclass(frozen=True)
class Refusal:
    title: Text
    body: Text
    tone: str = "warning"
    # offered besides 完成: "retype", a typed number found nothing (type it again); "rescan", a
    # code that is not a slip's (scan again, or read the card, or type the number)
    again: str = ""


def _local(ctx: FlowContext, when: datetime) -> datetime:
    return when.astimezone(ZoneInfo(str(ctx.config["kiosk"]["timezone"])))


def _end(ctx: FlowContext, r: Refusal, outcome: str = "refused") -> FlowGen:
    yield Message(
        title=r.title,
        body=r.body,
        prompt=r.title,
        tone=r.tone,
        actions=(("ok", tr("完成")),),  # the rating follows, then home
        timeout=60,
        can_go_back=False,
    )
    return outcome


def _retype(r: Refusal) -> FlowGen:
    """A number typed that the platform does not know (most likely a slip of the finger), or a
    code that is not a slip's (another QR code held up): True to try again."""
    label = tr("重新输入") if r.again == "retype" else tr("再试一次")
    got = yield Message(
        title=r.title,
        body=r.body,
        prompt=r.title,
        tone=r.tone,
        actions=(("again", label), ("ok", tr("完成"))),
        timeout=60,
        can_go_back=False,
    )
    return got.name == "again"


def _counter(ctx: FlowContext, title: Text, why: Text) -> Refusal:
    return Refusal(
        title,
        tr("{why}。服务电话 {phone}", why=why, phone=ctx.config["kiosk"]["help_phone"]),
    )


def start(ctx: FlowContext) -> FlowGen:
    handover = ctx.services["handover"]
    retyping = False
    while True:
        got = (yield from _typed_number()) if retyping else (yield from _ask(ctx))
        retyping = False
        if got in ("back", "home"):
            return got
        if got == "again":
            continue
        found = yield from _find(ctx, handover, got)
        if isinstance(found, Refusal) and found.again:
            if (yield from _retype(found)):
                retyping = found.again == "retype"
                continue
            return "refused"
        if isinstance(found, Refusal):
            return (yield from _end(ctx, found))
        face = yield from _face(ctx, found)
        if face is not None:
            return (yield from _end(ctx, face))
        return (yield from _give(ctx, handover, found))


# ---- 1. the slip, the card or the number ----
def _ask(ctx: FlowContext) -> FlowGen:
    """("qr", code) | ("idcard", id number) | ("face", acceptance no) | back/home/again."""
    actions: list[tuple[str, Text]] = [("back", tr("返回"))]
    if ctx.usable("idcard"):
        actions.append(("idcard", tr("刷身份证")))
    actions.append(("number", tr("输入受理号")))
    scanner, camera = ctx.usable("scanner"), ctx.usable("camera")
    if camera and not scanner:
        actions.append(("camera", tr("对准摄像头扫码")))
    got = yield Message(
        title=tr("请扫描回执上的二维码"),
        body=tr("请将受理回执上的二维码对准扫码口")
        if scanner
        else tr("扫码器暂不可用。可将回执二维码对准摄像头，或刷身份证、输入受理号"),
        prompt=tr("请将受理回执上的二维码对准扫码口"),
        events=("scanned", "scan_rejected", offline("scanner")),
        actions=tuple(actions),
        timeout=90,
        can_go_back=False,
        help=tr("受理回执上印有二维码。也可以刷身份证，或输入回执上的受理号，再进行人像比对后领取。"),
    )
    if got.name == "scanned":
        return ("qr", str(got.value))
    if got.name == "scan_rejected":  # the scanner dropped it (oversized, unreadable bytes)
        log.info("pickup scan rejected by the scanner: %s", got.value)  # the why is for staff
        yield Message(
            title=tr("这不是取证回执的二维码"),
            body=tr("未能读出这个二维码。请扫描受理回执上的二维码，也可以刷身份证或输入受理号"),
            tone="warning",
            actions=(("ok", tr("返回")),),  # to the scan, where the card and the number are offered
            timeout=30,
            can_go_back=False,
        )
        return "again"
    if got.name == offline("scanner"):
        return "again"
    if got.name == "camera":
        code = yield from _camera_scan(ctx)
        return ("qr", code) if code else "again"
    if got.name == "idcard":
        id_number = yield from _read_card(ctx)
        return ("idcard", id_number) if id_number else "again"
    if got.name == "number":
        return (yield from _typed_number())
    return "back" if got.name == "back" else "home"


def _typed_number() -> FlowGen:
    typed = yield Entry(
        title=tr("请输入受理号"),
        prompt=tr("请输入回执上的受理号"),
        label=tr("受理号（SL 后的 13 位数字）"),
        min_length=ACCEPTANCE_LEN - 2,
        max_length=ACCEPTANCE_LEN - 2,
    )
    return ("face", "SL" + str(typed.value)) if typed.name == "ok" else "again"


def _camera_scan(ctx: FlowContext) -> FlowGen:
    """The slip held to the camera: a few seconds of frames decoded off the GUI thread."""
    from devices.scanner.qr import decode_image

    def look() -> str:
        for _ in range(20):
            codes = decode_image(ctx.devices["camera"].call(lambda d: d.snapshot(), timeout=5))
            if codes:
                return codes[0]
        return ""

    try:
        code: str = yield Work(
            look, busy=Busy(title=tr("请将二维码对准摄像头"), prompt=tr("请将回执二维码对准摄像头，保持不动"))
        )
    except DeviceError:
        code = ""
    if not code:
        yield Message(
            title=tr("没有识别到二维码"),
            body=tr("请将回执平整地对准摄像头再试，或输入受理号"),
            tone="warning",
            actions=(("ok", tr("再试一次")),),
            can_go_back=False,
        )
    return code


def _read_card(ctx: FlowContext) -> FlowGen:
    got = yield Message(
        title=tr("请刷身份证"),
        body=tr("请将身份证放在读卡区"),
        prompt=tr("请将身份证放在读卡区"),
        events=CARD_EVENTS,
        actions=(("back", tr("返回")),),
        timeout=60,
        can_go_back=False,
    )
    if got.name != "card_inserted":
        return ""
    card = got.value
    ctx.session.personal(card.name, card.address)
    yield from take_card_back(ctx)
    return str(card.id_number)


# ---- 2. which card, and may it go out ----
def read_code(ctx: FlowContext, code: str) -> str | Refusal:
    """The acceptance number of a slip's code, or why it cannot be used (said plainly)."""
    from hall.pickup_code import BadPickupCode, NotAPickupCode, issuing_kiosk

    cfg = ctx.config["pickup"]
    if len(code) > int(cfg["max_code_length"]):
        return Refusal(
            tr("这不是取证回执的二维码"),
            tr("扫到的二维码内容过长，请扫描受理回执上的二维码"),
            again="rescan",
        )
    try:
        kiosk = issuing_kiosk(code)
    except NotAPickupCode:
        return Refusal(
            tr("这不是取证回执的二维码"),
            tr("请扫描身份证受理回执上的二维码（不是付款码或其他二维码）"),
            again="rescan",
        )
    hall = [str(k) for k in cfg["hall_kiosks"]]
    if hall and kiosk not in hall:
        return Refusal(
            tr("这张回执不是本大厅开具的"),
            tr("回执由 {kiosk} 号自助机开具，请到开具回执的大厅领取", kiosk=kiosk),
        )
    try:
        slip = verifier(ctx).verify(code)
    except BadPickupCode:
        log.warning("pickup code from kiosk %s does not verify", kiosk)
        return _counter(
            ctx, tr("回执二维码无法验证"), tr("这张回执不是本大厅开具的有效回执，请带身份证到窗口核实")
        )
    today = _local(ctx, ctx.clock.now()).date()
    valid = int(cfg["code_valid_days"])
    if slip.issued + timedelta(days=valid) < today:
        return _counter(
            ctx,
            tr("回执已过期"),
            tr(
                "回执于 {day} 开具，已超过 {days} 天有效期，请带身份证到窗口领取", day=slip.issued, days=valid
            ),
        )
    if slip.issued > today + timedelta(days=1):
        return _counter(ctx, tr("回执二维码无法验证"), tr("回执日期不对，请带身份证到窗口核实"))
    return slip.acceptance_no


def verifier(ctx: FlowContext) -> Any:
    """The hall's public key: from the reissue key pair this kiosk holds, else its file."""
    from hall.pickup_code import load_verifier

    cfg = ctx.config["reissue"]
    if ctx.services.get("pickup_signer") is not None or cfg["generate_key"]:
        return signer(ctx).verifier
    return load_verifier(getattr(ctx.config, "resolve", Path)(cfg["verify_key"]))


def _find(ctx: FlowContext, handover: Any, got: tuple[str, str]) -> FlowGen:
    """A Ticket, or the Refusal to show."""
    method, value = got
    platform = ctx.services.get("platform")
    if method == "qr":
        acc = read_code(ctx, value)
        if isinstance(acc, Refusal):
            return acc
    elif platform is None:
        return _needs_platform(ctx)
    elif method == "idcard":
        try:
            apps = yield Work(
                partial(platform.applications_for, value),
                busy=Busy(title=tr("正在查询"), prompt=tr("正在查询您的申请，请稍候")),
            )
        except BackendError:
            return _needs_platform(ctx)
        mine = yield Work(partial(_pick, handover, apps))
        if mine is None:
            return _counter(ctx, tr("没有查到可领取的证件"), tr("没有找到您的身份证申请"))
        acc = mine.acceptance_no
    else:
        acc = value
    gone = yield Work(partial(handover.collected_at, acc))
    if gone is not None:
        return _collected(ctx, gone)
    app: Application | None = None
    if platform is not None:
        try:
            app = yield Work(
                partial(platform.status, acc),
                busy=Busy(title=tr("正在查询"), prompt=tr("正在查询证件制作进度，请稍候")),
            )
        except Refused:
            return Refusal(
                tr("没有找到这份申请"),
                tr("受理号 {acc} 没有对应的申请，请核对回执", acc=acc),
                again="retype" if method == "face" else "",  # typed: perhaps mistyped
            )
        except BackendError as e:
            log.warning("platform not reachable at pickup, using the local inventory: %s", e)
    if app is None and method != "qr":
        return _needs_platform(ctx)
    if app is not None:
        said = _platform_says(ctx, handover, app)
        if said is not None:
            return said
    c = yield Work(partial(handover.lockers.find, acc))
    if c is None:
        if app is not None and app.state == AppState.READY:
            handover.lockers.alert(
                f"not_in_locker.{acc}", tr("证件 {acc} 登记在本机取件柜，但柜中没有记录", acc=acc), "critical"
            )
            return _counter(ctx, tr("暂时无法取出证件"), tr("柜中记录与系统不一致，已通知工作人员核查"))
        return Refusal(
            tr("证件尚未放入取件柜"),
            tr("本机取件柜中还没有这张证件。新证制作完成放入后会通知您，请届时再来"),
            "info",
        )
    state = c.state.value
    if state == "faulty":
        handover.lockers.alert(
            f"pickup_blocked.{c.number}",
            tr("{n} 号柜故障，有市民在等证件 {acc}", n=c.number, acc=acc),
            "critical",
        )
        return _counter(ctx, tr("暂时无法取出证件"), tr("{n} 号柜暂时故障，已通知工作人员", n=c.number))
    if state != "loaded":
        return Refusal(tr("柜门正在打开"), tr("{n} 号柜门已经打开，请取出证件后关好柜门", n=c.number))
    return Ticket(acc, c.number, method, app.photo_ref if app is not None else "")


def _pick(handover: Any, apps: list[Application]) -> Application | None:
    """The application a citizen with a card most likely came for: one in this wall first, then
    a ready one elsewhere, then what there is to say about the others."""
    here = [a for a in apps if a.state == AppState.READY and handover.lockers.find(a.acceptance_no)]
    if here:
        return here[0]
    order = [AppState.READY, AppState.COLLECTED, AppState.AT_COUNTER, *NOT_READY]
    live = [a for a in apps if a.state in order]
    return min(live, key=lambda a: order.index(a.state), default=None)


def _platform_says(ctx: FlowContext, handover: Any, app: Application) -> Refusal | None:
    if app.state == AppState.COLLECTED:
        try:
            when = datetime.fromisoformat(app.collected_at) if app.collected_at else None
        except ValueError:  # the platform's time not in ISO form: say collected, without it
            when = None
        return _collected(ctx, when)
    if app.state == AppState.CANCELLED:
        return Refusal(tr("申请已取消"), tr("这份申请已经取消，没有可领取的证件"))
    if app.state in NOT_READY:
        return Refusal(
            tr("新证还在制作中"),
            tr("受理号 {acc} 的新证尚未制作完成，完成后会通知您领取", acc=app.acceptance_no),
            "info",
        )
    if app.state == AppState.AT_COUNTER:
        return _counter(ctx, tr("请到窗口领取"), tr("您的新证已转到服务窗口，请带回执到窗口领取"))
    if app.kiosk and app.kiosk != handover.wall:
        return Refusal(
            tr("证件不在本机"),
            tr("您的新证放在 {kiosk} 号自助机的取件柜中，请到那台机器扫码领取", kiosk=app.kiosk),
            "info",
        )
    return None


def _collected(ctx: FlowContext, when: datetime | None) -> Refusal:
    at = _local(ctx, when).strftime("%Y-%m-%d %H:%M") if when else "—"
    return Refusal(
        tr("证件已领取"),
        tr(
            "这张回执的证件已于 {at} 领取，回执不能重复使用。如果不是您本人领取的，请拨打服务电话 {phone}",
            at=at,
            phone=ctx.config["kiosk"]["help_phone"],
        ),
    )


def _needs_platform(ctx: FlowContext) -> Refusal:
    return Refusal(
        tr("业务系统暂时无法连接"),
        tr("刷身份证或输入受理号领取需要联网核验。请扫描回执上的二维码领取，或稍后再试"),
    )


# ---- 3. the person ----
def _face(ctx: FlowContext, t: Ticket) -> FlowGen:
    """None when the person may take the card, else the Refusal. The live face must match the
    application's photo; a verified slip alone is enough while the platform or the camera
    cannot be used (as offline), the ID card and the typed number never are."""
    platform = ctx.services.get("platform")
    got: Any = "camera"
    if t.photo_ref and platform is not None:
        got = yield from face_check(ctx, platform, t.photo_ref, int(ctx.config["pickup"]["face_tries"]))
    if got == "same":
        return None
    if got == "home":
        return Refusal(tr("没有领取"), tr("人像比对没有完成，证件仍在柜中"), "info")
    if got == "different":
        return _counter(ctx, tr("人像比对没有通过"), tr("请本人带回执和身份证明到窗口领取"))
    if t.method == "qr":
        log.warning("pickup of %s on the verified slip alone: face check unavailable (%s)", t.acc, got)
        return None
    return Refusal(
        tr("暂时无法核验身份"),
        tr("刷身份证或输入受理号领取需要人像比对。请扫描回执上的二维码领取，或稍后再试"),
    )


# ---- 4. the door ----
def _give(ctx: FlowContext, handover: Any, t: Ticket) -> FlowGen:
    from hall.lockers import LockerError, LockerJammed, LockerOutcomeUnknown, LockerUnavailable

    opening = Busy(title=tr("正在打开柜门"), prompt=tr("正在打开柜门，请稍候"))
    try:
        handed = yield Work(partial(handover.collect, t.acc, t.method), busy=opening)
    except LockerJammed:
        return (yield from _door_failed(ctx, t.number))
    except LockerOutcomeUnknown:
        handed = None  # the door may have opened: show it, and let the door settle it
    except LockerUnavailable as e:
        return (
            yield from _end(
                ctx, _counter(ctx, tr("取件柜暂时无法打开"), tr("{why}，没有打开任何柜门", why=e.reason))
            )
        )
    except LockerError as e:  # busy, or gone since it was found (another kiosk's staff)
        return (yield from _end(ctx, Refusal(tr("暂时无法取出证件"), e.reason)))
    rows = int(ctx.config["pickup"]["wall_rows"])
    cells = wall_cells((yield Work(handover.lockers.compartments)), rows)
    door = LockerDoor(
        title=tr("请到 {n} 号柜门取证件", n=t.number),
        prompt=tr("{n} 号柜门已打开，请取出证件，然后关好柜门", n=t.number),
        body=tr("柜门在下图亮起的位置。取出证件后请随手关门"),
        number=t.number,
        cells=cells,
    )
    wait = float(ctx.config["pickup"]["door_close_wait"])
    if handed is None:
        closed = yield Work(partial(handover.lockers.wait_closed, t.number, wait), busy=door)
        settled = closed is not None
    else:
        settled = (yield Work(partial(handover.wait, handed, wait), busy=door)) is not None
    if not settled:
        return (
            yield from _end(
                ctx,
                Refusal(
                    tr("请关好 {n} 号柜门", n=t.number),
                    tr("取出证件后请关好柜门。柜门一直开着会通知工作人员"),
                ),
                "door_open",
            )
        )
    c = yield Work(partial(handover.lockers.find, t.acc))
    if c is not None:  # the lock said "opened" but the door never moved: now faulty, card kept
        return (yield from _door_failed(ctx, t.number))
    log.info("card %s collected from compartment %d (%s)", t.acc, t.number, t.method)
    return (
        yield from _end(
            ctx,
            Refusal(
                tr("领取成功"),
                tr(
                    "请当场核对证件上的信息。有问题请到窗口咨询，或拨打服务电话 {phone}",
                    phone=ctx.config["kiosk"]["help_phone"],
                ),
                "success",
            ),
            "collected",
        )
    )


def _door_failed(ctx: FlowContext, number: int) -> FlowGen:
    log.error("pickup: door %d did not open", number)
    return _end(
        ctx,
        _counter(
            ctx,
            tr("很抱歉，{n} 号柜门没有打开", n=number),
            tr(
                "已通知工作人员维修。您的证件仍安全地放在柜中，回执依然有效：柜门修好后可再来扫码领取，"
                "或在工作时间带回执到服务窗口领取"
            ),
        ),
        "door_failed",
    )


def wall_cells(compartments: list[Any], rows: int) -> tuple[tuple[int, int, int], ...]:
    """(number, column, row) of each door: each lock board's doors in order, top to bottom,
    `rows` to a column, a board starting a column of its own."""
    cells: list[tuple[int, int, int]] = []
    column = 0
    for board in sorted({c.board for c in compartments}):
        doors = sorted((c for c in compartments if c.board == board), key=lambda c: c.lock)
        cells += [(c.number, column + i // rows, i % rows) for i, c in enumerate(doors)]
        column += -(-len(doors) // rows)
    return tuple(sorted(cells))
