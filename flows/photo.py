"""Self-service ID photo: live guidance, automatic capture, the compliant photo, retake.

The reissue journey will reuse this as its first step; on its own it lets a citizen (and an
installer in simulate mode) check that the kiosk makes a photo the card office accepts.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from flows.runtime import FlowContext, FlowGen, FlowSpec
from flows.views import Capture, Message, Work
from kiosk.text import Text, tr


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
    from devices.camera.idphoto import PhotoRefused

    settings = ctx.config["devices.camera"]
    while True:
        shot = yield Capture(
            title=tr("自助拍摄证件照"),
            prompt=tr("请正对摄像头，按屏幕提示调整姿势"),
            help=tr(
                "请摘下帽子和眼镜，正对摄像头，让脸在虚线框内。按语音和屏幕提示调整，倒数三秒后自动拍照；也可以按“拍照”。"
            ),
        )
        if shot.name != "captured":
            return "back"
        frame = shot.value
        try:
            photo = yield Work(partial(make_photo, frame.image, settings))
        except PhotoRefused as e:
            again = yield Message(
                title=tr("这张照片不能使用"),
                body=tr("{why}。请按提示重新拍摄", why=e.reason),
                tone="warning",
                actions=(("retake", tr("重新拍摄")),),
            )
            if again.name == "retake":
                continue
            return "back"
        path = ctx.session.temp_dir / "photo.jpg"  # removed with the session
        path.write_bytes(photo.jpeg)
        failed = [c.name for c in photo.checks if not c.ok]
        verdict: Text = (
            tr(
                "照片符合证件照标准（{w}×{h} 像素，{kb} KB）",
                w=photo.image.shape[1],
                h=photo.image.shape[0],
                kb=round(len(photo.jpeg) / 1024, 1),
            )
            if not failed
            else tr("照片未通过：{rules}", rules="、".join(failed))
        )
        choice = yield Message(
            title=tr("请确认您的照片") if not failed else tr("照片需要重拍"),
            body=verdict,
            image=str(path),
            tone="success" if not failed else "warning",
            actions=(("retake", tr("重新拍摄")), ("ok", tr("使用此照片")))
            if not failed
            else (("retake", tr("重新拍摄")),),
        )
        if choice.name == "retake":
            continue
        if choice.name == "ok":
            ctx.session.put("photo", path)
            return "photo_ok"
        return "back"


SPEC = FlowSpec("photo", tr("自助拍照"), tr("按提示拍摄合格的证件照"), start, requires=("camera",))
