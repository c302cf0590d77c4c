"""Ratings, 办不成事 and their follow-up page clicked through on the simulated kiosk (real printer
and reader drivers over ptys, the real SQLite ratings store): what a citizen and staff see.

With a shots/ folder beside tests/ (a helper's worktree), each screen is also saved at 1080x1920
and 1920x1080 for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from devices.base import State
from hall.audit import AuditLog
from kiosk.maintenance.followups import overdue_alert
from tests.qr import read_one_qr
from tests.queue.helpers import at_counter
from tests.ui.conftest import held, simulated_kiosk
from tests.ui.test_maintenance import taps, type_pin

SHOTS = Path(__file__).resolve().parents[2] / "shots"
FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PIN = "246813"


def sign_in(qtbot, shell) -> None:  # type: ignore[no-untyped-def]
    """Staff in: the corner gesture, then the PIN."""
    taps(qtbot, shell)
    type_pin(qtbot, shell, PIN)
    qtbot.waitUntil(lambda: shell.mode == "staff", timeout=20000)


@pytest.fixture
def kiosk(tmp_path):
    k = simulated_kiosk(
        tmp_path,
        ["queue", "unresolved"],
        **{
            "queue.always_open": True,
            "ratings.ask_after_journeys": True,
            "devices.camera.driver": "none",
            "devices.locker.driver": "none",
            "staff.pins": [{"id": "S01", "hash": FAST.hash(PIN)}],
        },
    )
    for kind in ("printer", "idcard"):
        assert k.devices[kind].wait_until(lambda s: s.state is State.OK, 10), k.devices[kind].status
    yield k
    k.stop()


def visible_text(w) -> str:
    QApplication.processEvents()
    parts = [x.text() for x in w.findChildren(QLabel) if x.isVisible()]
    parts += [x.text() for x in w.findChildren(QPushButton) if x.isVisible()]
    return " ".join(parts)


def shown(shell, name: str) -> QPushButton | None:
    return next((b for b in shell.findChildren(QPushButton, name) if b.isVisible() and b.isEnabled()), None)


def tap(qtbot, shell, name: str, timeout: int = 30000) -> None:
    """Click the button once it is shown, found and clicked in one poll: a screen redrawn between
    the two (home refreshes on a device's status change) would have replaced it."""
    clicked: list[str] = []

    def press() -> bool:
        button = shown(shell, name)
        if button is not None and not clicked:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            clicked.append(name)
        return bool(clicked)

    wait_for(qtbot, shell, press, f"the button {name}", timeout)


def wait_for(qtbot, shell, predicate, what: str, timeout: int = 30000) -> None:
    """Wait for a state (the deadline only bounds a stuck test: a loaded machine is slow); a
    timeout says what the screen showed instead."""
    try:
        qtbot.waitUntil(predicate, timeout=timeout)
    except qtbot.TimeoutError:
        raise AssertionError(
            f"no {what} within {timeout} ms; the screen shows: {visible_text(shell)}"
        ) from None


def wait_text(qtbot, shell, text: str, timeout: int = 30000) -> None:
    wait_for(qtbot, shell, lambda: text in visible_text(shell), repr(text), timeout)


def snap(qtbot, shell, name: str) -> None:
    """Both orientations, when a shots/ folder is there to receive them. Turning the screen
    draws the view again (what was typed or ticked is gone): snap input screens before input."""
    if not SHOTS.is_dir():
        return
    for w, h in ((1080, 1920), (1920, 1080)):
        shell.resize(w, h)
        qtbot.waitUntil(lambda w=w: shell.width() == w, timeout=5000)
        if shell.mode == "staff":
            shell.staff.panel.redraw()  # as staff would find it, laid out for this screen
        QApplication.processEvents()
        shell.grab().save(str(SHOTS / f"{name}_{w}x{h}.png"))
    shell.resize(1080, 1920)
    qtbot.waitUntil(lambda: shell.width() == 1080, timeout=5000)


def grab(shell, name: str) -> None:
    """The screen as it is now (portrait), input and all."""
    if SHOTS.is_dir():
        QApplication.processEvents()
        shell.grab().save(str(SHOTS / f"{name}_{shell.width()}x{shell.height()}.png"))


def type_pinyin(qtbot, shell, letters: str, *words: str) -> None:
    """Type `letters` on the on-screen keyboard, then tap each of `words` in the candidate bar,
    turning its pages until it shows."""
    for c in letters:
        tap(qtbot, shell, f"vk_{c}")
    for word in words:
        for _ in range(20):
            bar = {b.text(): b.objectName() for b in shell.findChildren(QPushButton) if b.isVisible()}
            bar = {t: n for t, n in bar.items() if n.startswith("cand_") and n[5:].isdigit()}
            if word in bar:
                tap(qtbot, shell, bar[word])
                break
            tap(qtbot, shell, "cand_next")
        else:
            raise AssertionError(f"{word} is not among the candidates for {letters}")


def take_ticket(qtbot, shell) -> None:
    tap(qtbot, shell, "service_queue")
    tap(qtbot, shell, "option_social")
    tap(qtbot, shell, "option_plain")
    qtbot.waitUntil(lambda: "请取走您的号票" in visible_text(shell), timeout=15000)
    tap(qtbot, shell, "action_ok")


def test_a_bad_rating_after_a_ticket_with_reasons_text_and_phone(qtbot, shell, kiosk):
    store = kiosk.services["ratings"]
    take_ticket(qtbot, shell)
    qtbot.waitUntil(lambda: "请您对本次自助办理作出评价" in visible_text(shell), timeout=10000)
    text = visible_text(shell)
    for words in ("非常满意", "满意", "基本满意", "不满意", "非常不满意", "跳过", "★★★★★"):
        assert words in text
    snap(qtbot, shell, "rating_levels")
    tap(qtbot, shell, "option_2")
    qtbot.waitUntil(lambda: "请告诉我们哪里做得不好" in visible_text(shell), timeout=10000)
    snap(qtbot, shell, "rating_reasons")
    tap(qtbot, shell, "pick_slow")
    tap(qtbot, shell, "pick_machine")
    type_pinyin(qtbot, shell, "quhaoji", "取号机")
    type_pinyin(qtbot, shell, "pingmufanguang", "屏幕反光")
    field = next(f for f in shell.findChildren(QLineEdit, "text") if f.isVisible())
    assert field.text() == "取号机屏幕反光"
    grab(shell, "rating_reasons_filled")
    tap(qtbot, shell, "submit")
    qtbot.waitUntil(lambda: "是否留下手机号码以便回访" in visible_text(shell), timeout=10000)
    assert "办结 30 天后删除" in visible_text(shell)
    snap(qtbot, shell, "rating_consent")
    tap(qtbot, shell, "option_yes")
    qtbot.waitUntil(lambda: shown(shell, "confirm") is not None, timeout=5000)
    snap(qtbot, shell, "rating_phone")
    for k in "1381234567":
        tap(qtbot, shell, f"key_{k}")
    tap(qtbot, shell, "confirm")  # ten digits: the keypad screen says so
    qtbot.waitUntil(lambda: "位数不足" in visible_text(shell), timeout=5000)
    tap(qtbot, shell, "key_8")
    tap(qtbot, shell, "confirm")
    qtbot.waitUntil(lambda: "感谢您的评价" in visible_text(shell), timeout=10000)
    [r] = store.ratings()
    assert (r.kind, r.service, r.level, r.reasons, r.text) == (
        "journey",
        "queue",
        2,
        ("slow", "machine"),
        "取号机屏幕反光",
    )
    item = store.item(r.followup)
    assert item.phone == "13812345678" and item.ref in visible_text(shell)
    assert item.due.isoformat() in visible_text(shell)
    snap(qtbot, shell, "rating_thanks")
    tap(qtbot, shell, "action_ok")
    qtbot.waitUntil(lambda: shell.mode == "home", timeout=5000)


def test_the_rating_is_skipped_in_one_tap_and_in_english_too(qtbot, shell, kiosk):
    take_ticket(qtbot, shell)
    tap(qtbot, shell, "language")
    qtbot.waitUntil(lambda: "Please rate this self-service visit" in visible_text(shell), timeout=10000)
    assert "Very dissatisfied" in visible_text(shell) and "Skip" in visible_text(shell)
    snap(qtbot, shell, "rating_levels_en")
    tap(qtbot, shell, "option_skip")
    qtbot.waitUntil(lambda: shell.mode == "home", timeout=5000)
    assert kiosk.services["ratings"].ratings() == []


def test_the_printed_tickets_qr_opens_its_tracking_page(qtbot, shell, kiosk):
    """The QR on the paper, decoded from the printer simulator's image, fetched over HTTP from the
    page simulate mode serves: the citizen's phone sees what the hall knows."""
    printer = kiosk.simulators["printer"]
    take_ticket(qtbot, shell)
    assert printer.wait_receipts(1, 10)
    url = read_one_qr(printer.last_receipt)
    assert url.startswith(kiosk.tracking_server.url + "/t/") and "/B001/" in url
    page = httpx.get(url)
    assert page.status_code == 200 and "B001" in page.text and "等候中，前面还有 0 人" in page.text
    at_counter(kiosk.services["queue"], "3").call_next("3")
    assert "请到 3 号窗口办理" in httpx.get(url).text
    assert (
        httpx.get(url.replace("/B001/", "/B002/")).status_code == 404
    )  # the next number's page is not this link


def test_a_good_rating_is_two_taps_and_thanks(qtbot, shell, kiosk):
    take_ticket(qtbot, shell)
    tap(qtbot, shell, "option_5")
    qtbot.waitUntil(lambda: "感谢您的评价" in visible_text(shell), timeout=10000)
    assert [r.level for r in kiosk.services["ratings"].ratings()] == [5]
    assert kiosk.services["ratings"].items() == []


def test_unresolved_tile_files_a_report_and_prints_its_number(qtbot, shell, kiosk):
    printer = kiosk.simulators["printer"]
    # waited for, not looked at once: home redraws on a device's status change, and the redrawn
    # tiles show an event round later
    wait_text(qtbot, shell, "办不成事反映")
    snap(qtbot, shell, "home_with_unresolved")
    tap(qtbot, shell, "service_unresolved")
    wait_text(qtbot, shell, "请告诉我们您没有办成的事")
    assert shown(shell, "submit") is None  # nothing picked or written yet
    snap(qtbot, shell, "unresolved_pick")
    tap(qtbot, shell, "pick_tax")
    tap(qtbot, shell, "pick_social")  # one service: picking another clears the first
    ticked = [b.objectName() for b in shell.findChildren(QPushButton) if b.isVisible() and b.isChecked()]
    assert ticked == ["pick_social"]
    grab(shell, "unresolved_pick_filled")
    tap(qtbot, shell, "submit")
    tap(qtbot, shell, "option_no")
    # the report's write and the slip's print (first use renders the layout): slow when loaded
    wait_text(qtbot, shell, "已登记，请取走凭条", timeout=90000)
    [item] = kiosk.services["ratings"].items()
    assert (item.service, item.what, item.phone) == ("social", "社保业务", None)
    assert item.ref in visible_text(shell) and "凭编号到服务台查询" in visible_text(shell)
    assert printer.wait_receipts(1, 30)
    assert item.ref in printer.last_text and "社保业务" in printer.last_text
    snap(qtbot, shell, "unresolved_printed")
    tap(qtbot, shell, "action_ok")
    wait_for(qtbot, shell, lambda: shell.mode == "home", "home")  # no rating after a report


def test_unresolved_in_english_prints_an_english_slip_in_the_screens_words(qtbot, shell, kiosk):
    """The slip of an English session was Chinese: a citizen who reads English could not read
    the number's meaning or when to ask. It is English now, as the screen says it."""
    printer = kiosk.simulators["printer"]
    wait_text(qtbot, shell, "办不成事反映")
    tap(qtbot, shell, "language")
    tap(qtbot, shell, "service_unresolved")
    tap(qtbot, shell, "pick_social")
    tap(qtbot, shell, "submit")
    tap(qtbot, shell, "option_no")
    wait_for(qtbot, shell, lambda: "Please take your slip" in visible_text(shell), "the slip screen", 90000)
    [item] = kiosk.services["ratings"].items()
    assert item.what == "社保业务"  # staff read the record in Chinese
    assert printer.wait_receipts(1, 30)
    slip = printer.last_text
    assert item.ref in slip and "Matter: Social" in slip and "Report: could not get it done" in slip
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in slip), slip  # nothing left in Chinese
    due = item.due.isoformat()
    answer = next(x.text() for x in shell.findChildren(QLabel) if x.isVisible() and due in x.text())
    assert answer.split(".")[0] in " ".join(slip.split())  # the screen's words on the paper
    tap(qtbot, shell, "action_ok")
    wait_for(qtbot, shell, lambda: shell.mode == "home", "home")


def submit_with_phone(qtbot, shell, digits: str) -> None:
    """Submit what was written, agree to a call back and type `digits` as the number."""
    tap(qtbot, shell, "submit")
    tap(qtbot, shell, "option_yes")
    for k in digits:
        tap(qtbot, shell, f"key_{k}")
    tap(qtbot, shell, "confirm")


def test_unresolved_back_from_the_phone_keeps_the_words_and_files_only_on_submit(qtbot, shell, kiosk):
    store = kiosk.services["ratings"]
    tap(qtbot, shell, "service_unresolved")
    qtbot.waitUntil(lambda: any(f.isVisible() for f in shell.findChildren(QLineEdit, "text")), timeout=10000)
    type_pinyin(qtbot, shell, "xiangban", "想", "办")
    type_pinyin(qtbot, shell, "wufa")  # left in the bar, 无法 offered but not chosen
    wait_text(qtbot, shell, "无法")
    grab(shell, "unresolved_pinyin_waiting")
    submit_with_phone(qtbot, shell, "139123")
    wait_text(qtbot, shell, "位数不足，请输入 11 位数字")  # digits, the one length a number has
    grab(shell, "unresolved_phone_too_short")
    tap(qtbot, shell, "back")
    wait_text(qtbot, shell, "是否留下手机号码以便回访")
    grab(shell, "unresolved_consent_with_back")
    tap(qtbot, shell, "back")
    wait_text(qtbot, shell, "请告诉我们您没有办成的事")
    field = next(f for f in shell.findChildren(QLineEdit, "text") if f.isVisible())
    assert field.text() == "想办wufa" and store.items() == []  # the words kept, nothing filed
    grab(shell, "unresolved_text_come_back_to")
    submit_with_phone(qtbot, shell, "13912345678")
    wait_text(qtbot, shell, "已登记", timeout=90000)
    [item] = store.items()
    assert (item.what, item.phone) == ("想办wufa", "13912345678")


def test_unresolved_with_the_printer_out_shows_the_number(qtbot, shell, kiosk):
    kiosk.simulators["printer"].set_state("out")
    assert kiosk.devices["printer"].wait_until(lambda s: s.state is State.FAULT, 10)
    qtbot.waitUntil(lambda: "编号显示在屏幕上" in visible_text(shell), timeout=10000)  # home says so
    tap(qtbot, shell, "service_unresolved")
    qtbot.waitUntil(lambda: any(f.isVisible() for f in shell.findChildren(QLineEdit, "text")), timeout=10000)
    # on the kiosk's own keyboard: a word, characters one by one, and a phrase in one go
    type_pinyin(qtbot, shell, "xiangban", "想", "办")
    type_pinyin(qtbot, shell, "gangaotongxingzheng", "港澳通行证")
    grab(shell, "unresolved_typed")
    tap(qtbot, shell, "submit")
    tap(qtbot, shell, "option_no")
    qtbot.waitUntil(lambda: "已登记，请记下编号" in visible_text(shell), timeout=15000)
    [item] = kiosk.services["ratings"].items()
    assert item.what == "想办港澳通行证" and item.ref in visible_text(shell)
    snap(qtbot, shell, "unresolved_on_screen")
    assert kiosk.simulators["printer"].receipts == []


def test_staff_answer_and_close_an_item_in_maintenance_mode(qtbot, shell, kiosk):
    store = kiosk.services["ratings"]
    item = store.report_unresolved("想办出入境签注", phone="13900001111")
    bad = store.rate_journey("queue", "run1", 1, reasons=("slow",))
    kiosk.clock.advance(10 * 86400)  # both past their deadline: staff are told
    overdue_alert(store, kiosk.alerts)
    sign_in(qtbot, shell)
    tap(qtbot, shell, "tab_followups")
    qtbot.waitUntil(lambda: "待办 2 项，其中超期 2 项" in visible_text(shell), timeout=5000)
    assert "已超期" in visible_text(shell)
    tap(qtbot, shell, f"item_{item.ref}")
    snap(qtbot, shell, "maint_followups")
    text = visible_text(shell)
    assert "139****1111" in text and "13900001111" not in text  # masked on a screen in the hall
    assert "想办出入境签注" in text
    tap(qtbot, shell, "close_item")  # no reply yet: refused with the reason
    qtbot.waitUntil(lambda: "请填写答复内容" in visible_text(shell), timeout=5000)
    tap(qtbot, shell, "quick_1")
    tap(qtbot, shell, "close_item")
    qtbot.waitUntil(lambda: f"{item.ref} 已办结" in visible_text(shell), timeout=5000)
    closed = store.item(item.ref)
    assert (closed.status, closed.reply, closed.closed_by) == ("closed", "已告知办理地点和所需材料", "S01")
    assert store.item(bad.followup).status == "open"
    [alert] = [a for a in kiosk.alerts.active() if a.code == "overdue"]
    assert str(alert.message).startswith("1 项")  # one left past its deadline
    audit = AuditLog(store.engine, "K01").rows()
    assert [(r.action, r.object, r.result) for r in audit if r.action == "followup.close"] == [
        ("followup.close", item.ref, "failed"),
        ("followup.close", item.ref, "ok"),
    ]


def test_an_item_names_its_service_as_home_does_and_offers_no_call_without_a_phone(qtbot, shell, kiosk):
    store = kiosk.services["ratings"]
    social = store.report_unresolved("想办社保转移", service="social")  # a queue service, no phone
    queue = store.rate_journey("queue", "run1", 1, reasons=("slow",))  # a journey's key
    sign_in(qtbot, shell)
    tap(qtbot, shell, "tab_followups")
    tap(qtbot, shell, f"item_{social.ref}")
    qtbot.waitUntil(lambda: shown(shell, "close_item") is not None, timeout=5000)
    text = visible_text(shell)
    assert "业务：社保业务" in text and "回访电话：未留" in text
    assert shown(shell, "quick_0") is None and shown(shell, "quick_1") is not None  # no "called them"
    tap(qtbot, shell, f"item_{queue.followup}")
    qtbot.waitUntil(lambda: "业务：取号排队" in visible_text(shell), timeout=5000)


def test_a_slow_ratings_database_never_holds_the_followup_page_its_items_follow(
    qtbot, shell, kiosk, monkeypatch
):
    """The items read (and a close written) off the GUI thread: held, the page says it is
    reading and the tabs answer; the items follow; choosing one reads nothing, a close reads
    again."""

    from kiosk.maintenance.followups import Followups

    item = kiosk.services["ratings"].report_unresolved("想办出入境签注", phone="13900001111")
    gate, calls = held(monkeypatch, Followups, "items")
    sign_in(qtbot, shell)
    tap(qtbot, shell, "tab_followups")
    wait_text(qtbot, shell, "正在读取…", 5000)  # the page drawn, its items held
    assert item.ref not in visible_text(shell) and calls == ["staff-load"]
    tap(qtbot, shell, "tab_logs")  # staff can move on meanwhile
    tap(qtbot, shell, "tab_followups")
    gate.set()
    wait_text(qtbot, shell, "待办 1 项", 5000)
    assert "正在读取" not in visible_text(shell) and set(calls) == {"staff-load"}
    rows = shell.staff.panel.pages["followups"].rows
    qtbot.waitUntil(lambda: rows.settled, timeout=5000)
    read = len(calls)
    tap(qtbot, shell, f"item_{item.ref}")  # its details drawn from what was read
    tap(qtbot, shell, "quick_0")
    assert len(calls) == read
    tap(qtbot, shell, "close_item")
    wait_text(qtbot, shell, f"{item.ref} 已办结", 5000)
    wait_text(qtbot, shell, "待办 0 项", 5000)  # read again after the close
    assert len(calls) == read + 1 and kiosk.services["ratings"].item(item.ref).status == "closed"


def test_a_pad_rating_in_english_leaves_the_kiosk_beside_it_in_chinese(qtbot, shell, kiosk):
    """One-process hall: a citizen rates at the counter's pad in English while another uses the
    kiosk; the kiosk's screens stay Chinese throughout and after."""
    from core.clock import SystemClock
    from kiosk.ui.rating_pad import RatingPad

    take_ticket(qtbot, shell)
    tap(qtbot, shell, "option_skip")
    qtbot.waitUntil(lambda: shell.mode == "home", timeout=5000)
    calling = at_counter(kiosk.services["queue"], "3")
    visit = calling.call_next("3")
    assert visit is not None
    calling.finish("3")
    pad = RatingPad(kiosk.config, SystemClock(), kiosk.config.resolve(kiosk.config["kiosk"]["runtime_dir"]))
    qtbot.addWidget(pad)
    pad.attach(kiosk.services["ratings"])
    pad.show()
    pad.rate(visit.number, "3")
    tap(qtbot, pad, "language")
    qtbot.waitUntil(
        lambda: f"Please rate the service for number {visit.number}" in visible_text(pad), timeout=10000
    )
    tap(qtbot, shell, "service_queue")  # the kiosk's next screen, while the pad reads English
    qtbot.waitUntil(lambda: shown(shell, "option_social") is not None, timeout=10000)
    assert "社保" in visible_text(shell) and "Social" not in visible_text(shell)
    tap(qtbot, pad, "option_5")
    qtbot.waitUntil(lambda: "Thank you for your rating" in visible_text(pad), timeout=10000)
    tap(qtbot, shell, "option_social")
    qtbot.waitUntil(lambda: shown(shell, "option_plain") is not None, timeout=10000)
    assert "English" in visible_text(shell) and "Chinese" not in visible_text(
        shell
    )  # the switch offers English
    assert [(r.service, r.level) for r in kiosk.services["ratings"].ratings()] == [("social", 5)]
    pad.close()


def overlapping(root) -> list[tuple[str, str]]:
    """Pairs of visible labels, buttons and fields of `root` that cover each other."""
    from PySide6.QtCore import QRect

    QApplication.processEvents()
    shown = [w for t in (QLabel, QPushButton, QLineEdit) for w in root.findChildren(t) if w.isVisible()]

    def place(w) -> QRect:
        return QRect(w.mapTo(root, w.rect().topLeft()), w.size())

    return [
        (a.objectName() or a.text()[:20], b.objectName() or b.text()[:20])
        for i, a in enumerate(shown)
        for b in shown[i + 1 :]
        if place(a).intersects(place(b))
    ]


def test_a_long_follow_up_page_overlaps_nothing_in_either_orientation(qtbot, shell, kiosk):
    store = kiosk.services["ratings"]
    for i in range(16):  # more items than the screen holds: the page scrolls
        store.report_unresolved(f"想办理第 {i} 项业务，窗口说材料不全，但网上说明没有写清楚需要哪些材料")
    chosen = store.report_unresolved("想办出入境签注，跑了两次都没有办成", phone="13900001111")
    sign_in(qtbot, shell)
    tap(qtbot, shell, "tab_followups")
    qtbot.waitUntil(lambda: "待办 17 项" in visible_text(shell), timeout=5000)
    tap(qtbot, shell, f"item_{chosen.ref}")
    qtbot.waitUntil(lambda: shown(shell, "close_item") is not None, timeout=5000)
    SHOTS.mkdir(exist_ok=True)
    for w, h in ((1080, 1920), (1920, 1080)):
        shell.resize(w, h)
        qtbot.waitUntil(lambda w=w: shell.width() == w, timeout=5000)
        shell.staff.panel.redraw()  # laid out for this screen, the item still chosen
        qtbot.waitUntil(lambda: shown(shell, "close_item") is not None, timeout=5000)
        assert overlapping(shell.staff.panel) == [], (w, h)
        shell.grab().save(str(SHOTS / f"maint_followups_long_{w}x{h}.png"))
    tap(qtbot, shell, "close_item")  # no reply: the refusal above the page, nothing overlaps
    qtbot.waitUntil(lambda: "请填写答复内容" in visible_text(shell), timeout=5000)
    assert overlapping(shell.staff.panel) == []
    tap(qtbot, shell, "language")  # English: longer labels, the same page
    qtbot.waitUntil(lambda: "Follow-ups" in visible_text(shell), timeout=5000)
    qtbot.waitUntil(lambda: shown(shell, "quick_2") is not None, timeout=5000)
    assert overlapping(shell.staff.panel) == []
    shell.grab().save(str(SHOTS / "maint_followups_long_en_1920x1080.png"))
    tap(qtbot, shell, "quick_2")
    tap(qtbot, shell, "close_item")
    qtbot.waitUntil(lambda: f"{chosen.ref} closed" in visible_text(shell), timeout=5000)
    assert store.item(chosen.ref).reply == "Passed to the department responsible"


def test_the_overdue_alert_rises_and_clears_while_the_kiosk_runs(tmp_path):
    """No restart, no staff visit: a deadline passing shows in the staff alerts (and the health
    file), and an item closed from the CLI clears it, at the next check."""
    import time

    k = simulated_kiosk(
        tmp_path,
        ["unresolved"],
        **{
            "ratings.overdue_check_every": 1.0,
            "devices.camera.driver": "none",
            "devices.locker.driver": "none",
        },
    )
    try:
        store = k.services["ratings"]

        def overdue() -> list:
            return [a for a in k.alerts.active() if a.code == "overdue"]

        def until(cond, timeout: float = 15.0) -> None:
            deadline = time.monotonic() + timeout
            while not cond():
                assert time.monotonic() < deadline, "not within the check interval"
                time.sleep(0.05)

        item = store.report_unresolved("想办出入境签注")
        k.clock.advance(10 * 86400)  # past its deadline of 5 working days
        until(lambda: len(overdue()) == 1)
        assert str(overdue()[0].message).startswith("1 项")
        store.close(item.ref, "已告知办理地点和所需材料", "S01")  # as `python -m hall.ratings close` does
        until(lambda: overdue() == [])
    finally:
        k.stop()


def test_a_citizen_who_walks_away_at_the_reasons_screen_leaves_the_level(qtbot, shell, kiosk):
    store = kiosk.services["ratings"]
    take_ticket(qtbot, shell)
    tap(qtbot, shell, "option_2")  # 不满意
    qtbot.waitUntil(lambda: "请告诉我们哪里做得不好" in visible_text(shell), timeout=10000)
    assert store.ratings() == []
    kiosk.clock.advance(600)  # and leaves without saying why: the kiosk goes home by itself
    qtbot.waitUntil(lambda: shell.mode in ("home", "attract"), timeout=10000)
    qtbot.waitUntil(lambda: len(store.ratings()) == 1, timeout=10000)
    [r] = store.ratings()
    assert (r.service, r.level, r.reasons) == ("queue", 2, ())
    assert store.item(r.followup).status == "open"  # staff follow a bad rating up all the same
