"""--demo: walk the shell headless and save one PNG per screen, plus an index page.

Every step waits for the state it needs (a button shown, a screen changed), with a deadline a
loaded machine will not reach, never a fixed number of milliseconds. Outside hall hours the demo
shows the closed queue, then moves its own clock to the next opening to walk on.
"""

from __future__ import annotations

import html
import logging
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from core import code_cache
from core.clock import AdjustableClock
from core.text import Text, tr
from devices.base import DeviceEvent
from flows.runtime import FlowContext, FlowGen, FlowSpec
from kiosk.app import Kiosk
from kiosk.ui.app import application, check_installation
from kiosk.ui.camera_view import CameraView
from kiosk.ui.shell import Shell
from kiosk.ui.sim_panel import SimulatorPanel

log = logging.getLogger(__name__)


class Snap(Protocol):
    """Save the shell (or `widget`) as the next screenshot, with its caption."""

    def __call__(self, name: str, caption: str, widget: QWidget | None = None) -> None: ...


#: extra steps contributed by service journeys: (name, walk(shell, snap))
DEMO_STEPS: list[tuple[str, Callable[[Shell, Snap], None]]] = []

WAIT_S = 60.0  # deadline of every wait: generous, since only a stuck screen should reach it


class DemoStuck(Exception):
    """A state the demo waited for never came."""


class DemoFailure(RuntimeError):
    """The failure the demo provokes on purpose to show the error screen."""


class _ExpectedFailure(logging.Filter):
    """The demo's own failure is expected: one line in the log, not a traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], DemoFailure):
            record.msg, record.args = "demo: the error screen, provoked on purpose (expected)", ()
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def pump() -> None:
    """Let Qt deliver what is queued: layout, paint, events posted from device threads."""
    app = QApplication.instance()
    if app is not None:
        app.processEvents()


def wait_for(predicate: Callable[[], bool], seconds: float | None = None) -> bool:
    deadline = time.monotonic() + (WAIT_S if seconds is None else seconds)
    while not predicate():
        if time.monotonic() >= deadline:
            return False
        pump()
        time.sleep(0.02)
    pump()
    return True


def expect(predicate: Callable[[], bool], what: str, seconds: float | None = None) -> None:
    if not wait_for(predicate, seconds):
        limit = WAIT_S if seconds is None else seconds
        raise DemoStuck(f"demo: gave up after {limit:.0f} s waiting for {what}")


def button(root: QWidget, name: str) -> QPushButton | None:
    return next((b for b in root.findChildren(QPushButton, name) if b.isVisible() and b.isEnabled()), None)


def visible(shell: QWidget, name: str) -> bool:
    return button(shell, name) is not None


def tile_shown(shell: Shell, key: str) -> bool:
    """Whether home offers the service `key`. Waited for, not looked at once: home redraws on
    every device status change, and a redrawn tile shows only an event round later."""
    return wait_for(lambda: visible(shell, f"service_{key}"))


def home_shown(shell: Shell) -> bool:
    """Home is on screen with its tiles laid out (enabled or not)."""
    tiles = shell.home_screen.findChildren(QPushButton)
    return shell.mode == "home" and shell.home_screen.isVisible() and any(b.isVisible() for b in tiles)


def click(root: QWidget, name: str) -> None:
    """Click the button once it is shown. Found and clicked in one go: events processed between
    the two could rebuild the screen (home refreshes on device events) and replace the button."""
    clicked = False

    def press() -> bool:
        nonlocal clicked
        b = button(root, name)
        if b is not None and not clicked:
            b.click()
            clicked = True
        return clicked

    expect(press, f"the button {name}")


def open_service(shell: Shell, key: str) -> None:
    """Tap a home tile until its journey is on screen. A tile drawn on can have gone off by the
    tap (the printer faulted and the refresh is still queued): the shell then refuses and redraws
    home, and a demo that tapped once would wait for a journey that never started."""

    def started() -> bool:
        if shell.mode == "flow":
            return True
        b = button(shell.home_screen, f"service_{key}") if shell.mode == "home" else None
        if b is not None:
            b.click()
        return shell.mode == "flow"

    expect(started, f"the {key} journey to start")


def click_and_wait(shell: Shell, name: str) -> None:
    """Click and wait for the flow's next screen (the view changes or the flow ends)."""
    before = shell.current_view
    click(shell, name)
    expect(lambda: shell.current_view is not before or shell.mode != "flow", f"the screen after {name}")


def _boom(ctx: FlowContext) -> FlowGen:
    raise DemoFailure("demo: a flow that fails mid-way")
    yield  # pragma: no cover


def queue_open(shell: Shell, code: str, snap: Callable[[str, str], None]) -> bool:
    """True when `code` takes tickets now. Outside hall hours: show the closed services, then move
    the demo's clock to the service's next opening (within two weeks)."""
    from hall.queue import rules

    kiosk, store = shell.kiosk, shell.kiosk.services.get("queue")
    if store is None or store.settings.service(code) is None:
        return False  # no queue, or a hall without this service: nothing to walk
    if store.availability(code).available:
        return True
    if tile_shown(shell, "queue"):
        open_service(shell, "queue")
        expect(lambda: shell.mode == "flow" and visible(shell, "back"), "the queue's service list")
        snap("queue-closed", "Queue outside hall hours: each service says when it takes tickets again")
        shell.home_pressed()
    clock = kiosk.clock
    if not isinstance(clock, AdjustableClock):
        return False
    svc, now = store.service(code), store.local_now()
    for step in range(1, 14 * 24 * 4):
        at = now + timedelta(minutes=15 * step)
        if rules.opening(svc, store.settings.calendar, at).open:
            clock.wall_shift += (at - now).total_seconds()
            log.info("demo: the hall is closed; the demo clock moves on to %s", at.isoformat())
            shell.refresh_home()
            expect(lambda: home_shown(shell), "the home screen")
            return store.availability(code).available
    return False


def skip_rating(shell: Shell) -> None:
    """Past the rating the kiosk asks after a journey (the ratings walk shows it)."""
    expect(lambda: visible(shell, "option_skip") or home_shown(shell), "the rating or home")
    if visible(shell, "option_skip"):
        click(shell, "option_skip")


def walk_queue(shell: Shell, snap: Callable[[str, str], None], outdir: Path) -> None:
    """Queue tickets: choose, card, printed ticket (and the receipt itself), printer failure."""
    kiosk = shell.kiosk
    printer = kiosk.simulators.get("printer")
    reader = kiosk.simulators.get("idcard")
    open_service(shell, "queue")
    expect(lambda: visible(shell, "option_social"), "the queue's service list")
    snap("queue-services", "Queue: choose a service (waiting counts, closed reasons)")
    click(shell, "option_social")
    expect(lambda: visible(shell, "option_plain") or visible(shell, "action_ok"), "card choice or ticket")
    if visible(shell, "option_plain"):
        snap("queue-card-choice", "Queue: ID card for elderly priority, or a plain ticket")
        click_and_wait(shell, "option_card")
        snap("queue-card-wait", "Queue: waiting for the ID card")
        if reader is not None:
            reader.insert("rare_name")
            expect(
                lambda: shell.current_view is not None and "取回" in str(shell.current_view.title),
                "the take-your-card step",
            )
            snap(
                "queue-take-card",
                "Queue: take your ID card back; the ticket comes once the reader sees it gone",
            )
            reader.remove()
    expect(lambda: visible(shell, "action_ok"), "the ticket")
    snap("queue-ticket", "Queue: take your ticket (number large, spoken digit by digit)")
    if printer is not None and printer.wait_receipts(1, WAIT_S) and printer.last_receipt is not None:
        target = outdir / "queue-ticket-receipt.png"
        target.write_bytes(printer.last_receipt.read_bytes())
    click(shell, "action_ok")
    skip_rating(shell)
    expect(lambda: home_shown(shell), "home after the ticket")
    if printer is not None:
        printer.run_out_during_next()
        store = kiosk.services["queue"]
        second = "option_tax" if store.settings.service("tax") is not None else "option_social"
        open_service(shell, "queue")
        expect(lambda: visible(shell, second), "the queue's service list")
        click(shell, second)
        expect(lambda: visible(shell, "option_plain") or visible(shell, "action_ok"), "card choice or ticket")
        if visible(shell, "option_plain"):
            click(shell, "option_plain")
        expect(lambda: visible(shell, "action_ok"), "the ticket that was not printed")
        snap("queue-not-printed", "Queue: printing failed after issue: number and QR stay valid")
        click(shell, "action_ok")
        skip_rating(shell)
        printer.set_state("ok")


def walk_photo(shell: Shell, snap: Callable[[str, str], None]) -> None:
    """Self-service photo: live guidance over the preview, then the compliant photo.

    The guidance takes the photo by itself once the person has held still through the 3-2-1,
    whether or not a starved GUI thread ever painted the preview: on a loaded machine the
    instruction can come and go between two looks. So with the camera simulator the person
    first stands too far away, an instruction that holds until the demo has seen it, and only
    then steps into place."""
    camera = shell.kiosk.simulators.get("camera")
    if camera is not None and camera.state["position"] != "far":
        camera.set("position", "far")
        # frames already rendered, streamed or buffered still show the person in place:
        # wait until a good second of the new scene has come through the driver
        device, seen = shell.kiosk.devices["camera"], [0]
        fps = float(shell.kiosk.config.device("camera").get("fps", 30.0))

        def count(ev: DeviceEvent) -> None:  # the camera's thread
            seen[0] += ev.kind == "frame"

        unsubscribe = device.subscribe(count)
        try:
            expect(lambda: seen[0] > 2 * fps, "the camera showing the person standing too far")
        finally:
            unsubscribe()
    open_service(shell, "photo")

    def guiding() -> bool:  # frames arrive and the first instruction is shown
        return any(v.isVisible() and v.frames_shown and v.text for v in shell.findChildren(CameraView))

    expect(guiding, "the camera preview with its first instruction")
    snap("photo-guidance", "Photo: live preview with one instruction at a time and the 3-2-1")
    if camera is not None:
        camera.set("position", "centre")
    expect(lambda: visible(shell, "action_ok") or visible(shell, "action_retake"), "the photo")
    snap("photo-result", "Photo: the GA 461 photo made from the captured frame")
    shell.home_pressed()


def run_demo(kiosk: Kiosk, outdir: Path) -> int:
    application()
    check_installation()
    outdir.mkdir(parents=True, exist_ok=True)
    expected = _ExpectedFailure()
    loggers = [logging.getLogger(name) for name in ("flows.runtime", "kiosk.ui.flow_host")]
    for logger in loggers:
        logger.addFilter(expected)
    shell = Shell(kiosk, kiosk_mode=False)
    code_cache.started()  # what a start needs to paint its home (core/code_cache.py)
    try:
        shots = _walk(kiosk, shell, outdir)
    except DemoStuck as e:
        view = shell.current_view
        # what was on screen instead says why: an error, a device lost, a flow never started
        print(f"{e} (on screen: {shell.mode}{f', {view.title}' if view is not None else ''})")
        return 1
    finally:
        for logger in loggers:
            logger.removeFilter(expected)
        shell.shutdown()
        kiosk.stop()
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
    return 0


def _walk(kiosk: Kiosk, shell: Shell, outdir: Path) -> list[tuple[str, str]]:
    shots: list[tuple[str, str]] = []
    shell.resize(1080, 1920)
    shell.show()
    clock = kiosk.clock
    # the simulated devices connect first, so home shows the real state
    wait_for(lambda: all(d.status.usable for d in kiosk.devices))
    shell.refresh_home()
    expect(lambda: home_shown(shell), "the home screen")

    def snap(name: str, caption: str, widget: QWidget | None = None) -> None:
        pump()
        path = outdir / f"{len(shots) + 1:02d}-{name}.png"
        (widget or shell).grab().save(str(path))
        shots.append((path.name, caption))

    def relayout(width: int, height: int) -> None:
        shell.resize(width, height)
        pump()
        shell.refresh_home()
        expect(lambda: shell.size().width() == width, f"the {width}x{height} layout")

    snap("home", "Home (portrait 1080x1920), Chinese")
    relayout(1920, 1080)
    snap("home-landscape", "Home (landscape 1920x1080)")
    relayout(1080, 1920)
    click(shell, "language")
    expect(lambda: shell.languages.current == "en", "English")
    snap("home-english", "Home in English (one tap)")
    click(shell, "language")
    expect(lambda: shell.languages.current == "zh", "Chinese")
    click(shell, "elderly")
    expect(lambda: shell.elderly, "elderly mode")
    snap("home-elderly", "Elderly mode: larger text, slower timeouts")
    click(shell, "elderly")
    expect(lambda: not shell.elderly, "standard mode")

    services = kiosk.config["kiosk"]["services"]
    if "demo" in services:
        open_service(shell, "demo")
        expect(lambda: visible(shell, "option_phone"), "the demo's choice")
        snap("demo-choose", "Demo journey: choose")
        click(shell, "option_phone")
        for k in "1380013":
            click(shell, f"key_{k}")
        click(shell, "confirm")
        expect(
            lambda: any(e.isVisible() and e.text() for e in shell.findChildren(QLabel, "Error")), "the error"
        )
        snap("demo-entry-error", "Keypad entry with a too-short number")
        for k in "8000":
            click(shell, f"key_{k}")
        snap("demo-entry", "Keypad entry")
        click(shell, "confirm")
        expect(lambda: visible(shell, "action_ok"), "the demo's result")
        snap("demo-done", "Result with a large number")
        click(shell, "action_ok")
        expect(lambda: home_shown(shell), "home")

    if queue_open(shell, "social", snap) and tile_shown(shell, "queue"):
        walk_queue(shell, snap, outdir)
        shell.home_pressed()  # ends the rating the queue journey asks for, too
        if (outdir / "queue-ticket-receipt.png").exists():
            shots.append(
                ("queue-ticket-receipt.png", "The printed queue ticket, as the printer simulator rendered it")
            )

    if "camera" in kiosk.devices and wait_for(lambda: kiosk.devices["camera"].status.usable):
        shell.refresh_home()
        walk_photo(shell, snap)
        shell.go_home()

    from kiosk.ui.hall_demo import walk_hall  # the counter terminal and the display board

    walks: list[tuple[str, Callable[[Shell, Snap], None]]] = [*DEMO_STEPS, ("hall", walk_hall)]
    for _name, walk in walks:
        walk(shell, snap)
        shell.home_pressed()

    # idle countdown inside a session
    if "demo" in services and isinstance(clock, AdjustableClock):
        open_service(shell, "demo")
        expect(lambda: shell.mode == "flow", "the demo journey")
        clock.advance(shell.idle.timeout - 9)
        shell.tick()
        expect(lambda: shell.idle_overlay.isVisible(), "the idle countdown")
        snap("idle-countdown", "Idle countdown: 还剩 N 秒, a touch continues")
        shell.keep_session()
        shell.home_pressed()

    click(shell, "help")
    expect(lambda: shell.help_overlay.isVisible(), "help")
    snap("help", "Help")
    shell.help_overlay.hide()

    kiosk.catalog["_boom"] = FlowSpec("_boom", tr("故障演示"), Text(""), _boom)
    shell.start_service("_boom")
    expect(lambda: shell.mode == "error", "the error screen")
    snap("error", "Error screen: apologises, says what to do, goes home")
    del kiosk.catalog["_boom"]
    shell.go_home()

    shell.show_attract()
    expect(lambda: shell.mode == "attract", "the attract screen")
    snap("attract", "Attract screen after a long idle")
    shell.go_home()

    if kiosk.simulators:
        panel = SimulatorPanel(kiosk)
        panel.resize(480, 900)
        panel.show()
        expect(panel.isVisible, "the simulator panel")
        snap("simulator-panel", "Simulator panel (--simulate)", panel)
        panel.close()
    return shots


# walks of their own modules, imported last: they use the helpers above
from kiosk.ui import demo_certificate, demo_pickup, demo_ratings, demo_reissue  # noqa: E402
from kiosk.ui.maintenance import demo_walk  # noqa: E402

DEMO_STEPS.append(("reissue", demo_reissue.walk_reissue))
DEMO_STEPS.append(("pickup", demo_pickup.walk_pickup))
DEMO_STEPS.append(("ratings", demo_ratings.walk))
DEMO_STEPS.append(("maintenance", demo_walk.walk_maintenance))
DEMO_STEPS.append(("certificate", demo_certificate.walk_certificate))
