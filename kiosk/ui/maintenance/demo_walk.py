"""The demo's walk through maintenance mode: the hidden gesture and keypad, then every page with
something on it (a stuck A4 job, the live camera, a card and a code read, a paused queue, a
refund the gateway failed, retried once it answers), English and landscape, the shutdown
question. kiosk/ui/demo.py adds it to DEMO_STEPS."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from kiosk.ui.camera_view import CameraView
from kiosk.ui.demo import click, expect, pump, visible
from kiosk.ui.maintenance.journal import JournalPage
from kiosk.ui.maintenance.lockers import LockersPage
from kiosk.ui.maintenance.logs import LogsPage
from kiosk.ui.maintenance.overview import OverviewPage
from kiosk.ui.maintenance.page import Page
from kiosk.ui.maintenance.printer import PrinterPage
from kiosk.ui.maintenance.queue import QueuePage
from kiosk.ui.maintenance.readers import ReadersPage
from kiosk.ui.shell import Shell

# the simulate config's demo staff PIN (resources/config/simulate.toml says so beside its hash)
SIM_PIN = "123456"
DEMO_PAY_CODE = "134567890123456789"  # a payment code as the scanner reads it

Snap = Callable[[str, str], None]


P = TypeVar("P", bound=Page)


def _shown(shell: Shell, cls: type[P]) -> P:
    page = shell.staff.panel.pages[cls.key]
    assert isinstance(page, cls)
    return page


def _settled(shell: Shell) -> Callable[[], bool]:
    """A redrawn page lays its new widgets out over a few event rounds: true once two looks at
    the panel's widgets (which, where, how big) agree."""
    last: list[object] = [None]

    def look() -> bool:
        pump()
        now = [
            (w.objectName(), w.geometry().getRect())
            for w in shell.staff.panel.findChildren(QWidget)
            if w.isVisible()
        ]
        same, last[0] = now == last[0], now
        return same

    return look


def _page(shell: Shell, key: str) -> None:
    click(shell, f"tab_{key}")
    expect(lambda: shell.staff.panel.page == key, f"the maintenance page {key}")
    expect(_settled(shell), f"the maintenance page {key} laid out")


def _enter(shell: Shell, snap: Snap) -> bool:
    """Five taps in the corner, the keypad, the PIN; False where this config has no way in."""
    staff = shell.staff
    if not staff.auth.enabled:
        return False
    for _ in range(staff.gesture.taps):
        staff.press(2, 2)
    expect(lambda: shell.mode == "staff_pin", "the staff keypad")
    snap("maint-keypad", "Maintenance: the hidden corner gesture opens a bare PIN keypad")
    for key in SIM_PIN:
        click(shell, f"key_{key}")
    click(shell, "pin_confirm")
    expect(lambda: not staff.checking, "the PIN check")
    if shell.mode != "staff":
        snap("maint-keypad-refused", "Maintenance: this config's PIN is not the demo's")
        shell.go_home()
        return False
    return True


def _stuck_a4_job(shell: Shell) -> None:
    """A certificate waiting in the A4 queue because the tray ran out as it started."""
    device, sim = shell.kiosk.devices.get("a4printer"), shell.kiosk.simulators.get("a4printer")
    if device is None or sim is None or not device.status.usable:
        return
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "certificate.pdf"
        pdf.write_bytes(b"%PDF-1.4\n% demo certificate\n")
        sim.run_out_during_next()
        device.call(lambda d: d.print_pdf(pdf, title="demo"), 30)


def _refund_failed(shell: Shell) -> str | None:
    """A paid reissue the platform then refuses and whose refund the gateway fails, with the
    faults the simulator panel scripts: the journal item staff settle. Its saga, or None where
    there are no reference servers."""
    from backends.payment.api import Mode
    from backends.platform.api import Kind
    from backends.platform.demo import PEOPLE

    servers, paid = shell.kiosk.reference_servers, shell.kiosk.services.get("paid_application")
    if servers is None or paid is None:
        return None
    person = next(p for p in PEOPLE if p.fee_class == "standard" and not p.refusal_code)
    servers.refuse_after_payment("on")
    servers.fail_refunds("on")
    done: list[str | Exception] = []

    def pay() -> None:  # HTTP to both servers: off the GUI thread
        try:
            case = paid.open(person.id_number, Kind.REISSUE_LOST)
            paid.pay(case, Mode.MICROPAY, DEMO_PAY_CODE)
            paid.settle(case.saga)  # refused: the refund is tried, and fails
            done.append(case.saga)
        except Exception as e:
            done.append(e)
        finally:
            servers.refuse_after_payment("off")

    threading.Thread(target=pay, daemon=True, name="demo-refund").start()
    expect(lambda: bool(done), "a paid application refused with its refund failed")
    if isinstance(done[0], Exception):
        raise done[0]
    return done[0]


def _journal(shell: Shell, snap: Snap) -> None:
    """The journal page with a real item needing a hand, then staff's retry settling it."""
    saga = _refund_failed(shell)
    _page(shell, "journal")
    journal = _shown(shell, JournalPage)
    if "journal" in shell.kiosk.services:
        expect(lambda: journal.items.settled, "the journal's items")
        expect(_settled(shell), "the journal's items laid out")
    if saga is None:
        snap("maint-journal", "Maintenance journal: payments the kiosk could not settle")
        return
    read = journal.items.value
    sagas = [item.saga for item in read] if isinstance(read, list) else []
    if saga not in sagas:  # a config with a grace lists it only later
        snap("maint-journal", "Maintenance journal: payments the kiosk could not settle")
        return
    i = sagas.index(saga)
    expect(lambda: visible(shell, f"retry_{i}"), "the journal item")
    snap(
        "maint-journal",
        "Maintenance journal: a paid reissue the platform refused, whose refund the gateway failed",
    )
    shell.kiosk.reference_servers.fail_refunds("off")  # the gateway answers again
    panel = shell.staff.panel
    click(shell, f"retry_{i}")
    expect(
        lambda: panel.result is not None and panel.result.message.source == "已处理：{outcome}",
        "the refund retried",
    )
    expect(lambda: journal.items.settled, "the journal's items read again")
    expect(_settled(shell), "the journal page redrawn")
    snap("maint-journal-settled", "Maintenance journal: the retry gave the money back, audited")


def walk_maintenance(shell: Shell, snap: Snap) -> None:
    kiosk = shell.kiosk
    if not _enter(shell, snap):
        return
    expect(lambda: _shown(shell, OverviewPage).figures.settled, "the day's figures")
    expect(_settled(shell), "the day's figures laid out")
    snap("maint-overview", "Maintenance overview: devices, open alerts (acknowledge, clear), today's figures")

    _stuck_a4_job(shell)
    _page(shell, "printer")
    if "a4printer" in kiosk.devices:
        expect(lambda: _shown(shell, PrinterPage).jobs.settled, "the A4 print queue")
    snap(
        "maint-printer",
        "Maintenance printers: test print, paper refilled, the A4 queue "
        "(cancel; retry where CUPS kept a non-certificate job's file)",
    )
    if (sim := kiosk.simulators.get("a4printer")) is not None:
        sim.set_state("idle")

    if "camera" in kiosk.devices:
        _page(shell, "camera")

        def previewing() -> bool:
            return any(v.isVisible() and v.frames_shown and v.text for v in shell.findChildren(CameraView))

        expect(previewing, "the maintenance camera preview")
        snap(
            "maint-camera",
            "Maintenance camera: live preview with the photo guidance, to check light and framing",
        )

    _page(shell, "readers")
    readers = _shown(shell, ReadersPage)
    if (reader := kiosk.simulators.get("idcard")) is not None:
        reader.insert("resident")
        expect(lambda: bool(readers.readings), "the card read")
        reader.remove()
    if (scanner := kiosk.simulators.get("scanner")) is not None:
        before = len(readers.readings)
        scanner.scan("134567890123456789")
        expect(lambda: len(readers.readings) > before, "the code scanned")
    snap("maint-readers", "Maintenance readers: a card read and a code scanned, shown masked")

    _page(shell, "lockers")
    if "lockers" in kiosk.services:
        expect(lambda: _shown(shell, LockersPage).wall.settled, "the locker wall")
        expect(_settled(shell), "the locker wall laid out")
    if visible(shell, "slot_1"):
        click(shell, "slot_1")
    snap("maint-lockers", "Maintenance lockers: the wall, one compartment chosen, its actions")
    if visible(shell, "locker_faulty"):
        click(shell, "locker_faulty")
        snap("maint-locker-reasons", "Maintenance lockers: each action asks why, from a short list")
        click(shell, "locker_back")

    _page(shell, "queue")
    store = kiosk.services.get("queue")
    if store is not None and store.settings.service("social") is not None:
        queue = _shown(shell, QueuePage)
        expect(lambda: queue.today.settled, "today's queue")
        click(shell, "pause_social")
        expect(lambda: visible(shell, "resume_social") and queue.today.settled, "the paused service")
        expect(_settled(shell), "the paused service laid out")
        snap("maint-queue", "Maintenance queue: a service paused by staff, today's counts, reprint by number")
        click(shell, "resume_social")
        expect(lambda: visible(shell, "pause_social"), "the service resumed")
    else:
        snap("maint-queue", "Maintenance queue")

    _journal(shell, snap)
    _page(shell, "logs")
    expect(lambda: _shown(shell, LogsPage).lines.settled, "the log's lines")
    expect(_settled(shell), "the log's lines laid out")
    snap("maint-logs", "Maintenance log: the newest lines (already masked), by level")

    _page(shell, "overview")
    expect(lambda: _shown(shell, OverviewPage).figures.settled, "the day's figures")
    click(shell, "language")
    expect(lambda: shell.languages.current == "en", "English")
    expect(_settled(shell), "the English layout")
    snap("maint-overview-english", "Maintenance in English: alerts rendered in the UI language too")
    click(shell, "language")
    expect(lambda: shell.languages.current == "zh", "Chinese")
    shell.resize(1920, 1080)
    pump()
    expect(lambda: shell.size().width() == 1920, "the landscape layout")
    expect(_settled(shell), "the landscape layout settled")
    snap("maint-overview-landscape", "Maintenance overview (landscape 1920x1080)")
    shell.resize(1080, 1920)
    pump()
    expect(lambda: shell.size().width() == 1080, "the portrait layout")

    if visible(shell, "maint_shutdown"):
        click(shell, "maint_shutdown")
        expect(lambda: visible(shell, "shutdown_confirm"), "the shutdown question")
        snap("maint-shutdown", "Maintenance: shut down for the night asks first (where the config allows)")
        click(shell, "shutdown_cancel")
    click(shell, "maint_exit")
    expect(lambda: shell.mode == "home", "home after maintenance")
