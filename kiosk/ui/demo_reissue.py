"""The demo's walk of the ID card reissue (one of kiosk.ui.demo.DEMO_STEPS): Wang Xiaoming lost
his card; every screen of the journey is saved, the printed slip too, and then the slip is
reprinted at "another visit" by reading his card."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel

from backends.platform.demo import PEOPLE
from flows.views import Payment
from kiosk.ui.demo import Snap, click, expect, home_shown, open_service, pump, skip_rating, visible, wait_for
from kiosk.ui.shell import Shell

AUTH = "134567890123456789"  # the payment code the demo holds to the scanner


def shows(shell: Shell, text: str) -> bool:
    pump()
    return any(text in w.text() for w in shell.findChildren(QLabel) if w.isVisible())


def walk_reissue(shell: Shell, snap: Snap) -> None:
    kiosk = shell.kiosk
    services = kiosk.config["kiosk"]["services"]
    sims = kiosk.simulators
    if "reissue" not in services or not all(k in sims for k in ("fingerprint", "scanner", "printer")):
        return  # a hall without the service, or not simulated: nothing the demo can walk
    shell.refresh_home()
    if not wait_for(lambda: visible(shell, "service_reissue"), 30):
        return  # off on home (a system we do not own is down): the home screenshot says why
    wang = PEOPLE[0]
    open_service(shell, "reissue")
    expect(lambda: visible(shell, "option_lost"), "the reissue's first choice")
    snap("reissue-how", "ID card reissue: renew with the old card, reissue after loss, or reprint a slip")
    click(shell, "option_lost")
    for c in wang.id_number[:-1] + ("5" if wang.id_number[-1] != "5" else "6"):
        click(shell, f"key_{c}")
    expect(lambda: shows(shell, "校验位"), "the check digit error")
    snap("reissue-keypad-check", "The ID keypad checks the last character as it is typed")
    click(shell, "clear")
    for c in wang.id_number:
        click(shell, f"key_{c}")
    click(shell, "confirm")
    expect(lambda: visible(shell, "action_yes"), "the masked name")
    snap("reissue-confirm-name", "The platform's masked name to confirm")
    click(shell, "action_yes")
    expect(lambda: visible(shell, "option_reissue_lost"), "the kinds and fees")
    snap("reissue-kind-fee", "Kind, fee and the validity the new card will have")
    click(shell, "option_reissue_lost")
    expect(lambda: shows(shell, "请确认您的照片"), "the photo", 120)
    snap("reissue-photo", "The photo journey's step: the compliant photo to confirm")
    click(shell, "action_ok")
    expect(lambda: shows(shell, "请将右手拇指放在指纹仪上"), "the right thumb's screen", 120)
    snap("reissue-thumb", "Fingerprints: one spoken screen per finger, waiting for the module")
    sims["fingerprint"].place("good")
    expect(lambda: shows(shell, "请核对申请信息"), "the review", 120)
    snap("reissue-review", "Review: everything masked, with the fee")
    click(shell, "action_ok")
    click(shell, "option_micropay")
    expect(lambda: isinstance(shell.current_view, Payment), "the payment screen")
    snap("reissue-pay", "Pay: show the phone's payment code to the scanner, with a countdown")
    before = sims["printer"].last_receipt
    sims["scanner"].scan(AUTH)
    expect(lambda: shows(shell, "申请已受理，请取走回执"), "the accepted application", 120)
    snap("reissue-accepted", "Accepted: take the slip")
    _snap_slip(
        shell, snap, before, "reissue-slip", "The printed slip: masked, with the signed pickup QR code"
    )
    click(shell, "action_ok")
    skip_rating(shell)
    expect(lambda: home_shown(shell), "home")

    reader = sims.get("idcard")
    if "slip_reprint" not in services or reader is None:
        return
    sims["fingerprint"].lift()
    before = sims["printer"].last_receipt
    open_service(shell, "slip_reprint")
    expect(lambda: shows(shell, "补打回执"), "the reprint's card screen")
    snap("reissue-reprint-card", "Slip reprint at any kiosk: read the ID card")
    reader.insert("resident")
    expect(lambda: shows(shell, "请取回您的身份证"), "take the card back")
    reader.remove()
    expect(lambda: shows(shell, "申请已受理，请取走回执"), "the reprinted slip", 60)
    snap("reissue-reprinted", "The slip reprinted with the same signed pickup code")
    _snap_slip(shell, snap, before, "reissue-slip-reprint", "The reprinted slip: the same pickup code")
    click(shell, "action_ok")
    skip_rating(shell)
    expect(lambda: home_shown(shell), "home")


def _snap_slip(shell: Shell, snap: Snap, before: Path | None, name: str, caption: str) -> None:
    """The slip as the printer simulator rendered it, saved among the screens."""
    printer = shell.kiosk.simulators["printer"]
    expect(lambda: printer.last_receipt not in (None, before), "the printed slip")
    paper = QLabel()
    pixmap = QPixmap(str(printer.last_receipt))
    paper.setPixmap(pixmap)
    paper.resize(pixmap.size())
    paper.show()
    try:
        snap(name, caption, paper)
    finally:
        paper.close()
