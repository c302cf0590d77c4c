"""The ID card reissue clicked through end to end: the app as `make run` builds it (real drivers on
the simulated camera, fingerprint module, scanner and printer), the reference platform and
gateway on loopback, the journal on SQLite. It ends with a printed slip whose QR code verifies
with the public key only. Screens are saved to /work/shots/reissue/ at both orientations."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from core.text import tr
from flows.views import Message, Payment
from hall.db import sqlite_url
from hall.pickup_code import load_verifier
from tests.backends.support import AUTH, WANG, servers
from tests.flows.reissue_walk import simulated_kiosk
from tests.qr import read_qr

SHOTS = Path(os.environ.get("KIOSK_SHOTS", "/work/shots/reissue"))


@pytest.fixture
def kiosk(tmp_path):
    with servers() as sim:
        k = simulated_kiosk(
            tmp_path, sim.platform_url, sim.payment_url, sqlite_url(tmp_path / "hall.db"), card_reader=True
        )
        k.sim_backends = sim  # type: ignore[attr-defined]
        yield k
        k.stop()
        k.services["journal"].engine.dispose()


def texts(w) -> str:
    QApplication.processEvents()
    return " ".join(x.text() for x in w.findChildren(QLabel) if x.isVisible())


def tap(qtbot, shell, name: str) -> None:
    qtbot.waitUntil(
        lambda: any(b.isVisible() and b.isEnabled() for b in shell.findChildren(QPushButton, name)),
        timeout=20000,
    )
    next(b for b in shell.findChildren(QPushButton, name) if b.isVisible()).click()


def shoot(shell, name: str, refill=lambda: None) -> None:
    """Both orientations of the current screen (shown afresh, so `refill` types again)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for w, h in ((1080, 1920), (1920, 1080)):
        shell.resize(w, h)
        shell._rerender()
        refill()
        # twice: a screen rebuilt by a device event inside the first pass shows its new
        # widgets on events that pass posts (a grab in between caught an empty page)
        QApplication.processEvents()
        QApplication.processEvents()
        shell.grab().save(str(SHOTS / f"{name}-{w}x{h}.png"))
    shell.resize(1080, 1920)
    QApplication.processEvents()


def no_personal_data_left(tmp_path: Path, *secrets: str) -> None:
    """Nothing personal on disk: data dir, journal, logs, session folders, printed receipts."""
    for f in tmp_path.rglob("*"):
        if f.is_file():
            content = f.read_bytes()
            for secret in secrets:
                assert secret.encode() not in content, f
                assert secret.encode("gb18030") not in content, f


def verified_slip(printer, tmp_path: Path, name: str):
    """The printed slip's one QR code, verified with the public key only."""
    assert printer.wait_receipts(1, 10)
    slip = printer.last_receipt
    (SHOTS / name).write_bytes(Path(slip).read_bytes())
    codes = read_qr(slip)
    assert len(codes) == 1
    return load_verifier(tmp_path / "data/pickup.pub").verify(codes[0])


def test_loss_reissue_end_to_end_ends_with_a_slip_whose_qr_verifies(qtbot, kiosk, shell, tmp_path):
    sim = kiosk.sim_backends
    QApplication.processEvents()
    tap(qtbot, shell, "service_reissue")
    tap(qtbot, shell, "option_lost")

    # the keypad: a wrong check character is caught as it is typed
    def type_wrong() -> None:
        for c in WANG[:-1] + "5":
            tap(qtbot, shell, f"key_{c}")

    type_wrong()
    assert "校验位" in texts(shell)
    assert not next(b for b in shell.findChildren(QPushButton, "confirm") if b.isVisible()).isEnabled()
    shoot(shell, "01-id-number-wrong-check", type_wrong)
    tap(qtbot, shell, "clear")
    for c in WANG:
        tap(qtbot, shell, f"key_{c}")
    tap(qtbot, shell, "confirm")
    qtbot.waitUntil(lambda: "请确认是您本人" in texts(shell), timeout=20000)
    assert "王**" in texts(shell) and WANG not in texts(shell)
    shoot(shell, "02-confirm-name")
    tap(qtbot, shell, "action_yes")
    tap(qtbot, shell, "option_reissue_lost")
    # the photo journey's live-guided step takes the photo by itself
    qtbot.waitUntil(lambda: "请确认您的照片" in texts(shell), timeout=60000)
    kiosk.simulators["fingerprint"].place("good")
    tap(qtbot, shell, "action_ok")
    # liveness, face comparison on the platform, both thumbs: then the review
    qtbot.waitUntil(lambda: "请核对申请信息" in texts(shell), timeout=90000)
    assert "360426********0071" in texts(shell) and "40.00 元" in texts(shell)
    shoot(shell, "03-review")
    tap(qtbot, shell, "action_ok")
    tap(qtbot, shell, "option_micropay")
    qtbot.waitUntil(lambda: isinstance(shell.current_view, Payment), timeout=20000)
    assert "¥ 40.00" in texts(shell) and "剩余时间" in texts(shell)
    shoot(shell, "04-pay-show-code")
    kiosk.simulators["scanner"].scan(AUTH)
    qtbot.waitUntil(lambda: "申请已受理，请取走回执" in texts(shell), timeout=30000)
    shoot(shell, "05-accepted")
    printer = kiosk.simulators["printer"]
    acc = verified_slip(printer, tmp_path, "slip.png").acceptance_no
    assert "居民身份证丢失补领" in printer.last_text and "40.00" in printer.last_text
    assert WANG not in printer.last_text and "360426********0071" in printer.last_text
    assert acc in printer.last_text and sim.platform.apps[acc].state == "accepted"
    session = shell.host.runner.session
    tap(qtbot, shell, "action_ok")
    assert shell.mode == "home" and session.closed
    no_personal_data_left(tmp_path, WANG, "王小明")


def test_renewal_reads_the_old_card_asks_for_each_thumb_and_is_paid_by_qr(qtbot, kiosk, shell, tmp_path):
    sim = kiosk.sim_backends
    sim.gateway.script("*", "pay")  # the citizen pays on the phone: paid at the first query
    reader, fingerprint = kiosk.simulators["idcard"], kiosk.simulators["fingerprint"]
    QApplication.processEvents()
    tap(qtbot, shell, "service_reissue")
    tap(qtbot, shell, "option_renew")
    qtbot.waitUntil(lambda: "请刷旧身份证" in texts(shell), timeout=20000)
    reader.insert("resident")
    qtbot.waitUntil(
        lambda: isinstance(shell.current_view, Message) and "card_removed" in shell.current_view.events,
        timeout=20000,
    )
    reader.remove()  # the old card handed back before anything else
    tap(qtbot, shell, "option_renewal_expiry")
    qtbot.waitUntil(lambda: "请确认您的照片" in texts(shell), timeout=60000)
    tap(qtbot, shell, "action_ok")
    # liveness and the face comparison, then a screen for the right thumb that waits for it
    qtbot.waitUntil(lambda: "请将右手拇指放在指纹仪上" in texts(shell), timeout=60000)
    assert shell.home_button.isEnabled()  # a way home while the module waits
    shoot(shell, "10-fingerprint-right-thumb")
    shell.toggle_language()  # English throughout
    try:
        assert "Right thumb: place it on the fingerprint scanner" in texts(shell)
        shoot(shell, "10-fingerprint-right-thumb-english")
    finally:
        shell.toggle_language()
    fingerprint.place("poor")  # dry: too faint, asked again saying why
    qtbot.waitUntil(lambda: "不够清晰" in texts(shell), timeout=60000)  # and stays while it is taken again
    shoot(shell, "11-fingerprint-too-faint")
    fingerprint.place("good")
    qtbot.waitUntil(lambda: "请将左手拇指放在指纹仪上" in texts(shell), timeout=60000)
    qtbot.waitUntil(lambda: "请核对申请信息" in texts(shell), timeout=60000)
    assert "到期换领" in texts(shell) and "20.00 元" in texts(shell) and "右手拇指" in texts(shell)
    shoot(shell, "12-renewal-review")
    tap(qtbot, shell, "action_ok")
    tap(qtbot, shell, "option_native")
    qtbot.waitUntil(
        lambda: isinstance(shell.current_view, Payment) and bool(shell.current_view.qr), timeout=20000
    )
    kiosk.clock.advance(kiosk.config["reissue"]["poll_seconds"])  # the next query finds it paid
    qtbot.waitUntil(lambda: "申请已受理，请取走回执" in texts(shell), timeout=30000)
    printer = kiosk.simulators["printer"]
    acc = verified_slip(printer, tmp_path, "slip-renewal.png").acceptance_no
    assert "居民身份证到期换领" in printer.last_text and "20.00" in printer.last_text
    assert sim.platform.apps[acc].state == "accepted" and sim.platform.apps[acc].fingers == 2
    tap(qtbot, shell, "action_ok")
    assert shell.mode == "home"
    no_personal_data_left(tmp_path, WANG, "王小明", "示例路1号")


def renew_to_the_thumb(qtbot, kiosk, shell) -> None:
    """A renewal walked to its first finger: old card read and taken back, photo confirmed."""
    reader = kiosk.simulators["idcard"]
    QApplication.processEvents()
    tap(qtbot, shell, "service_reissue")
    tap(qtbot, shell, "option_renew")
    qtbot.waitUntil(lambda: "请刷旧身份证" in texts(shell), timeout=20000)
    reader.insert("resident")
    qtbot.waitUntil(
        lambda: isinstance(shell.current_view, Message) and "card_removed" in shell.current_view.events,
        timeout=20000,
    )
    reader.remove()
    tap(qtbot, shell, "option_renewal_expiry")
    qtbot.waitUntil(lambda: "请确认您的照片" in texts(shell), timeout=60000)
    tap(qtbot, shell, "action_ok")
    qtbot.waitUntil(lambda: "请将右手拇指放在指纹仪上" in texts(shell), timeout=60000)


def test_a_thumb_passed_over_is_said_skipped_and_the_next_finger_named_before_it_is_taken(
    qtbot, kiosk, shell
):
    fingerprint = kiosk.simulators["fingerprint"]
    renew_to_the_thumb(qtbot, kiosk, shell)
    tap(qtbot, shell, "action_other_finger")  # 这个手指按不上，换一个
    # the citizen is told the thumb was skipped and which finger comes next, on screen and aloud
    qtbot.waitUntil(lambda: "下一个：请将右手食指放在指纹仪上" in texts(shell), timeout=20000)
    assert "已跳过右手拇指" in texts(shell) and "已跳过右手拇指" in str(shell.current_view.prompt)
    shoot(shell, "10b-fingerprint-thumb-skipped")
    shell.toggle_language()
    try:
        assert "Next: Right index finger, place it on the fingerprint scanner" in texts(shell)
        shoot(shell, "10b-fingerprint-thumb-skipped-english")
    finally:
        shell.toggle_language()
    tap(qtbot, shell, "action_ok")
    qtbot.waitUntil(lambda: "请将右手食指放在指纹仪上" in texts(shell), timeout=20000)
    fingerprint.place("good")
    qtbot.waitUntil(lambda: "请将左手拇指放在指纹仪上" in texts(shell), timeout=60000)
    qtbot.waitUntil(lambda: "请核对申请信息" in texts(shell), timeout=60000)
    assert "右手食指" in texts(shell)  # the finger taken is the one the screen asked for


def test_the_reader_lost_while_waiting_for_the_card_is_said_and_its_choices_return_with_it(
    qtbot, kiosk, shell
):
    """A night walk-through: the reader unplugged while 请刷旧身份证 showed jumped back to the
    choice without a word, and when the reader came back 换领 stayed greyed out."""
    reader = kiosk.simulators["idcard"]
    tap(qtbot, shell, "service_reissue")
    tap(qtbot, shell, "option_renew")
    qtbot.waitUntil(lambda: "请刷旧身份证" in texts(shell), timeout=20000)
    reader.unplug()
    qtbot.waitUntil(lambda: "读卡器暂时无法使用" in texts(shell), timeout=20000)
    assert "如身份证已放在读卡区，请先取回" in texts(shell) and "12345" in texts(shell)
    tap(qtbot, shell, "action_ok")

    def renew() -> QPushButton | None:
        return next((b for b in shell.findChildren(QPushButton, "option_renew") if b.isVisible()), None)

    qtbot.waitUntil(lambda: renew() is not None, timeout=20000)
    assert not renew().isEnabled() and "读卡器暂不可用" in renew().text()
    reader.plug()
    qtbot.waitUntil(lambda: renew() is not None and renew().isEnabled(), timeout=20000)


def test_payment_screens_count_down_and_show_the_qr(qtbot, shell):
    """The QR and phone-confirmation screens as a citizen sees them (rendered directly)."""
    native = Payment(
        title=tr("请用手机扫码付款"),
        prompt=tr("请用微信或支付宝扫描二维码付款"),
        amount="40.00",
        qr="weixin://wxpay/bizpayurl?pr=K0126120115440950CC043A",
        seconds_left=300,
        actions=(("cancel", tr("取消缴费")),),
    )
    shell.show_view(native, lambda i: None)
    assert "剩余时间 5:00" in texts(shell)
    assert [w for w in shell.findChildren(QLabel, "QR") if w.isVisible()]
    qtbot.waitUntil(lambda: "剩余时间 4:5" in texts(shell), timeout=5000)  # it visibly runs
    shoot(shell, "06-pay-qr")
    confirm = Payment(
        title=tr("请在手机上确认付款"),
        prompt=tr("请在手机上输入密码确认付款"),
        amount="40.00",
        status=tr("等待您在手机上确认"),
        seconds_left=26,
        actions=(("cancel", tr("取消缴费")),),
    )
    shell.show_view(confirm, lambda i: None)
    assert "等待您在手机上确认" in texts(shell) and "剩余时间 0:26" in texts(shell)
    shoot(shell, "07-pay-confirm-on-phone")
    shell.toggle_language()  # English throughout
    try:
        shell.show_view(native, lambda i: None)
        qtbot.waitUntil(lambda: "Time left" in texts(shell) and "Amount to pay" in texts(shell), timeout=5000)
        shoot(shell, "08-pay-qr-english")
    finally:
        shell.toggle_language()


def test_a_citizen_paying_on_the_phone_is_not_timed_out_by_the_idle_watch(qtbot, kiosk, shell):
    shell.mode = "flow"
    view = Payment(title=tr("请用手机扫码付款"), amount="40.00", qr="weixin://x", seconds_left=300)
    shell.show_view(view, lambda i: None)
    kiosk.clock.advance(kiosk.config["kiosk"]["idle_timeout"] + 5)
    shell.tick()
    assert shell.mode == "flow" and not shell.idle_overlay.isVisible()
    # any other screen left alone that long ends the session
    shell.show_view(Message(title=tr("请核对申请信息")), lambda i: None)
    kiosk.clock.advance(kiosk.config["kiosk"]["idle_timeout"] + 5)
    shell.tick()
    assert shell.mode == "home"


def test_a_citizen_told_to_wait_for_staff_is_not_timed_out_by_the_idle_watch(qtbot, kiosk, shell):
    """The certificate's A4 printer out of paper: 打印暂停 … 您可以等待. A citizen who waited as
    told was asked 您还在吗 after a minute and sent home, the paid job withdrawn."""
    shell.mode = "flow"
    paused = Message(title=tr("打印暂停"), actions=(("wait", tr("继续等待")),), waiting_on_us=True)
    shell.show_view(paused, lambda i: None)
    kiosk.clock.advance(kiosk.config["kiosk"]["idle_timeout"] + 5)
    shell.tick()
    assert shell.mode == "flow" and not shell.idle_overlay.isVisible()


def test_a_tap_meant_for_start_that_lands_as_the_finger_screen_comes_does_not_skip_the_finger(
    qtbot, kiosk, shell
):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from flows.fingerprints import NEXT_FINGER_SECONDS

    shell.tap_guard.seconds = 0.5  # as the kiosk is configured (the tests' default turns it off)
    fingerprint = kiosk.simulators["fingerprint"]
    renew_to_the_thumb(qtbot, kiosk, shell)
    tap(qtbot, shell, "action_other_finger")
    qtbot.waitUntil(lambda: "下一个：请将右手食指放在指纹仪上" in texts(shell), timeout=20000)
    start = next(b for b in shell.findChildren(QPushButton, "action_ok") if b.isVisible())
    where = shell.mapFromGlobal(start.mapToGlobal(start.rect().center()))
    # the citizen reaches for 好的，开始 just as the screen moves on by itself
    kiosk.clock.advance(NEXT_FINGER_SECONDS)
    shell.tick()
    assert str(shell.current_view.title) == "请将右手食指放在指纹仪上"
    QApplication.processEvents()  # the new buttons laid out (milliseconds)
    under = shell.childAt(where)
    assert under is not None and "换一个" in (under.text() if isinstance(under, QPushButton) else "")
    QTest.mouseClick(under, Qt.MouseButton.LeftButton, pos=under.mapFrom(shell, where))
    QApplication.processEvents()
    assert str(shell.current_view.title) == "请将右手食指放在指纹仪上"
    assert "已跳过右手食指" not in texts(shell)
    fingerprint.place("good")  # the index the screen asks for is taken
    qtbot.waitUntil(lambda: "请核对申请信息" in texts(shell), timeout=90000)
    assert "右手食指" in texts(shell)


def test_cancel_on_the_review_asks_first_and_is_drawn_as_the_secondary_action(qtbot, kiosk, shell, tmp_path):
    kiosk.simulators["fingerprint"].place("good")
    QApplication.processEvents()
    tap(qtbot, shell, "service_reissue")
    tap(qtbot, shell, "option_lost")
    for c in WANG:
        tap(qtbot, shell, f"key_{c}")
    tap(qtbot, shell, "confirm")
    tap(qtbot, shell, "action_yes")
    tap(qtbot, shell, "option_reissue_lost")
    qtbot.waitUntil(lambda: "请确认您的照片" in texts(shell), timeout=60000)
    tap(qtbot, shell, "back")  # 返回 on the photo: asked, and 继续办理 keeps the photo on screen
    qtbot.waitUntil(lambda: "要放弃本次申请吗？" in texts(shell), timeout=20000)
    shoot(shell, "13-give-up-photo")
    tap(qtbot, shell, "action_keep")
    qtbot.waitUntil(lambda: "请确认您的照片" in texts(shell), timeout=20000)
    tap(qtbot, shell, "action_ok")
    qtbot.waitUntil(lambda: "请核对申请信息" in texts(shell), timeout=90000)
    cancel = next(b for b in shell.findChildren(QPushButton, "action_cancel") if b.isVisible())
    ok = next(b for b in shell.findChildren(QPushButton, "action_ok") if b.isVisible())
    assert cancel.property("role") == "secondary" and ok.property("role") != "secondary"
    assert cancel.grab().toImage().pixelColor(cancel.width() // 2, 4) != ok.grab().toImage().pixelColor(
        ok.width() // 2, 4
    )
    shoot(shell, "14-review-cancel-secondary")
    session = shell.host.runner.session
    tap(qtbot, shell, "action_cancel")
    qtbot.waitUntil(lambda: "要放弃本次申请吗？" in texts(shell), timeout=20000)
    assert "照片和指纹将被删除" in texts(shell) and not session.closed
    shoot(shell, "15-give-up-review")
    tap(qtbot, shell, "action_discard")
    qtbot.waitUntil(lambda: "申请已取消" in texts(shell), timeout=30000)
    tap(qtbot, shell, "action_ok")
    assert shell.mode == "home" and session.closed
    no_personal_data_left(tmp_path, WANG, "王小明")


def test_home_asks_before_it_throws_away_a_photo_and_keeps_the_journey_on_keep(qtbot, kiosk, shell, tmp_path):
    """首页 in the header: before anything is given it leaves at once; once a photo is taken it
    asks, 继续办理 returns to the same finger with nothing lost, 放弃 ends it and keeps nothing."""
    QApplication.processEvents()
    tap(qtbot, shell, "service_reissue")
    qtbot.waitUntil(lambda: shell.home_button.isEnabled(), timeout=20000)  # 补领 or 换领?
    shell.home_button.click()  # nothing given yet: no question
    assert shell.mode == "home" and not shell.leave_overlay.isVisible()
    renew_to_the_thumb(qtbot, kiosk, shell)
    session = shell.host.runner.session
    shell.home_button.click()
    assert shell.leave_overlay.isVisible() and "要放弃本次申请吗？" in texts(shell.leave_overlay)
    assert "已拍的照片和指纹将被删除" in texts(shell.leave_overlay)  # as 取消办理 here says
    shoot(shell, "16-home-asks")
    tap(qtbot, shell, "leave_keep")
    assert not shell.leave_overlay.isVisible() and shell.mode == "flow" and not session.closed
    assert "请将右手拇指放在指纹仪上" in texts(shell)
    shell.home_button.click()  # asked again, and the thumb placed meanwhile
    assert shell.leave_overlay.isVisible()
    kiosk.simulators["fingerprint"].place("good")  # the journey goes on under the question
    qtbot.waitUntil(lambda: "请将左手拇指放在指纹仪上" in texts(shell), timeout=60000)
    assert not shell.leave_overlay.isVisible()  # a question about a screen that has gone
    shell.home_button.click()
    tap(qtbot, shell, "leave_discard")
    assert shell.mode == "home" and not shell.leave_overlay.isVisible()
    qtbot.waitUntil(lambda: session.closed, timeout=20000)
    no_personal_data_left(tmp_path, WANG, "王小明", "示例路1号")
