"""The app with the systems we do not own: --simulate starts both reference servers on loopback
and points the clients at them; their reachability is in the health file, gates the services
that declare them on home, and reaches staff as an alert; a step already paid waits in the
journal while the platform is down and the reconciler forwards it when it is back."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from backends.payment.api import Mode
from backends.platform.api import AppState, Kind
from backends.platform.client import PlatformClient
from backends.refserver import Running
from backends.simulate import Simulated
from core.text import tr
from devices.base import DeviceStatus, State
from flows.runtime import FlowSpec
from hall.journal import DONE
from hall.saga import PAYMENT, SUBMITTED, WAITING
from kiosk.app import Kiosk, build
from kiosk.config import load
from kiosk.home import tiles
from tests.backends.support import AUTH, WANG, live_jpeg
from tests.backends.support import servers as support_servers

# a service that needs both systems (the reissue, certificate and pickup journeys will)
PAID_SERVICE = FlowSpec("paid", tr("补领"), tr(""), lambda ctx: iter(()), backends=("platform", "payment"))


def wait_for(check: Callable[[], bool], what: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(0.02)


@pytest.fixture
def kiosk(tmp_path: Path) -> Iterator[Kiosk]:
    config = load(
        None,
        {
            "kiosk.voice": False,
            "kiosk.data_dir": str(tmp_path / "data"),
            "kiosk.runtime_dir": str(tmp_path / "run"),
            "log.dir": str(tmp_path / "log"),
            "health.status_file": str(tmp_path / "health.json"),
            "devices.idcard.driver": "none",
            "devices.printer.driver": "none",
        },
    )
    k = build(config, simulate=True)
    try:
        yield k
    finally:
        k.stop()


def servers(kiosk: Kiosk) -> Simulated:
    sim = kiosk.reference_servers
    assert isinstance(sim, Simulated)
    return sim


def platform_down(kiosk: Kiosk) -> None:
    servers(kiosk).platform_server.stop()
    kiosk.services["backends"].probe()


def platform_back(kiosk: Kiosk) -> None:
    sim = servers(kiosk)
    sim.platform_server = Running(sim.platform.app(), sim.platform_server.port).start()
    kiosk.services["backends"].probe()


def paid_tile(kiosk: Kiosk):  # type: ignore[no-untyped-def]
    (tile,) = tiles(["paid"], {"paid": PAID_SERVICE}, lambda _: DeviceStatus(State.OK), kiosk.services)
    return tile


def test_simulate_points_the_clients_at_the_reference_servers_and_stops_them(kiosk: Kiosk) -> None:
    sim = servers(kiosk)
    assert kiosk.config["backends"]["platform_url"] == sim.platform_url
    assert kiosk.config["backends"]["payment_url"] == sim.payment_url
    reach = kiosk.services["backends"]
    wait_for(lambda: reach.status("platform").up and reach.status("payment").up, "probes never saw both up")
    kiosk.write_health()
    status = json.loads(Path(kiosk.config["health"]["status_file"]).read_text(encoding="utf-8"))
    assert status["backends"]["platform"]["up"] and status["backends"]["payment"]["up"]
    assert paid_tile(kiosk).available
    kiosk.stop()
    assert not PlatformClient(sim.platform_url, timeout=1, attempts=1).healthy()


def test_home_shows_a_service_off_while_a_system_it_needs_is_down(kiosk: Kiosk) -> None:
    kiosk.services["backends"].probe()
    assert paid_tile(kiosk).available
    platform_down(kiosk)
    tile = paid_tile(kiosk)
    assert not tile.available and str(tile.reason) == "政务服务平台暂不可用：暂时无法连接"
    assert ("platform", "unreachable") in [(a.source, a.code) for a in kiosk.alerts.active()]
    kiosk.write_health()
    status = json.loads(Path(kiosk.config["health"]["status_file"]).read_text(encoding="utf-8"))
    assert status["backends"]["platform"]["up"] is False
    platform_back(kiosk)
    assert paid_tile(kiosk).available
    assert ("platform", "unreachable") not in [(a.source, a.code) for a in kiosk.alerts.active()]


def test_a_service_needing_an_unconfigured_system_is_off_with_the_reason() -> None:
    (tile,) = tiles(["paid"], {"paid": PAID_SERVICE}, lambda _: DeviceStatus(State.OK), {})
    assert not tile.available and str(tile.reason) == "政务服务平台暂不可用：未配置"


def test_paid_step_waits_while_the_platform_is_down_and_is_forwarded_when_it_returns(kiosk: Kiosk) -> None:
    paid = kiosk.services["paid_application"]
    case = paid.open(WANG, Kind.REISSUE_LOST)
    paid.platform.attach_photo(case.acceptance_no, live_jpeg())
    paid.platform.attach_fingerprints(case.acceptance_no, {"R1": b"t1"})
    order = paid.pay(case, Mode.MICROPAY, AUTH)  # the reference gateway pays at once
    platform_down(kiosk)  # the network to the platform goes after the charge
    assert paid.settle(case.saga).state == WAITING
    step = kiosk.services["journal"].get(PAYMENT, order.order_no)
    assert step is not None and step.state == DONE  # the money is recorded, the saga stays open
    reconciler = kiosk.services["reconciler"]
    assert reconciler.run(timedelta(0)).waiting == [case.saga]
    platform_back(kiosk)
    assert reconciler.run(timedelta(0)).settled == {case.saga: SUBMITTED}
    assert servers(kiosk).platform.apps[case.acceptance_no].state == AppState.ACCEPTED
    assert servers(kiosk).gateway.net_fen(order.order_no) == case.fee_fen  # charged once
    assert kiosk.services["journal"].open_sagas() == []


def test_configured_urls_and_the_reconciler_at_start_finish_what_the_last_run_left(tmp_path: Path) -> None:
    """Not simulated: the clients follow [backends] in the config. A kiosk charged the citizen
    and stopped before telling the platform; the next start's reconciler submits it."""
    with support_servers() as srv:
        config = load(
            None,
            {
                "kiosk.voice": False,
                "kiosk.data_dir": str(tmp_path / "data"),
                "kiosk.runtime_dir": str(tmp_path / "run"),
                "log.dir": str(tmp_path / "log"),
                "health.status_file": str(tmp_path / "health.json"),
                "devices.idcard.driver": "none",
                "devices.printer.driver": "none",
                "backends.platform_url": srv.platform_url,
                "backends.payment_url": srv.payment_url,
            },
        )
        first = build(config)
        try:
            assert first.reference_servers is None
            paid = first.services["paid_application"]
            case = paid.open(WANG, Kind.REISSUE_LOST)
            paid.platform.attach_photo(case.acceptance_no, live_jpeg())
            paid.platform.attach_fingerprints(case.acceptance_no, {"R1": b"t1"})
            paid.pay(case, Mode.MICROPAY, AUTH)
        finally:
            first.stop()  # gone before "paid" reached the platform
        assert srv.platform.apps[case.acceptance_no].state == AppState.CREATED
        second = build(config)
        try:
            wait_for(
                lambda: srv.platform.apps[case.acceptance_no].state == AppState.ACCEPTED,
                "the reconciler at start never forwarded the paid application",
            )
            wait_for(lambda: not second.services["journal"].open_sagas(), "the saga stayed open")
        finally:
            second.stop()


def test_a_kiosk_stopped_while_it_is_still_starting_stops_cleanly(tmp_path: Path) -> None:
    """SIGTERM soon after boot: the start-up after the first paint is still opening the journal
    and starting its threads. The stop waits for it, raises nothing, and leaves none of the
    kiosk's own threads running (the reconciler was once started after the stop, or joined
    before it was started, which raised)."""
    import threading

    config = load(
        None,
        {
            "kiosk.voice": False,
            "kiosk.services": ["queue"],
            "devices.printer.driver": "none",  # no process-wide escpos cache left in tmp_path
            "kiosk.data_dir": str(tmp_path / "data"),
            "kiosk.runtime_dir": str(tmp_path / "run"),
            "log.dir": str(tmp_path / "log"),
            "health.status_file": str(tmp_path / "health.json"),
        },
    )
    kiosk = build(config, defer=True)
    done = threading.Event()
    kiosk.start_deferred(done.set)
    kiosk.stop()
    assert done.is_set(), "stop did not wait for the start-up under way"
    ours = {"start-after-paint", "journal-reconciler", "remote-view", "overdue-followups"}
    assert [t.name for t in threading.enumerate() if t.name in ours and t.is_alive()] == []
