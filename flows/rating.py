"""Asking for a rating (好差评): five levels, skippable in one tap; 不满意 or worse asks why and,
with consent, a phone number for follow-up. Qt-free; the kiosk runs it after every journey
(`journey()` wraps a FlowSpec's flow) and the counter's rating pad runs `for_ticket()`.

    rating = yield from ask(ctx, lambda v: store.rate_ticket("A005", v.level, **v.fields()))

`ask` returns the stored Rating, or None when the citizen skipped, walked away or the rating
could not be stored (the journey it follows is done either way). A citizen who walks away after
choosing 不满意 or worse (at the reasons or phone screens) still leaves that rating: `keep`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from core.text import Text, tr
from flows.runtime import FlowContext, FlowGen, FlowSpec
from flows.views import Choose, Entry, Message, Option, Pick, Picked, Work
from hall.ratings.model import BAD, LEVELS, REASONS, Rating, RatingError, check_phone, stars

log = logging.getLogger(__name__)

SKIP = "skip"
STEP_BACK = "back"  # ask_phone: the citizen went back from its first screen
# what a journey returns when nothing was done to rate: the citizen turned back or went home,
# the journey refused them or sent them to a counter, or a device it needs failed mid-way (its
# screen ends with 返回首页: the citizen is offered 办不成事, not a rating)
NOT_DONE = frozenset(
    {
        "back",
        "home",
        "refused",
        "counter",
        "device_lost",
        "no_retakes",
        "door_failed",  # a locker door that did not open
        "unknown",  # a payment whose result could not be confirmed
        "unsettled",  # refused: an earlier payment still being confirmed
        None,
    }
)
# reasons a kiosk journey can have (a counter's pad offers them all)
KIOSK_REASONS = ("slow", "unclear", "machine", "not_done", "other")


@dataclass(frozen=True)
class Verdict:
    """What the citizen said: level, reasons, text, and a phone number given with consent."""

    level: int
    reasons: tuple[str, ...] = ()
    text: str = ""
    phone: str | None = None

    def fields(self) -> dict[str, Any]:
        return {"reasons": self.reasons, "text": self.text, "phone": self.phone}


def ask(
    ctx: FlowContext,
    submit: Callable[[Verdict], Rating],
    *,
    title: Text | None = None,
    reasons: tuple[str, ...] = tuple(REASONS),
    timeout: float = 30,
    back: bool = True,
) -> FlowGen:
    """Ask, store through `submit` (off the GUI thread), thank. Returns the Rating or None.
    `back`: the reasons screen offers 返回 to the levels (not on the counter's small pad, whose
    screen has no room for the row)."""
    while True:
        got = yield Choose(
            title=title or tr("请您对本次服务作出评价"),
            prompt=tr("请您对本次服务作出评价，也可以跳过"),
            options=(
                *(Option(str(level), words, Text(stars(level))) for level, words in LEVELS.items()),
                Option(SKIP, tr("跳过"), tr("不评价，直接结束")),
            ),
            timeout=timeout,
            can_go_back=False,
            help=tr(
                "轻触一项评价本次服务：非常满意到非常不满意。不想评价请按“跳过”。评价不记录您的身份信息。"
            ),
        )
        if not got.name.isdigit():  # skip, timeout, home
            return None
        verdict = Verdict(int(got.name))
        if verdict.level > BAD:
            break
        said = [verdict]  # what the citizen has said so far: the level, then the reasons
        try:
            told = yield from _why(ctx, reasons, timeout, said, back)
        except GeneratorExit:  # home or the idle timeout ended the session on these screens
            keep(submit, said[-1])
            raise
        if told == STEP_BACK:  # back from the reasons: a mis-tap on 不满意 is undone, nothing kept
            continue
        if told is None:  # walked away (the screen timed out): their level still counts
            keep(submit, said[-1])
            return None
        verdict = replace(told, level=verdict.level)
        break
    try:
        rating: Rating = yield Work(lambda: submit(verdict))
    except RatingError as e:
        log.warning("rating not stored: %s", e.code)
        yield Message(
            title=tr("评价未能提交"),
            body=e.reason,
            prompt=e.reason,
            tone="warning",
            actions=(("ok", tr("完成")),),
            timeout=10,
            can_go_back=False,
        )
        return None
    if rating.followup and verdict.phone is not None:
        body = tr(
            "我们会在 {due} 前处理并电话答复您。问询进展时请报评价编号 {ref}",
            due=_due(ctx, rating),
            ref=rating.followup,
        )
    elif rating.followup:
        body = tr(
            "我们会在 {due} 前核实处理。问询进展时请报评价编号 {ref}",
            due=_due(ctx, rating),
            ref=rating.followup,
        )
    else:
        body = tr("感谢您的支持，欢迎再来")
    yield Message(
        title=tr("感谢您的评价"),
        big=rating.followup,  # the number to quote when asking after it
        body=body,
        prompt=tr("感谢您的评价"),
        tone="success",
        actions=(("ok", tr("完成")),),
        timeout=8,
        can_go_back=False,
    )
    return rating


def _due(ctx: FlowContext, rating: Rating) -> str:
    store = ctx.services.get("ratings")
    return store.due_from(rating.at.date()).isoformat() if store is not None else ""


def keep(submit: Callable[[Verdict], Rating], verdict: Verdict) -> None:
    """Store what a citizen who walked away after choosing 不满意 or worse had said (the level,
    the reasons once given; never a phone number). On a thread of its own: a cancelled flow
    can no longer yield Work, and nobody waits for the answer."""

    def run() -> None:
        try:
            submit(verdict)
            log.info("kept a level %d rating its citizen walked away from", verdict.level)
        except RatingError as e:
            log.warning("walked-away rating not stored: %s", e.code)
        except Exception:
            log.exception("walked-away rating not stored")

    threading.Thread(target=run, name="rating-kept", daemon=True).start()


def reasons_view(
    codes: tuple[str, ...], timeout: float = 30, earlier: Picked | None = None, back: bool = True
) -> Pick:
    """What went wrong: reasons to tick (several) and a line to write (`earlier`: as the citizen
    left them, coming back from the phone)."""
    return Pick(
        title=tr("请告诉我们哪里做得不好"),
        prompt=tr("请选择不满意的原因，可以多选，也可以写下来"),
        options=tuple(Option(c, REASONS[c]) for c in codes),
        text_label=tr("其他想说的（可不填）"),
        required=False,
        timeout=timeout * 2,
        can_go_back=back,  # to the levels: 不满意 tapped by mistake
        earlier=earlier,
    )


def _why(
    ctx: FlowContext, codes: tuple[str, ...], timeout: float, said: list[Verdict], back: bool = True
) -> FlowGen:
    """Reasons (list plus optional text) and, with consent, a phone number. None: walked away
    (`said` ends with what they had said by then); STEP_BACK: back to the levels."""
    earlier: Picked | None = None
    while True:
        got = yield reasons_view(codes, timeout, earlier, back)
        if got.name == "back":
            return STEP_BACK
        if got.name != "ok":
            return None
        picked: Picked = got.value
        said.append(Verdict(said[0].level, picked.keys, picked.text))
        phone = yield from ask_phone(ctx, timeout)
        if phone != STEP_BACK:
            break
        earlier = picked  # back from the phone: the reasons again, as ticked and written
    if phone == "":
        return None
    return Verdict(0, picked.keys, picked.text, phone)


def ask_phone(ctx: FlowContext, timeout: float = 30) -> FlowGen:
    """Consent first, then an 11-digit mobile number checked as typed. Returns the number, None
    (declined), "" (walked away) or STEP_BACK (back from the consent: the caller asks its step
    before again; back from the number asks the consent again). Nothing is filed on a back.
    The number is masked in logs for the session's life."""
    days = ctx.config.get("ratings", {}).get("phone_retention_days", 30)
    while True:
        consent = yield Choose(
            title=tr("是否留下手机号码以便回访？"),
            prompt=tr("如需工作人员回访，可以留下手机号码"),
            options=(
                Option("yes", tr("留下手机号码"), tr("仅用于回访，办结 {days} 天后删除", days=days)),
                Option("no", tr("不留号码"), tr("不需要回访")),
            ),
            timeout=timeout,
        )
        if consent.name == "back":
            return STEP_BACK
        if consent.name == "no":
            return None
        if consent.name != "yes":
            return ""
        phone = yield from _phone_number(ctx, timeout)
        if phone != STEP_BACK:
            return phone


def _phone_number(ctx: FlowContext, timeout: float) -> FlowGen:
    """The number typed and checked: the number, "" (walked away) or STEP_BACK."""
    error = Text("")
    while True:
        entered = yield Entry(
            title=tr("请输入手机号码"),
            prompt=tr("请输入十一位手机号码"),
            label=tr("手机号码（仅用于回访）"),
            min_length=11,
            max_length=11,
            error=error,
            timeout=timeout * 2,
        )
        if entered.name == "back":
            return STEP_BACK
        if entered.name != "ok":
            return ""
        try:
            phone = check_phone(str(entered.value or ""))
        except RatingError as e:
            error = e.reason
            continue
        if phone is not None:
            ctx.session.personal(phone)
        return phone


# ---- the kiosk: a rating after every journey ------------------------------------------------


def wanted(ctx: FlowContext, spec: FlowSpec, result: Any) -> bool:
    """Rate this run: the journey did something, it asks for ratings, the store is up."""
    asked = ctx.config.get("ratings", {}).get("ask_after_journeys", True)
    done = result not in NOT_DONE and not isinstance(result, Rating)  # a rating pad's flow is one
    return asked and spec.rated and done and ctx.services.get("ratings") is not None


def after_journey(ctx: FlowContext, spec: FlowSpec) -> FlowGen:
    store = ctx.services["ratings"]
    run = ctx.session.id
    return (
        yield from ask(
            ctx,
            lambda v: store.rate_journey(spec.key, run, v.level, **v.fields()),
            title=tr("请您对本次自助办理作出评价"),
            reasons=KIOSK_REASONS,
        )
    )


def journey(spec: FlowSpec, ctx: FlowContext) -> FlowGen:
    """The journey, then (when it did something) its rating: hosts start every FlowSpec so."""
    result = yield from spec.start(ctx)
    if wanted(ctx, spec, result):
        yield from after_journey(ctx, spec)
    return result


def for_ticket(ctx: FlowContext, number: str, counter: str | None = None) -> FlowGen:
    """The counter's rating pad after a service: rates the ticket (one rating per ticket)."""
    store = ctx.services["ratings"]
    return (
        yield from ask(
            ctx,
            lambda v: store.rate_ticket(number, v.level, counter=counter, **v.fields()),
            title=tr("请对 {number} 号的服务作出评价", number=number),
            back=False,
        )
    )
