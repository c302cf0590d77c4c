"""Run in a subprocess by test_bridge.py: the shell on screen while every device's status flaps
from many worker threads, camera frames pour into a preview and flow work finishes in the pool.

A refcount bug or a Qt call from the wrong thread kills the process (faulthandler prints the
stacks); a clean run prints its counts and exits 0.
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from core.text import tr
from devices.base import DeviceStatus, Driver, State
from devices.camera.capture import Frame
from flows.runtime import FlowContext, FlowGen, FlowSpec
from flows.views import Message, Work
from kiosk.config import DEVICE_KINDS
from tests.ui.conftest import make_kiosk

STATES = (
    DeviceStatus(State.OK),
    DeviceStatus(State.DEGRADED, tr("纸将用尽")),
    DeviceStatus(State.OFFLINE, tr("设备未连接")),
    DeviceStatus(State.FAULT, tr("设备故障")),
)


class FlapDriver(Driver):
    """Changes state at every poll and reports a card now and then."""

    poll_interval = 0.005

    def open(self) -> None:
        self.n = 0

    def close(self) -> None:
        pass

    def poll(self) -> DeviceStatus:
        self.n += 1
        if self.n % 7 == 0:
            self.emit("card_inserted", {"masked": "1101**********0015"})
        if self.n % 11 == 0:
            self.emit("card_removed", None)
        return STATES[self.n % len(STATES)]


def _busy_flow(ctx: FlowContext) -> FlowGen:
    for i in range(1000):
        yield Work(lambda i=i: i * 2)
    yield Message(title=tr("办理完成"))


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=float, default=20)
    p.add_argument("--threads", type=int, default=4, help="flapping threads per device")
    args = p.parse_args()
    faulthandler.enable()
    # a hang is a failure too: dump every thread's stack if the run overstays
    faulthandler.dump_traceback_later(args.seconds + 60, exit=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from kiosk.ui.app import application
    from kiosk.ui.camera_view import CameraView
    from kiosk.ui.shell import Shell

    app = application()
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-stress-"))
    kiosk = make_kiosk(
        tmp,
        devices={k: {"driver": "flap", "reconnect_min": 0.01} for k in DEVICE_KINDS},
        extra={k: {"flap": f"{__name__}:FlapDriver"} for k in DEVICE_KINDS},
    )
    kiosk.catalog["demo"] = FlowSpec("demo", tr("体验流程"), tr(""), _busy_flow)
    shell = Shell(kiosk)
    shell.resize(1080, 1920)
    shell.show()

    stop = threading.Event()
    img = np.zeros((120, 160, 3), np.uint8)
    preview: list[CameraView] = [CameraView()]
    sent = [0]

    def flap(dev: object) -> None:
        n = 0
        while not stop.is_set():
            n += 1
            dev._set_status(STATES[n % len(STATES)])  # type: ignore[attr-defined]
            sent[0] += 1
            if n % 10 == 0:
                time.sleep(0.001)

    def camera() -> None:
        seq = 0
        while not stop.is_set():
            seq += 1
            preview[0].submit_frame(Frame(seq, 0.0, img))  # the widget may be on its way out
            time.sleep(0.002)

    workers = [
        threading.Thread(target=flap, args=(dev,), daemon=True)
        for dev in kiosk.devices
        for _ in range(args.threads)
    ]
    workers.append(threading.Thread(target=camera, daemon=True))
    for t in workers:
        t.start()

    screens = 0
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        # what a citizen's taps would do, as fast as the GUI thread can
        step = screens % 6
        if step == 0:
            shell.go_home()
        elif step == 1:
            shell.host.cancel("stress")
            shell.start_service("demo")
        elif step == 2:
            shell.toggle_language()
        elif step == 3:
            shell.toggle_elderly()
        elif step == 4:
            shell.show_attract()
        else:
            old, preview[0] = preview[0], CameraView()
            preview[0].show()
            old.deleteLater()  # destroyed while the camera thread still sends to it
        screens += 1
        end = time.monotonic() + 0.05
        while time.monotonic() < end:
            app.processEvents()
    stop.set()
    for t in workers:
        t.join(5)
    QApplication.processEvents()
    shell.shutdown()
    kiosk.stop()
    from kiosk.ui.bridge import bridge

    print(f"stress: {args.seconds:.0f} s, {screens} screen changes, {sent[0]} status flaps sent,", end=" ")
    print(f"{bridge().delivered} values delivered to the GUI thread", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
