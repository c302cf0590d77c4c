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
    b = root.findChild(QPushButton, name)
    if b is None or not b.isVisible():
        raise LookupError(f"no visible button {name}")
    b.click()
    settle()


def _boom(ctx: FlowContext) -> FlowGen:
    raise RuntimeError("demo: a flow that fails mid-way")
    yield  # pragma: no cover


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
