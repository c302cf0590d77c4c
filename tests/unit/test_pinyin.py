"""The keyboard's pinyin table and lookup (kiosk/ui/pinyin.py), Qt-free: what a citizen typing
pinyin is offered, and how many of the typed letters a choice uses up."""

from __future__ import annotations

import pytest

from kiosk.ui.pinyin import Candidate, Dictionary


@pytest.fixture(scope="module")
def table() -> Dictionary:
    return Dictionary.load()


def texts(d: Dictionary, letters: str, n: int = 8) -> list[str]:
    return [c.text for c in d.candidates(letters)[:n]]


def test_syllables_are_cut_longest_first_and_partial_at_the_end(table):
    assert table.segment("zhongguo") == ["zhong", "guo"]
    assert table.segment("fangan") == ["fang", "an"]
    assert table.segment("xian") == ["xian"]
    assert table.segment("zhongg") == ["zhong", "g"]
    assert table.segment("bj") == ["b", "j"]
    assert table.segment("zhongi") == ["zhong"]  # no syllable begins with i: the cut ends there
    assert table.segment("") == []


def test_the_commonest_come_first(table):
    assert texts(table, "shi", 3) == ["是", "时", "市"]
    assert texts(table, "le", 1) == ["了"]  # 了 under le, far above its reading liao
    assert texts(table, "liao", 10).index("了") > 0
    assert texts(table, "lv", 4)[:1] == ["律"] and "绿" in texts(table, "lv", 8)  # ü typed as v


def test_words_for_all_the_letters_then_for_fewer_then_characters(table):
    found = table.candidates("shenfenzheng")
    assert found[0] == Candidate("身份证", 12)
    assert Candidate("身份", 7) in found and Candidate("身", 4) in found
    assert found.index(Candidate("身份", 7)) < found.index(Candidate("身", 4))


def test_initials_and_an_unfinished_syllable_find_words(table):
    assert "北京" in texts(table, "bj", 3)
    assert texts(table, "zhongg", 1) == ["中国"]


def test_a_service_halls_words_and_a_whole_phrase(table):
    assert texts(table, "quhaoji", 1) == ["取号机"]
    assert texts(table, "gangaotongxingzheng", 1) == ["港澳通行证"]
    assert texts(table, "pingmufanguang", 1) == ["屏幕反光"]  # two words guessed as one phrase
    assert texts(table, "dengdaitaijiu", 1) == ["等待太久"]
    assert texts(table, "woyaobanshebaoka", 1) == ["我要办社保卡"]  # not 腰板, a word too rare to guess


def test_letters_nothing_begins_with_give_nothing(table):
    assert table.candidates("i") == [] and table.candidates("") == []


def test_without_its_table_the_keyboard_still_types_letters(monkeypatch, tmp_path):
    """A bundle that lost resources/ime: no Chinese offered, and no crash on the GUI thread."""
    from kiosk.ui import keyboard

    monkeypatch.setattr(keyboard, "_loaded", None)
    monkeypatch.setattr(keyboard, "_loading", None)

    def missing(cls, path=tmp_path / "pinyin.tsv.gz"):
        raise FileNotFoundError(path)

    monkeypatch.setattr(Dictionary, "load", classmethod(missing))
    empty = keyboard.dictionary()
    assert empty.candidates("zhongguo") == [] and empty.segment("zhongguo") == []
