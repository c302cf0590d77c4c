"""Home tiles: a configured service this build has no journey for yet says it is coming, not
that the kiosk refuses it; every service of the "everything simulated" config is built."""

from __future__ import annotations

from pathlib import Path

from devices.base import DeviceStatus, State
from flows.catalog import CATALOG
from kiosk.config import load
from kiosk.home import tiles
from kiosk.ui.i18n import Languages, ui

ROOT = Path(__file__).resolve().parents[2]


def test_services_not_in_this_build_say_coming_in_both_languages(qtbot) -> None:  # type: ignore[no-untyped-def]
    simulated = load(ROOT / "resources/config/simulate.toml")["kiosk"]["services"]
    assert all(s in CATALOG for s in simulated), "make run offers only built journeys"
    services = [*simulated, "marriage_record"]  # a hall's config may name one not built yet
    shown = tiles(services, CATALOG, lambda _kind: DeviceStatus(State.OK), {})
    coming = [t for t in shown if t.key not in CATALOG]
    assert [t.key for t in coming] == ["marriage_record"]
    languages = Languages()
    languages.set("en")
    try:
        for t in coming:
            assert not t.available
            assert str(t.reason) == "即将开通，敬请期待"
            assert ui(t.reason) == "Coming soon"
    finally:
        languages.set("zh")
    built = [t for t in shown if t.key in CATALOG]
    assert [t.key for t in built] == [s for s in services if s in CATALOG]
