"""The fingerprint step the citizen sees: a screen per finger, spoken, driven by the module's
events, with a way out at every moment. First with a fake module (what the flow decides), then
with the real serial driver on the EF 01 simulator (the events as the module sends them)."""

from __future__ import annotations

import queue
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.clock import FakeClock
from devices.base import Device, DeviceEvent, State
from devices.fingerprint.simulator import FingerprintSimulator
from devices.fingerprint.uart import UartFingerprint
from devices.manager import DeviceManager
from flows.fingerprints import EVENTS as SCREEN_EVENTS
from flows.fingerprints import take_prints
from flows.headless import Transcript, run
from flows.runtime import Finished, FlowContext
from flows.session import Session
from flows.views import Intent, Message, View, offline
from kiosk.config import load
from tests.devices.fingerprint.conftest import settings
from tests.flows.fakes import FakeDevice, FakeDevices, FakeFingerprint


class Devices(FakeDevices):
    def __init__(self, module: Any) -> None:
        super().__init__()
        self.module = module
        self.states["fingerprint"] = self.states["printer"]

    def __getitem__(self, kind: str) -> Any:
        return FakeDevice(self.module) if kind == "fingerprint" else super().__getitem__(kind)


@pytest.fixture
def module() -> FakeFingerprint:
    return FakeFingerprint()


def context(tmp_path: Path, devices: Any, **overrides: Any) -> FlowContext:
    return FlowContext(
        clock=FakeClock(),
        session=Session(tmp_path / "run"),
        config=load(None, overrides),
        devices=devices,
    )


def relay(module: FakeFingerprint, *others: Intent | None) -> Any:
    """Answers each finger screen with what the module said last; other screens in order."""
    rest = list(others)

    def citizen(view: View) -> Intent | None:
        if "finger_done" in view.events:
            return module.told[-1]
        return rest.pop(0) if rest else None

    return citizen


def finger_screens(t: Transcript) -> list[Message]:
    return [v for v in t.views if isinstance(v, Message) and "finger_done" in v.events]


def test_each_thumb_is_asked_for_on_its_own_spoken_screen_with_a_way_out(tmp_path, module):
    t = run(lambda c: take_prints(c), context(tmp_path, Devices(module)), relay(module))
    assert isinstance(t.outcome, Finished) and t.outcome.result.complete
    screens = finger_screens(t)
    assert [str(v.title) for v in screens] == ["请将右手拇指放在指纹仪上", "请将左手拇指放在指纹仪上"]
    assert [str(v.prompt) for v in screens] == [str(v.title) for v in screens]  # said aloud
    assert all(offline("fingerprint") in v.events for v in screens)  # an unplugged module ends it
    assert all({"other_finger", "cancel"} <= {k for k, _ in v.actions} for v in screens)
    assert all("平放在指纹仪中央" in str(v.body) for v in screens)  # how to place it
    assert all(Path(v.image).is_file() for v in screens)  # and a picture of it
    assert module.asked == ["right_thumb", "left_thumb"]


def test_an_elderly_citizen_gets_longer_to_place_each_finger(tmp_path, module):
    ctx = context(tmp_path, Devices(module))
    ctx.elderly = True
    t = run(lambda c: take_prints(c), ctx, relay(module))
    factor = ctx.config["kiosk"]["elderly_timeout_factor"]
    place = ctx.config["devices.fingerprint"]["place_timeout"]
    assert finger_screens(t)[0].timeout == place * factor > place


def test_a_print_too_faint_is_asked_again_saying_why(tmp_path, module):
    module.qualities = [30]
    t = run(lambda c: take_prints(c), context(tmp_path, Devices(module)), relay(module))
    screens = finger_screens(t)
    assert [str(v.title) for v in screens[:2]] == ["请将右手拇指放在指纹仪上"] * 2
    again = screens[1]
    assert again.tone == "warning" and "不够清晰" in str(again.body)
    assert not any(ch.isdigit() for ch in str(again.body))  # no quality scores for a citizen
    assert "不够清晰" in str(again.prompt)
    assert t.outcome.result.slots[0].image.quality == 80


def test_a_citizen_without_a_usable_thumb_passes_on_to_the_next_finger(tmp_path, module):
    answers = iter([Intent("other_finger")])

    def citizen(view: View) -> Intent | None:
        if "finger_done" in view.events:
            return next(answers, None) or module.told[-1]
        return None

    t = run(lambda c: take_prints(c), context(tmp_path, Devices(module)), citizen)
    assert [str(v.title) for v in finger_screens(t)][:2] == [
        "请将右手拇指放在指纹仪上",
        "请将右手食指放在指纹仪上",
    ]
    assert t.outcome.result.taken == ("right_index", "left_thumb")
    assert module.stops[0].is_set()  # the module was told to stop waiting for the thumb


def test_a_thumb_not_placed_in_time_is_asked_about_again_never_given_up_unasked(tmp_path, module):
    """A slow citizen (10 s went by) is asked: try the thumb again, take another finger, or
    cancel. Once they pass it on, the next finger is named before the module looks for it."""
    module.absent = {"right_thumb"}
    answers = iter([Intent("again"), Intent("other_finger")])  # to the two "not detected" questions
    seen: list[tuple[View, list[str]]] = []  # each screen, and the fingers the module was asked for by then

    def citizen(view: View) -> Intent | None:
        seen.append((view, list(module.asked)))
        if "finger_done" in view.events:
            return module.told[-1]
        if str(view.title) == "没有检测到右手拇指":
            return next(answers)
        return None

    t = run(lambda c: take_prints(c), context(tmp_path, Devices(module)), citizen)
    assert isinstance(t.outcome, Finished) and t.outcome.result.taken == ("right_index", "left_thumb")
    titles = [str(v.title) for v, _ in seen]
    question = next(v for v, _ in seen if str(v.title) == "没有检测到右手拇指")
    assert question.timeout is None and question.tone == "warning"  # waits for the citizen
    assert {k for k, _ in question.actions} == {"again", "other_finger"} and question.can_go_back
    assert str(question.prompt) == "没有检测到右手拇指"  # said aloud
    assert titles[:4] == ["请将右手拇指放在指纹仪上", "没有检测到右手拇指"] * 2  # tried again, asked again
    told = titles.index("下一个：请将右手食指放在指纹仪上")
    view, asked = seen[told]
    # said plainly, on screen and aloud, which finger was skipped and which one comes next ...
    assert "已跳过右手拇指" in str(view.body) and "右手食指" in str(view.body)
    assert str(view.prompt).startswith("已跳过右手拇指") and "请将右手食指放在指纹仪上" in str(view.prompt)
    # ... before the module looks for it: a finger still on the glass is not taken as the index
    assert asked == ["right_thumb", "right_thumb"]
    assert titles[told + 1] == "请将右手食指放在指纹仪上"


def test_a_citizen_gone_from_a_finger_screen_gets_no_other_finger_recorded(tmp_path, module):
    module.absent = {"right_thumb"}
    t = run(lambda c: take_prints(c), context(tmp_path, Devices(module)), relay(module))
    assert not isinstance(t.outcome, Finished)  # ended by the idle watch at the question
    assert module.asked == ["right_thumb"]  # no other finger was looked for


def test_the_placed_message_names_the_finger_the_screen_asked_for(tmp_path, module):
    thumb_placed: list[Intent] = []

    def citizen(view: View) -> Intent | None:
        if "finger_done" not in view.events:
            return None
        placed = [i for i in module.told if i.name == "finger_placed"]
        if module.asked == ["right_thumb"]:
            thumb_placed.append(placed[-1])
            return Intent("other_finger")  # 换一个
        if str(view.title).startswith("请将右手食指") and thumb_placed:
            return thumb_placed.pop()  # a late word of the thumb's capture: not the index
        if str(view.title).startswith("请将"):
            return placed[-1]
        return module.told[-1]

    t = run(lambda c: take_prints(c), context(tmp_path, Devices(module)), citizen)
    assert isinstance(t.outcome, Finished) and t.outcome.result.taken == ("right_index", "left_thumb")
    told = next(v for v in t.views if str(v.title) == "下一个：请将右手食指放在指纹仪上")
    assert "已跳过右手拇指" in str(told.prompt)
    held = [str(v.body) for v in finger_screens(t) if str(v.title) == "正在采集，请保持手指不动"]
    assert held == ["右手食指已放好，图像传送需要几秒钟", "左手拇指已放好，图像传送需要几秒钟"]
    assert not any("右手拇指已放好" in str(v.body) for v in t.views)


def test_cancel_ends_the_step_and_stops_the_module_waiting(tmp_path, module):
    t = run(lambda c: take_prints(c), context(tmp_path, Devices(module)), lambda v: Intent("cancel"))
    assert t.outcome == Finished("back")
    assert len(module.stops) == 1 and module.stops[0].is_set()


def test_the_module_going_offline_says_so_and_ends_the_step(tmp_path, module):
    citizen = relay(module)
    first = [True]

    def unplugged(view: View) -> Intent | None:
        if first[0] and "finger_done" in view.events:
            first[0] = False
            return Intent(offline("fingerprint"))
        return citizen(view)

    t = run(lambda c: take_prints(c), context(tmp_path, Devices(module)), unplugged)
    assert t.outcome == Finished("device_lost")
    assert str(t.views[-1].title) == "指纹仪暂时无法使用" and "没有收取任何费用" in str(t.views[-1].body)
    assert module.stops[0].is_set()


def test_no_finger_can_be_placed_each_is_passed_on_and_capture_failed_is_recorded(tmp_path, module):
    module.placed = False

    def citizen(view: View) -> Intent | None:
        if "finger_done" in view.events:
            return None  # nothing comes: the screen times out
        return Intent("other_finger") if str(view.title).startswith("没有检测到") else Intent("ok")

    t = run(lambda c: take_prints(c), context(tmp_path, Devices(module)), citizen)
    # every finger asked for, fallbacks included, each passed on by the citizen, then the note
    assert len(finger_screens(t)) == 10
    assert isinstance(t.outcome, Finished) and not t.outcome.result.complete
    assert "采集失败" in str(t.views[-1].body)


# ---- the real driver on the simulator ----
@pytest.fixture
def fpsim(tmp_path: Path) -> Iterator[FingerprintSimulator]:
    sim = FingerprintSimulator(tmp_path / "fp", {"baud": 57600})
    sim.pace = False
    sim.start()
    yield sim
    sim.stop()


@pytest.fixture
def module_on_sim(fpsim: FingerprintSimulator) -> Iterator[tuple[DeviceManager, queue.Queue[DeviceEvent]]]:
    device = Device("fingerprint", lambda emit: UartFingerprint(settings(fpsim, place_timeout=30.0), emit))
    events: queue.Queue[DeviceEvent] = queue.Queue()
    device.subscribe(lambda ev: events.put(ev) if ev.kind != "status" or not ev.payload.usable else None)
    device.start()
    assert device.wait_until(lambda s: s.state is State.OK, 10)
    yield DeviceManager({"fingerprint": device}), events
    device.stop()


def next_event(events: queue.Queue[DeviceEvent], *kinds: str) -> Intent:
    """The next event the shell would hand the screen (a status going down as offline), or the
    next of these kinds."""
    while True:
        ev = events.get(timeout=20)
        got = Intent(offline(ev.device) if ev.kind == "status" else ev.kind, ev.payload)
        if got.name in (kinds or SCREEN_EVENTS):
            return got


def test_the_real_module_events_drive_the_screens(tmp_path, fpsim, module_on_sim):
    devices, events = module_on_sim
    fpsim.place("good")

    def citizen(view: View) -> Intent | None:
        return next_event(events) if "finger_done" in view.events else None

    t = run(
        lambda c: take_prints(c),
        context(tmp_path, devices, **{"devices.fingerprint.place_timeout": 30.0}),
        citizen,
    )
    assert isinstance(t.outcome, Finished) and t.outcome.result.taken == ("right_thumb", "left_thumb")
    titles = [str(v.title) for v in finger_screens(t)]
    # once per finger: asked, then (the module has it) held still while the image comes
    held = "正在采集，请保持手指不动"
    assert titles == ["请将右手拇指放在指纹仪上", held, "请将左手拇指放在指纹仪上", held], titles


def test_cancel_while_the_real_module_waits_frees_it_at_once(tmp_path, module_on_sim):
    devices, events = module_on_sim
    ctx = context(tmp_path, devices, **{"devices.fingerprint.place_timeout": 30.0})

    def citizen(view: View) -> Intent | None:
        if "finger_done" in view.events:
            assert next_event(events, "finger").value["state"] == "waiting"  # looking for a finger
            return Intent("cancel")
        return None

    t = run(lambda c: take_prints(c), ctx, citizen)
    assert t.outcome == Finished("back")
    # the module stopped waiting for the thumb: it answers the next call long before 30 s
    info = devices["fingerprint"].submit(lambda d: d.info())
    deadline = time.monotonic() + 10
    while not info.done() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert info.done() and info.result()["image"] == [256, 288]


def test_the_real_module_unplugged_while_waiting_ends_the_step(tmp_path, fpsim, module_on_sim):
    devices, events = module_on_sim

    def citizen(view: View) -> Intent | None:
        if "finger_done" not in view.events:
            return None
        next_event(events, "finger")  # the module looks for a finger: pulled out then
        fpsim.unplug()
        return next_event(events)

    t = run(lambda c: take_prints(c), context(tmp_path, devices), citizen)
    assert t.outcome == Finished("device_lost")
    assert str(t.views[-1].title) == "指纹仪暂时无法使用"
