"""The headless demo writes every screen; the font draws every Chinese character we show."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QFontMetrics

from tests.qr import read_qr

ROOT = Path(__file__).resolve().parents[2]


def test_demo_writes_a_png_per_screen_and_an_index(tmp_path):
    out = tmp_path / "demo"
    r = subprocess.run(
        [
            sys.executable,
            "run_kiosk.py",
            "--config",
            "resources/config/simulate.toml",
            "--simulate",
            "--demo",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-3000:]
    pngs = sorted(p.name for p in out.glob("*.png"))
    for expected in (
        "home",
        "home-english",
        "home-elderly",
        "idle-countdown",
        "attract",
        "error",
        "help",
        "queue-services",
        "queue-ticket",
        "simulator-panel",
        "pickup-staff-loaded",
        "pickup-door",
        "pickup-done",
        "pickup-used",
        "maint-keypad",
        "maint-overview",
        "maint-printer",
        "maint-camera",
        "maint-readers",
        "maint-lockers",
        "maint-locker-reasons",
        "maint-queue",
        "maint-journal",
        "maint-journal-settled",
        "maint-logs",
        "maint-overview-english",
        "maint-overview-landscape",
        "maint-shutdown",
        "reissue-keypad-check",
        "reissue-thumb",
        "reissue-review",
        "reissue-pay",
        "reissue-accepted",
        "reissue-reprint-card",
        # by name, so a walk that says "not walked" and returns fails here
        "certificate-preview",
        "certificate-printed",
        "certificate-paper-page-1",
        "certificate-check-genuine",
        "certificate-check-altered",
        "counter-idle",
        "counter-called",
        "display-board",
        "rating-pad",
        "rating-levels",
        "rating-reasons",
        "rating-consent",
        "rating-phone",
        "rating-thanks",
        "unresolved-number",
        "maint-followups",
    ):
        assert any(p.endswith(f"-{expected}.png") for p in pngs), (expected, pngs, r.stdout[-2000:])
    assert "queue-ticket-receipt.png" in pngs
    # the reissue's slip and its reprint, as printed: one signed pickup code, the same on both
    slips = [next(out.glob(f"*-{name}.png")) for name in ("reissue-slip", "reissue-slip-reprint")]
    codes = [read_qr(p) for p in slips]
    assert codes[0] == codes[1] and len(codes[0]) == 1 and codes[0][0].startswith("ZJ1.")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(p in index for p in pngs)
    # screens are real pictures, not empty files
    assert all((out / p).stat().st_size > 5000 for p in pngs)


def test_demo_at_night_with_the_default_config_shows_the_closed_queue_then_walks_on(tmp_path):
    """Outside hall hours the demo shows the queue closed, then moves its clock to the opening;
    its intentional error screen is logged as expected, without a traceback."""
    out = tmp_path / "demo"
    config = tmp_path / "kiosk.toml"
    config.write_text("[kiosk]\nvoice = false\n", encoding="utf-8")  # the default config, silent
    r = subprocess.run(
        [
            sys.executable,
            "run_kiosk.py",
            "--config",
            str(config),
            "--simulate",
            "--demo-time",
            "2026-01-05T23:30:00+08:00",  # a Monday night: every queue service is closed
            "--demo",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    said = r.stdout[-2000:] + r.stderr[-3000:]  # a stuck demo says on stdout what it waited for
    assert r.returncode == 0, said
    assert "Traceback" not in r.stdout + r.stderr and "DemoFailure" not in r.stderr, said
    pngs = sorted(p.name for p in out.glob("*.png"))
    for expected in ("queue-closed", "queue-services", "queue-ticket", "error"):
        assert any(p.endswith(f"-{expected}.png") for p in pngs), (expected, pngs, said)


def test_app_font_has_a_glyph_for_every_character_we_show(qtbot):
    from kiosk.ui.app import application
    from kiosk.ui.theme import app_font

    application()
    metrics = QFontMetrics(app_font())
    chars = set()
    for m in ET.parse(ROOT / "resources/i18n/en.ts").iter("message"):
        chars |= set(m.findtext("source") or "")
    from devices.idcard.presets import PRESETS

    for card in PRESETS.values():
        chars |= set(card.name + card.address + card.issuer)
    chars |= set("䶮")  # a rare name character (CJK Extension A) the card presets use
    missing = sorted(c for c in chars if not c.isspace() and not metrics.inFontUcs4(ord(c)))
    assert not missing, f"no glyph for: {''.join(missing)}"
