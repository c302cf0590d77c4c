"""Composition root (no Qt): config -> logs, alerts, devices (and simulators), the systems we do
not own (clients, reachability probes; reference servers in simulate mode), the journal and its
reconciler, services."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import code_cache
from core.clock import Clock, SystemClock
from core.text import Text, tr
from devices.base import DeviceEvent, State
from devices.manager import DeviceManager, build_devices, load_object
from flows.catalog import CATALOG
from flows.session import Session, purge_stale
from flows.spec import FlowSpec
from kiosk import __version__, logs
from kiosk.alerts import Alerts
from kiosk.config import DEVICE_KINDS, Config
from kiosk.health import write_status
from kiosk.home import DEVICE_NAMES
from kiosk.voice import DEGRADED, Voice, VoiceStatus

if TYPE_CHECKING:
    from flows.runtime import FlowContext

log = logging.getLogger(__name__)
# how long stop() waits for a start-up still under way (a database that does not answer)
STARTING_PATIENCE = 30.0


@dataclass
class Kiosk:
    """The composed kiosk: config, clock, alerts, devices, the catalog and the services."""

    config: Config
    clock: Clock
    alerts: Alerts
    devices: DeviceManager
    catalog: dict[str, FlowSpec]
    simulators: dict[str, Any] = field(default_factory=dict)  # device kind -> its pty simulator
    # --simulate: the platform and payment reference servers (backends.simulate.Simulated)
    reference_servers: Any = None
    services: dict[str, Any] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)
    runtime_dir: Path = Path("var/run")
    voice: Voice = field(default_factory=lambda: Voice(enabled=False))
    tracking_server: Any = None  # simulate mode: the ticket tracking page on loopback
    deferred: Callable[[], None] | None = None  # start-up left for after the first paint
    _starting: threading.Thread | None = field(default=None, init=False, repr=False)

    def new_context(
        self,
        elderly: bool = False,
        language: Callable[[], str] = lambda: "zh",
        translate: Callable[[Text], str] = str,
    ) -> FlowContext:
        """A journey's context. The scanner forgets the code it read last, so a slip scanned
        again in a new journey (after its pickup) is read, not dropped as a held repeat."""
        scanner = self.devices.get("scanner")
        if scanner is not None and scanner.status.usable:
            scanner.submit(lambda d: d.forget_last())
        from flows.runtime import FlowContext  # with the first journey: not on the first paint's path

        return FlowContext(
            clock=self.clock,
            session=Session(self.runtime_dir),
            config=self.config,
            devices=self.devices,
            services=self.services,
            elderly=elderly,
            language=language,
            translate=translate,
        )

    def health(self, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        return {
            "version": __version__,
            "kiosk_id": self.config["kiosk"]["kiosk_id"],
            "uptime_s": round(time.monotonic() - self.started),
            "devices": {d.name: d.status.as_json() for d in self.devices},
            "voice": self.voice.status.as_json(),
            "backends": reach.as_json() if (reach := self.services.get("backends")) is not None else {},
            "alerts": [
                {**a.to_json(), "acknowledged": self.alerts.acknowledged(a)} for a in self.alerts.active()
            ],
            # journal items needing a hand, the last staff visit (read by a thread of their own)
            **(remote.as_json() if (remote := self.services.get("remote")) is not None else {}),
            **(extra or {}),
        }

    def write_health(self, extra: dict[str, Any] | None = None) -> None:
        write_status(self.config.resolve(self.config["health"]["status_file"]), self.health(extra))

    def start_deferred(self, done: Callable[[], None]) -> None:
        """Run the start-up left for after the first paint on a thread of its own (imports and
        migrations would hold the GUI), then `done` (on that thread)."""
        deferred, self.deferred = self.deferred, None
        if deferred is None:
            return

        def work() -> None:
            try:
                deferred()
            except Exception:  # the services stay off with their reasons; staff see the log
                log.exception("start-up after first paint failed")
            done()
            code_cache.save()  # for the next start's dataclasses and PySide support

        self._starting = threading.Thread(target=work, name="start-after-paint", daemon=True)
        self._starting.start()

    def stop(self) -> None:
        if self._starting is not None:  # stopped soon after boot: let it finish starting first
            self._starting.join(STARTING_PATIENCE)
            if self._starting.is_alive():  # what it starts later dies with the process
                log.warning("start-up still under way after %.0f s; stopping without it", STARTING_PATIENCE)
        self.voice.stop()
        for name in (
            "remote",
            "reconciler",
            "backends",
            "overdue",
            "journeys",
        ):  # threads using clients and the database
            if (service := self.services.get(name)) is not None:
                service.stop()
        for name in ("platform", "payment"):
            if (client := self.services.get(name)) is not None:
                client.close()
        lockers = self.services.get("lockers")
        if lockers is not None:
            lockers.stop()
        self.devices.stop()
        for sim in self.simulators.values():
            sim.stop()
        if self.reference_servers is not None:
            self.reference_servers.stop()
        if self.tracking_server is not None:
            self.tracking_server.stop()


def _start_simulators(config: Config, runtime_dir: Path) -> tuple[Config, dict[str, Any]]:
    """Start a protocol simulator per configured device and point the real driver at it."""
    sims: dict[str, Any] = {}
    for kind in DEVICE_KINDS:
        settings = config.device(kind)
        if settings.get("driver", "none") == "none":
            continue
        try:
            import importlib

            cls = load_object(importlib.import_module(f"devices.{kind}").SIMULATOR)
            sim = cls(runtime_dir / "sim" / kind, settings)
            sim.start()
        except Exception as e:  # the device will show offline with its own reason
            log.error("simulator for %s failed to start: %s", kind, e)
            continue
        sims[kind] = sim
        for key, value in sim.settings_overrides().items():
            config = config.replace(f"devices.{kind}.{key}", value)
    return config, sims


def _start_reference_servers(config: Config) -> tuple[Config, Any]:
    """Simulate mode: the platform and payment reference servers on loopback, clients pointed there."""
    from backends import simulate

    try:
        sim = simulate.start()
    except Exception as e:  # the services that need them show off with the reason
        log.error("reference servers failed to start: %s", e)
        return config, None
    config = config.replace("backends.platform_url", sim.platform_url)
    return config.replace("backends.payment_url", sim.payment_url), sim


def _open_backends(config: Config, alerts: Alerts) -> dict[str, Any]:
    """A client per configured system and the probes that gate the services needing them (a
    kiosk with neither, such as an entrance ticket machine, never loads httpx)."""
    from backends.reachability import SYSTEM_NAMES, Reach, Reachability

    bcfg = config["backends"]
    timeouts = {"timeout": bcfg["timeout"], "connect_timeout": bcfg["connect_timeout"]}
    services: dict[str, Any] = {}
    if bcfg["platform_url"]:
        from backends.platform.client import PlatformClient

        services["platform"] = PlatformClient(bcfg["platform_url"], **timeouts)
    if bcfg["payment_url"]:
        from backends.payment.client import PaymentClient

        services["payment"] = PaymentClient(bcfg["payment_url"], **timeouts)
    reach = Reachability({name: c.healthy for name, c in services.items()}, bcfg["probe_interval"])

    def on_change(name: str, status: Reach) -> None:
        if status.up:
            alerts.clear(name, "unreachable")
        else:
            why = tr("{system}：{why}", system=SYSTEM_NAMES.get(name, name), why=status.reason)
            alerts.raise_(name, "unreachable", why, "critical")

    reach.subscribe(on_change)
    services["backends"] = reach
    return services


def _open_journal(config: Config, services: dict[str, Any], alerts: Alerts, engine: Any) -> dict[str, Any]:
    """The journal, and its reconciler for what the platform and gateway left open (at start
    with no grace, then every few minutes)."""
    from hall.db import migrate
    from hall.journal import Journal
    from hall.reconcile import Reconciler
    from hall.saga import PaidApplication

    migrate(engine)
    journal = Journal(engine, config["kiosk"]["kiosk_id"])
    paid = None
    if "platform" in services and "payment" in services:
        paid = PaidApplication(journal, services["platform"], services["payment"])
    out: dict[str, Any] = {"journal": journal, "reconciler": Reconciler(journal, paid, alerts.raise_)}
    if paid is not None:
        out["paid_application"] = paid
    return out


def _alert_on_status(alerts: Alerts) -> Any:
    def on_event(ev: DeviceEvent) -> None:
        if ev.kind != "status":
            return
        status = ev.payload
        name = DEVICE_NAMES.get(ev.device, ev.device)
        for state in (State.DEGRADED, State.FAULT, State.OFFLINE):
            if status.state is not state:
                alerts.clear(ev.device, state.value)
        if status.state is not State.OK:
            severity = "warning" if status.state is State.DEGRADED else "critical"
            alerts.raise_(
                ev.device, status.state.value, tr("{device}：{why}", device=name, why=status.reason), severity
            )

    return on_event


def _alert_on_voice(alerts: Alerts) -> Callable[[VoiceStatus], None]:
    """Staff hear when the kiosk can no longer speak (citizens who cannot read rely on it)."""

    def on_status(status: VoiceStatus) -> None:
        if status.state == DEGRADED:
            alerts.raise_("voice", DEGRADED, tr("语音播报不可用：{why}", why=status.reason))
        else:
            alerts.clear("voice", DEGRADED)

    return on_status


def _engine(config: Config) -> Any:
    """One engine (one connection pool) per database for the whole app."""
    from hall.db import open_engine
    from hall.queue.factory import database_url

    return open_engine(database_url(config, config.resolve))


def _open_queue(config: Config, clock: Clock, alerts: Alerts, engine: Any) -> Any:
    from hall.queue.errors import QueueError
    from hall.queue.factory import open_queue

    try:
        return open_queue(config, clock, resolve=config.resolve, engine=engine)
    except QueueError as e:  # the ticket service shows off with a reason; staff are told
        alerts.raise_("queue", e.code, e.reason, "critical")
        return None


def _open_ratings(config: Config, clock: Clock, alerts: Alerts, engine: Any) -> Any:
    """Ratings and 办不成事 reports; None (journeys skip the rating, the tile is off) when the
    database cannot be used. Phone numbers past retention are erased at every start."""
    from hall.ratings.settings import parse_settings
    from hall.ratings.store import Ratings

    try:
        store = Ratings(
            engine,
            clock,
            config["kiosk"]["timezone"],
            kiosk_id=config["kiosk"]["kiosk_id"],
            settings=parse_settings(config["ratings"], config["queue"]),
        ).prepare()
        store.erase_old_phones()
        from kiosk.maintenance.followups import overdue_alert

        overdue_alert(store, alerts)
        return store
    except Exception as e:
        log.exception("ratings unavailable")
        alerts.raise_("ratings", "unavailable", tr("评价系统不可用：{err}", err=str(e)), "warning")
        return None


def _open_tracking(kiosk: Kiosk, config: Config, engine: Any, simulate: bool) -> Any:
    """The links ticket QR codes hold; simulate mode serves their page on loopback (a real hall
    runs `python -m hall.tracking serve` on its server and sets [tracking] base_url)."""
    from hall.queue.factory import key_path
    from hall.queue.identity import load_or_create_key
    from hall.tracking.links import TicketLinks

    tcfg = config["tracking"]
    key = load_or_create_key(key_path(config, config.resolve))
    base = tcfg["base_url"]
    if simulate and not base:
        from hall.tracking.server import serve

        names = {s["code"]: (s["name_zh"], s["name_en"] or s["name_zh"]) for s in config["queue"]["services"]}
        try:
            kiosk.tracking_server = serve(
                engine, TicketLinks(key, ""), names, refresh=tcfg["refresh"], clock=kiosk.clock
            )
            base = kiosk.tracking_server.url
        except Exception as e:  # tickets carry their number only
            log.error("tracking page failed to start: %s", e)
    return TicketLinks(key, base)


def _open_lockers(config: Config, kiosk: Kiosk, alerts: Alerts, clock: Clock, engine: Any) -> Any:
    """The compartment inventory: map synced, a crash reconciled (never by opening), doors watched."""
    from hall.db import migrate
    from hall.lockers import Lockers

    try:
        migrate(engine)
        return Lockers.for_kiosk(
            engine,
            kiosk.devices["locker"],
            config.device("locker"),
            wall=config["kiosk"]["kiosk_id"],
            alerts=alerts,
            clock=clock,
        )
    except Exception as e:  # the kiosk runs on; staff are told the locker wall is not managed
        log.exception("locker inventory unavailable")
        alerts.raise_(
            "locker", "inventory_unavailable", tr("取件柜库存不可用：{err}", err=str(e)), "critical"
        )
        return None


def _open_handover(services: dict[str, Any]) -> None:
    """Cards into and out of the lockers, the platform told (now, or by the reconciler later)."""
    from hall.lockers.handover import KINDS, Handover

    if services.get("lockers") is None:
        return
    handover = services["handover"] = Handover(services["lockers"], services.get("platform"))
    if (reconciler := services.get("reconciler")) is not None:
        for kind in KINDS:
            reconciler.add_settler(kind, handover.settle)


def _remote_view(config: Config, services: dict[str, Any], engine: Any) -> Any:
    """Journal items needing a hand and the last staff visit, for the health file."""
    from kiosk.remote_view import for_kiosk

    every = max(30.0, float(config["health"]["interval"]))
    grace = float(config["staff"]["journal_grace"])
    return for_kiosk(engine, services.get("journal"), config["kiosk"]["kiosk_id"], grace, every)


def _start_rest(
    kiosk: Kiosk, config: Config, clock: Clock, alerts: Alerts, start: bool, simulate: bool = False
) -> None:
    """What the first painted home does not need: the log file, backends, databases, device and
    voice start-up."""
    logs.open_file()
    devices, kcfg = kiosk.devices, config["kiosk"]
    kiosk.services.update(_open_backends(config, alerts))
    engine = _engine(config)
    if "queue" in kcfg["services"]:
        kiosk.services["queue"] = _open_queue(config, clock, alerts, engine)
        if kiosk.services["queue"] is not None:
            kiosk.services["tracking"] = _open_tracking(kiosk, config, engine, simulate)
    kiosk.services["ratings"] = _open_ratings(config, clock, alerts, engine)
    try:
        kiosk.services.update(_open_journal(config, kiosk.services, alerts, engine))
    except Exception as e:  # the kiosk runs on; paid services are off (no journal, no payment)
        log.exception("journal unavailable")
        alerts.raise_("journal", "unavailable", tr("业务日志不可用：{err}", err=str(e)), "critical")
    if "a4printer" in devices and "reconciler" in kiosk.services:
        # a certificate job a crash left in CUPS is asked about and, if not printed, withdrawn;
        # a fee paid for a certificate that did not print is refunded
        from hall.certificate_prints import FEE, PRINT, CertificatePrints

        prints = CertificatePrints(
            kiosk.services["journal"], devices["a4printer"], kiosk.services.get("paid_application")
        )
        for kind in (FEE, PRINT):
            kiosk.services["reconciler"].add_settler(kind, prints.settle)
    kiosk.services["remote"] = _remote_view(config, kiosk.services, engine)
    if start:
        kiosk.services["remote"].start()
        if "printer" in devices:
            from devices.printer.escpos_cache import use_cache

            use_cache(kiosk.runtime_dir / "escpos")  # before the driver imports python-escpos
        devices.start()
        kiosk.voice.start()
        kiosk.services["backends"].start()
        if kiosk.services["ratings"] is not None:
            from kiosk.maintenance.followups import OverdueWatch

            every = config["ratings"]["overdue_check_every"]
            kiosk.services["overdue"] = OverdueWatch(kiosk.services["ratings"], alerts, every)
            kiosk.services["overdue"].start()
    if "locker" in devices:
        kiosk.services["lockers"] = _open_lockers(config, kiosk, alerts, clock, engine)
        _open_handover(kiosk.services)
    if start and "reconciler" in kiosk.services:
        kiosk.services["reconciler"].start(config["backends"]["reconcile_every"])


def build(
    config: Config,
    *,
    simulate: bool = False,
    clock: Clock | None = None,
    start: bool = True,
    defer: bool = False,
) -> Kiosk:
    """defer: leave databases and device start-up to `kiosk.deferred()` (run after first paint)."""
    kcfg = config["kiosk"]
    runtime_dir = config.resolve(kcfg["runtime_dir"])
    data_dir = config.resolve(kcfg["data_dir"])
    lcfg = config["log"]
    # deferred, the file is opened after the first paint (its lines are kept until then)
    logs.setup(
        config.resolve(lcfg["dir"]), lcfg["level"], lcfg["max_bytes"], lcfg["backups"], open_later=defer
    )
    stale = purge_stale(runtime_dir)
    if stale:
        log.warning("removed %d session folders left by an earlier crash", stale)
    sims: dict[str, Any] = {}
    servers = None
    if simulate:
        config, sims = _start_simulators(config, runtime_dir)
        config, servers = _start_reference_servers(config)
    clock = clock or SystemClock()
    alerts = Alerts(data_dir / "alerts.jsonl", kcfg["kiosk_id"], config["health"]["alert_webhook"])
    devices = build_devices({k: config.device(k) for k in DEVICE_KINDS})
    on_status = _alert_on_status(alerts)
    for dev in devices:
        dev.subscribe(on_status)
    voice = Voice(kcfg["voice"])
    voice.subscribe(_alert_on_voice(alerts))
    kiosk = Kiosk(config, clock, alerts, devices, dict(CATALOG), sims, runtime_dir=runtime_dir, voice=voice)
    kiosk.reference_servers = servers
    rest = partial(_start_rest, kiosk, config, clock, alerts, start, simulate)
    if defer:  # the UI runs it after the first painted home (see kiosk.ui.app.after_first_paint)
        kiosk.deferred = rest
    else:
        rest()
    log.info("kiosk %s started (version %s, simulate=%s)", kcfg["kiosk_id"], __version__, simulate)
    return kiosk
