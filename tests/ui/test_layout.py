"""What a citizen sees at each real screen size: nothing cut, nothing overlapped, readable
colours, a countdown that says 秒, a busy sign that is drawn, help about the step on show."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from core.text import Text, tr
from flows.rating import KIOSK_REASONS, reasons_view
from flows.runtime import FlowContext, FlowGen, FlowSpec
from flows.views import Busy, Choose, Message, Option
from kiosk.ui import theme
from kiosk.ui.widgets import button
from kiosk.ui.wrap_button import WrapButton
from tests.ui.conftest import make_kiosk, shown_shell

SHOTS = Path(os.environ.get("KIOSK_SHOTS", "/work/shots/ui"))
SIZES = [(1080, 1920), (1920, 1080), (1280, 1024), (768, 1366)]
LONG_HALL = "政务服务中心 24小时自助服务区（东区一楼大厅）"
HOURS = "（办理时间 08:30-12:00, 13:30-17:00）"


def _hours_flow(ctx: FlowContext) -> FlowGen:
    yield Choose(
        title=tr("请选择要办理的业务"),
        options=(
            Option("social", tr("社保业务"), Text("等候 3 人，约 15 分钟" + HOURS)),
            Option("tax", tr("税务业务"), Text(HOURS), enabled=False, reason=tr("此业务暂停取号")),
            Option("id", tr("身份证业务"), Text("等候 12 人，约 40 分钟" + HOURS)),
        ),
    )


@pytest.fixture
def shell(qtbot, tmp_path) -> Iterator:  # type: ignore[type-arg]
    from kiosk.ui.app import application
    from kiosk.ui.shell import Shell

    application()
    k = make_kiosk(tmp_path, **{"kiosk.hall_name": LONG_HALL, "kiosk.services": ["demo", "certificate"]})
    k.catalog["demo"] = FlowSpec("demo", tr("体验流程"), Text("了解自助办理的步骤" + HOURS), _hours_flow)
    s = Shell(k)
    qtbot.addWidget(s)
    s.show()
    yield s
    s.languages.set("zh")  # the translator is the application's, shared by later tests
    s.shutdown()
    k.stop()


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def visible_in(root: QWidget, kind: type) -> list:  # type: ignore[type-arg]
    return [w for w in root.findChildren(kind) if w.isVisible() and w.window() is root]


def text_fits(lab: QLabel) -> bool:
    """The label's whole text fits its box (wrapped if it wraps): nothing elided or cut."""
    room = lab.contentsRect()
    flags = Qt.TextFlag.TextWordWrap if lab.wordWrap() else Qt.TextFlag(0)
    need = lab.fontMetrics().boundingRect(QRect(0, 0, room.width(), 10**6), flags, lab.text())
    return need.width() <= room.width() + 1 and need.height() <= room.height() + 1


def button_text_fits(b: QPushButton) -> bool:
    """The button's whole text fits inside its border and padding: on one line, or wrapped where
    the button wraps its text (WrapButton)."""
    if not isinstance(b, WrapButton):
        return b.sizeHint().width() <= b.width() + 1
    opt = QStyleOptionButton()
    b.initStyleOption(opt)
    room = b.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, b)
    need = b.fontMetrics().boundingRect(QRect(0, 0, room.width(), 10**6), Qt.TextFlag.TextWordWrap, b.text())
    return need.width() <= room.width() + 1 and need.height() <= room.height() + 1


def box_of(w: QWidget, root: QWidget) -> QRect:
    return QRect(w.mapTo(root, QPoint(0, 0)), w.size())


def scrolled_page(w: QWidget) -> QWidget | None:
    """The page of the scroll area `w` sits in: what scrolls out of sight is reached by a swipe."""
    parent = w.parentWidget()
    while parent is not None:
        if isinstance(parent.parentWidget(), QWidget) and isinstance(
            parent.parentWidget().parentWidget(), QScrollArea
        ):
            return parent
        parent = parent.parentWidget()
    return None


def assert_nothing_cut(root: QWidget) -> None:
    settle()
    area = root.rect()
    for lab in visible_in(root, QLabel):
        if lab.text():
            page = scrolled_page(lab)
            if page is None:
                assert area.contains(box_of(lab, root)), f"{lab.text()!r} outside the window"
            else:
                assert page.rect().contains(box_of(lab, page)), f"{lab.text()!r} outside its scrolled page"
            assert text_fits(lab), f"{lab.text()!r} cut in {lab.size().toTuple()}"
            parent = lab.parentWidget()
            if isinstance(parent, QPushButton):  # a tile's line stays inside its tile
                assert parent.rect().contains(QRect(lab.pos(), lab.size())), lab.text()
    for b in visible_in(root, QPushButton):
        page = scrolled_page(b)
        inside = area.contains(box_of(b, root)) if page is None else page.rect().contains(box_of(b, page))
        assert inside, f"button {b.objectName()} outside the window"
        if b.text() and not b.findChildren(QLabel):
            assert button_text_fits(b), f"button {b.text()!r} cut in {b.size().toTuple()}"


def assert_header_clear(shell) -> None:  # type: ignore[no-untyped-def]
    hall = box_of(shell.hall_label, shell)
    assert text_fits(shell.hall_label), "hall name cut"
    for w in (shell.clock_label, shell.home_button, shell.help_button, shell.lang_button):
        if w.isVisible():
            assert not hall.intersects(box_of(w, shell)), f"hall name under {w.objectName() or 'clock'}"


def shot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    settle()
    widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly"])
def test_home_and_a_journey_screen_fit_every_screen(shell, size, language, elderly):
    shell.resize(*size)
    if language == "en":
        shell.toggle_language()
    if elderly:
        shell.toggle_elderly()
    shell.refresh_home()
    assert_nothing_cut(shell)
    assert_header_clear(shell)
    tag = f"{size[0]}x{size[1]}-{language}{'-elderly' if elderly else ''}"
    if size in ((1080, 1920), (1920, 1080)):
        shot(shell, f"home-{tag}")
    shell.start_service("demo")
    settle()
    assert shell.mode == "flow" and shell.home_button.isVisible()
    assert_nothing_cut(shell)  # the detail with the opening hours wraps inside its tile
    assert_header_clear(shell)  # the hall name beside (or above) 首页, clock and the rest
    if size in ((1080, 1920), (1920, 1080)):
        shot(shell, f"journey-{tag}")


def test_long_detail_lines_wrap_inside_the_tile(shell):
    shell.resize(1080, 1920)
    shell.start_service("demo")
    settle()
    tile = next(b for b in visible_in(shell, QPushButton) if b.objectName() == "option_social")
    lines = [lab.text() for lab in tile.findChildren(QLabel)]
    assert any("13:30-17:00" in t for t in lines)  # the whole text, not "13:30-1"
    assert_nothing_cut(shell)


@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly"])
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_unhappy_rating_reasons_show_whole_in_english(shell, size, elderly):
    """After 不满意 the reasons are chips; in English "The self-service machine was hard to
    use" was cut at both ends (three of five in portrait): they wrap inside the chip."""
    shell.resize(*size)
    shell.toggle_language()
    if elderly:
        shell.toggle_elderly()
    shell.mode = "flow"
    shell.show_view(reasons_view(KIOSK_REASONS), lambda _i: None)
    settle()
    chips = [b for b in visible_in(shell, QPushButton) if b.objectName().startswith("pick_")]
    assert len(chips) == len(KIOSK_REASONS)
    assert "The self-service machine was hard to use" in [b.text() for b in chips]
    cut = [b.text() for b in chips if not button_text_fits(b)]
    assert not cut, cut
    assert_nothing_cut(shell)
    shot(shell, f"rating-reasons-{size[0]}x{size[1]}-en{'-elderly' if elderly else ''}")


def test_only_the_way_on_is_a_filled_button(shell):
    """Two filled buttons side by side (重新拍摄 / 使用这张照片, 不是 / 是我本人) left a citizen to
    guess; on the finger screen the one filled button was 换一个 while the way on is the finger."""
    shell.mode = "flow"
    for actions, way_on in (
        ((("no", tr("不是，重新输入")), ("yes", tr("是我本人"))), "yes"),
        ((("retake", tr("重新拍摄")), ("ok", tr("使用这张照片"))), "ok"),
        ((("again", tr("再试一次")), ("other_finger", tr("换一个手指"))), "again"),
        ((("retake", tr("重新拍摄")),), "retake"),  # the photo failed its checks: retaking is the way on
    ):
        shell.show_view(Message(title=tr("请确认"), actions=actions), lambda _i: None)
        settle()
        filled = [
            b.objectName()
            for b in visible_in(shell, QPushButton)
            if b.objectName().startswith("action_") and b.property("role") != "secondary"
        ]
        assert filled == [f"action_{way_on}"]


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080), (768, 1366)], ids=["1080", "1920", "768"])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_finger_not_detected_asks_with_whole_buttons_and_home_open(shell, size, language):
    from devices.fingerprint.model import FINGER_NAMES
    from flows.fingerprints import _not_placed

    shell.resize(*size)
    if language == "en":
        shell.toggle_language()
    shell.mode = "flow"
    shell.show_view(next(_not_placed(FINGER_NAMES["right_thumb"])), lambda _i: None)
    settle()
    shown = {b.objectName() for b in visible_in(shell, QPushButton)}
    assert {"action_again", "action_other_finger"} <= shown, shown
    assert shell.home_button.isEnabled()  # the way out: 首页 asks before giving the application up
    assert_nothing_cut(shell)
    shot(shell, f"finger-not-detected-{size[0]}x{size[1]}-{language}")


@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly"])
@pytest.mark.parametrize("size", [(1080, 1920), (768, 1366), (1920, 1080)], ids=["1080", "768", "1920"])
def test_idle_countdown_says_seconds_at_two_digits(shell, size, elderly):
    shell.resize(*size)
    if elderly:
        shell.toggle_elderly()
    shell.start_service("demo")
    shell.idle_overlay.update_count(13)
    shell.idle_overlay.cover()
    settle()
    count = shell.idle_overlay.count
    assert count.text() == "还剩 13 秒"
    assert text_fits(count) and not count.wordWrap()
    assert count.fontMetrics().horizontalAdvance(count.text()) <= count.contentsRect().width()
    if size == (1080, 1920):
        shot(shell, f"idle-countdown{'-elderly' if elderly else ''}")


def test_busy_screen_draws_a_turning_spinner_not_a_missing_glyph(shell, qtbot):
    shell.resize(1080, 1920)
    shell.mode = "flow"
    shell.show_view(Busy(title=tr("请稍候"), prompt=tr("正在处理，请稍候")), None)
    settle()
    texts = " ".join(lab.text() for lab in visible_in(shell, QLabel))
    assert "⏳" not in texts
    for lab in visible_in(shell, QLabel):  # every character shown is in the font
        assert all(lab.fontMetrics().inFontUcs4(ord(ch)) for ch in lab.text() if not ch.isspace()), lab.text()
    spinner = shell._screen_for(Busy).spinner
    assert spinner.isVisible() and spinner.width() >= shell.metrics.mm(20)
    start = spinner.angle
    qtbot.waitUntil(lambda: spinner.angle != start, timeout=10000)
    shot(shell, "busy-1080x1920")


def test_a_disabled_home_button_looks_disabled(shell):
    shell.resize(1080, 1920)
    shell.start_service("demo")
    settle()
    home = shell.home_button
    assert home.isVisible() and home.isEnabled()
    enabled = home.grab().toImage()
    shell.mode = "flow"
    shell.show_view(Busy(title=tr("请稍候"), prompt=tr("正在处理，请稍候")), None)
    settle()
    assert not home.isEnabled()
    disabled = home.grab().toImage()
    assert enabled.size() == disabled.size()
    differing = sum(
        enabled.pixelColor(x, y) != disabled.pixelColor(x, y)
        for x in range(0, enabled.width(), 2)
        for y in range(0, enabled.height(), 2)
    )
    assert differing > enabled.width() * enabled.height() // 4 // 50  # visibly, not one pixel


def test_a_disabled_outlined_button_looks_disabled(shell):
    """An outlined (secondary) button that cannot be pressed does not look like one that can:
    the preview's 上一页 on page 1, a maintenance action with nothing chosen."""
    b = button("上一页", lambda: None, role="secondary")
    b.setParent(shell)
    b.setGeometry(0, 300, 400, shell.metrics.target)
    b.show()
    settle()
    enabled = b.grab().toImage()
    b.setEnabled(False)
    settle()
    disabled = b.grab().toImage()
    middle = (enabled.width() // 2, 6)  # the face, between border and text
    assert enabled.pixelColor(*middle) != disabled.pixelColor(*middle)
    assert disabled.pixelColor(*middle).name() == theme.BUTTON_OFF_BG


def test_every_text_colour_reads_at_4_5_to_1():
    low = {k: round(theme.contrast(fg, bg), 2) for k, (fg, bg) in theme.TEXT_ON_BACKGROUND.items()}
    assert all(v >= 4.5 for v in low.values()), low
    assert theme.contrast("#7b8494", "#eceff3") < 4.5  # the old grey reason text fails the check


def test_the_reason_on_an_off_tile_is_drawn_at_4_5_to_1(shell):
    shell.resize(1080, 1920)
    shell.refresh_home()
    settle()
    tile = next(b for b in visible_in(shell, QPushButton) if b.objectName() == "service_certificate")
    reason = next(lab for lab in tile.findChildren(QLabel) if lab.objectName() == "TileReason")
    img = reason.grab().toImage()
    colours = {img.pixelColor(x, y).name() for x in range(img.width()) for y in range(img.height())}
    darkest = min(colours, key=lambda c: theme.contrast(c, "#000000"))
    assert theme.contrast(darkest, theme.TILE_OFF_BG) >= 4.5


def test_help_speaks_about_the_step_on_show(shell):
    shell.resize(1080, 1920)
    helps = {}
    shell.show_help()
    helps["home"] = shell.help_overlay.body.text()
    shell.help_overlay.hide()
    shell.start_service("demo")
    settle()
    shell.show_help()
    helps["choose"] = shell.help_overlay.body.text()
    shell.help_overlay.hide()
    shell.show_view(Message(title=tr("办理完成"), help=tr("请取走凭条")), lambda _i: None)
    shell.show_help()
    helps["message"] = shell.help_overlay.body.text()
    assert len(set(helps.values())) == 3, helps
    assert "请取走凭条" in helps["message"]
    assert "12345" in helps["message"]  # the help phone is on every step
    shot(shell, "help-1080x1920")


def test_help_sends_people_to_home_only_where_it_works(shell):
    """Help said "Press 'Home' at any time to stop" on steps where 首页 is off (a ticket, a
    payment, a rating): there it points at the screen's own buttons, or says to wait."""
    shell.resize(1080, 1920)
    shell.toggle_language()
    helps = {}
    shell.start_service("demo")  # a choice: 首页 works
    settle()
    shell.show_help()
    helps["home on"] = shell.help_overlay.body.text()
    shell.help_overlay.hide()
    ticket = Message(title=tr("请取走您的号票"), actions=(("ok", tr("我已记下号码")),), can_go_back=False)
    shell.show_view(ticket, lambda _i: None)
    shell.show_help()
    helps["buttons"] = shell.help_overlay.body.text()
    shell.help_overlay.hide()
    shell.show_view(Busy(title=tr("请稍候")), None)
    shell.show_help()
    helps["busy"] = shell.help_overlay.body.text()
    assert not shell.home_button.isEnabled()
    assert 'Press "Home" to stop' in helps["home on"]
    for step in ("buttons", "busy"):
        assert 'Press "Home"' not in helps[step], helps
        assert '"Home" does not work at this step' in helps[step], helps
    assert "buttons on the screen" in helps["buttons"] and "wait" in helps["busy"], helps
    assert not any(q in text for text in helps.values() for q in "“”"), helps  # ASCII quotes in English
    shot(shell, "help-home-off-1080x1920-en")


def test_turning_to_landscape_gives_a_landscape_window_and_layout(shell):
    """The demo's landscape shot was 1920x1211: the portrait layout's minimum height held the
    window taller than the screen. The screen decides the size; the layout follows."""
    shell.resize(1080, 1920)
    shell.refresh_home()
    settle()
    shell.resize(1920, 1080)
    settle()
    assert shell.size().toTuple() == (1920, 1080)
    tiles = [b for b in visible_in(shell, QPushButton) if b.objectName().startswith("service_")]
    assert len({b.y() for b in tiles}) == 1  # side by side, not one per row
    assert_nothing_cut(shell)


# the services `make run` offers, every one open: eight tiles
EVERY_SERVICE = ["queue", "photo", "reissue", "slip_reprint", "certificate", "pickup", "unresolved", "demo"]


def open_every_service(monkeypatch: pytest.MonkeyPatch) -> None:
    from flows.catalog import CATALOG
    from kiosk import home
    from kiosk.home import Tile

    open_tiles = [Tile(k, CATALOG[k].title, CATALOG[k].detail, True) for k in EVERY_SERVICE]
    monkeypatch.setattr(home, "tiles", lambda *a, **k: open_tiles)


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
@pytest.mark.parametrize("switch", ["elderly", "english"])
def test_a_switch_pressed_on_the_home_screen_relays_the_tiles_to_fit(shell, monkeypatch, size, switch):
    """Elderly mode or English pressed while home shows: the tiles built anew must be measured
    as shown, or the home keeps its column count and cuts the tiles (a stranger saw 证明打印 cut
    in elderly mode on a portrait kiosk)."""
    open_every_service(monkeypatch)
    shell.resize(*size)
    shell.refresh_home()
    settle()
    assert shell.home_screen.isVisible() and len(shell.home_screen.findChildren(QPushButton)) >= 8
    shell.toggle_elderly() if switch == "elderly" else shell.toggle_language()
    assert_nothing_cut(shell)
    shot(shell, f"home-every-service-{switch}-{size[0]}x{size[1]}")


def test_make_run_opens_a_window_whose_home_shows_every_tile_whole(shell, monkeypatch):
    """`make run` on a laptop: the window was half the design size (960x540) and every home tile
    was cut; now the design size shrunk to the free screen, its shape kept."""
    from kiosk.ui.placement import size_for, windowed_size

    assert windowed_size((1080, 1920), (1080, 1920)) == (1080, 1920)  # a kiosk-sized screen: as designed
    room = (1920, 1040)  # a 1080p laptop screen less its panel
    size = windowed_size(size_for("landscape"), room)
    assert size[0] <= room[0] and size[1] <= room[1] and abs(size[0] / size[1] - 16 / 9) < 0.01
    open_every_service(monkeypatch)
    shell.resize(*size)
    shell.refresh_home()
    assert_nothing_cut(shell)
    shot(shell, f"home-make-run-{size[0]}x{size[1]}")


ALL_SIZES = [*SIZES, (1366, 768)]


@pytest.mark.parametrize("size", ALL_SIZES, ids=[f"{w}x{h}" for w, h in ALL_SIZES])
@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly"])
def test_every_simulate_service_on_home_shows_whole(shell, qtbot, monkeypatch, size, language, elderly):
    """All eight services of simulate.toml in elderly English at 1920x1080 cut "replace a lost
    one;" and "property records": no column count held them. Every tile now shows whole, the
    ones below the fold a swipe away with a cue that says so, and stays a large target."""
    open_every_service(monkeypatch)
    shell.resize(*size)
    if language == "en":
        shell.toggle_language()
    if elderly:
        shell.toggle_elderly()
    shell.refresh_home()
    assert_nothing_cut(shell)
    assert_header_clear(shell)
    tiles = [b for b in shell.home_screen.findChildren(QPushButton) if b.objectName().startswith("service_")]
    assert len(tiles) == len(EVERY_SERVICE)
    for t in tiles:
        assert t.isVisible() and t.height() >= shell.metrics.target and t.width() >= shell.metrics.target * 3
    home = shell.home_screen
    bar = home.scroll_area.verticalScrollBar()
    assert home.more_cue.isVisible() == (bar.maximum() > 0)  # more below: the cue says so
    fading = home.fade is not None and home.fade.isVisible()
    assert fading == (bar.maximum() > 0)  # ... and the cut row fades out
    cue = home.more_cue
    assert all(cue.fontMetrics().inFontUcs4(ord(ch)) for ch in cue.text() if not ch.isspace()), cue.text()
    if bar.maximum() > 0:
        qtbot.mouseClick(cue, Qt.MouseButton.LeftButton)  # "more" glides a screenful down
        qtbot.waitUntil(lambda: bar.value() >= min(bar.maximum(), bar.pageStep()), timeout=5000)
        bar.setValue(bar.maximum())
        settle()
        assert not cue.isVisible() and home.fade is not None and not home.fade.isVisible()  # both go
    tag = f"{size[0]}x{size[1]}-{language}{'-elderly' if elderly else ''}"
    if size in ((1080, 1920), (1920, 1080)):
        bar.setValue(0)
        shot(shell, f"home-all-services-{tag}")


def spilled_home(shell, monkeypatch: pytest.MonkeyPatch) -> Any:  # type: ignore[no-untyped-def]
    """The home whose tiles spill below the screen: every service, elderly, at 1366x768."""
    open_every_service(monkeypatch)
    shell.resize(1366, 768)
    shell.toggle_elderly()
    shell.refresh_home()
    settle()
    return shell.home_screen


def test_a_swipe_up_scrolls_the_home_tiles(shell, qtbot, monkeypatch):
    """A finger dragged up the tiles scrolls them (QScroller), and a tap on a tile still opens it."""
    home = spilled_home(shell, monkeypatch)
    bar, vp = home.scroll_area.verticalScrollBar(), home.scroll_area.viewport()
    assert bar.maximum() > 0 and home.more_cue.isVisible()
    start = QPoint(vp.width() // 2, vp.height() - 20)
    under = vp.childAt(start)  # the finger lands on a tile, as on the kiosk
    assert isinstance(under, QPushButton) and under.objectName().startswith("service_")
    win, at = shell.windowHandle(), vp.mapTo(shell, start)  # through the window, as the screen sends it
    QTest.mousePress(win, Qt.MouseButton.LeftButton, pos=at)
    for step in range(1, 21):  # a finger's pace: the scroller measures the drag's speed in real time
        qtbot.wait(15)
        QTest.mouseMove(win, at - QPoint(0, step * 20))
    QTest.mouseRelease(win, Qt.MouseButton.LeftButton, pos=at - QPoint(0, 400))
    qtbot.waitUntil(lambda: bar.value() > 100, timeout=5000)
    scroller = QScroller.scroller(vp)
    qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=5000)  # done gliding
    assert shell.mode == "home"  # the swipe opened nothing
    bar.setValue(bar.maximum())
    settle()
    demo = next(b for b in home.findChildren(QPushButton) if b.objectName() == "service_demo")
    assert vp.rect().contains(QRect(demo.mapTo(vp, QPoint(0, 0)), demo.size()))
    qtbot.mouseClick(demo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.mode == "flow", timeout=5000)


def test_the_home_keeps_its_place_while_a_citizen_reads_the_lower_tiles(shell, qtbot, monkeypatch):
    """The shell asks for the tiles again every few seconds while home shows. A stranger in
    elderly mode pressed "more"; the tiles were built anew and jumped back to the top, and the
    tap meant for 取件 opened 身份证. The same tiles now stay where the citizen put them; a tile
    that changes is shown, and the next visitor finds the first tiles."""
    home = spilled_home(shell, monkeypatch)
    bar = home.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    tiles = [b for b in home.findChildren(QPushButton) if b.objectName().startswith("service_")]
    for _ in range(3):  # the clock's ticks, each past the refresh interval
        shell.clock.advance(6)
        shell.tick()
        settle()
        assert shell.mode == "home" and bar.value() == bar.maximum() > 0
    assert all(t.isVisible() for t in tiles)  # the very buttons under the finger, not rebuilt ones

    from flows.catalog import CATALOG
    from kiosk import home as home_tiles
    from kiosk.home import Tile

    changed = [Tile(k, CATALOG[k].title, CATALOG[k].detail, k != "demo", tr("暂停")) for k in EVERY_SERVICE]
    monkeypatch.setattr(home_tiles, "tiles", lambda *a, **k: changed)
    shell.clock.advance(6)
    shell.tick()
    settle()
    demo = next(b for b in home.findChildren(QPushButton) if b.objectName() == "service_demo")
    assert not demo.isEnabled()  # a tile that went off is shown off

    bar.setValue(bar.maximum())
    shell.go_home()  # a journey ended, or the next visitor
    settle()
    assert bar.value() == 0


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly"])
def test_the_notice_of_a_card_left_on_the_reader_shows_whole_above_the_tiles(
    shell, monkeypatch, size, language, elderly
):
    """The notice (kiosk/left_card.py) takes room above the tiles: they are laid out again under
    it, every one whole, and it reads at 4.5:1."""
    open_every_service(monkeypatch)
    shell.resize(*size)
    if language == "en":
        shell.toggle_language()
    if elderly:
        shell.toggle_elderly()
    monkeypatch.setattr(shell, "_card_present", lambda: True)
    shell.mode = "flow"
    shell.go_home()  # a journey ended with the card still on the reader
    settle()
    notice = shell.home_screen.notice
    said = {
        "zh": "读卡器上留有一张身份证，请取回",
        "en": "An ID card has been left on the reader. Please take it.",
    }
    assert notice.isVisible() and notice.text() == said[language]
    assert box_of(notice, shell).bottom() < box_of(shell.home_screen.scroll_area, shell).top()
    assert_nothing_cut(shell)
    assert theme.contrast(*theme.TEXT_ON_BACKGROUND["notice"]) >= 4.5
    shot(shell, f"home-card-left-{size[0]}x{size[1]}-{language}{'-elderly' if elderly else ''}")


def drawn_lines(lab: QLabel) -> list[str]:
    """The lines a word-wrapped label draws, as Qt breaks them at its width."""
    from PySide6.QtGui import QTextLayout, QTextOption

    text = lab.text()
    layout = QTextLayout(text, lab.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)  # QLabel's word wrap
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(lab.contentsRect().width())
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


@pytest.mark.parametrize("size", ALL_SIZES, ids=[f"{w}x{h}" for w, h in ALL_SIZES])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_attract_screen_breaks_its_service_list_between_services(shell, monkeypatch, size, language):
    """In portrait the list of services broke "体验流程" as "体" / "验流程": a passer-by reads
    two services that do not exist. Lines now break only between services."""
    open_every_service(monkeypatch)
    shell.resize(*size)
    if language == "en":
        shell.toggle_language()
    shell.refresh_home()
    shell.show_attract()
    settle()
    names = set(shell.attract_screen.service_names)
    listing = shell.attract_screen.services_label
    assert listing is not None and listing.isVisible() and len(names) == len(EVERY_SERVICE)
    lines = drawn_lines(listing)
    assert len(lines) >= 1
    for line in lines:
        assert not line.lstrip(" \u00a0\u2060").startswith("·"), lines  # the dot ends a line
        shown = line.replace("\u2060", "").replace("\u00a0", " ").strip(" ·")
        assert all(part.strip() in names for part in shown.split(" · ")), lines
    # the way to a person at night, not a repeat of the hall's name ("24 小时自助服务")
    phone = shell.kcfg["help_phone"]
    said = {"zh": f"需要帮助请拨打服务电话 {phone}", "en": f"For help, call {phone}"}[language]
    assert said in [lab.text() for lab in shell.attract_screen.findChildren(QLabel) if lab.isVisible()]
    assert_nothing_cut(shell)
    shot(shell, f"attract-{size[0]}x{size[1]}-{language}")


def test_the_fade_lies_over_the_scroll_edge_when_elderly_spills_the_tiles_at_the_same_size(
    qtbot, kiosk, monkeypatch
):
    """Elderly mode switched on a home already laid out at its size (the demo's order, its
    hall's name): the fade, made when the tiles first spill, sat at Qt's default place, a white
    patch over the first tile's title, and the edge did not fade."""
    open_every_service(monkeypatch)
    shell = shown_shell(qtbot, kiosk)
    try:
        shell.refresh_home()
        settle()
        shell.toggle_elderly()
        shell.refresh_home()
        settle()
        home = shell.home_screen
        area = home.scroll_area
        assert area.verticalScrollBar().maximum() > 0 and home.fade is not None and home.fade.isVisible()
        assert home.fade.geometry() == QRect(
            0, area.height() - home.fade.height(), area.width(), home.fade.height()
        )
        image = shell.grab().toImage()
        top = area.mapTo(shell, area.rect().topLeft())
        title = (top.x() + shell.metrics.mm(4), top.y() + shell.metrics.mm(6))  # in the first tile
        assert image.pixelColor(*title) == QColor(theme.WHITE)
        shot(shell, "home-fade-1080x1920-zh-elderly")
    finally:
        shell.shutdown()


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_the_row_the_scroll_edge_cuts_fades_out_instead_of_showing_sliced_text(shell, monkeypatch, size):
    """Elderly English: the last row in view was cut through its text ("Tell us what you could
    not get done" sliced in half), which reads as a broken screen. The edge now fades into the
    background: its last pixels are the background's, the tiles above it untouched."""
    open_every_service(monkeypatch)
    shell.resize(*size)
    shell.toggle_language()
    shell.toggle_elderly()
    shell.refresh_home()
    settle()
    home = shell.home_screen
    area = home.scroll_area
    assert area.verticalScrollBar().maximum() > 0 and home.fade is not None  # the tiles spill
    image = shell.grab().toImage()
    bottom = area.mapTo(shell, area.rect().bottomLeft())
    background = QColor(theme.BG)
    for x in range(bottom.x(), bottom.x() + area.width(), 7):
        seen = image.pixelColor(x, bottom.y() - 1)
        off = max(abs(a - b) for a, b in zip(seen.getRgb()[:3], background.getRgb()[:3], strict=True))
        assert off <= 3, (x, seen.name())
    top = area.mapTo(shell, area.rect().topLeft())
    inside_first_tile = (top.x() + area.width() // 4, top.y() + shell.metrics.mm(20))
    assert image.pixelColor(*inside_first_tile) == QColor(theme.WHITE)
    # a tap on the faded part of a tile reaches the tile
    under = shell.childAt(bottom.x() + area.width() // 6, bottom.y() - home.fade.height() // 2)
    while under is not None and not under.objectName().startswith("service_"):
        under = under.parentWidget()
    assert under is not None, "the fade takes the taps meant for the tile under it"
    shot(shell, f"home-fade-{size[0]}x{size[1]}-en-elderly")
