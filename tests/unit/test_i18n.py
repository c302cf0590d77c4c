"""Every marked string has an English translation, and the compiled .qm matches the .ts."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources/i18n/en.ts"
BIN = Path(sys.executable).parent


def sources_in_code(tmp_path: Path) -> set[str]:
    files = [
        str(p)
        for d in ("core", "kiosk", "flows", "devices", "hall", "backends")
        for p in (ROOT / d).rglob("*.py")
    ]
    out = tmp_path / "scan.ts"
    subprocess.run([str(BIN / "pyside6-lupdate"), *files, "-ts", str(out)], check=True, capture_output=True)
    return {m.findtext("source") or "" for m in ET.parse(out).iter("message")}


def test_every_marked_string_is_translated(tmp_path):
    translated = {m.findtext("source"): m.find("translation") for m in ET.parse(TS).iter("message")}
    missing = sorted(s for s in sources_in_code(tmp_path) if s not in translated)
    assert not missing, f"run `make i18n` and translate: {missing}"
    unfinished = sorted(
        s for s, t in translated.items() if t is None or t.get("type") == "unfinished" or not t.text
    )
    assert not unfinished, f"untranslated in en.ts: {unfinished}"


def test_compiled_translations_are_current(tmp_path):
    shutil.copy(TS, tmp_path / "en.ts")
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(tmp_path / "en.ts"), "-qm", str(tmp_path / "en.qm")],
        check=True,
        capture_output=True,
    )
    assert (tmp_path / "en.qm").read_bytes() == (ROOT / "resources/i18n/en.qm").read_bytes(), "run make i18n"


def test_english_counts_read_right_at_one():
    """A stranger saw "1 copies" on the certificate screen: a count in English either takes its
    noun after a colon or is never 1; no guessed plurals like page(s) or copy(ies)."""
    from core.text import tr
    from kiosk.ui.i18n import english

    ones = [
        tr("{n} 份", n=1),
        tr("共 {sheets} 张 A4 纸", sheets=1),
        tr("您前面还有 {n} 人，预计等候约 {m} 分钟", n=1, m=1),
        tr("还剩 {n} 秒", n=1),
    ]
    said = [english(t) for t in ones]
    for wrong in ("1 copies", "1 sheets", "1 people", "1 seconds", "1 minutes"):
        assert not any(wrong in s for s in said), said
    assert all(any(c.isascii() and c.isalpha() for c in s) for s in said), said  # English, not the source
    guessed = [
        t
        for m in ET.parse(TS).iter("message")
        if "(s)" in (t := m.findtext("translation") or "") or "(ies)" in t
    ]
    assert not guessed, guessed


def test_english_quotes_are_ascii():
    """The kiosk's CJK font draws “ ” full width: English help read ' “Skip” ' with wide gaps."""
    curly = [
        t
        for m in ET.parse(TS).iter("message")
        if any(q in (t := m.findtext("translation") or "") for q in "“”‘’")
    ]
    assert not curly, curly
