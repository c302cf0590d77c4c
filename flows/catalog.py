"""The services a kiosk can offer, by the key used in [kiosk] services.

Each journey's home entry lives here, its code in its own module: home tiles and their health
are worked out from these specs alone, and a journey's module is imported when a citizen first
starts it (the first paint does not wait for eight journeys it may never run). A check is
called on the GUI thread on every home refresh: it only looks at the app's services.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from core.text import Text, tr
from flows.spec import FlowRef, FlowSpec


def _queue(services: Mapping[str, Any]) -> Text | None:
    if "queue" not in services:  # opened just after the home's first paint
        return tr("排队系统正在启动，请稍候")
    store = services.get("queue")
    if store is None:
        return tr("排队系统暂时无法使用，请到服务台取号")
    paused = store.pauses.cached()  # no database on the home screen's refresh
    if paused and all(s.code in paused for s in store.settings.services):
        return tr("工作人员已暂停全部取号，请到服务台咨询")
    return None


def _needs(services: tuple[str, ...], reason: Text) -> Callable[[Mapping[str, Any]], Text | None]:
    """Off with `reason` while one of the app's `services` did not open."""
    return lambda app: reason if any(app.get(s) is None for s in services) else None


ID_SYSTEM_DOWN = tr("身份证业务系统暂时无法连接，请到窗口办理")


def _unresolved(services: Mapping[str, Any]) -> Text | None:
    if "ratings" not in services:  # opened just after the home's first paint
        return tr("系统正在启动，请稍候")
    if services.get("ratings") is None:
        return tr("暂时无法登记，请到服务台反映")
    return None


CATALOG: dict[str, FlowSpec] = {
    spec.key: spec
    for spec in (
        FlowSpec(
            "queue",
            tr("取号排队"),
            tr("选择业务，领取排队号"),
            FlowRef("flows.queue:start"),
            optional=(
                ("printer", tr("纸质号票暂不可用，可领取电子号票")),
                ("idcard", tr("读卡器暂不可用，实名取号请到服务台")),
            ),
            check=_queue,
        ),
        FlowSpec(
            "photo",
            tr("自助拍照"),
            tr("按提示拍摄合格的证件照"),
            FlowRef("flows.photo:start"),
            requires=("camera", "printer"),
        ),
        FlowSpec(
            "reissue",
            tr("身份证换领补领"),
            tr("到期、损坏换领或丢失补领，现场拍照缴费"),
            FlowRef("flows.reissue:start"),
            requires=("camera", "fingerprint", "printer"),
            optional=(
                ("idcard", tr("读卡器暂不可用，可输入号码办理补领")),
                ("scanner", tr("扫码器暂不可用，可用手机扫码支付")),
            ),
            backends=("platform", "payment"),
            check=_needs(("platform", "payment", "journal"), ID_SYSTEM_DOWN),
        ),
        FlowSpec(
            "slip_reprint",
            tr("补打回执"),
            tr("身份证申请的受理回执丢了，刷身份证补打"),
            FlowRef("flows.reissue_slip:reprint"),
            requires=("idcard",),
            optional=(("printer", tr("打印机暂不可用，回执二维码显示在屏幕上")),),
            backends=("platform",),
            check=_needs(("platform", "journal"), ID_SYSTEM_DOWN),
        ),
        FlowSpec(
            "certificate",
            tr("证明打印"),
            tr("社保、个税、公积金、不动产证明，A4 打印，可扫码核验"),
            FlowRef("flows.certificate:start"),
            requires=("a4printer", "camera"),
            # without a scanner only "check a certificate" is off, and its option says why
            optional=(("idcard", tr("读卡器暂不可用，可输入号码办理")),),
            backends=("platform",),
            check=_needs(("certificate_renderer", "journal"), tr("证明打印暂时无法使用，请到窗口办理")),
        ),
        FlowSpec(
            "pickup",
            tr("证件领取"),
            tr("扫描受理回执二维码，领取新身份证"),
            FlowRef("flows.pickup:start"),
            requires=("locker",),
            optional=(
                ("scanner", tr("扫码器暂不可用，可对准摄像头扫码或输入受理号")),
                ("camera", tr("摄像头暂不可用，凭回执二维码领取")),
                ("idcard", tr("读卡器暂不可用，可扫码或输入受理号")),
            ),
            check=_needs(("handover",), tr("取件柜暂不可用，请到窗口领取")),
        ),
        FlowSpec(
            "unresolved",
            tr("办不成事反映"),
            tr("没有办成的事，告诉我们"),
            FlowRef("flows.unresolved:start"),
            optional=(("printer", tr("凭条暂不可用，编号显示在屏幕上")),),
            check=_unresolved,
            rated=False,  # the report is the citizen's say: no rating asked after it
        ),
        FlowSpec("demo", tr("体验流程"), tr("了解自助办理的步骤"), FlowRef("flows.demo:start"), rated=False),
    )
}
