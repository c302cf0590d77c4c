"""办不成事: a citizen who could not get something done says what, may leave a phone number (with
consent), and takes away a reference number (printed, or shown when the printer is down).
Staff answer within the configured working days (hall.ratings: items, close)."""

from __future__ import annotations

import logging

from core.text import Bilingual, Text, tr
from devices.base import DeviceError, OutcomeUnknown
from flows.rating import STEP_BACK, ask_phone
from flows.runtime import FlowContext, FlowGen
from flows.views import Busy, Message, Option, Pick, Picked, Work
from hall.ratings.model import Item, RatingError

log = logging.getLogger(__name__)

OTHER = "other"  # not one of the hall's services: filed without a service


def _services(ctx: FlowContext) -> list[tuple[str, Bilingual]]:
    """The hall's services, as the queue lists them: what citizens come here for."""
    return [
        (str(s["code"]), Bilingual(str(s["name_zh"]), (), str(s.get("name_en") or s["name_zh"])))
        for s in ctx.config["queue"]["services"]
    ]


def start(ctx: FlowContext) -> FlowGen:
    store = ctx.services["ratings"]
    names = dict(_services(ctx))
    earlier: Picked | None = None
    while True:
        got = yield Pick(
            title=tr("请告诉我们您没有办成的事"),
            prompt=tr("请选择没有办成的业务，或写下您要办的事"),
            # the hall's services, and the rest: a citizen's matter may be none of them
            options=(*(Option(code, name) for code, name in names.items()), Option(OTHER, tr("其他事项"))),
            multiple=False,
            text_label=tr("写下您要办的事或遇到的问题（可不填）"),
            timeout=120,
            help=tr("选择一项业务，或在下方写下您要办的事。留下手机号码后，工作人员会在期限内给您答复。"),
            earlier=earlier,
        )
        if got.name != "ok":
            return "back" if got.name == "back" else "home"
        picked: Picked = got.value
        phone = yield from ask_phone(ctx)
        if phone != STEP_BACK:
            break
        earlier = picked  # back from the phone: the matter again, as picked and written
    if phone == "":
        return "home"
    code = picked.keys[0] if picked.keys and picked.keys[0] != OTHER else ""
    matter = names[code] if code else tr("其他事项") if picked.keys else None
    what = picked.text or (str(matter) if matter is not None else "")  # staff read it in Chinese
    try:
        item: Item = yield Work(lambda: store.report_unresolved(what, service=code, phone=phone))
    except RatingError as e:
        yield Message(
            title=tr("暂时无法登记"),
            body=tr(
                "{why}。请到服务台反映，或拨打 {phone}", why=e.reason, phone=ctx.config["kiosk"]["help_phone"]
            ),
            prompt=tr("暂时无法登记，请到服务台反映"),
            tone="error",
            actions=(("ok", tr("返回首页")),),
            timeout=30,
            can_go_back=False,
        )
        return "refused"
    due = item.due.isoformat()
    answer = (
        tr("我们会在 {due} 前答复您", due=due)
        if phone
        else tr("请于 {due} 后凭编号到服务台查询答复", due=due)
    )
    shown = picked.text or (ctx.translate(matter) if matter is not None else "")
    printed, why = yield from _print(ctx, item, shown, answer)
    if printed is True:
        yield Message(
            title=tr("已登记，请取走凭条"),
            big=item.ref,
            body=answer,
            prompt=tr("已登记，请取走凭条"),
            tone="success",
            actions=(("ok", tr("完成")),),
            timeout=30,
            can_go_back=False,
        )
        return "printed"
    yield Message(
        title=tr("已登记，请记下编号"),
        big=item.ref,
        body=tr("{answer}。凭条未能打印，请拍照或记下编号（{why}）", answer=answer, why=why),
        prompt=tr("已登记，凭条未能打印，请记下编号"),
        tone="warning",
        actions=(("ok", tr("我已记下编号")),),
        timeout=60,
        can_go_back=False,
    )
    return "on_screen"


def _print(ctx: FlowContext, item: Item, what: str, answer: Text) -> FlowGen:
    """(True, "") when the slip came out; else (False or "unknown", why). The slip is in the
    citizen's language and says how the answer comes in the screen's words (the screen and the
    paper must not disagree)."""
    if not ctx.usable("printer"):
        return False, tr("打印机不可用")
    layout = "unresolved_slip_en" if ctx.language() == "en" else "unresolved_slip"
    data = {
        "hall": ctx.hall_name(),
        "ref": item.ref,
        "what": what,
        "answer": ctx.translate(answer),
        "filed_at": item.opened_at.strftime("%Y-%m-%d %H:%M"),
        "help_phone": ctx.config["kiosk"]["help_phone"],
    }
    try:
        result = yield Work(
            lambda: ctx.devices["printer"].call(lambda d: d.print_layout(layout, data), timeout=30),
            busy=Busy(title=tr("正在打印凭条"), prompt=tr("正在打印凭条，请稍候")),
        )
    except OutcomeUnknown:
        log.warning("办不成事 %s: printer lost after the job, outcome unknown", item.ref)
        return "unknown", tr("请查看出纸口")
    except DeviceError as e:
        return False, e.reason
    return (True, Text("")) if result.completed else (False, result.reason)
