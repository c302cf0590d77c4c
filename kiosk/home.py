"""The home screen's model: which services this kiosk offers, and which can finish right now."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from core.text import Text, lines, tr
from devices.base import DeviceStatus
from flows.spec import FlowSpec

DEVICE_NAMES = {
    "idcard": tr("身份证阅读器"),
    "printer": tr("凭条打印机"),
    "a4printer": tr("A4 打印机"),
    "camera": tr("摄像头"),
    "locker": tr("取件柜"),
    "fingerprint": tr("指纹仪"),
    "scanner": tr("扫码器"),
}


@dataclass(frozen=True)
class Tile:
    """A service on the home screen: available, or off with the reason."""

    key: str
    title: Text
    detail: Text
    available: bool
    reason: Text = Text("")


def tiles(
    services: list[str],
    catalog: Mapping[str, FlowSpec],
    device_status: Callable[[str], DeviceStatus],
    app_services: Mapping[str, Any] | None = None,
) -> list[Tile]:
    out = []
    for key in services:
        spec = catalog.get(key)
        if spec is None:  # configured, but this build has no journey for it yet
            out.append(
                Tile(key, SERVICE_TITLES.get(key, Text(key)), Text(""), False, tr("即将开通，敬请期待"))
            )
            continue
        reason: Text | None = None
        for kind in spec.requires:
            status = device_status(kind)
            if not status.usable:
                # the driver's why ("[Errno 2] could not open port ...") is for staff, in the
                # alert and maintenance mode; a citizen only needs to know it is off for now
                reason = tr(
                    "{device}暂不可用，请稍后再试或到窗口办理", device=DEVICE_NAMES.get(kind, Text(kind))
                )
                break
        if reason is None and spec.backends:
            reason = _backend_down(spec.backends, (app_services or {}).get("backends"))
        if reason is None and spec.check is not None:
            reason = spec.check(app_services or {})
        # an optional device down leaves the service on, saying what it offers instead
        notes = [note for kind, note in spec.optional if not device_status(kind).usable]
        detail = lines(notes) if notes else spec.detail
        out.append(Tile(key, spec.title, detail, reason is None, reason or Text("")))
    return out


def _backend_down(names: tuple[str, ...], reachability: Any) -> Text | None:
    """Why a system the service needs cannot be used now (kiosk.services["backends"] keeps the
    last probe's answer, so this never waits on the network). Imported here: a kiosk whose
    services need no such system (a ticket machine) never loads the probes' module."""
    from backends.reachability import NOT_CONFIGURED, SYSTEM_NAMES

    for name in names:
        reach = reachability.status(name) if reachability is not None else NOT_CONFIGURED
        if not reach.up:
            return tr("{system}暂不可用：{why}", system=SYSTEM_NAMES.get(name, Text(name)), why=reach.reason)
    return None


SERVICE_TITLES = {
    "queue": tr("取号排队"),
    "photo": tr("自助拍照"),
    "reissue": tr("身份证补换领"),
    "certificate": tr("证明打印"),
    "pickup": tr("证件领取"),
    "unresolved": tr("办不成事反映"),
    "demo": tr("体验流程"),
}
