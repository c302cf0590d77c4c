"""The queue-ticket journey clicked through on the simulated ID reader and receipt printer.

Real drivers over ptys; the ticket is read back from the printer simulator (text and QR).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from devices.base import State
from tests.qr import read_one_qr
from tests.ui.conftest import simulated_kiosk


@pytest.fixture
def kiosk(tmp_path):
    k = simulated_kiosk(
        tmp_path,
        ["queue"],
        **{"queue.always_open": True, "devices.camera.driver": "none", "devices.locker.driver": "none"},
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


def tap(qtbot, shell, name: str) -> None:
    qtbot.waitUntil(
        lambda: any(b.isVisible() and b.isEnabled() for b in shell.findChildren(QPushButton, name)),
        timeout=5000,
    )
    next(b for b in shell.findChildren(QPushButton, name) if b.isVisible()).click()


def test_card_left_on_reader_is_not_used_for_the_next_session(qtbot, shell, kiosk):
    reader = kiosk.simulators["idcard"]
    reader.insert("resident")
    tap(qtbot, shell, "service_queue")
    tap(qtbot, shell, "option_idcard")
    qtbot.waitUntil(lambda: "请取回您的身份证" in visible_text(shell), timeout=15000)  # placed before: used
    kiosk.clock.advance(21)  # the citizen does not take it: a louder reminder
    qtbot.waitUntil(lambda: "您的身份证还在读卡器上" in visible_text(shell), timeout=5000)
    kiosk.clock.advance(21)  # still there: the journey goes on
    qtbot.waitUntil(lambda: "请取走您的号票" in visible_text(shell), timeout=15000)
    tap(qtbot, shell, "action_ok")
    tap(qtbot, shell, "service_queue")
    tap(qtbot, shell, "option_property")  # real-name too
    qtbot.waitUntil(lambda: "请将身份证放在读卡区" in visible_text(shell), timeout=5000)
    qtbot.wait(1500)
    assert "请将身份证放在读卡区" in visible_text(shell)  # still waiting: the old card is not reused


# the card-return step's two screens and the ticket's, as each language says them
CARD_STEPS = {
    "zh": ("请取回您的身份证", "您的身份证还在读卡器上", "请取走您的号票"),
    "en": ("Please take back your ID card", "Your ID card is still in the reader", "Please take your ticket"),
}


def leave_the_card_after_a_ticket(qtbot, shell, kiosk, language: str = "zh") -> None:
    """A real-name ticket whose citizen walks off without the card: both reminders run out."""
    take, still, ticket = CARD_STEPS[language]
    kiosk.simulators["idcard"].insert("resident")
    tap(qtbot, shell, "service_queue")
    tap(qtbot, shell, "option_idcard")
    qtbot.waitUntil(lambda: take in visible_text(shell), timeout=15000)
    kiosk.clock.advance(21)
    qtbot.waitUntil(lambda: still in visible_text(shell), timeout=5000)
    kiosk.clock.advance(21)
    qtbot.waitUntil(lambda: ticket in visible_text(shell), timeout=15000)
    assert NOTICE_ZH not in visible_text(shell)  # the journey's own reminders first
    tap(qtbot, shell, "action_ok")
    qtbot.waitUntil(lambda: shell.mode == "home", timeout=5000)


NOTICE_ZH = "读卡器上留有一张身份证，请取回"


def test_a_card_left_after_the_journey_is_said_on_home_and_staff_are_told(qtbot, shell, kiosk):
    """The journey asks twice for the card, then goes on. At night nobody else sees the card on
    the reader before the next stranger: the home says so above the tiles (and aloud), stays up
    instead of the attract screen, and staff get an alert that names nobody; all of it goes when
    the card is taken."""
    from kiosk.left_card import ALERT_AFTER_S

    spoken: list[str] = []
    shell.say = spoken.append  # type: ignore[method-assign]
    leave_the_card_after_a_ticket(qtbot, shell, kiosk)
    assert NOTICE_ZH in visible_text(shell) and spoken[-1] == NOTICE_ZH
    assert not kiosk.alerts.active()  # a citizen a few steps away may still come back for it

    # past both the alert's wait and the attract screen's
    kiosk.clock.advance(max(ALERT_AFTER_S, shell.kcfg["attract_after"]) + 5)
    qtbot.waitUntil(lambda: [a.code for a in kiosk.alerts.active()] == ["card_left"], timeout=5000)
    alert = kiosk.alerts.active()[0]
    assert alert.source == "idcard" and "身份证遗留在读卡器上" in alert.message
    assert not any(ch.isdigit() for ch in alert.message.replace("2 分钟", ""))  # no number of anyone's
    assert shell.mode == "home" and NOTICE_ZH in visible_text(shell)  # not the attract screen

    kiosk.simulators["idcard"].remove()
    qtbot.waitUntil(lambda: NOTICE_ZH not in visible_text(shell), timeout=10000)
    assert not kiosk.alerts.active()
    kiosk.clock.advance(shell.kcfg["attract_after"] + 5)
    qtbot.waitUntil(lambda: shell.mode == "attract", timeout=5000)  # the kiosk rests again


def test_a_reader_that_cannot_tell_does_not_take_the_left_card_away(qtbot, shell, kiosk):
    """Unplugged (or faulty) the reader says nothing of the card: the notice and the wait for
    staff go on, not "taken"."""
    leave_the_card_after_a_ticket(qtbot, shell, kiosk)
    reader = kiosk.simulators["idcard"]
    reader.unplug()
    qtbot.waitUntil(lambda: not kiosk.devices["idcard"].status.usable, timeout=15000)
    shell.tick()
    assert NOTICE_ZH in visible_text(shell)
    kiosk.clock.advance(shell.kcfg["attract_after"] + 5)
    shell.tick()
    assert shell.mode == "home" and NOTICE_ZH in visible_text(shell)
    reader.plug()


def test_a_card_put_down_before_a_journey_is_not_called_left(qtbot, shell, kiosk):
    """A citizen who puts the card down on the attract screen, then touches it, is about to use
    the card: no notice, nothing said of it, no alert."""
    from kiosk.left_card import ALERT_AFTER_S

    kiosk.clock.advance(shell.kcfg["attract_after"] + 5)
    qtbot.waitUntil(lambda: shell.mode == "attract", timeout=5000)
    kiosk.simulators["idcard"].insert("resident")
    qtbot.waitUntil(lambda: kiosk.devices["idcard"].status.detail.get("card_present") is True, timeout=15000)
    shell.user_activity()  # the touch that wakes it
    assert shell.mode == "home" and NOTICE_ZH not in visible_text(shell)
    kiosk.clock.advance(max(ALERT_AFTER_S, shell.kcfg["attract_after"]) + 5)
    shell.tick()
    assert not kiosk.alerts.active() and shell.mode == "attract"  # it rests: nothing was left
    shell.user_activity()
    tap(qtbot, shell, "service_queue")
    tap(qtbot, shell, "option_idcard")
    qtbot.waitUntil(lambda: "请取回您的身份证" in visible_text(shell), timeout=15000)  # the card is used


def test_the_notice_turns_to_the_halls_language_for_whoever_comes_next(qtbot, shell, kiosk):
    """The last citizen chose English; once nobody has touched the kiosk for the attract
    screen's time, the notice that stays up is in the hall's language, like the attract screen."""
    tap(qtbot, shell, "language")
    leave_the_card_after_a_ticket(qtbot, shell, kiosk, "en")
    assert "An ID card has been left on the reader" in visible_text(shell)
    kiosk.clock.advance(shell.kcfg["attract_after"] + 5)
    shell.tick()
    assert shell.mode == "home" and NOTICE_ZH in visible_text(shell)


def test_taking_the_card_back_is_a_step_that_ends_when_the_reader_sees_it_gone(qtbot, shell, kiosk):
    reader = kiosk.simulators["idcard"]
    spoken: list[str] = []
    shell.say = spoken.append  # type: ignore[method-assign]
    tap(qtbot, shell, "service_queue")
    tap(qtbot, shell, "option_idcard")
    qtbot.waitUntil(lambda: "请将身份证放在读卡区" in visible_text(shell), timeout=5000)
    reader.insert("resident")
    qtbot.waitUntil(lambda: "请取回您的身份证" in visible_text(shell), timeout=15000)
    assert "请取走您的号票" not in visible_text(shell)  # no ticket while the card is in the reader
    assert not [b for b in shell.findChildren(QPushButton) if b.isVisible() and b.objectName() == "action_ok"]
    assert any("取回您的身份证" in s for s in spoken)
    qtbot.wait(1500)
    assert "请取回您的身份证" in visible_text(shell)  # it waits for the card, not for a tap
    reader.remove()
    qtbot.waitUntil(lambda: "请取走您的号票" in visible_text(shell), timeout=15000)
    assert "A001" in visible_text(shell)


def test_walk_in_ticket_without_card_is_printed(qtbot, shell, kiosk):
    printer = kiosk.simulators["printer"]
    tap(qtbot, shell, "service_queue")
    tap(qtbot, shell, "option_social")
    tap(qtbot, shell, "option_plain")
    qtbot.waitUntil(lambda: "请取走您的号票" in visible_text(shell), timeout=15000)
    assert "B001" in visible_text(shell)
    assert printer.wait_receipts(1, 10)
    assert "B001" in printer.last_text and "社保业务" in printer.last_text
    assert "/B001/" in read_one_qr(printer.last_receipt)  # the ticket's tracking page
    tap(qtbot, shell, "action_ok")
    assert shell.mode == "home"
    assert kiosk.services["queue"].ticket("B001") is not None


def test_real_name_ticket_with_elderly_card_gets_priority_and_second_is_refused(qtbot, shell, kiosk):
    reader = kiosk.simulators["idcard"]
    tap(qtbot, shell, "service_queue")
    tap(qtbot, shell, "option_idcard")  # 身份证办理 requires a real-name ticket
    qtbot.waitUntil(lambda: "请将身份证放在读卡区" in visible_text(shell), timeout=5000)
    reader.insert("elderly")
    qtbot.waitUntil(lambda: "请取回您的身份证" in visible_text(shell), timeout=15000)
    reader.remove()
    qtbot.waitUntil(lambda: "请取走您的号票" in visible_text(shell), timeout=15000)
    assert "A001" in visible_text(shell)
    assert kiosk.services["queue"].ticket("A001").priority
    tap(qtbot, shell, "action_ok")
    # the same person asks again: refused with the reason
    tap(qtbot, shell, "service_queue")
    tap(qtbot, shell, "option_idcard")
    qtbot.waitUntil(lambda: "请将身份证放在读卡区" in visible_text(shell), timeout=5000)
    reader.insert("elderly")
    qtbot.waitUntil(lambda: "请取回您的身份证" in visible_text(shell), timeout=15000)
    reader.remove()
    qtbot.waitUntil(lambda: "无法取号" in visible_text(shell), timeout=15000)
    assert "每人每天限取一个" in visible_text(shell)
    assert kiosk.services["queue"].ticket("A002") is None


def test_printer_out_of_paper_gives_an_on_screen_ticket_and_says_so_on_home(qtbot, shell, kiosk):
    kiosk.simulators["printer"].set_state("out")
    assert kiosk.devices["printer"].wait_until(lambda s: s.state is State.FAULT, 10)
    qtbot.waitUntil(lambda: "可领取电子号票" in visible_text(shell), timeout=5000)
    tap(qtbot, shell, "service_queue")  # still on
    tap(qtbot, shell, "option_social")
    tap(qtbot, shell, "option_plain")
    qtbot.waitUntil(lambda: "您的电子号票" in visible_text(shell), timeout=15000)
    assert "社保业务" in visible_text(shell) and "B001" in visible_text(shell)
    qr = [w for w in shell.findChildren(QLabel, "QR") if w.isVisible()]
    assert qr and not qr[0].pixmap().isNull()
    assert kiosk.simulators["printer"].receipts == []
    assert kiosk.services["queue"].ticket("B001").status == "waiting"  # valid like a printed one


def test_reader_unplugged_while_waiting_for_the_card_offers_the_way_on(qtbot, shell, kiosk):
    reader = kiosk.simulators["idcard"]
    tap(qtbot, shell, "service_queue")
    tap(qtbot, shell, "option_idcard")
    qtbot.waitUntil(lambda: "请将身份证放在读卡区" in visible_text(shell), timeout=5000)
    reader.unplug()
    # heard at once from the device's status, not at the 60 s timeout (the fake clock stands still)
    qtbot.waitUntil(lambda: "读卡器暂时无法使用" in visible_text(shell), timeout=15000)
    assert "12345" in visible_text(shell)  # the help number
    tap(qtbot, shell, "action_back")  # choose another service
    qtbot.waitUntil(lambda: "请选择要办理的业务" in visible_text(shell), timeout=5000)
    real_name = next(b for b in shell.findChildren(QPushButton, "option_idcard") if b.isVisible())
    assert not real_name.isEnabled() and "读卡器暂不可用" in real_name.text()
    tap(qtbot, shell, "option_social")  # a plain ticket, no card question
    qtbot.waitUntil(lambda: "请取走您的号票" in visible_text(shell), timeout=15000)
    tap(qtbot, shell, "action_ok")
    qtbot.waitUntil(lambda: "实名取号请到服务台" in visible_text(shell), timeout=5000)  # home says so
    reader.plug()


def test_ticket_in_english_session_is_printed_in_english(qtbot, shell, kiosk):
    printer = kiosk.simulators["printer"]
    tap(qtbot, shell, "language")
    tap(qtbot, shell, "service_queue")
    tap(qtbot, shell, "option_social")
    tap(qtbot, shell, "option_plain")
    qtbot.waitUntil(lambda: "Please take your ticket" in visible_text(shell), timeout=15000)
    assert printer.wait_receipts(1, 10)
    assert "No one is ahead of you" in printer.last_text and "Social insurance" in printer.last_text
    assert "社保业务" in printer.last_text  # the name the counters call


def test_printer_unplugged_after_the_ticket_came_out_is_not_called_unprinted(qtbot, shell, kiosk):
    printer = kiosk.simulators["printer"]
    printer.unplug_after_next()
    tap(qtbot, shell, "service_queue")
    tap(qtbot, shell, "option_social")
    tap(qtbot, shell, "option_plain")
    qtbot.waitUntil(lambda: "您的号码有效" in visible_text(shell), timeout=15000)
    assert "可能已经打出" in visible_text(shell) and "未能打印" not in visible_text(shell)
    assert printer.wait_receipts(1, 5) and "B001" in printer.last_text
    printer.plug()


def test_paper_running_out_after_issue_shows_number_and_qr(qtbot, shell, kiosk):
    kiosk.simulators["printer"].run_out_during_next()
    tap(qtbot, shell, "service_queue")
    tap(qtbot, shell, "option_tax")
    tap(qtbot, shell, "option_plain")
    qtbot.waitUntil(lambda: "号票未能打印" in visible_text(shell), timeout=15000)
    assert "D001" in visible_text(shell)
    qr = [w for w in shell.findChildren(QLabel, "QR") if w.isVisible()]
    assert qr and not qr[0].pixmap().isNull()
    # the number stays valid in the queue
    assert kiosk.services["queue"].ticket("D001").status == "waiting"
