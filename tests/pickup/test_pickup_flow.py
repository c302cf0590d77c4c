"""The pickup journey headless: the real locker wall (driver on the simulator, its supervisor
running), the real platform client against the reference server, a fake camera, the journal on
SQLite and PostgreSQL. The simulated doors shut by themselves shortly after they open, as a
citizen who takes the card and closes the door."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import cv2
import numpy as np
import pytest
import qrcode

from backends.platform.api import AppState
from backends.platform.faces import registry_photo
from core.clock import FakeClock
from devices.base import OK
from flows import pickup
from flows.headless import Transcript, run
from flows.runtime import Finished, FlowContext
from flows.session import Session
from flows.views import Busy, Entry, Intent, LockerDoor, Message, View
from hall.lockers import CState
from hall.pickup_code import Signer, load_signer
from kiosk.config import load
from tests.backends.support import WANG
from tests.flows.fakes import FakeDevice, FakeDevices
from tests.flows.test_reissue_flow import SwayingCamera
from tests.pickup.support import Kiosk, Platform, accepted, dead_platform

TODAY = FakeClock().now().date()  # the journey's day


class PickupDevices(FakeDevices):
    def __init__(self) -> None:
        super().__init__()
        self.camera = SwayingCamera()
        self.states.update({k: OK for k in ("camera", "scanner", "locker")})

    def __getitem__(self, kind: str) -> FakeDevice:
        return FakeDevice({"printer": self.printer, "camera": self.camera}[kind])


class Hall:
    def __init__(self, k: Kiosk, ctx: FlowContext, signer: Signer, platform: Platform) -> None:
        self.k, self.ctx, self.signer, self.platform = k, ctx, signer, platform

    def slip(self, acc: str, issued: date | None = None, kiosk: str = "K01") -> str:
        return self.signer.sign(acc, issued or TODAY, kiosk)

    def ready(self) -> tuple[str, int]:
        acc = self.platform.accepted()
        return acc, self.k.loaded(acc)

    def walk(self, *answers: Intent | None) -> Transcript:
        queue = list(answers)

        def citizen(view: View) -> Intent | None:
            if str(view.title) == "人像比对未通过":
                return Intent("retry")
            if isinstance(view, Message) and view.events:  # the first screen
                return queue.pop(0) if queue else None
            if isinstance(view, Entry):
                return queue.pop(0) if queue else None
            return None

        return run(pickup.start, self.ctx, citizen)


@pytest.fixture
def hall(wall, db_url, platform: Platform, tmp_path: Path) -> Iterator[Hall]:
    sim, settings = wall
    sim.set_auto_close(0.4)
    k = Kiosk(sim, settings, db_url, platform.client).start()
    signer = load_signer(tmp_path / "k.pem", tmp_path / "k.pub", generate=True)
    ctx = FlowContext(
        clock=FakeClock(),
        session=Session(tmp_path / "run"),
        config=load(None, {"pickup.door_close_wait": 3.0, "pickup.hall_kiosks": ["K01", "K02"]}),
        devices=PickupDevices(),
        services={
            "platform": platform.client,
            "handover": k.handover,
            "pickup_signer": signer,
        },
    )
    yield Hall(k, ctx, signer, platform)
    k.close()


def scan(code: str) -> Intent:
    return Intent("scanned", code)


def last(t: Transcript) -> Message:
    view = t.views[-1]
    assert isinstance(view, Message)
    return view


def test_scan_face_door_lit_collected_and_recorded(hall: Hall) -> None:
    acc, n = hall.ready()
    t = hall.walk(scan(hall.slip(acc)))
    assert t.outcome == Finished("collected"), [str(v.title) for v in t.views]
    door = next(s.busy for s in t.steps if isinstance(getattr(s, "busy", None), LockerDoor))
    assert door.number == n and str(door.title) == f"请到 {n} 号柜门取证件"
    assert {c[0] for c in door.cells} == {c.number for c in hall.k.lockers.compartments()}
    assert any("人像比对" in str(s.busy.title) for s in t.steps if isinstance(getattr(s, "busy", None), Busy))
    assert str(last(t).title) == "领取成功"
    app = hall.platform.client.status(acc)
    assert app.state == AppState.COLLECTED
    assert hall.k.sim.opens_of(n) == 2

    again = hall.walk(scan(hall.slip(acc)))  # the same slip, or a copy of it
    assert again.outcome == Finished("refused")
    assert str(last(again).title) == "证件已领取" and "已于" in str(last(again).body)
    assert hall.k.sim.opens_of(n) == 2  # not opened again


def test_offline_a_verified_slip_still_collects_and_the_platform_hears_later(hall: Hall) -> None:
    acc, _ = hall.ready()
    hall.ctx.services["platform"] = hall.k.handover.platform = dead_platform()
    t = hall.walk(scan(hall.slip(acc)))
    assert t.outcome == Finished("collected"), [str(v.title) for v in t.views]
    assert hall.k.lockers.find(acc) is None
    assert hall.platform.client.status(acc).state == AppState.READY
    hall.k.handover.platform = hall.platform.client
    hall.k.reconciler.run(grace=timedelta(0))
    assert hall.platform.client.status(acc).state == AppState.COLLECTED


def test_offline_the_card_and_the_typed_number_need_the_platform(hall: Hall) -> None:
    acc, n = hall.ready()
    hall.ctx.services["platform"] = dead_platform()
    t = hall.walk(Intent("number"), Intent("ok", acc[2:]))
    assert str(last(t).title) == "业务系统暂时无法连接"
    assert hall.k.sim.opens_of(n) == 1


def test_typed_number_without_a_camera_is_refused(hall: Hall) -> None:
    acc, n = hall.ready()
    hall.ctx.devices.down("camera")
    t = hall.walk(Intent("number"), Intent("ok", acc[2:]))
    assert str(last(t).title) == "暂时无法核验身份"
    assert hall.k.sim.opens_of(n) == 1  # only the load: no door for an unchecked person
    t = hall.walk(scan(hall.slip(acc)))  # the signed slip is enough on its own
    assert t.outcome == Finished("collected"), [str(v.title) for v in t.views]


def test_typed_acceptance_number_with_face_check(hall: Hall) -> None:
    acc, _ = hall.ready()
    t = hall.walk(Intent("number"), Intent("ok", acc[2:]))
    assert t.outcome == Finished("collected"), [str(v.title) for v in t.views]
    assert hall.platform.ref.apps[acc].state == AppState.COLLECTED


def test_a_mistyped_acceptance_number_can_be_typed_again(hall: Hall) -> None:
    acc, _ = hall.ready()
    wrong = acc[:-5] + "99999"  # a sequence number no application of the day has
    typed = iter([Intent("ok", wrong[2:]), Intent("ok", acc[2:])])
    seen: list[View] = []

    def citizen(view: View) -> Intent | None:
        seen.append(view)
        if isinstance(view, Message) and view.events:  # the scan screen
            return Intent("number")
        if isinstance(view, Entry):
            return next(typed)
        if str(view.title) == "没有找到这份申请":
            assert {k for k, _ in view.actions} == {"again", "ok"}  # 重新输入, not only 完成
            return Intent("again")
        return None

    t = run(pickup.start, hall.ctx, citizen)
    assert t.outcome == Finished("collected"), [str(v.title) for v in t.views]
    titles = [str(v.title) for v in seen]
    # straight back to the number, not to the scan screen
    assert titles[titles.index("没有找到这份申请") + 1] == "请输入受理号"
    assert titles.count("请扫描回执上的二维码") == 1


def test_a_code_that_is_not_a_slips_can_be_scanned_again(hall: Hall) -> None:
    """A stranger held up a payment code: the refusal offered only 完成, and the journey was
    over. Now 再试一次 goes back to the scan screen, where the slip (or the card, or the
    number) still works."""
    acc, _ = hall.ready()
    scans = iter([scan("https://example.org/not-a-slip"), scan(hall.slip(acc))])
    seen: list[View] = []

    def citizen(view: View) -> Intent | None:
        seen.append(view)
        if str(view.title) == "人像比对未通过":
            return Intent("retry")
        if isinstance(view, Message) and view.events:  # the scan screen
            return next(scans)
        if str(view.title) == "这不是取证回执的二维码":
            assert [(k, str(label)) for k, label in view.actions] == [("again", "再试一次"), ("ok", "完成")]
            return Intent("again")
        return None

    t = run(pickup.start, hall.ctx, citizen)
    assert t.outcome == Finished("collected"), [str(v.title) for v in t.views]
    titles = [str(v.title) for v in seen]
    assert titles[titles.index("这不是取证回执的二维码") + 1] == "请扫描回执上的二维码"


def test_someone_else_with_the_slip_is_sent_to_the_counter(hall: Hall) -> None:
    """The slip's application was photographed with another face than the one at the camera."""
    # lossless: the reference platform's synthetic "other" face nears the match threshold once
    # JPEG artefacts blur it (the server decodes any image the way it decodes a JPEG)
    other = cv2.imencode(".png", registry_photo("other"))[1].tobytes()
    acc = accepted(hall.platform.client, other)
    n = hall.k.loaded(acc)
    t = hall.walk(scan(hall.slip(acc)))
    assert t.outcome == Finished("refused"), [str(v.title) for v in t.views]
    assert [str(v.title) for v in t.views].count("人像比对未通过") == 1  # one retry, then the counter
    assert str(last(t).title) == "人像比对没有通过"
    assert hall.k.sim.opens_of(n) == 1 and hall.k.lockers.find(acc) is not None


def test_jammed_door_apologises_marks_faulty_and_says_what_next(hall: Hall) -> None:
    acc, n = hall.ready()
    hall.k.sim.toggle_jam(n)
    t = hall.walk(scan(hall.slip(acc)))
    assert t.outcome == Finished("door_failed")
    end = last(t)
    assert str(end.title) == f"很抱歉，{n} 号柜门没有打开"
    assert "已通知工作人员" in str(end.body) and "回执依然有效" in str(end.body)
    assert hall.k.lockers.get(n).state is CState.FAULTY
    assert f"lock_jammed.{n}" in hall.k.alert_codes()
    again = hall.walk(scan(hall.slip(acc)))  # the citizen tries once more: no door, staff told
    assert str(last(again).title) == "暂时无法取出证件" and f"{n} 号柜暂时故障" in str(last(again).body)
    assert f"pickup_blocked.{n}" in hall.k.alert_codes()
    assert hall.k.sim.opens_of(n) == 2  # the load and the jammed try: the second walk sent none


def test_door_left_open_the_screen_says_close_it(hall: Hall) -> None:
    acc, n = hall.ready()
    hall.k.sim.set_auto_close(0)
    t = hall.walk(scan(hall.slip(acc)))
    assert t.outcome == Finished("door_open")
    assert str(last(t).title) == f"请关好 {n} 号柜门"
    assert hall.k.lockers.get(n).state is CState.AWAITING_CLOSE  # still watched by the supervisor


def test_a_scan_the_scanner_dropped_is_said_and_scanning_goes_on(hall: Hall) -> None:
    acc, _ = hall.ready()
    too_long = Intent("scan_rejected", "扫码内容超过 2048 个字符，已丢弃")
    answers = iter([too_long, Intent("ok"), scan(hall.slip(acc))])
    seen: list[str] = []
    bodies: list[str] = []

    def citizen(view: View) -> Intent | None:
        seen.append(str(view.title))
        bodies.append(str(getattr(view, "body", "")))
        if str(view.title) == "人像比对未通过":
            return Intent("retry")
        return next(answers, None) if isinstance(view, Message) and view.actions else None

    t = run(pickup.start, hall.ctx, citizen)
    assert "这不是取证回执的二维码" in seen and seen.count("请扫描回执上的二维码") == 2
    said = bodies[seen.index("这不是取证回执的二维码")]
    # the citizen hears what to do, not the scanner's technical reason (that goes to the log)
    assert "受理回执上的二维码" in said and "2048" not in said and "字符" not in said
    assert t.outcome == Finished("collected"), seen


class SlipThenFace(SwayingCamera):
    """The citizen holds the slip to the camera, then looks into it."""

    def __init__(self, code: str) -> None:
        super().__init__()
        picture = np.array(qrcode.make(code).convert("RGB"))[:, :, ::-1]
        self.slip = cv2.copyMakeBorder(picture, 40, 40, 40, 40, cv2.BORDER_CONSTANT, value=(255, 255, 255))
        self.showing_slip = True

    def snapshot(self) -> np.ndarray:
        if self.showing_slip:
            self.showing_slip = False
            return np.ascontiguousarray(self.slip)
        return super().snapshot()


def test_no_scanner_the_slip_is_read_by_the_camera(hall: Hall) -> None:
    acc, n = hall.ready()
    devices = hall.ctx.devices
    devices.down("scanner")
    devices.camera = SlipThenFace(hall.slip(acc))
    t = hall.walk(Intent("camera"))
    first = t.views[0]
    assert isinstance(first, Message) and "扫码器暂不可用" in str(first.body)
    assert t.outcome == Finished("collected"), [str(v.title) for v in t.views]
    assert hall.platform.client.status(acc).state == AppState.COLLECTED
    assert hall.k.sim.opens_of(n) == 2


def test_not_ready_another_kiosk_expired_another_hall_forged(hall: Hall, tmp_path: Path) -> None:
    acc = hall.platform.accepted()  # made, not loaded
    assert str(last(hall.walk(scan(hall.slip(acc)))).title) == "新证还在制作中"

    hall.platform.client.mark_ready(acc, "K02", 4)
    assert str(last(hall.walk(scan(hall.slip(acc)))).title) == "证件不在本机"

    old = TODAY - timedelta(days=400)
    assert str(last(hall.walk(scan(hall.slip(acc, old)))).title) == "回执已过期"

    other = load_signer(tmp_path / "o.pem", tmp_path / "o.pub", generate=True)
    t = hall.walk(scan(other.sign(acc, TODAY, "K77")))
    assert str(last(t).title) == "这张回执不是本大厅开具的" and "K77" in str(last(t).body)
    t = hall.walk(scan(other.sign(acc, TODAY, "K01")))  # our kiosk's name, not our key
    assert str(last(t).title) == "回执二维码无法验证"
    assert not [s for s in hall.k.lockers.journal.iter_all() if s.kind.startswith("card.c")]


def test_idcard_read_finds_the_ready_card(hall: Hall) -> None:
    acc, _ = hall.ready()
    hall.ctx.devices.states["idcard"] = OK
    card = SimpleNamespace(id_number=WANG, name="王小明", address="某地")
    answers = iter([Intent("idcard"), Intent("card_inserted", card), Intent("card_removed")])

    def citizen(view: View) -> Intent | None:
        if str(view.title) == "人像比对未通过":
            return Intent("retry")
        if isinstance(view, Message) and (view.events or view.actions):
            return next(answers, None)
        return None

    t = run(pickup.start, hall.ctx, citizen)
    assert t.outcome == Finished("collected"), [str(v.title) for v in t.views]
    assert hall.platform.ref.apps[acc].state == AppState.COLLECTED


def test_a_card_with_nothing_to_collect_is_told_whom_to_call(hall: Hall) -> None:
    """No application under the card: at night the phone is the next step (it said only 没有找到)."""
    hall.ctx.devices.states["idcard"] = OK
    nobody = "440304198506120334"  # synthetic, valid check digit, never applied for anything
    card = SimpleNamespace(id_number=nobody, name="李四", address="某地")
    answers = iter([Intent("idcard"), Intent("card_inserted", card), Intent("card_removed"), Intent("ok")])
    t = run(pickup.start, hall.ctx, lambda view: next(answers, None) if isinstance(view, Message) else None)
    end = last(t)
    assert str(end.title) == "没有查到可领取的证件"
    assert f"服务电话 {hall.ctx.config['kiosk']['help_phone']}" in end.body.render()


def test_a_collected_card_is_rated_under_the_pickup_never_with_the_id_number(hall: Hall, tmp_path) -> None:
    from tests.flows.rated import check_rated, rated_walk

    acc, _ = hall.ready()
    slip = [scan(hall.slip(acc))]

    def citizen(view: View) -> Intent | None:
        if str(view.title) == "人像比对未通过":
            return Intent("retry")
        if isinstance(view, Message) and view.events:  # the scan screen
            return slip.pop(0) if slip else None
        return None

    t, store = rated_walk("pickup", hall.ctx, citizen, tmp_path / "ratings")
    assert t.outcome == Finished("collected"), [str(v.title) for v in t.views]
    masked = hall.platform.client.status(acc).id_masked  # the demo's accepted card is WANG's
    check_rated(t, store, "pickup", hall.ctx, tmp_path / "ratings", WANG, masked)
