"""The shell clicked through as a citizen would, on the offscreen platform."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from core.text import tr
from devices.base import ConnectionLost, Driver
from flows.runtime import FlowSpec
from flows.views import Message, Work
from tests.ui.conftest import make_kiosk
from tests.ui.test_layout import SHOTS


def btn(shell, name: str) -> QPushButton:
    QApplication.processEvents()
    found = [b for b in shell.findChildren(QPushButton, name) if b.isVisible()]
    assert found, f"no visible button {name}"
    return found[0]


def texts(widget) -> str:
    QApplication.processEvents()
    return " ".join(lab.text() for lab in widget.findChildren(QLabel) if lab.isVisible()) + " ".join(
        b.text() for b in widget.findChildren(QPushButton) if b.isVisible()
    )


def click(qtbot, shell, name: str) -> None:
    qtbot.mouseClick(btn(shell, name), Qt.MouseButton.LeftButton)


def test_home_lists_configured_services_with_state(shell):
    demo = btn(shell, "service_demo")
    cert = btn(shell, "service_certificate")
    assert demo.isEnabled() and "体验流程" in demo.text()
    # a configured service whose device this kiosk lacks is shown off, saying which
    assert not cert.isEnabled() and "A4 打印机暂不可用" in cert.text()
    assert btn(shell, "service_demo").height() >= shell.metrics.target


def test_touch_targets_are_at_least_15mm(shell):
    for b in shell.findChildren(QPushButton):
        if b.isVisible():
            assert b.height() >= shell.metrics.mm(15) - 1, b.objectName()


def test_demo_journey_clicked_through(qtbot, shell):
    click(qtbot, shell, "service_demo")
    click(qtbot, shell, "option_phone")
    for k in "13800138000":
        click(qtbot, shell, f"key_{k}")
    click(qtbot, shell, "confirm")
    qtbot.waitUntil(lambda: "办理完成" in texts(shell), timeout=5000)
    assert "138****8000" in texts(shell)
    click(qtbot, shell, "action_ok")
    assert shell.mode == "home"


def test_english_switch_is_one_tap_and_back(qtbot, shell):
    click(qtbot, shell, "language")
    assert "Please choose a service" in texts(shell)
    assert btn(shell, "language").text() == "中文"
    # the hall's name too: [kiosk] hall_name_en
    assert shell.hall_label.text() == "Government Service Center, 24-Hour Self-Service Area"
    SHOTS.mkdir(parents=True, exist_ok=True)
    for w, h in ((1080, 1920), (1920, 1080)):
        shell.resize(w, h)
        QApplication.processEvents()
        label = shell.hall_label
        # never cut: it wraps within the header rather than running under the clock
        assert label.isVisible() and label.geometry().right() <= shell.width()
        shell.grab().save(str(SHOTS / f"home_en_{w}x{h}.png"))
    click(qtbot, shell, "language")
    assert "请选择您要办理的业务" in texts(shell)
    assert shell.hall_label.text() == "政务服务中心 24小时自助服务区"


def test_elderly_mode_larger_text_and_slower_timeouts(qtbot, shell):
    before = btn(shell, "service_demo").font().pixelSize(), shell.idle.timeout
    size_before = btn(shell, "service_demo").fontInfo().pixelSize()
    click(qtbot, shell, "elderly")
    assert shell.elderly
    assert btn(shell, "service_demo").fontInfo().pixelSize() > size_before
    assert shell.idle.timeout == before[1] * 2.0
    click(qtbot, shell, "elderly")
    assert not shell.elderly


def test_idle_countdown_extends_on_touch_then_ends_session(qtbot, shell, kiosk):
    click(qtbot, shell, "service_demo")
    session = shell.host.runner.session
    kiosk.clock.advance(shell.idle.timeout - 10)
    shell.tick()
    assert shell.idle_overlay.isVisible()
    assert "还剩 10 秒" in texts(shell.idle_overlay)
    # a touch anywhere keeps the session
    qtbot.mouseClick(btn(shell, "continue"), Qt.MouseButton.LeftButton)
    shell.tick()
    assert not shell.idle_overlay.isVisible() and shell.mode == "flow"
    kiosk.clock.advance(shell.idle.timeout + 1)
    shell.tick()
    assert shell.mode == "home" and session.closed


def test_help_left_open_by_a_citizen_who_walked_away_is_gone_for_the_next(qtbot, shell, kiosk):
    click(qtbot, shell, "service_demo")
    shell.show_help()  # opened, then nobody touches the screen again
    assert shell.help_overlay.isVisible()
    kiosk.clock.advance(shell.idle.timeout + 1)
    shell.tick()
    assert shell.mode == "home" and not shell.help_overlay.isVisible()


def test_attract_after_long_idle_and_touch_returns_home(qtbot, shell, kiosk):
    kiosk.clock.advance(kiosk.config["kiosk"]["attract_after"] + 1)
    shell.tick()
    assert shell.mode == "attract" and "请轻触屏幕开始" in texts(shell)
    ev = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        QPointF(10, 10),
        QPointF(10, 10),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(shell.attract_screen, ev)
    assert shell.mode == "home"


def test_the_next_visitor_starts_in_chinese_at_the_standard_size(qtbot, shell, kiosk):
    """Whoever walks away from a journey in English and large print leaves the kiosk as the hall
    set it: the next citizen is not met by another's choices."""
    click(qtbot, shell, "language")
    click(qtbot, shell, "elderly")
    click(qtbot, shell, "service_demo")
    assert shell.mode == "flow" and shell.languages.current == "en" and shell.elderly
    kiosk.clock.advance(shell.idle.timeout + 1)  # nobody touches the screen: they have gone
    shell.tick()
    assert shell.mode == "home" and shell.languages.current == "zh" and not shell.elderly
    assert "体验流程" in btn(shell, "service_demo").text() and btn(shell, "language").text() == "English"
    assert shell.idle.timeout == kiosk.config["kiosk"]["idle_timeout"]  # elderly time is off too
    # a choice made on the home and left there goes when the attract screen comes
    click(qtbot, shell, "language")
    kiosk.clock.advance(kiosk.config["kiosk"]["attract_after"] + 1)
    shell.tick()
    assert shell.mode == "attract" and shell.languages.current == "zh" and "请轻触屏幕开始" in texts(shell)


def test_a_last_screen_that_closes_itself_untouched_leaves_chinese_for_the_next(qtbot, shell, kiosk):
    def ticket(ctx):
        yield Message(title=tr("请取走凭条"), timeout=30)  # a journey's last screen, as the ticket's

    kiosk.catalog["demo"] = FlowSpec("demo", tr("体验流程"), tr(""), ticket)
    click(qtbot, shell, "language")
    click(qtbot, shell, "service_demo")
    kiosk.clock.advance(31)  # nobody touches it: it closes itself
    shell.tick()
    qtbot.waitUntil(lambda: shell.mode == "home")
    assert shell.languages.current == "zh"
    # whoever taps its button is still there: their English stays
    click(qtbot, shell, "language")
    click(qtbot, shell, "service_demo")
    kiosk.clock.advance(20)
    click(qtbot, shell, "action_ok")
    qtbot.waitUntil(lambda: shell.mode == "home")
    assert shell.languages.current == "en"


def test_a_finished_journey_keeps_the_citizens_language(qtbot, shell):
    click(qtbot, shell, "language")
    click(qtbot, shell, "service_demo")
    click(qtbot, shell, "home")  # the header's Home: the citizen is still here
    assert shell.mode == "home" and shell.languages.current == "en"


def test_flow_raising_midway_shows_error_then_home(qtbot, shell, kiosk):
    def broken(ctx):
        yield Message(title=tr("第一步"))
        raise RuntimeError("platform down")

    kiosk.catalog["demo"] = FlowSpec("demo", tr("体验流程"), tr(""), broken)
    click(qtbot, shell, "service_demo")
    session = shell.host.runner.session
    click(qtbot, shell, "action_ok")
    assert shell.mode == "error" and "抱歉" in texts(shell)
    # the way to a person at any hour (the service desk is not staffed at night)
    assert f"服务电话 {kiosk.config['kiosk']['help_phone']}" in texts(shell) and "服务台" not in texts(shell)
    assert session.closed
    click(qtbot, shell, "action_home")
    assert shell.mode == "home"


def test_error_screen_goes_home_by_itself(qtbot, shell, kiosk):
    def broken(ctx):
        raise RuntimeError("boom")
        yield

    kiosk.catalog["demo"] = FlowSpec("demo", tr("体验流程"), tr(""), broken)
    click(qtbot, shell, "service_demo")
    assert shell.mode == "error"
    kiosk.clock.advance(31)
    shell.tick()
    assert shell.mode == "home"


def test_double_tap_starts_one_flow_and_second_tap_while_busy_is_ignored(qtbot, shell, kiosk):
    started = []
    release = []

    def slow(ctx):
        started.append(1)
        yield Work(lambda: (time.sleep(0.3), release.append(1)))
        a = yield Message(title=tr("完成"))
        return a

    kiosk.catalog["demo"] = FlowSpec("demo", tr("体验流程"), tr(""), slow)
    b = btn(shell, "service_demo")
    b.click()
    b.click()  # second tap on the same (now hidden) button
    assert len(started) == 1
    shell.home_pressed()  # home is refused while working
    assert shell.mode == "flow"
    qtbot.waitUntil(lambda: "完成" in texts(shell), timeout=5000)
    ok = btn(shell, "action_ok")
    ok.click()
    ok.click()
    assert shell.mode == "home"


class DeadDriver(Driver):
    def open(self) -> None:
        raise ConnectionLost("串口不存在")

    def close(self) -> None:
        pass


def test_service_whose_device_is_down_cannot_start(qtbot, tmp_path):
    from kiosk.ui.shell import Shell

    k = make_kiosk(
        tmp_path,
        devices={"printer": {"driver": "dead"}},
        extra={"printer": {"dead": f"{__name__}:DeadDriver"}},
    )
    try:
        k.catalog["demo"] = FlowSpec(
            "demo", tr("体验流程"), tr(""), k.catalog["demo"].start, requires=("printer",)
        )
        s = Shell(k)
        qtbot.addWidget(s)
        s.resize(1080, 1920)
        s.show()
        qtbot.waitUntil(lambda: k.devices["printer"].status.reason.source == "串口不存在", timeout=5000)
        s.refresh_home()

        def shown() -> bool:  # the rebuilt tile is laid out on a later turn of a loaded event loop
            QApplication.processEvents()
            return any(b.isVisible() for b in s.findChildren(QPushButton, "service_demo"))

        qtbot.waitUntil(shown, timeout=5000)
        b = btn(s, "service_demo")
        assert not b.isEnabled() and "凭条打印机暂不可用" in b.text()
        assert "串口不存在" not in b.text()  # the driver's why is for staff, not the citizen
        s.start_service("demo")
        assert s.mode == "home"
        s.shutdown()
    finally:
        k.stop()


def test_a_screen_waiting_on_a_device_that_is_already_down_hears_it_at_once(qtbot, shell, kiosk):
    """The camera unplugged on the photo's confirm screen, then 重新拍摄: the capture screen came
    after the device's offline event and waited on a dead camera (black preview, a shutter that
    did nothing). A screen that listens for a device going down now hears it when shown."""
    from flows.views import Message, offline

    assert not kiosk.devices.status("camera").usable  # none configured here: down from the start
    heard: list[str] = []

    def flow(ctx):  # type: ignore[no-untyped-def]
        got = yield Message(title=tr("请正对摄像头"), events=(offline("camera"),), actions=())
        heard.append(got.name)
        return "done"

    kiosk.catalog["demo"] = FlowSpec("demo", tr("体验流程"), tr(""), flow)
    shell.start_service("demo")
    qtbot.waitUntil(lambda: heard == [offline("camera")], timeout=10000)


@pytest.mark.parametrize(
    ("key", "mods"),
    [
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    ],
)
def test_kiosk_mode_swallows_escape_keys(qtbot, kiosk, key, mods):
    from kiosk.ui.shell import Shell

    s = Shell(kiosk, kiosk_mode=True)
    qtbot.addWidget(s)
    ev = QKeyEvent(QEvent.Type.KeyPress, key, mods)
    assert s.eventFilter(s, ev) is True
    assert (
        s.eventFilter(s, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_5, Qt.KeyboardModifier.NoModifier))
        is False
    )
    s.shutdown()


def test_every_screen_has_a_spoken_prompt(qtbot, shell):
    spoken = []
    shell.say = spoken.append  # type: ignore[method-assign]
    shell.go_home()
    click(qtbot, shell, "service_demo")
    click(qtbot, shell, "option_phone")
    assert spoken == ["请选择您要办理的业务", "请选择办理方式", "请输入十一位手机号码"]


def test_the_error_screen_without_a_help_number_names_none():
    from kiosk.ui.shell import error_view

    assert "服务电话" not in error_view("").body.render() and "重新开始" in error_view("").body.render()
    assert "服务电话 96000" in error_view("96000").body.render()
