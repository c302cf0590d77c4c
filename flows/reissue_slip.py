"""The reissue slip: made once per application, printed at the end of the journey, and reprinted
("补打回执") at any kiosk of the hall by reading the ID card.

The slip's content (the signed pickup code, the day it may be collected, the order that paid) is
a journal step of its own (`reissue.slip`, keyed by the acceptance number, written DONE in one
transaction before printing): references only, never the person. A reprint finds the person's
applications on the platform, reads that step from the hall's journal and prints the same code
again; an application the reconciler submitted after its citizen had left has no slip yet, and
gets its first one here.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from backends.errors import BackendError, Refused
from backends.platform.api import AppState, Kind
from core.text import Bilingual, Text, lines, tr
from devices.base import DeviceError, OutcomeUnknown
from flows.runtime import FlowContext, FlowGen
from flows.views import Busy, Message, Work

log = logging.getLogger(__name__)

SLIP = "reissue.slip"
KIND_SLIP = {Kind.RENEWAL_EXPIRY: "到期换领", Kind.RENEWAL_DAMAGED: "损坏换领", Kind.REISSUE_LOST: "丢失补领"}
#: an application in these states has a card coming: its slip may be reprinted
REPRINTABLE = (AppState.PAID, AppState.ACCEPTED, AppState.IN_PRODUCTION, AppState.READY)


def local_now(ctx: FlowContext) -> datetime:
    """The hall's day and hour (the slip, the age that sets the validity class)."""
    return ctx.clock.now().astimezone(ZoneInfo(str(ctx.config["kiosk"]["timezone"])))


def signer(ctx: FlowContext) -> Any:
    """The kiosk's pickup code signer: the app's, else from the configured key files."""
    from hall.pickup_code import load_signer

    if ctx.services.get("pickup_signer") is not None:
        return ctx.services["pickup_signer"]
    cfg = ctx.config["reissue"]
    resolve = getattr(ctx.config, "resolve", Path)
    return load_signer(resolve(cfg["signing_key"]), resolve(cfg["verify_key"]), bool(cfg["generate_key"]))


def make_slip(
    ctx: FlowContext, saga: str, acc: str, kind: Kind, fee_fen: int, order_no: str
) -> dict[str, str]:
    """Sign the pickup code and journal the slip (off the GUI thread); returns what the slip
    holds but the person (the caller adds the masked name and number)."""
    from hall.journal import DONE, OPEN

    cfg, kcfg = ctx.config["reissue"], ctx.config["kiosk"]
    now = local_now(ctx)
    refs = {
        "acceptance_no": acc,
        "kind": str(kind),
        "fee": f"{fee_fen / 100:.2f}",
        "order_no": order_no,
        "paid_at": now.strftime("%Y-%m-%d %H:%M"),
        "pickup_after": (now.date() + timedelta(days=int(cfg["pickup_days"]))).isoformat(),
        "qr": signer(ctx).sign(acc, now.date(), str(kcfg["kiosk_id"])),
    }
    journal = ctx.services["journal"]
    try:
        with journal.engine.begin() as conn:  # one transaction: never an open slip step after a crash
            step = journal.begin(saga, SLIP, acc, refs=refs, conn=conn)
            if step.state != OPEN:  # made before (a retry): the first one stands
                return dict(step.refs)
            journal.finish(SLIP, acc, DONE, conn=conn)
    except Exception as e:  # the paid citizen gets a slip all the same; a reprint signs anew
        log.error("slip for %s not journalled: %s", acc, e)
    return refs


def slip_of(ctx: FlowContext, acc: str) -> dict[str, str] | None:
    step = ctx.services["journal"].get(SLIP, acc)
    return dict(step.refs) if step is not None else None


def print_slip(ctx: FlowContext, slip: dict[str, str], name_masked: str, id_masked: str) -> FlowGen:
    """Print it and say honestly what came out; without paper, the number and QR large on screen."""
    cfg = ctx.config["reissue"]
    acc = slip["acceptance_no"]
    data = {
        **slip,
        "hall": ctx.config["kiosk"]["hall_name"],
        "service_name": "居民身份证" + KIND_SLIP[Kind(slip["kind"])],
        "application_no": acc,
        "name": name_masked,
        "id_number": id_masked,
        "pickup_place": cfg["pickup_place"],
    }
    printed: Any = False
    why: Text = tr("打印机不可用")
    if ctx.usable("printer"):
        try:
            result = yield Work(
                lambda: ctx.devices["printer"].call(
                    lambda d: d.print_layout("reissue_receipt", data), timeout=60
                ),
                busy=Busy(title=tr("正在打印受理回执"), prompt=tr("正在打印受理回执，请稍候")),
            )
            printed, why = result.completed, result.reason
        except OutcomeUnknown:
            printed = "unknown"
        except DeviceError as e:
            why = e.reason
    day, place = slip["pickup_after"], Bilingual(cfg["pickup_place"], en=cfg["pickup_place_en"])
    # the money first: the citizen sees the payment went through before reading what follows
    order = slip["order_no"]
    paid = [tr("已缴费 {fee} 元（订单号 {order}）", fee=slip["fee"], order=order)] if order else []
    if printed is True:
        yield Message(
            title=tr("申请已受理，请取走回执"),
            body=lines(
                [
                    *paid,
                    tr(
                        "受理号 {acc}\n请于 {day} 后到{place}扫描回执上的二维码领取新证。回执请妥善保管",
                        acc=acc,
                        day=day,
                        place=place,
                    ),
                ]
            ),
            prompt=tr("申请已受理，请取走回执"),
            tone="success",
            actions=(("ok", tr("完成")),),
            timeout=60,
            can_go_back=False,
        )
        return "submitted"
    log.warning("reissue slip for %s not printed: %s", acc, why)
    yield Message(
        title=tr("申请已受理，回执未能打印") if printed is False else tr("申请已受理，回执可能没有打出"),
        body=tr(
            "受理号 {acc}\n请拍下本页，于 {day} 后到{place}凭二维码领取；{reprint}（{why}）",
            acc=acc,
            day=day,
            place=place,
            reprint=_reprint_advice(Kind(slip["kind"])),
            why=why if printed is False else tr("请查看出纸口"),
        ),
        prompt=tr("回执未能打印，请拍下受理号和二维码"),
        qr=slip["qr"],
        tone="warning",
        actions=(("ok", tr("我已记下")),),
        timeout=120,
        can_go_back=False,
    )
    return "submitted_not_printed"


def _reprint_advice(kind: Kind) -> Text:
    """Where the slip can be printed again: a kiosk reads the ID card, which a citizen reporting
    a lost card does not have (a typed number alone must not print a pickup code)."""
    if kind is Kind.REISSUE_LOST:
        return tr("也可凭受理号和身份证明到服务窗口补打回执")
    return tr("也可在任一自助机刷身份证补打回执")


def reprint(ctx: FlowContext) -> FlowGen:
    """补打回执: the card read, the person's application found, its slip printed again."""
    from flows.reissue import end, read_card, systems_down  # the journey's screens; it imports this

    # read_card has the card taken back (asked again, the card long gone, the citizen was told
    # for 40 s it was still on the reader, and the idle watch ended the journey)
    id_number = yield from read_card(ctx, tr("补打回执：请刷身份证"))
    if id_number in ("back", "home"):
        return id_number
    platform = ctx.services["platform"]
    try:
        person, apps = yield Work(
            lambda: (platform.lookup(id_number), platform.applications_for(id_number)),
            busy=Busy(title=tr("正在查询"), prompt=tr("正在查询您的申请，请稍候")),
        )
    except Refused as e:
        return (yield from end(ctx, tr("没有查到您的申请"), e.reason))
    except BackendError as e:
        return (yield from systems_down(ctx, e))
    live = [a for a in apps if a.state in REPRINTABLE]
    if not live:
        return (
            yield from end(
                ctx,
                tr("没有可补打回执的申请"),
                tr("没有查到您正在办理的身份证申请。已领取或已取消的申请不能补打回执"),
                outcome="none",
            )
        )
    app = live[-1]  # the newest: the platform lists them in the order they were made
    try:
        slip = yield Work(
            lambda: (
                slip_of(ctx, app.acceptance_no)
                or make_slip(
                    ctx,
                    f"reprint-{app.acceptance_no}",
                    app.acceptance_no,
                    app.kind,
                    app.fee_fen,
                    app.order_no,
                )
            ),
            busy=Busy(title=tr("正在查询"), prompt=tr("正在查询您的申请，请稍候")),
        )
    except (OSError, ValueError) as e:  # no journal row and no usable key to make one
        log.error("slip for %s cannot be made: %s", app.acceptance_no, e)
        return (yield from end(ctx, tr("自助机暂时不能补打回执"), tr("请到窗口办理，或稍后再试")))
    return (yield from print_slip(ctx, slip, person.name_masked, person.id_masked))
