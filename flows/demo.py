"""A small journey that exercises the runtime end to end: choose, type, work, result, timeout.

It needs no device, so a fresh kiosk can show a newcomer what a journey feels like.
"""

from __future__ import annotations

from core.text import Text, tr
from flows.runtime import FlowContext, FlowGen
from flows.views import Choose, Entry, Intent, Message, Option, Work


def start(ctx: FlowContext) -> FlowGen:
    choice = yield Choose(
        title=tr("体验流程：请选择办理方式"),
        prompt=tr("请选择办理方式"),
        options=(
            Option("phone", tr("输入手机号码"), tr("用屏幕键盘输入")),
            Option("card", tr("刷身份证"), enabled=False, reason=tr("体验流程不读取身份证")),
        ),
    )
    if choice.name == "back":
        return "back"
    error = Text("")
    while True:
        entered: Intent = yield Entry(
            title=tr("请输入手机号码"),
            prompt=tr("请输入十一位手机号码"),
            label=tr("手机号码"),
            min_length=11,
            max_length=11,
            error=error,
        )
        if entered.name == "back":
            return "back"
        number = str(entered.value or "")
        if len(number) == 11 and number.startswith("1"):
            break
        error = tr("手机号码应为以 1 开头的十一位数字，请重新输入")
    ctx.session.personal(number)
    ctx.session.put("phone", number)
    receipt = yield Work(lambda: _make_receipt(ctx, number))
    done = yield Message(
        title=tr("办理完成"),
        prompt=tr("办理完成，受理编号 {n}", n=receipt),
        body=tr("短信将发送到 {phone}", phone=number[:3] + "****" + number[-4:]),
        big=receipt,
        tone="success",
        actions=(("ok", tr("完成")),),
        timeout=20,
        can_go_back=False,
    )
    return "timeout" if done.name == "timeout" else "done"


def _make_receipt(ctx: FlowContext, number: str) -> str:
    # stands in for a platform call; runs off the GUI thread
    return f"D{ctx.clock.now():%H%M}{number[-2:]}"
