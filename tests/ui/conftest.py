"""A shell on the offscreen platform, with a fake clock and devices the test chooses."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from core.clock import FakeClock
from devices.manager import build_devices
from flows.catalog import CATALOG
from kiosk.alerts import Alerts
from kiosk.app import Kiosk
from kiosk.config import DEVICE_KINDS, load
from tests.queue.helpers import Db, database

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell


def make_kiosk(
    tmp_path: Path,
    devices: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
    **overrides: Any,
) -> Kiosk:
    # the hall database (journeys, staff audit) in tmp_path, not the working folder's var/data
    defaults = {
        "kiosk.voice": False,
        # tests tap the moment a screen shows; the guard against a tap meant for the screen
        # before has its own tests (test_reissue_journey.py), which turn it on
        "kiosk.tap_guard": 0.0,
        "kiosk.services": ["demo", "certificate"],
        "kiosk.data_dir": str(tmp_path / "data"),
    }
    config = load(None, {**defaults, **overrides})
    settings = {k: {"driver": "none"} for k in DEVICE_KINDS}
    settings.update(devices or {})
    clock = FakeClock()
    mgr = build_devices(settings, extra_drivers=extra or {})
    mgr.start()
    return Kiosk(config, clock, Alerts(None), mgr, dict(CATALOG), runtime_dir=tmp_path / "run")


@pytest.fixture
def kiosk(tmp_path):
    k = make_kiosk(tmp_path)
    yield k
    k.stop()


def shown_shell(qtbot: Any, kiosk: Kiosk) -> Shell:
    """The kiosk's window on `kiosk`, portrait 1080x1920, shown (not in kiosk mode: tests close it)."""
    from kiosk.ui.app import application
    from kiosk.ui.shell import Shell, install

    application()
    s = Shell(kiosk, kiosk_mode=False)
    install(s)
    s.resize(1080, 1920)
    qtbot.addWidget(s)
    s.show()
    return s


@pytest.fixture
def shell(qtbot, kiosk):
    s = shown_shell(qtbot, kiosk)
    s.refresh_home()
    yield s
    s.shutdown()


ROOT = Path(__file__).resolve().parents[2]


def simulated_kiosk(tmp_path: Path, services: list[str], **overrides: Any) -> Kiosk:
    """The app as `make run` builds it (real drivers on simulators), in tmp_path, on a fake clock."""
    from kiosk.app import build

    config = load(
        ROOT / "resources/config/simulate.toml",
        {
            "kiosk.services": services,
            "kiosk.voice": False,
            "kiosk.data_dir": str(tmp_path / "data"),
            "kiosk.runtime_dir": str(tmp_path / "run"),
            "log.dir": str(tmp_path / "log"),
            "health.status_file": str(tmp_path / "health.json"),
            # journeys' own tests end at their last screen; the rating asked after every
            # journey has its tests (test_ratings_ui.py), which turn it on
            "ratings.ask_after_journeys": False,
            "kiosk.tap_guard": 0.0,  # as make_kiosk
            **overrides,
        },
    )
    return build(config, simulate=True, clock=FakeClock())


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Db]:
    """An empty hall database; a test picks one engine with parametrize(indirect=True)."""
    with database(request.param, tmp_path) as d:
        yield d


def held(monkeypatch, cls: type, name: str) -> tuple[threading.Event, list[str]]:
    """`cls.name` waits for the returned event before it reads; the list names the thread of
    each call (on the GUI thread the wait would freeze the screen until released)."""
    gate, calls = threading.Event(), []
    real = getattr(cls, name)

    def slow(*args: Any, **kwargs: Any) -> Any:
        calls.append(threading.current_thread().name)
        gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(cls, name, slow)
    return gate, calls
