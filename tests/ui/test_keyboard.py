"""The on-screen keyboard of free-text screens (办不成事, the reasons for a bad rating): pinyin
typed on the keys becomes the Chinese picked from the candidate bar, letters, digits and
punctuation go in as tapped, delete takes back a letter of pinyin or a character, and every key
is whole and a touch target at both screen sizes, larger in elderly mode."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from core.text import tr
from flows.views import Intent, Option, Pick, Picked
from hall.ratings.model import REASONS
from kiosk.ui.keyboard import Keyboard

SHOTS = Path(os.environ.get("KIOSK_SHOTS", Path(__file__).resolve().parents[2] / "shots"))
VIEW = Pick(
    title=tr("请告诉我们您没有办成的事"),
    options=(Option("social", tr("社保业务")), Option("tax", tr("税务业务")), Option("id", tr("身份证业务"))),
    multiple=False,
    text_label=tr("写下您要办的事或遇到的问题（可不填）"),
)


def key(qtbot, shell, name: str) -> None:
    found = [b for b in shell.findChildren(QPushButton, name) if b.isVisible()]
    assert len(found) == 1, (name, len(found))
    [b] = found
    assert b.isEnabled(), name
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)


def keys(qtbot, shell, names: str) -> None:
    """Tap the keys of `names` (a capital after a tap on shift, a blank on the space bar)."""
    for c in names:
        if c == " ":
            key(qtbot, shell, "vk_space")
            continue
        if c.isupper():
            key(qtbot, shell, "vk_shift")
        key(qtbot, shell, f"vk_{c.lower()}")


def field(shell) -> QLineEdit:
    [f] = [f for f in shell.findChildren(QLineEdit, "text") if f.isVisible()]
    return f


def candidates(shell) -> list[str]:
    QApplication.processEvents()
    bar = [b for b in shell.findChildren(QPushButton) if b.isVisible() and b.property("role") == "cand"]
    return [b.text() for b in sorted(bar, key=lambda b: b.objectName())]


def pick(qtbot, shell, text: str) -> None:
    """Tap the candidate `text`, turning the bar's pages until it shows."""
    for _ in range(20):
        shown = candidates(shell)
        if text in shown:
            key(qtbot, shell, f"cand_{shown.index(text)}")
            return
        key(qtbot, shell, "cand_next")
    raise AssertionError(f"{text} not among the candidates")


@pytest.fixture
def answers(shell):
    got: list[Intent] = []
    shell.show_view(VIEW, got.append)
    QApplication.processEvents()
    return got


def test_pinyin_becomes_the_chinese_picked_and_reaches_the_answer(qtbot, shell, answers):
    keys(qtbot, shell, "banli")
    assert candidates(shell)[0] == "办理" and field(shell).text() == ""  # pinyin waits in the bar
    key(qtbot, shell, "cand_0")
    assert field(shell).text() == "办理"
    keys(qtbot, shell, "shenfenzheng")
    pick(qtbot, shell, "身份证")
    keys(qtbot, shell, "zg")  # initials alone offer the words
    assert "中国" in candidates(shell)[:3]
    key(qtbot, shell, "vk_delete")
    key(qtbot, shell, "vk_delete")
    assert candidates(shell) == [] and field(shell).text() == "办理身份证"
    keys(qtbot, shell, "xianzai")
    pick(qtbot, shell, "现")  # one character: the rest of the pinyin stays for the next
    assert candidates(shell)[0] == "在"
    key(qtbot, shell, "vk_space")  # space takes the first candidate
    keys(qtbot, shell, "，")
    assert field(shell).text() == "办理身份证现在，"
    key(qtbot, shell, "vk_delete")  # no pinyin waiting: delete takes a character back
    assert field(shell).text() == "办理身份证现在"
    key(qtbot, shell, "submit")
    assert answers == [Intent("ok", Picked((), "办理身份证现在"))]


def test_english_letters_digits_and_symbols(qtbot, shell, answers):
    key(qtbot, shell, "vk_lang")
    keys(qtbot, shell, "abc")
    key(qtbot, shell, "vk_shift")
    keys(qtbot, shell, "d")  # one capital, then small letters again
    keys(qtbot, shell, "e")
    key(qtbot, shell, "vk_space")
    keys(qtbot, shell, "2026")
    key(qtbot, shell, "vk_symbols")
    [amp] = [b for b in shell.findChildren(QPushButton, "vk_&") if b.isVisible()]
    assert amp.text() == "&&"  # drawn as "&" (a lone "&" marks a shortcut and shows nothing)
    keys(qtbot, shell, "@&")
    key(qtbot, shell, "vk_symbols")
    keys(qtbot, shell, ".")
    assert candidates(shell) == [] and field(shell).text() == "abcDe 2026@&."
    key(qtbot, shell, "vk_lang")  # back to Chinese: letters are pinyin again
    keys(qtbot, shell, "ni")
    assert field(shell).text() == "abcDe 2026@&." and candidates(shell)[0] == "你"
    key(qtbot, shell, "vk_lang")  # switching with pinyin waiting puts the letters in as typed
    assert field(shell).text() == "abcDe 2026@&.ni"
    key(qtbot, shell, "pick_tax")
    key(qtbot, shell, "submit")
    assert answers == [Intent("ok", Picked(("tax",), "abcDe 2026@&.ni"))]


def on_shell(shell, w) -> QRect:
    return QRect(w.mapTo(shell, w.rect().topLeft()), w.size())


# the kiosk's two screens, and the other sizes it is tested on (tests/ui/test_kiosk_on_x.py)
SIZES = [(1080, 1920), (1920, 1080), (1280, 1024), (768, 1366)]


@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_key_is_whole_and_a_touch_target_on_both_screens(qtbot, shell, size, elderly):
    if elderly:
        shell.toggle_elderly()
    shell.resize(*size)
    qtbot.waitUntil(lambda: shell.width() == size[0])
    got: list[Intent] = []
    shell.show_view(VIEW, got.append)
    QApplication.processEvents()
    if not [k for k in shell.stack.findChildren(Keyboard) if k.isVisible()]:
        qtbot.mouseClick(field(shell), Qt.MouseButton.LeftButton)  # a small screen: on a touch
    keys(qtbot, shell, "zhongguo")  # the candidate bar full
    QApplication.processEvents()
    assert (shell.width(), shell.height()) == size  # nothing pushed the window past the screen
    stack = on_shell(shell, shell.stack)
    shown = [b for b in shell.stack.findChildren(QPushButton) if b.isVisible()]
    vkeys = [b for b in shown if str(b.property("role")) in ("vkey", "vfn")]
    assert len(vkeys) >= 40
    least = 64  # larger in elderly mode where the screen has room (the shots show it)
    narrow = 56 if size[0] < 1000 else 64  # eleven keys a row on a 768 px wide screen
    for b in shown:
        assert stack.contains(on_shell(shell, b)), (b.objectName(), on_shell(shell, b), stack)
    [keyboard] = [k for k in shell.stack.findChildren(Keyboard) if k.isVisible()]
    for b in vkeys:
        assert b.height() >= least and b.width() >= narrow, (b.objectName(), b.size())
        if size in SIZES[:2]:  # the kiosk's own screens: elderly mode's keys are larger
            assert b.height() >= (84 if elderly else 76), (b.objectName(), b.size())
        assert keyboard.rect().contains(QRect(b.mapTo(keyboard, b.rect().topLeft()), b.size())), (
            b.objectName()
        )
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            assert not on_shell(shell, a).intersects(on_shell(shell, b)), (a.objectName(), b.objectName())
    assert candidates(shell)[0] == "中国"
    if SHOTS.is_dir():
        mode = "elderly" if elderly else "standard"
        shell.grab().save(str(SHOTS / f"keyboard_{mode}_{size[0]}x{size[1]}.png"))


def test_in_english_the_keyboard_starts_with_letters_and_says_so(qtbot, shell):
    shell.toggle_language()
    got: list[Intent] = []
    shell.show_view(VIEW, got.append)
    QApplication.processEvents()
    keys(qtbot, shell, "help")
    assert field(shell).text() == "help" and candidates(shell) == []
    assert shell.stack.findChildren(QPushButton, "vk_space")[0].text() == "Space"
    key(qtbot, shell, "vk_lang")  # pinyin there too
    keys(qtbot, shell, "ni")
    assert candidates(shell)[0] == "你"
    if SHOTS.is_dir():
        for w, h in ((1080, 1920), (1920, 1080)):
            shell.resize(w, h)
            qtbot.waitUntil(lambda w=w: shell.width() == w)
            shell.show_view(VIEW, got.append)  # drawn again for this screen: English letters again
            QApplication.processEvents()
            keys(qtbot, shell, "Hi ")
            key(qtbot, shell, "vk_lang")
            keys(qtbot, shell, "ni")
            shell.grab().save(str(SHOTS / f"keyboard_en_{w}x{h}.png"))


def test_what_was_typed_and_ticked_stays_when_the_screen_is_drawn_again(qtbot, shell, answers):
    key(qtbot, shell, "pick_social")
    keys(qtbot, shell, "shebao")
    key(qtbot, shell, "cand_0")
    shell.mode = "flow"  # as on a journey: a mode change draws the question again
    shell.toggle_elderly()
    QApplication.processEvents()
    assert field(shell).text() == "社保"
    key(qtbot, shell, "submit")
    assert answers == [Intent("ok", Picked(("social",), "社保"))]


def test_pinyin_left_in_the_bar_is_submitted_as_typed(qtbot, shell, answers):
    """Submit with candidates showing: the letters go in, as Enter does in a Chinese input method."""
    keys(qtbot, shell, "banli")
    key(qtbot, shell, "cand_0")
    keys(qtbot, shell, "wufa")
    assert "无法" in candidates(shell) and field(shell).text() == "办理"
    key(qtbot, shell, "submit")
    assert answers == [Intent("ok", Picked((), "办理wufa"))]
    assert candidates(shell) == [] and field(shell).text() == "办理wufa"


def test_pinyin_alone_is_something_written_and_can_be_submitted(qtbot, shell, answers):
    assert not [b for b in shell.findChildren(QPushButton, "submit") if b.isEnabled()]  # required
    keys(qtbot, shell, "wufa")
    assert field(shell).text() == ""
    key(qtbot, shell, "submit")
    assert answers == [Intent("ok", Picked((), "wufa"))]


def test_pinyin_waiting_stays_as_typed_when_the_screen_is_drawn_again(qtbot, shell, answers):
    keys(qtbot, shell, "shebao")
    shell.mode = "flow"
    shell.toggle_elderly()  # the keyboard is built again
    QApplication.processEvents()
    assert field(shell).text() == "shebao" and candidates(shell) == []


def test_a_step_come_back_to_shows_what_was_ticked_and_written(qtbot, shell):
    got: list[Intent] = []
    shell.show_view(replace(VIEW, earlier=Picked(("tax",), "发票开不出来")), got.append)
    QApplication.processEvents()
    assert field(shell).text() == "发票开不出来"
    assert [b.objectName() for b in shell.findChildren(QPushButton) if b.isVisible() and b.isChecked()] == [
        "pick_tax"
    ]
    key(qtbot, shell, "submit")
    assert got == [Intent("ok", Picked(("tax",), "发票开不出来"))]


def test_the_counters_rating_pad_has_the_keyboard_too(qtbot, kiosk, tmp_path):
    """The pad beside a counter (800x1280, a tablet facing the citizen) asks the same reasons."""
    from core.clock import SystemClock
    from kiosk.ui.app import application
    from kiosk.ui.rating_pad import RatingPad

    application()  # the kiosk's font, as roles.py opens the pad
    pad = RatingPad(kiosk.config, SystemClock(), tmp_path / "pad")
    qtbot.addWidget(pad)
    pad.resize(800, 1280)
    pad.show()
    qtbot.waitUntil(lambda: pad.width() == 800)
    got: list[Intent] = []
    reasons = Pick(  # as flows.rating asks after 不满意 at a counter: every reason
        title=tr("请告诉我们哪里做得不好"),
        options=tuple(Option(c, t) for c, t in REASONS.items()),
        text_label=tr("其他想说的（可不填）"),
        required=False,
        can_go_back=False,
    )
    pad.show_view(reasons, got.append)
    QApplication.processEvents()
    assert not [k for k in pad.findChildren(Keyboard) if k.isVisible()]  # until the field is touched
    picks = [b for b in pad.findChildren(QPushButton) if b.isVisible() and b.objectName().startswith("pick_")]
    cut = [b.text() for b in picks if b.sizeHint().width() > b.width()]
    assert len(picks) == len(REASONS) and not cut, cut  # two columns cut 办事指南或告知不清楚
    if SHOTS.is_dir():
        pad.grab().save(str(SHOTS / "pad_reasons_800x1280.png"))
    key(qtbot, pad, "pick_slow")
    qtbot.mouseClick(field(pad), Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert not [b for b in pad.findChildren(QPushButton, "pick_slow") if b.isVisible()]  # its place
    keys(qtbot, pad, "tongxingzheng")
    key(qtbot, pad, "cand_0")
    assert pad.height() == 1280  # all of it on the pad's screen
    room = on_shell(pad, pad.stack)
    vkeys = [b for b in pad.stack.findChildren(QPushButton) if b.isVisible() and b.property("role") == "vkey"]
    assert len(vkeys) >= 35
    for b in vkeys:
        assert room.contains(on_shell(pad, b)) and b.width() >= 56 and b.height() >= 64, (
            b.objectName(),
            b.size(),
        )
    if SHOTS.is_dir():
        pad.grab().save(str(SHOTS / "keyboard_pad_800x1280.png"))
    keys(qtbot, pad, "banli")
    key(qtbot, pad, "vk_done")  # put away: the pinyin left goes in as typed, never lost
    QApplication.processEvents()
    assert [b for b in pad.findChildren(QPushButton, "pick_slow") if b.isVisible() and b.isChecked()]
    key(qtbot, pad, "submit")
    assert got == [Intent("ok", Picked(("slow",), "通行证banli"))]
    pad.close()


@pytest.mark.parametrize("size", [(1080, 1920), (768, 1366)], ids=["portrait", "narrow"])
def test_a_long_run_of_pinyin_never_widens_the_screen(qtbot, shell, size):
    shell.toggle_elderly()
    shell.resize(*size)
    qtbot.waitUntil(lambda: shell.width() == size[0])
    shell.show_view(VIEW, lambda _i: None)
    QApplication.processEvents()
    if not [k for k in shell.stack.findChildren(Keyboard) if k.isVisible()]:
        qtbot.mouseClick(field(shell), Qt.MouseButton.LeftButton)
    keys(qtbot, shell, "woxiangbanligangaotongxingzhengheshenfenzheng")  # 40 letters are kept
    QApplication.processEvents()
    assert (shell.width(), shell.height()) == size
    stack = on_shell(shell, shell.stack)
    for b in shell.stack.findChildren(QPushButton):
        if b.isVisible():
            assert stack.contains(on_shell(shell, b)), b.objectName()
    assert candidates(shell)  # the phrase guess (elided if need be) and the first syllable's
    if SHOTS.is_dir():
        shell.grab().save(str(SHOTS / f"keyboard_long_{size[0]}x{size[1]}.png"))


def test_the_kiosk_font_draws_every_key_and_every_character_of_the_table(qtbot):
    """Symbols and the bar's page arrows are no tr() text (test_demo_and_fonts checks those), and
    a candidate may be any character of the table: none may show as an empty box."""
    from PySide6.QtGui import QFontMetrics

    from kiosk.ui import keyboard
    from kiosk.ui.app import application
    from kiosk.ui.theme import app_font

    application()
    metrics = QFontMetrics(app_font())
    shown = set("◀▶" + keyboard.DIGITS + "".join(keyboard.LETTER_ROWS))
    for table in (keyboard.PUNCT, keyboard.SYMBOLS):
        shown |= {c for rows in table.values() for row in rows for c in row}
    shown |= {c for words in keyboard.dictionary().entries.values() for w, _f in words for c in w}
    missing = sorted(c for c in shown if not metrics.inFontUcs4(ord(c)))
    assert not missing, f"no glyph for {len(missing)}: {''.join(missing[:40])}"


def test_the_keyboard_and_its_table_load_only_with_a_text_screen():
    """Not at start, nor with the Pick screen's module: with the first screen that has a field."""
    import subprocess
    import sys

    code = """
import sys
from kiosk.ui.app import application
app = application()
from flows.views import Choose, Pick
from kiosk.ui.screens import screen_class
screen_class(Choose), screen_class(Pick)
print(sorted(m for m in ("kiosk.ui.keyboard", "kiosk.ui.pinyin") if m in sys.modules))
"""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stderr[-2000:]
