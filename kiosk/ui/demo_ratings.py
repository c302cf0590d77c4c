"""The demo's walk through ratings and 办不成事 (registered in kiosk.ui.demo.DEMO_STEPS): a ticket
rated 不满意 with reasons and a phone number, a 办不成事 report and its printed slip, and staff
answering it on the follow-up page of maintenance mode."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton

from kiosk.ui.demo import (
    WAIT_S,
    DemoStuck,
    click,
    click_and_wait,
    expect,
    home_shown,
    open_service,
    queue_open,
    tile_shown,
    visible,
)
from kiosk.ui.maintenance.followups import FollowupsPage
from kiosk.ui.shell import Shell

SIM_PIN = "123456"  # simulate.toml's staff SIM (a real kiosk has its own hashes)


def walk(shell: Shell, snap: Callable[[str, str], None]) -> None:
    kiosk = shell.kiosk
    if kiosk.services.get("ratings") is None:
        return
    services = kiosk.config["kiosk"]["services"]
    shell.refresh_home()
    expect(lambda: home_shown(shell), "the home screen")
    if "queue" in services and queue_open(shell, "social", snap) and tile_shown(shell, "queue"):
        _rate_a_ticket(shell, snap)
    if "unresolved" in services and tile_shown(shell, "unresolved"):
        _report(shell, snap)
    if any(p["id"] == "SIM" for p in kiosk.config["staff"]["pins"]):
        _answer(shell, snap)


def _rate_a_ticket(shell: Shell, snap: Callable[[str, str], None]) -> None:
    open_service(shell, "queue")
    click(shell, "option_social")
    expect(lambda: visible(shell, "option_plain") or visible(shell, "action_ok"), "card choice or ticket")
    if visible(shell, "option_plain"):
        click(shell, "option_plain")
    expect(lambda: visible(shell, "action_ok"), "the ticket")
    click(shell, "action_ok")
    expect(lambda: visible(shell, "option_2"), "the rating after the journey")
    snap("rating-levels", "Rating after every journey: five levels, skippable in one tap")
    click_and_wait(shell, "option_2")
    click(shell, "pick_slow")
    click(shell, "pick_unclear")
    # typed on the on-screen keyboard: pinyin, then the words picked from the candidate bar
    type_pinyin(shell, "paiduishijian", "排队时间")
    type_pinyin(shell, "tai", "太")
    type_pinyin(shell, "chang", "长")
    snap("rating-reasons", "不满意 or worse: reasons (several) and a line typed in pinyin on the screen")
    click_and_wait(shell, "submit")
    snap("rating-consent", "A phone number only with consent, erased after the item is closed")
    click_and_wait(shell, "option_yes")
    for k in "13812345678":
        click(shell, f"key_{k}")
    snap("rating-phone", "The number on the keypad (masked in logs)")
    click(shell, "confirm")
    expect(lambda: visible(shell, "action_ok"), "the thanks")
    snap("rating-thanks", "A follow-up item opened with its deadline in working days")
    click(shell, "action_ok")
    expect(lambda: home_shown(shell), "home after the rating")


def type_pinyin(shell: Shell, letters: str, word: str) -> None:
    """Tap the letters, then the candidate `word` (turning the bar's pages until it shows)."""
    for c in letters:
        click(shell, f"vk_{c}")

    def offered() -> QPushButton | None:
        bar = [b for b in shell.findChildren(QPushButton) if b.isVisible() and b.property("role") == "cand"]
        return next((b for b in bar if b.text() == word), None)

    for _ in range(10):
        if (b := offered()) is not None:
            click(shell, b.objectName())
            return
        click(shell, "cand_next")
    raise DemoStuck(f"demo: {word} is not among the candidates for {letters}")


def _report(shell: Shell, snap: Callable[[str, str], None]) -> None:
    printer = shell.kiosk.simulators.get("printer")
    before = len(printer.receipts) if printer is not None else 0
    open_service(shell, "unresolved")
    expect(lambda: visible(shell, "pick_tax"), "the 办不成事 list")
    click(shell, "pick_tax")
    snap("unresolved-pick", "办不成事: pick the service or write what could not be done")
    click_and_wait(shell, "submit")
    click_and_wait(shell, "option_no")
    expect(lambda: visible(shell, "action_ok"), "the reference number")
    snap("unresolved-number", "办不成事: a reference number, printed (or shown when the printer is down)")
    if printer is not None:  # the slip itself is checked in tests/ui/test_ratings_ui.py
        printer.wait_receipts(before + 1, WAIT_S)
    click(shell, "action_ok")
    expect(lambda: home_shown(shell), "home after the report")


def _answer(shell: Shell, snap: Callable[[str, str], None]) -> None:
    shell.staff.show_pin()
    for k in SIM_PIN:
        click(shell, f"key_{k}")
    click(shell, "pin_confirm")
    expect(lambda: shell.mode == "staff", "maintenance mode")
    click(shell, "tab_followups")
    page = shell.staff.panel.pages["followups"]
    assert isinstance(page, FollowupsPage)
    expect(lambda: page.rows.settled, "the follow-up items")  # read on a thread
    items = shell.kiosk.services["ratings"].items(open_only=True)
    if items:
        click(shell, f"item_{items[0].ref}")
    snap("maint-followups", "Maintenance: follow-up items with deadlines, answered and closed here")
    click(shell, "maint_exit")
    expect(lambda: home_shown(shell), "home after maintenance")
