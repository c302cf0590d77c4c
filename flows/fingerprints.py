"""The two prints of an ID card, one screen per finger (GA/T 1012: right thumb, left thumb, and
the other fingers of a hand whose thumb cannot be taken).

Each screen asks for one finger aloud and waits on the device's events, not on a blocking call:
the capture runs on the device's worker and says when the finger is on the sensor and when it is
done (devices.fingerprint.policy.capture_told), so the citizen can cancel, go home or pass on to
another finger at any moment, and a module that goes offline ends the step at once. A hand none
of whose fingers can be taken is recorded as "capture failed", as the standard allows; the
journey goes on.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from core.text import Text, tr
from devices.base import DeviceError, DeviceOffline
from flows.runtime import FlowContext, FlowGen
from flows.views import Busy, Message, Work, offline

log = logging.getLogger(__name__)

#: devices.fingerprint.policy PLACED and DONE (named here: the policy module loads numpy)
EVENTS = ("finger_placed", "finger_done", offline("fingerprint"))
PICTURE = Path(__file__).resolve().parents[1] / "resources" / "images" / "place-finger.png"
#: the "finger given up, next one" screen before the next finger's capture: long enough to hear it
NEXT_FINGER_SECONDS = 6.0
_tags = itertools.count(1)  # names each capture, so a late event of the one before is not taken for it


def take_prints(ctx: FlowContext, leave: Callable[[], FlowGen] | None = None) -> FlowGen:
    """A CaptureResult (a hand that could not be taken is recorded as failed), or why not:
    "back" (the citizen cancelled) or "device_lost" (after a screen saying so). `leave()`: asked
    before a cancel throws the journey's work away; False asks for the same finger again."""
    from devices.fingerprint.model import CaptureResult, Slot
    from devices.fingerprint.policy import Policy, hand_steps

    settings = ctx.config["devices.fingerprint"]
    policy = Policy.from_settings(settings)
    # a finger to find and place: an elderly citizen gets the longer time the idle watch gives
    slower = float(ctx.config["kiosk"]["elderly_timeout_factor"]) if ctx.elderly else 1.0
    place = float(settings.get("place_timeout", 10.0)) * slower
    slots: list[Slot] = []
    note = moved = Text("")
    for hand in ("right", "left"):
        steps = hand_steps(hand, policy)
        finger, _try = next(steps)
        while True:
            got = yield from _one_finger(ctx, finger, note, place, moved)
            if got == "again" or (got == "back" and leave is not None and not (yield from leave())):
                note = moved = Text("")  # 再试一次 or 继续办理: the same finger, asked afresh
                continue
            if isinstance(got, str) and got != "skip":
                return got
            image = None if got == "skip" else got
            try:
                nxt = steps.send(image)
            except StopIteration as done:
                slot: Slot = done.value
                slots.append(slot)
                # the next hand's first screen says so when this hand's last finger was given up
                note = Text("")
                moved = Text("") if slot.image is not None else _given_up(finger, got)
                break
            # the same finger again says why; another finger first says which one was given up
            same = nxt[0] == finger
            note = _why_again(image, policy.threshold) if same else Text("")
            moved = Text("") if same else _given_up(finger, got)
            finger, _try = nxt
    result = CaptureResult(tuple(slots))
    if not result.complete:
        log.info("fingerprint capture failed for %d hand(s): recorded", len(result.slots) - len(result.taken))
        yield Message(
            title=tr("部分指纹未能采集"),
            body=tr("已记录为“指纹采集失败”，不影响办理。{summary}", summary=result.summary()),
            prompt=tr("部分指纹未能采集，已记录，不影响办理"),
            tone="info",
            actions=(("ok", tr("继续")),),
            can_go_back=False,
        )
    return result


def _given_up(finger: str, got: object) -> Text:
    """Why the finger just asked for is left behind, said before the next one is asked for: a
    citizen must never find the screen on another finger without being told."""
    from devices.fingerprint.model import FINGER_NAMES

    name = FINGER_NAMES[finger]
    if got == "skip":
        return tr("已跳过{finger}。", finger=name)
    return tr("{finger}多次不够清晰，已跳过。", finger=name)


def _why_again(image: Any, threshold: int) -> Text:
    if image is None:
        return Text("")
    # the scores mean nothing to a citizen: they go to the log, for staff
    log.info("fingerprint quality %s below %s", image.quality, threshold)
    return tr("指纹不够清晰，请擦干手指，平放并稍用力按住")


def _one_finger(ctx: FlowContext, finger: str, note: Text, place: float, moved: Text) -> FlowGen:
    """The FingerImage, "again" when no finger came within the place timeout and the citizen
    asked to try it again, "skip" when they passed on to another finger, or "back"/"device_lost".
    A finger that does not come is never given up unasked: a slow citizen must not find other
    fingers on their card than the ones they were asked for. `moved` says which finger was
    given up for this one: told on a screen of its own before the module looks for a finger, so
    a finger still on the glass is never taken as this one unasked."""
    from devices.fingerprint.model import FINGER_NAMES, NoFinger
    from devices.fingerprint.policy import capture_told

    if not ctx.usable("fingerprint"):
        return (yield from _device_lost(ctx))
    name = FINGER_NAMES[finger]
    if str(moved):
        nxt = tr("下一个：请将{finger}放在指纹仪上", finger=name)
        got = yield Message(
            title=nxt,
            body=tr("{moved}请先抬起手指，再放{finger}。", moved=moved, finger=name),
            prompt=tr("{moved}{next}", moved=moved, next=nxt),
            tone="warning",
            image=str(PICTURE),
            actions=(("ok", tr("好的，开始")), ("cancel", tr("取消办理"))),
            timeout=NEXT_FINGER_SECONDS,  # time to hear it; then the finger's own screen
        )
        if got.name not in ("ok", "timeout"):
            return "back"
    tag = next(_tags)
    stop = threading.Event()
    fut = ctx.devices["fingerprint"].submit(
        partial(capture_told, finger=finger, tag=tag, timeout=place, stop=stop)
    )
    if fut.done() and isinstance(fut.exception(), DeviceOffline):
        return (yield from _device_lost(ctx))
    deadline = ctx.clock.monotonic() + place
    title = tr("请将{finger}放在指纹仪上", finger=name)
    status = note if str(note) else tr("手指平放在指纹仪中央，按住不动，听到提示后抬起")
    try:
        while True:
            got = yield Message(
                title=title,
                body=status,
                prompt=tr("{note}{title}", note=note, title=title) if str(note) else title,
                tone="warning" if str(note) else "info",
                image=str(PICTURE),
                events=EVENTS,
                actions=(("other_finger", tr("这个手指按不上，换一个")), ("cancel", tr("取消办理"))),
                timeout=max(0.5, deadline - ctx.clock.monotonic()),
                help=tr("按屏幕上写的手指，平放在指纹仪玻璃中央，按住约一秒。手指太干可以先哈一口气。"),
            )
            if got.name in EVENTS[:2]:
                said = got.value or {}
                if said.get("tag") != tag or said.get("finger", finger) != finger:
                    continue  # a late word of the capture before
                if got.name == "finger_done":
                    break
                # on the sensor: hold still while the image comes over the wire (seconds); it
                # names the finger this screen asked for, whatever note came before
                title = tr("正在采集，请保持手指不动")
                status = tr("{finger}已放好，图像传送需要几秒钟", finger=name)
                note, deadline = Text(""), ctx.clock.monotonic() + place
                continue
            stop.set()
            if got.name == offline("fingerprint"):
                return (yield from _device_lost(ctx))
            if got.name == "timeout":
                break  # the driver, told to stop, answers NoFinger at once
            return "skip" if got.name == "other_finger" else "back"
        try:
            image = yield Work(
                lambda: fut.result(timeout=place + 5),
                busy=Busy(title=title, prompt=tr("正在读取指纹")),
            )
        except NoFinger:
            return (yield from _not_placed(name))
        except (DeviceError, TimeoutError):  # a fault, or a module that never finished
            return (yield from _device_lost(ctx))
        return image
    finally:
        stop.set()  # cancelled, home, idle: the module stops waiting for the finger


def _not_placed(name: Text) -> FlowGen:
    """No finger within the place timeout: the same finger again, or another. No timeout
    of its own: a citizen who has walked away is ended by the idle watch, like any screen."""
    title = tr("没有检测到{finger}", finger=name)
    got = yield Message(
        title=title,
        body=tr("准备好后请按“再试一次”，再把{finger}平放在指纹仪上。手指按不上可以换一个。", finger=name),
        prompt=title,
        tone="warning",
        image=str(PICTURE),
        # no cancel of its own (three buttons do not fit a narrow screen in English): 首页 asks
        # whether to give the application up, as on every step that holds the citizen's work
        actions=(("again", tr("再试一次")), ("other_finger", tr("换一个手指"))),
    )
    return {"again": "again", "other_finger": "skip"}.get(got.name, "back")


def _device_lost(ctx: FlowContext) -> FlowGen:
    yield Message(
        title=tr("指纹仪暂时无法使用"),
        body=tr(
            "没有收取任何费用，请稍后再试或到窗口办理。服务电话 {phone}",
            phone=ctx.config["kiosk"]["help_phone"],
        ),
        prompt=tr("指纹仪暂时无法使用"),
        tone="warning",
        actions=(("ok", tr("返回首页")),),
        timeout=60,
        can_go_back=False,
    )
    return "device_lost"
