"""Self-service ID photo: live guidance, automatic capture, the compliant photo, retake, print.

The reissue journey reuses its photo step (take_photo). On its own the journey ends with the photo
printed on the receipt printer (with the standard it meets), so the citizen leaves with it; the
file stays in the session folder only and goes with the session. No printer, no service.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from core.text import Text, lines, tr
from devices.base import DeviceError, OutcomeUnknown
from flows.runtime import FlowContext, FlowGen
from flows.views import Busy, Capture, Message, Work, offline


def make_photo(image: Any, settings: Mapping[str, Any]) -> Any:
    """Runs off the GUI thread: the ID photo from one frame, or PhotoRefused with the reason."""
    from devices.camera.detect import make_detector
    from devices.camera.idphoto import build_id_photo
    from devices.camera.presets import get_preset

    return build_id_photo(
        image,
        get_preset(str(settings.get("photo_preset", "ga461")), settings),
        make_detector(settings),
        background_min=float(settings.get("background_min", 150.0)),
        background_max_spread=float(settings.get("background_max_spread", 16.0)),
    )


def start(ctx: FlowContext) -> FlowGen:
    taken = yield from take_photo(ctx, title=tr("自助拍摄证件照"))
    if isinstance(taken, str):
        return taken
    photo, path = taken
    return (yield from _print_sheet(ctx, photo, path))


def take_photo(
    ctx: FlowContext,
    title: Text,
    retakes: int | None = None,
    leave: Callable[[bool], FlowGen] | None = None,
) -> FlowGen:
    """The live-guided photo, made compliant and confirmed by the citizen: a step other journeys
    reuse (`taken = yield from take_photo(...)`). Returns (IdPhoto, path in the session folder),
    or why not: "back", "device_lost", or "no_retakes" once `retakes` retakes are used up.
    `leave(photo_taken)`: asked before "back" throws a journey's work away; False stays here."""
    from devices.camera.idphoto import PhotoRefused

    settings = ctx.config["devices.camera"]
    left = retakes

    def retake() -> bool:
        nonlocal left
        if left is None:
            return True
        left -= 1
        return left >= 0

    while True:
        shot = yield Capture(
            title=title,
            prompt=tr("请正对摄像头，按屏幕提示调整姿势"),
            events=("captured", offline("camera")),
            help=tr(
                "请摘下帽子和眼镜，正对摄像头，让脸在虚线框内。按语音和屏幕提示调整，倒数三秒后自动拍照；也可以按“拍照”。"
            ),
        )
        if shot.name == offline("camera"):
            return (yield from _device_lost(ctx, tr("摄像头暂时无法使用")))
        if shot.name != "captured":
            if leave is not None and not (yield from leave(False)):
                continue
            return "back"
        frame = shot.value
        try:
            photo = yield Work(partial(make_photo, frame.image, settings))
        except PhotoRefused as e:
            if left is not None and left <= 0:  # no retake left to offer: say so with the reason
                return (yield from _no_retakes(ctx, tr("{why}。", why=e.reason)))
            again = yield Message(
                title=tr("这张照片不能使用"),
                body=tr("{why}。请按提示重新拍摄", why=e.reason),
                tone="warning",
                actions=(("retake", tr("重新拍摄")),),
            )
            if again.name == "retake":
                if retake():
                    continue
                return (yield from _no_retakes(ctx))
            return "back"
        path = ctx.session.temp_dir / "photo.jpg"  # removed with the session
        path.write_bytes(photo.jpeg)
        failed = [c.name for c in photo.checks if not c.ok]
        verdict: Text = (
            tr("照片符合证件照标准") if not failed else tr("照片未通过：{rules}", rules="、".join(failed))
        )
        can_retake = left is None or left > 0
        if left is not None:  # a limited journey says how many are left, so none is a surprise
            note = tr("还可以重拍 {n} 次", n=left) if left > 0 else tr("重拍次数已用完")
            verdict = lines([verdict, note])
        actions: tuple[tuple[str, Text], ...] = ((("retake", tr("重新拍摄")),) if can_retake else ()) + (
            (("ok", tr("使用此照片")),) if not failed else ()
        )
        if not actions:
            return (yield from _no_retakes(ctx))
        while True:
            choice = yield Message(
                title=tr("请确认您的照片") if not failed else tr("照片需要重拍"),
                body=verdict,
                image=str(path),
                tone="success" if not failed else "warning",
                actions=actions,
            )
            if choice.name in ("retake", "ok") or leave is None or (yield from leave(True)):
                break
        if choice.name == "retake":
            retake()
            continue
        if choice.name == "ok":
            ctx.session.put("photo", path)
            return photo, path
        return "back"


def _no_retakes(ctx: FlowContext, why: Text | None = None) -> FlowGen:
    phone = ctx.config["kiosk"]["help_phone"]
    advice = tr("请到服务台由工作人员协助拍照，或稍后再试。服务电话 {phone}", phone=phone)
    yield Message(
        title=tr("多次拍摄未能得到合格照片"),
        body=lines([why, advice]) if why is not None else advice,
        tone="warning",
        actions=(("ok", tr("返回首页")),),
        timeout=30,
        can_go_back=False,
    )
    return "no_retakes"


def _device_lost(ctx: FlowContext, title: Text) -> FlowGen:
    yield Message(
        title=title,
        body=tr(
            "照片没有保存，没有收取任何费用。请稍后再试；服务电话 {phone}",
            phone=ctx.config["kiosk"]["help_phone"],
        ),
        tone="warning",
        actions=(("ok", tr("返回首页")),),
        timeout=30,
        can_go_back=False,
    )
    return "device_lost"


def _print_sheet(ctx: FlowContext, photo: Any, path: Any) -> FlowGen:
    """Print the photo on the receipt printer and say honestly what came out."""
    preset = photo.preset
    data = {
        "photo": str(path),
        "hall": ctx.config["kiosk"]["hall_name"],
        "preset": "GA 461" if preset.name == "ga461" else preset.name,
        "size_px": f"{photo.image.shape[1]}×{photo.image.shape[0]} px",
        "size_mm": f"{preset.width / preset.dpi * 25.4:.0f}×{preset.height / preset.dpi * 25.4:.0f} mm",
        "taken_at": ctx.clock.now().astimezone(ZoneInfo(str(ctx.config["kiosk"]["timezone"]))),
    }
    while True:
        if not ctx.usable("printer"):
            return (yield from _device_lost(ctx, tr("打印机暂时无法使用，照片无法打印")))
        why: Text = Text("")
        try:
            result = yield Work(
                lambda: ctx.devices["printer"].call(
                    lambda d: d.print_layout("photo_sheet", data), timeout=60
                ),
                busy=Busy(title=tr("正在打印照片"), prompt=tr("正在打印照片，请稍候")),
            )
            why = result.reason
            printed = result.completed
        except OutcomeUnknown:
            yield Message(
                title=tr("照片可能已经打出"),
                body=tr("打印机在打印后没有应答，请查看出纸口。离开后照片文件即从本机删除"),
                tone="warning",
                actions=(("ok", tr("完成")),),
                timeout=30,
                can_go_back=False,
            )
            return "print_unknown"
        except DeviceError as e:
            printed, why = False, e.reason
        if printed:
            yield Message(
                title=tr("请取走您的照片"),
                body=tr("照片已打印在凭条上。离开后照片文件即从本机删除"),
                prompt=tr("照片已打印，请取走"),
                tone="success",
                actions=(("ok", tr("完成")),),
                timeout=30,
                can_go_back=False,
            )
            return "printed"
        again = yield Message(
            title=tr("照片未能打印"),
            body=tr("{why}。您可以重试，或稍后再来", why=why),
            tone="warning",
            actions=(("retry", tr("重试打印")), ("ok", tr("返回首页"))),
            timeout=30,
            can_go_back=False,
        )
        if again.name != "retry":
            return "not_printed"
