"""The photo flow's ending, headless with fake devices: the photo is printed, and every other
outcome is said honestly; a camera that goes away mid-capture is not waited on."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from core.clock import FakeClock
from devices.base import DeviceOffline, OutcomeUnknown
from devices.camera.presets import PhotoPreset
from flows import photo
from flows.headless import run
from flows.runtime import Finished, FlowContext
from flows.session import Session
from flows.views import Intent, offline
from kiosk.config import load
from tests.flows.fakes import FakeDevices, citizen


@pytest.fixture
def ctx(tmp_path: Path, devices: FakeDevices) -> FlowContext:
    return FlowContext(clock=FakeClock(), session=Session(tmp_path), config=load(None), devices=devices)


@pytest.fixture
def devices() -> FakeDevices:
    return FakeDevices()


def sheet(ctx: FlowContext):  # type: ignore[no-untyped-def]
    shot = SimpleNamespace(preset=PhotoPreset("ga461"), image=np.zeros((441, 358, 3), np.uint8))
    path = ctx.session.temp_dir / "photo.jpg"
    return lambda c: photo._print_sheet(c, shot, path)


def test_the_photo_is_printed_with_what_it_meets(ctx, devices):
    t = run(sheet(ctx), ctx, citizen(Intent("ok")))
    assert t.outcome == Finished("printed")
    name, data = devices.printer.jobs[0]
    assert name == "photo_sheet" and data["photo"].endswith("photo.jpg")
    assert (data["preset"], data["size_px"], data["size_mm"]) == ("GA 461", "358×441 px", "26×32 mm")
    assert str(t.views[-1].title) == "请取走您的照片"


def test_unknown_print_outcome_says_look_at_the_slot(ctx, devices):
    devices.printer.fail = OutcomeUnknown("打印机在打印后没有应答")
    t = run(sheet(ctx), ctx, citizen(Intent("ok")))
    assert t.outcome == Finished("print_unknown") and "出纸口" in str(t.views[-1].body)


def test_failed_print_can_be_retried(ctx, devices):
    devices.printer.fail = DeviceOffline("打印纸已用完")
    answers = [Intent("retry"), Intent("ok")]

    def citizen_fixing_paper(view):  # type: ignore[no-untyped-def]
        devices.printer.fail = None  # staff put paper in before the retry
        return answers.pop(0) if answers else None

    t = run(sheet(ctx), ctx, citizen_fixing_paper)
    assert str(t.views[0].title) == "照片未能打印" and "打印纸已用完" in t.views[0].body.render()
    assert t.outcome == Finished("printed") and len(devices.printer.jobs) == 1


def test_printer_gone_before_printing_says_so(ctx, devices):
    devices.down("printer")
    t = run(sheet(ctx), ctx, citizen(Intent("ok")))
    assert t.outcome == Finished("device_lost") and "打印机" in str(t.views[0].title)
    assert devices.printer.jobs == []


def test_camera_lost_during_capture_ends_with_the_help_number(ctx, devices):
    t = run(photo.start, ctx, citizen(Intent(offline("camera")), Intent("ok")))
    assert offline("camera") in t.views[0].events
    assert str(t.views[1].title) == "摄像头暂时无法使用" and "12345" in t.views[1].body.render()
    assert t.outcome == Finished("device_lost")


def test_the_printed_photo_is_rated_under_the_photo_journey(ctx, devices, tmp_path):
    from devices.camera.scene import Scene, render
    from flows.views import Capture
    from tests.flows.rated import check_rated, rated_walk

    def sitter(view):  # type: ignore[no-untyped-def]
        if isinstance(view, Capture):
            return Intent("captured", SimpleNamespace(image=render(Scene())))
        return Intent("ok")  # use this photo, then take it from the printer

    t, store = rated_walk("photo", ctx, sitter, tmp_path / "ratings")
    assert t.outcome == Finished("printed") and devices.printer.jobs[0][0] == "photo_sheet"
    check_rated(t, store, "photo", ctx, tmp_path / "ratings")
