"""Queue tickets at the entrance: choose a service, optionally read the ID card, print, take it.

The store (kiosk.queue) decides numbers and rules; this flow only walks the citizen through and
copes with the devices: a number issued is valid whether or not its paper came out, so with the
printer down the ticket is shown on screen (number and QR code); a reader that goes away while
the citizen waits offers the way on instead of a silent wait.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from core.text import Bilingual, Text, tr
from devices.base import DeviceError, OutcomeUnknown
from flows.runtime import FlowContext, FlowGen
from flows.views import TIMEOUT, Busy, Choose, Entry, Message, Option, Work, offline
from hall.queue.errors import QueueError

log = logging.getLogger(__name__)

CARD_EVENTS = ("card_inserted", "card_invalid", offline("idcard"))
TAKE_CARD_PICTURE = Path(__file__).resolve().parents[1] / "resources" / "images" / "take-card.png"
DIGITS_ZH = "零一二三四五六七八九"


def spoken_number(number: str) -> str:
    """ "A001" -> "A 零 零 一": read digit by digit, as halls call numbers, never "A一"."""
    return " ".join(DIGITS_ZH[int(c)] if c.isdigit() else c for c in number)


def service_name(svc: Any) -> Bilingual:
    return Bilingual(svc.name_zh, (), svc.name_en)


def ticket_qr(services: Mapping[str, Any], ticket: Any) -> str:
    """The ticket's QR: the tracking page's link (hall.tracking), else its day and number."""
    links = services.get("tracking")
    qr = links.url(ticket.day, ticket.number) if links is not None else ""
    return qr or f"QUEUE:{ticket.day.isoformat()}:{ticket.number}"


def ticket_print(
    config: Mapping[str, Any], services: Mapping[str, Any], svc: Any, ticket: Any, language: str = "zh"
) -> tuple[str, dict[str, Any]]:
    """The receipt layout and its data for a ticket (the journey prints it, staff reprint it)."""
    kcfg = config["kiosk"]
    data = {
        "number": ticket.number,
        "service_name": svc.name_zh,
        "service_name_en": svc.name_en or svc.name_zh,
        # the first in line is told so, as on the screen: not "0 ahead, about 0 minutes" (the
        # clerk may still be busy)
        "waiting_ahead": ticket.waiting_ahead or None,
        "estimated_wait_min": ticket.estimated_wait_min if ticket.waiting_ahead else None,
        "first_in_line": None if ticket.waiting_ahead else "yes",
        "issued_at": ticket.issued_at.strftime("%Y-%m-%d %H:%M"),
        "hall": Bilingual(kcfg["hall_name"], (), kcfg["hall_name_en"]).render(None, language),
        "qr": ticket_qr(services, ticket),
        "priority": "优先" if ticket.priority else "",
    }
    return ("queue_ticket_en" if language == "en" else "queue_ticket"), data


def start(ctx: FlowContext) -> FlowGen:
    store = ctx.services["queue"]
    while True:
        overview = yield Work(store.overview)
        reader = ctx.usable("idcard")
        options = [_service_option(a, reader) for a in overview]
        if store.settings.appointments:
            options.append(Option("_appointment", tr("预约签到"), tr("已在网上或电话预约的市民")))
        choice = yield Choose(
            title=tr("请选择要办理的业务"),
            prompt=tr("请选择要办理的业务"),
            options=tuple(options),
            help=tr(
                "轻触您要办理的业务领取排队号；每项下方写有等候人数。灰色的业务现在不能取号，原因写在下方。"
            ),
        )
        if choice.name == "back":
            return "back"
        if choice.name == "_appointment":
            result = yield from _appointment(ctx)
        else:
            result = yield from _walk_in(ctx, store.service(choice.name))
        if result != "back":
            return result


def _service_option(a: Any, reader: bool) -> Option:
    if a.available and a.service.real_name and not reader:
        return Option(
            a.service.code, service_name(a.service), enabled=False, reason=tr("需要刷身份证，读卡器暂不可用")
        )
    detail = Text("")
    if a.available:
        detail = (
            tr("等候 {n} 人，约 {m} 分钟", n=a.waiting, m=a.estimated_wait_min)
            if a.waiting
            else tr("现在无人等候")  # not "约 0 分钟": a counter may still be busy
        )
    return Option(a.service.code, service_name(a.service), detail, a.available, a.reason or Text(""))


def _walk_in(ctx: FlowContext, svc: Any) -> FlowGen:
    card = None
    if svc.real_name:
        card = yield from _read_card(ctx, tr("{name}需要实名取号", name=service_name(svc)), optional=False)
        if isinstance(card, str):
            return card
    elif ctx.usable("idcard"):
        how = yield Choose(
            title=tr("是否刷身份证取号？"),
            prompt=tr("年满 {age} 周岁的市民刷身份证可优先办理", age=ctx.config["queue"]["elderly_age"]),
            options=(
                Option(
                    "card",
                    tr("刷身份证取号"),
                    tr("所有人都可以刷；年满 {age} 周岁可优先", age=ctx.config["queue"]["elderly_age"]),
                ),
                Option("plain", tr("直接取号"), tr("不需要身份证")),
            ),
        )
        if how.name == "back":
            return "back"
        if how.name == "card":
            card = yield from _read_card(ctx, tr("请刷身份证"), optional=True)
            if card == "skip":
                card = None
            elif isinstance(card, str):
                return card
    store = ctx.services["queue"]
    id_number = card.id_number if card is not None else None
    birth = card.birth_date if card is not None else None
    return (yield from _issue(ctx, lambda: store.issue(svc.code, id_number=id_number, birth_date=birth)))


def _read_card(ctx: FlowContext, title: Text, optional: bool) -> FlowGen:
    """Wait for a card, then for the citizen to take it back. Returns the IdCard, or "skip"
    (take a plain ticket), "back" (choose again) or "home"."""
    error: Text = Text("")
    while ctx.usable("idcard"):
        actions: tuple[tuple[str, Text], ...] = (("back", tr("返回")),)
        if optional:
            actions = (("skip", tr("不刷卡，直接取号")), *actions)
        got = yield Message(
            title=title,
            body=error if str(error) else tr("请将身份证放在读卡区"),
            prompt=tr("请将身份证放在读卡区"),
            tone="warning" if str(error) else "info",
            events=CARD_EVENTS,
            actions=actions,
            timeout=60,
            can_go_back=False,
        )
        if got.name == "card_inserted":
            card = got.value
            ctx.session.personal(card.name, card.address)
            ctx.session.put("card", card)
            log.info("card read for a queue ticket: %s", card.masked_id)
            yield from take_card_back(ctx)
            return card
        if got.name == "card_invalid":
            error = tr("这张证件无法使用：{why}。请取回后换一张证件，或到服务台咨询", why=got.value)
            continue
        if got.name == "skip":
            return "skip"
        if got.name == offline("idcard"):
            break
        return "back" if got.name == "back" else "home"
    return (yield from _reader_lost(ctx, optional))


def _reader_lost(ctx: FlowContext, optional: bool) -> FlowGen:
    """The reader went away while the citizen waited: say so and offer the way on."""
    phone = ctx.config["kiosk"]["help_phone"]
    if optional:
        body = tr("您可以不刷卡直接取号，或选择其他业务。需要帮助请拨打 {phone}", phone=phone)
        actions = (("skip", tr("直接取号")), ("back", tr("选择其他业务")))
    else:
        body = tr("此业务需要刷身份证。请选择其他业务，或到服务台办理。服务电话 {phone}", phone=phone)
        actions = (("back", tr("选择其他业务")), ("home", tr("返回首页")))
    got = yield Message(
        title=tr("读卡器暂时无法使用"),
        body=body,
        tone="warning",
        actions=actions,
        timeout=60,
        can_go_back=False,
    )
    return got.name if got.name in ("skip", "back") else "home"


def take_card_back(ctx: FlowContext) -> FlowGen:
    """After a read the card is still in the reader: taking it back is a step of its own, ended
    when the reader sees it gone; after a timeout, one louder reminder, then the journey goes on."""
    for reminder in (False, True):
        got = yield Message(
            title=tr("您的身份证还在读卡器上") if reminder else tr("请取回您的身份证"),
            body=tr("请马上取回身份证，再继续")
            if reminder
            else tr("身份证已读取。请从读卡区取回，取回后继续"),
            prompt=tr("您的身份证还在读卡器上，请马上取回")
            if reminder
            else tr("身份证已读取，请取回您的身份证"),
            tone="warning",
            image=str(TAKE_CARD_PICTURE),
            events=("card_removed", offline("idcard")),
            actions=(),
            timeout=20,
            can_go_back=False,
        )
        if got != TIMEOUT:
            return  # taken, or the reader is gone and cannot tell


# a typed appointment number that finds no booking: most likely a slip of the finger, typed again
# up to RETYPE_TRIES times in all
_RETYPE = "appointment_not_found"
RETYPE_TRIES = 3


def _issue(ctx: FlowContext, issue: Callable[[], Any], typed: bool = False) -> FlowGen:
    """Issue (off the GUI thread), print, and tell the citizen; a refusal gets its own screen.
    typed: the request is a number the citizen typed, which they may type again ("again")."""
    store = ctx.services["queue"]
    try:
        ticket = yield Work(issue)
    except QueueError as e:
        again = (("again", tr("重新输入")),) if typed and e.code == _RETYPE else ()
        got = yield Message(
            title=tr("无法取号"),
            body=e.reason,
            prompt=e.reason,
            tone="error",
            actions=(*again, ("ok", tr("返回首页"))),
            timeout=30,
            can_go_back=False,
        )
        return "again" if got.name == "again" else "refused"
    svc = store.service(ticket.service)
    name = service_name(svc)
    qr = ticket_qr(ctx.services, ticket)
    ahead = (
        tr("您前面还有 {n} 人，预计等候约 {m} 分钟", n=ticket.waiting_ahead, m=ticket.estimated_wait_min)
        if ticket.waiting_ahead
        else tr("您前面没有人在等，请留意叫号")  # not "约 0 分钟": the clerk may still be busy
    )
    spoken = spoken_number(ticket.number)
    if not ctx.usable("printer"):
        # no paper, no printer: the screen is the ticket, as valid as a printed one
        yield _number_on_screen(
            ticket.number,
            qr,
            title=tr("您的电子号票：{service}", service=name),
            body=tr(
                "{ahead}。纸质号票暂不可用，请用手机拍下此页或扫描二维码保存号码，凭此号码办理，与纸质号票同等有效",
                ahead=ahead,
            ),
            prompt=tr("您的号码是 {n}，请拍照或扫码保存", n=spoken),
            tone="success",
        )
        return "on_screen"
    layout, data = ticket_print(ctx.config, ctx.services, svc, ticket, ctx.language())
    printed: Any = None
    failure: Text = tr("打印机不可用")
    try:
        result = yield Work(
            lambda: ctx.devices["printer"].call(lambda d: d.print_layout(layout, data), timeout=30),
            busy=Busy(title=tr("正在打印号票"), prompt=tr("正在打印号票，请稍候")),
        )
        printed = result.completed
        failure = result.reason
    except OutcomeUnknown:
        printed = "unknown"
    except DeviceError as e:
        failure = e.reason
    except KeyError:
        pass
    if printed is True:
        yield Message(
            title=tr("请取走您的号票：{service}", service=name),
            big=ticket.number,
            body=ahead,
            prompt=tr("您的号码是 {n}，请取走号票", n=spoken),
            tone="success",
            actions=(("ok", tr("完成")),),
            timeout=20,
            can_go_back=False,
        )
        return "printed"
    if printed == "unknown":
        log.warning("ticket %s: printer lost after the job, outcome unknown", ticket.number)
        yield _number_on_screen(
            ticket.number,
            qr,
            title=tr("您的号码有效：{service}", service=name),
            body=tr(
                "{ahead}。打印机在出票时断开，号票可能已经打出，也可能没有。请查看出票口；没有号票时，请拍下此页或扫描二维码保存号码",
                ahead=ahead,
            ),
            prompt=tr("您的号码是 {n}，号票可能没有打出，请查看出票口或拍照保存", n=spoken),
            tone="warning",
        )
        return "print_unknown"
    log.warning("ticket %s issued but not printed: %s", ticket.number, failure)
    yield _number_on_screen(
        ticket.number,
        qr,
        title=tr("号票未能打印，您的号码依然有效：{service}", service=name),
        body=tr("{ahead}。请用手机拍下此页或扫描二维码保存号码。（{why}）", ahead=ahead, why=failure),
        prompt=tr("号票未能打印，您的号码是 {n}，请拍照保存", n=spoken),
        tone="warning",
    )
    return "not_printed"


def _number_on_screen(number: str, qr: str, *, title: Text, body: Text, prompt: Text, tone: str) -> Message:
    """The number on screen, to photograph or scan, when the paper may be missing: as valid as a
    printed ticket."""
    return Message(
        title=title,
        big=number,
        body=body,
        prompt=prompt,
        qr=qr,
        tone=tone,
        actions=(("ok", tr("我已记下号码")),),
        timeout=60,
        can_go_back=False,
    )


def _appointment(ctx: FlowContext) -> FlowGen:
    how = yield Choose(
        title=tr("预约签到"),
        prompt=tr("请选择签到方式"),
        options=(
            Option(
                "card",
                tr("刷身份证签到"),
                enabled=ctx.usable("idcard"),
                reason=tr("读卡器暂不可用"),
            ),
            Option("ref", tr("输入预约号签到"), tr("短信中的预约号")),
        ),
    )
    if how.name == "back":
        return "back"
    store = ctx.services["queue"]
    if how.name == "card":
        card = yield from _read_card(ctx, tr("请刷身份证签到"), optional=False)
        if isinstance(card, str):
            return card
        found = yield Work(lambda: store.lookup_appointment(id_number=card.id_number))
        if not found:
            yield Message(
                title=tr("没有找到您今天的预约"),
                body=tr("请确认预约日期，或直接取号排队"),
                tone="warning",
                actions=(("ok", tr("返回首页")),),
                timeout=30,
                can_go_back=False,
            )
            return "refused"
        ref, id_number = found[0].ref, card.id_number
        return (yield from _issue(ctx, lambda: store.check_in(ref, id_number=id_number)))
    for attempt in range(1, RETYPE_TRIES + 1):
        entered = yield Entry(
            title=tr("请输入预约号"),
            prompt=tr("请输入短信中的预约号"),
            label=tr("预约号"),
            min_length=4,
            max_length=12,
        )
        if entered.name == "back":
            return "back"
        # a few tries for a slip of the finger, not endless guesses at someone else's booking
        check_in = partial(store.check_in, str(entered.value))
        result = yield from _issue(ctx, check_in, typed=attempt < RETYPE_TRIES)
        if result != "again":
            return result
    return "refused"
