"""The demo's locker walk (--demo): staff load the card of the reissue slip the printer printed
last (or, when no reissue walk printed one, of an application made on the reference platform and
a slip signed with this kiosk's key), in maintenance mode; the citizen scans the slip, passes
the face check, the lit door opens and is shut; the same slip again is refused."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtWidgets import QLabel

from kiosk.ui.demo import click, expect, open_service, skip_rating, visible
from kiosk.ui.shell import Shell
from kiosk.ui.sim_cards import last_slip_code

SIM_PIN = "123456"  # resources/config/simulate.toml's staff "SIM"


def texts(shell: Shell) -> str:
    return " ".join(w.text() for w in shell.findChildren(QLabel) if w.isVisible())


def slip_for_demo(shell: Shell) -> str:
    """The reissue walk's printed slip; failing that, a stand-in application and its slip."""
    code = last_slip_code(shell.kiosk)
    if code.startswith("ZJ1."):
        return code
    from backends.platform.demo import accepted_application
    from flows.reissue import signer

    kiosk = shell.kiosk
    acc = accepted_application(kiosk.services["platform"], uuid.uuid4().hex)
    ctx = kiosk.new_context(False, lambda: "zh")
    try:
        return str(signer(ctx).sign(acc, kiosk.clock.now().date(), str(kiosk.config["kiosk"]["kiosk_id"])))
    finally:
        ctx.session.close()


def walk_pickup(shell: Shell, snap: Callable[[str, str], None]) -> None:
    kiosk = shell.kiosk
    handover, wall, scanner = (
        kiosk.services.get("handover"),
        kiosk.simulators.get("locker"),
        kiosk.simulators.get("scanner"),
    )
    if (
        handover is None
        or wall is None
        or scanner is None
        or "pickup" not in kiosk.config["kiosk"]["services"]
    ):
        return
    slip = slip_for_demo(shell)
    acc = slip.split(".")[1]
    # staff: maintenance mode, the card's number typed, the smallest free compartment opens
    shell.staff.show_pin()
    for k in SIM_PIN:
        click(shell, f"key_{k}")
    click(shell, "pin_confirm")
    expect(lambda: shell.mode == "staff", "maintenance mode")
    click(shell, "tab_locker_load")
    for d in acc[2:]:
        click(shell, f"load_key_{d}")
    click(shell, "load_M")
    expect(lambda: "号柜已打开，请放入证件" in texts(shell), "the door opened for loading")
    snap("pickup-staff-load", "Staff load the card: the smallest free compartment opens")
    c = handover.lockers.find(acc)
    assert c is not None
    expect(lambda: handover.lockers.get(c.number).door_seen_open, "the kiosk seeing the door open")
    wall.close_door(c.number)
    expect(lambda: "业务系统已登记" in texts(shell), "the platform told the card is ready")
    snap("pickup-staff-loaded", "Door shut: the platform hears the card is ready at compartment N")
    click(shell, "maint_exit")
    expect(lambda: shell.mode == "home", "home")
    # the citizen
    open_service(shell, "pickup")
    expect(lambda: "请扫描回执上的二维码" in texts(shell), "the scan screen")
    snap("pickup-scan", "Pickup: scan the slip's QR (or read the ID card, or type the number)")
    scanner.scan(slip)
    door = f"请到 {c.number} 号柜门取证件"

    def at_the_door() -> bool:  # a liveness watch that missed the blink (a loaded machine): again
        if visible(shell, "action_retry"):
            click(shell, "action_retry")
        return door in texts(shell)

    expect(at_the_door, "the lit door", 120)
    snap("pickup-door", "Face checked; the door opens and is lit on a map of the wall")
    expect(lambda: handover.lockers.get(c.number).door_seen_open, "the citizen opening the door")
    wall.close_door(c.number)
    expect(lambda: visible(shell, "action_ok") and "领取成功" in texts(shell), "collected")
    snap("pickup-done", "Door shut: pickup recorded in the inventory, the journal and the platform")
    click(shell, "action_ok")
    skip_rating(shell)
    open_service(shell, "pickup")
    expect(lambda: "请扫描回执上的二维码" in texts(shell), "the scan screen")
    scanner.scan(slip)
    expect(lambda: "证件已领取" in texts(shell), "the used slip refused")
    snap("pickup-used", "The same slip again: collected at (time), no door opens")
    shell.home_pressed()
