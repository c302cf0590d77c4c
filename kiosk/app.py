"""Composition root (no Qt): config -> logs, alerts, devices (and simulators), services."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from core.clock import Clock, SystemClock
from core.text import tr
from devices.base import DeviceEvent, State
from devices.manager import DeviceManager, build_devices, load_object
from devices.printer.escpos_cache import use_cache
from flows.catalog import CATALOG
from flows.runtime import FlowContext, FlowSpec
from flows.session import Session, purge_stale
from kiosk import __version__, logs
from kiosk.alerts import Alerts
from kiosk.config import DEVICE_KINDS, Config
from kiosk.health import write_status
from kiosk.home import DEVICE_NAMES
from kiosk.voice import DEGRADED, Voice, VoiceStatus

log = logging.getLogger(__name__)


@dataclass
class Kiosk:
    config: Config
    clock: Clock
    alerts: Alerts
    devices: DeviceManager
    catalog: dict[str, FlowSpec]
    simulators: dict[str, Any] = field(default_factory=dict)
    services: dict[str, Any] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)
    runtime_dir: Path = Path("var/run")
    voice: Voice = field(default_factory=lambda: Voice(enabled=False))
    deferred: Callable[[], None] | None = None  # start-up left for after the first paint

    def new_context(self, elderly: bool = False, language: Callable[[], str] = lambda: "zh") -> FlowContext:
        return FlowContext(
            clock=self.clock,
            session=Session(self.runtime_dir),
            config=self.config,
            devices=self.devices,
            services=self.services,
            elderly=elderly,
            language=language,
        )

    def health(self, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        return {
            "version": __version__,
            "kiosk_id": self.config["kiosk"]["kiosk_id"],
            "uptime_s": round(time.monotonic() - self.started),
            "devices": {d.name: d.status.as_json() for d in self.devices},
            "voice": self.voice.status.as_json(),
            "alerts": [a.__dict__ for a in self.alerts.active()],
            **(extra or {}),
        }

    def write_health(self, extra: dict[str, Any] | None = None) -> None:
        write_status(self.config.resolve(self.config["health"]["status_file"]), self.health(extra))

    def stop(self) -> None:
        self.voice.stop()
        lockers = self.services.get("lockers")
        if lockers is not None:
            lockers.stop()
        self.devices.stop()
        for sim in self.simulators.values():
            sim.stop()


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


def _start_rest(kiosk: Kiosk, config: Config, clock: Clock, alerts: Alerts, start: bool) -> None:
    """What the first painted home does not need: the databases, device and voice start-up."""
    devices, kcfg = kiosk.devices, config["kiosk"]
    engine = _engine(config) if "queue" in kcfg["services"] or "locker" in devices else None
    if "queue" in kcfg["services"]:
        kiosk.services["queue"] = _open_queue(config, clock, alerts, engine)
    if start:
        if "printer" in devices:
            use_cache(kiosk.runtime_dir / "escpos")  # before the driver imports python-escpos
        devices.start()
        kiosk.voice.start()
    if "locker" in devices:
        kiosk.services["lockers"] = _open_lockers(config, kiosk, alerts, clock, engine)


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
    logs.setup(config.resolve(lcfg["dir"]), lcfg["level"], lcfg["max_bytes"], lcfg["backups"])
    stale = purge_stale(runtime_dir)
    if stale:
        log.warning("removed %d session folders left by an earlier crash", stale)
    sims: dict[str, Any] = {}
    if simulate:
        config, sims = _start_simulators(config, runtime_dir)
    clock = clock or SystemClock()
    alerts = Alerts(data_dir / "alerts.jsonl", kcfg["kiosk_id"], config["health"]["alert_webhook"])
    devices = build_devices({k: config.device(k) for k in DEVICE_KINDS})
    on_status = _alert_on_status(alerts)
    for dev in devices:
        dev.subscribe(on_status)
    voice = Voice(kcfg["voice"])
    voice.subscribe(_alert_on_voice(alerts))
    kiosk = Kiosk(config, clock, alerts, devices, dict(CATALOG), sims, runtime_dir=runtime_dir, voice=voice)
    rest = partial(_start_rest, kiosk, config, clock, alerts, start)
    if defer:  # the UI runs it after the first painted home (see kiosk.ui.app.after_first_paint)
        kiosk.deferred = rest
    else:
        rest()
    log.info("kiosk %s started (version %s, simulate=%s)", kcfg["kiosk_id"], __version__, simulate)
    return kiosk
