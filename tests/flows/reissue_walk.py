"""The loss reissue walked headless on the simulated kiosk: the app as `make run` builds it (real
drivers on the camera, fingerprint, scanner and printer simulators), the platform and gateway
at the URLs given (reference servers that outlive this process), the journal on the database
given. A scripted citizen answers every screen; `walk(on_step=...)` lets the crash test's child
kill itself at one step and the benchmark time each step."""

from __future__ import annotations

import queue
from pathlib import Path
from typing import Any

from devices.base import DeviceEvent, State
from flows import headless, reissue
from flows.views import Capture, Choose, Entry, Intent, Message, Payment, View
from hall.db import migrate, open_engine
from hall.journal import Journal
from tests.backends.support import AUTH, WANG

DEVICES = ("camera", "fingerprint", "scanner", "printer")
ANSWERS = {
    "请确认是您本人": "yes",
    "请确认您的照片": "ok",
    "人像比对未通过": "retry",
    "部分指纹未能采集": "ok",
    "请核对申请信息": "ok",
    "申请已受理，请取走回执": "ok",
}


def simulated_kiosk(
    tmp: Path,
    platform_url: str,
    payment_url: str,
    db_url: str,
    wire_speed: bool = True,
    card_reader: bool = False,
) -> Any:
    """The app in `tmp` wired to these systems and this journal, every device it uses up.
    `wire_speed=False`: the fingerprint module sends its image as fast as the pty takes it (the
    crash test walks the journey some fifty times; the benchmark wants the real wire).
    `card_reader`: the ID reader simulator too (renewal, the slip reprint)."""
    from backends.payment.client import PaymentClient
    from backends.platform.client import PlatformClient
    from tests.ui.conftest import simulated_kiosk as simulated

    kiosk = simulated(
        tmp,
        ["reissue"],
        **{
            "devices.locker.driver": "none",
            **({} if card_reader else {"devices.idcard.driver": "none"}),
            "devices.printer.sim_receipts_dir": str(tmp / "receipts"),
            "reissue.signing_key": str(tmp / "data/pickup.pem"),
            "reissue.verify_key": str(tmp / "data/pickup.pub"),
        },
    )
    engine = open_engine(db_url)
    migrate(engine)
    kiosk.services.update(
        platform=PlatformClient(platform_url),
        payment=PaymentClient(payment_url),
        journal=Journal(engine, "K01"),
    )
    kiosk.simulators["fingerprint"].pace = wire_speed
    for kind in DEVICES + (("idcard",) if card_reader else ()):
        if not kiosk.devices[kind].wait_until(lambda s: s.state is State.OK, 30):
            raise RuntimeError(f"{kind} did not come up: {kiosk.devices[kind].status.reason}")
    return kiosk


class Citizen:
    """Wang Xiaoming, who lost his card: types his number, smiles, places his thumbs, pays."""

    def __init__(self, kiosk: Any) -> None:
        self.kiosk = kiosk
        self.events: queue.Queue[DeviceEvent] = queue.Queue()
        kiosk.devices["fingerprint"].subscribe(self.events.put)
        kiosk.simulators["fingerprint"].place("good")

    def __call__(self, view: View) -> Intent | None:
        if "finger_done" in view.events:
            return self._finger_done()
        if isinstance(view, Payment):
            return Intent("scanned", AUTH) if "scanned" in view.events else None
        if isinstance(view, Capture):
            frame = self.kiosk.devices["camera"].call(lambda d: d.latest(), timeout=10)
            return Intent("captured", frame)
        if isinstance(view, Entry):
            return Intent("ok", WANG)
        if isinstance(view, Choose):
            keys = [o.key for o in view.options if o.enabled]
            return Intent(next(k for k in ("lost", "reissue_lost", "micropay") if k in keys))
        assert isinstance(view, Message), view
        key = ANSWERS.get(str(view.title))
        return Intent(key) if key else None

    def _finger_done(self) -> Intent:
        while True:  # the module says when the capture is done; the screen hears it
            ev = self.events.get(timeout=60)
            if ev.kind == "finger_done":
                return Intent(ev.kind, ev.payload)


def walk(kiosk: Any, on_step: headless.StepHook | None = None) -> headless.Transcript:
    ctx = kiosk.new_context()
    return headless.run(reissue.start, ctx, Citizen(kiosk), on_step=on_step)


def step_name(step: Any) -> str:
    """A step as a person reads it: the view's title, or what a Work shows while it runs."""
    view = step.busy if hasattr(step, "busy") else step
    return f"{type(step).__name__}:{view.title}"
