"""--demo: walk the shell headless and save one PNG per screen, plus an index page."""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from flows.runtime import FlowContext, FlowGen, FlowSpec
from kiosk.app import Kiosk
from kiosk.clock import AdjustableClock
from kiosk.text import Text, tr
from kiosk.ui.app import application
from kiosk.ui.shell import Shell
from kiosk.ui.sim_panel import SimulatorPanel

#: extra steps contributed by service journeys: (name, walk(shell, snap))
DEMO_STEPS: list[tuple[str, Callable[[Shell, Callable[[str, str], None]], None]]] = []


def settle(ms: int = 60) -> None:
    end = time.monotonic() + ms / 1000
    app = QApplication.instance()
    while time.monotonic() < end:
        if app is not None:
            app.processEvents()
        time.sleep(0.005)


def click(root: QWidget, name: str) -> None:
    settle()
    b = next((x for x in root.findChildren(QPushButton, name) if x.isVisible()), None)
    if b is None or not b.isVisible():
        shown = [x.objectName() for x in root.findChildren(QPushButton) if x.isVisible()]
        raise LookupError(f"no visible button {name} (visible: {shown})")
    b.click()
    settle()


def _boom(ctx: FlowContext) -> FlowGen:
    raise RuntimeError("demo: a flow that fails mid-way")
    yield  # pragma: no cover


def wait_for(predicate: Callable[[], bool], seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        settle(50)
    return False


def visible(shell: Shell, name: str) -> bool:
    return any(b.isVisible() and b.isEnabled() for b in shell.findChildren(QPushButton, name))


def walk_queue(shell: Shell, snap: Callable[[str, str], None], outdir: Path) -> None:
    """Queue tickets: choose, card, printed ticket (and the receipt itself), printer failure."""
    kiosk = shell.kiosk
    printer = kiosk.simulators.get("printer")
    reader = kiosk.simulators.get("idcard")
    click(shell, "service_queue")
    wait_for(lambda: visible(shell, "option_social"))
    snap("queue-services", "Queue: choose a service (waiting counts, closed reasons)")
    click(shell, "option_social")
    if visible(shell, "option_plain"):
        snap("queue-card-choice", "Queue: ID card for elderly priority, or a plain ticket")
        click(shell, "option_card")
        snap("queue-card-wait", "Queue: waiting for the ID card")
        if reader is not None:
            reader.insert("rare_name")
            wait_for(lambda: shell.current_view is not None and "取回" in str(shell.current_view.title), 15)
            snap(
                "queue-take-card",
                "Queue: take your ID card back; the ticket comes once the reader sees it gone",
            )
            reader.remove()
    wait_for(lambda: visible(shell, "action_ok"), 15)
    snap("queue-ticket", "Queue: take your ticket (number large, spoken digit by digit)")
    if printer is not None and printer.wait_receipts(1, 10) and printer.last_receipt is not None:
        target = outdir / "queue-ticket-receipt.png"
        target.write_bytes(printer.last_receipt.read_bytes())
    click(shell, "action_ok")
    if printer is not None:
        printer.run_out_during_next()
        click(shell, "service_queue")
        wait_for(lambda: visible(shell, "option_tax"))
        click(shell, "option_tax")
        if visible(shell, "option_plain"):
            click(shell, "option_plain")
        wait_for(lambda: visible(shell, "action_ok"), 15)
        snap("queue-not-printed", "Queue: printing failed after issue: number and QR stay valid")
        click(shell, "action_ok")
        printer.set_state("ok")


def walk_photo(shell: Shell, snap: Callable[[str, str], None]) -> None:
    """Self-service photo: live guidance over the preview, then the compliant photo."""
    click(shell, "service_photo")
    settle(1500)  # frames arrive and the first instruction is shown
    snap("photo-guidance", "Photo: live preview with one instruction at a time and the 3-2-1")
    wait_for(lambda: visible(shell, "action_ok") or visible(shell, "action_retake"), 40)
    snap("photo-result", "Photo: the GA 461 photo made from the captured frame")
    shell.home_pressed()


def run_demo(kiosk: Kiosk, outdir: Path) -> int:
    application()
    outdir.mkdir(parents=True, exist_ok=True)
    shots: list[tuple[str, str]] = []
    shell = Shell(kiosk, kiosk_mode=False)
    shell.resize(1080, 1920)
    shell.show()
    clock = kiosk.clock
    # wait for the simulated devices to connect so home shows the real state
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(not d.status.usable for d in kiosk.devices):
        settle(100)
    shell.refresh_home()
    settle(200)

    def snap(name: str, caption: str, widget: QWidget | None = None) -> None:
        settle()
        path = outdir / f"{len(shots) + 1:02d}-{name}.png"
        (widget or shell).grab().save(str(path))
        shots.append((path.name, caption))

    snap("home", "Home (portrait 1080x1920), Chinese")
    shell.resize(1920, 1080)
    settle()
    shell.refresh_home()
    snap("home-landscape", "Home (landscape 1920x1080)")
    shell.resize(1080, 1920)
    settle()
    shell.refresh_home()
    click(shell, "language")
    snap("home-english", "Home in English (one tap)")
    click(shell, "language")
    click(shell, "elderly")
    snap("home-elderly", "Elderly mode: larger text, slower timeouts")
    click(shell, "elderly")

    if "demo" in kiosk.config["kiosk"]["services"]:
        click(shell, "service_demo")
        snap("demo-choose", "Demo journey: choose")
        click(shell, "option_phone")
        for k in "1380013":
            click(shell, f"key_{k}")
        click(shell, "confirm")
        snap("demo-entry-error", "Keypad entry with a too-short number")
        for k in "8000":
            click(shell, f"key_{k}")
        snap("demo-entry", "Keypad entry")
        click(shell, "confirm")
        settle(300)
        snap("demo-done", "Result with a large number")
        click(shell, "action_ok")

    if kiosk.services.get("queue") is not None and visible(shell, "service_queue"):
        walk_queue(shell, lambda n, c: snap(n, c), outdir)
        shell.go_home()
        shots.append(
            ("queue-ticket-receipt.png", "The printed queue ticket, as the printer simulator rendered it")
        )

    if "camera" in kiosk.devices and wait_for(lambda: kiosk.devices["camera"].status.usable, 20):
        shell.refresh_home()
        walk_photo(shell, lambda n, c: snap(n, c))
        shell.go_home()

    for _name, walk in DEMO_STEPS:
        walk(shell, lambda n, c: snap(n, c))
        shell.home_pressed()

    # idle countdown inside a session
    if "demo" in kiosk.config["kiosk"]["services"]:
        click(shell, "service_demo")
        if isinstance(clock, AdjustableClock):
            clock.advance(shell.idle.timeout - 9)
        shell.tick()
        snap("idle-countdown", "Idle countdown: 还剩 N 秒, a touch continues")
        shell.keep_session()
        shell.home_pressed()

    click(shell, "help")
    snap("help", "Help")
    shell.help_overlay.hide()

    kiosk.catalog["_boom"] = FlowSpec("_boom", tr("故障演示"), Text(""), _boom)
    shell.start_service("_boom")
    snap("error", "Error screen: apologises, says what to do, goes home")
    del kiosk.catalog["_boom"]
    shell.go_home()

    shell.show_attract()
    snap("attract", "Attract screen after a long idle")
    shell.go_home()

    if kiosk.simulators:
        panel = SimulatorPanel(kiosk)
        panel.resize(480, 900)
        panel.show()
        snap("simulator-panel", "Simulator panel (--simulate)", panel)
        panel.close()

    items = "\n".join(
        f'<figure><img src="{html.escape(f)}" width="360"><figcaption>{html.escape(c)}</figcaption></figure>'
        for f, c in shots
    )
    (outdir / "index.html").write_text(
        f"<!doctype html><meta charset=utf-8><title>Kiosk demo</title>"
        f"<style>figure{{display:inline-block;margin:8px}}</style>{items}\n",
        encoding="utf-8",
    )
    print(f"demo: {len(shots)} screens written to {outdir}/ (index.html)")
    shell.shutdown()
    kiosk.stop()
    return 0
