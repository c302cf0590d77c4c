"""The app opens the ratings store and the tracking links from config: a hall's base URL goes
into the links; a ratings database that cannot be opened turns the 办不成事 tile off with the
reason and raises a staff alert, and journeys then end without a rating."""

from __future__ import annotations

from pathlib import Path

from core.clock import FakeClock
from devices.base import OK
from kiosk.app import build
from kiosk.config import load
from kiosk.home import tiles


def config(tmp_path: Path, **overrides: object):  # type: ignore[no-untyped-def]
    return load(
        None,
        {
            "kiosk.voice": False,
            "kiosk.services": ["queue", "unresolved"],
            "kiosk.data_dir": str(tmp_path / "data"),
            "kiosk.runtime_dir": str(tmp_path / "run"),
            "log.dir": str(tmp_path / "log"),
            "health.status_file": str(tmp_path / "health.json"),
            **overrides,
        },
    )


def test_the_hall_base_url_goes_into_the_ticket_links(tmp_path: Path) -> None:
    kiosk = build(
        config(tmp_path, **{"tracking.base_url": "https://hall.example.cn/q/"}),
        clock=FakeClock(),
        start=False,
    )
    try:
        links = kiosk.services["tracking"]
        day = kiosk.services["queue"].today()
        assert links.url(day, "B001") == f"https://hall.example.cn/q/t/{day}/B001/{links.token(day, 'B001')}"
        assert kiosk.tracking_server is None  # a real hall serves the page itself
        assert kiosk.services["ratings"] is not None
        [tile] = tiles(["unresolved"], kiosk.catalog, lambda _k: OK, kiosk.services)
        assert tile.available
    finally:
        kiosk.stop()


def test_a_ratings_database_that_cannot_open_turns_the_tile_off_and_tells_staff(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "hall.db").write_bytes(b"this is not a database" * 100)
    kiosk = build(config(tmp_path), clock=FakeClock(), start=False)
    try:
        assert kiosk.services["ratings"] is None
        [tile] = tiles(["unresolved"], kiosk.catalog, lambda _k: OK, kiosk.services)
        assert not tile.available and str(tile.reason) == "暂时无法登记，请到服务台反映"
        assert any(a.source == "ratings" for a in kiosk.alerts.active())
    finally:
        kiosk.stop()


def test_items_past_their_deadline_raise_a_staff_alert_at_start(tmp_path: Path) -> None:
    from datetime import timedelta

    kiosk = build(config(tmp_path, **{"ratings.followup_days": 1}), clock=FakeClock(), start=False)
    kiosk.services["ratings"].report_unresolved("想办护照")
    kiosk.stop()
    assert not [a for a in kiosk.alerts.active() if a.code == "overdue"]
    later = FakeClock(FakeClock().now() + timedelta(days=5))
    kiosk = build(config(tmp_path, **{"ratings.followup_days": 1}), clock=later, start=False)
    try:
        [alert] = [a for a in kiosk.alerts.active() if a.code == "overdue"]
        assert "1 项" in str(alert.message)
    finally:
        kiosk.stop()
