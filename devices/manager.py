"""Builds the configured devices: drivers picked by name, imported lazily, failures contained.

Each kind's package (devices/<kind>/__init__.py) declares OPTIONS (its config section, which
always has `driver`) and DRIVERS (name -> "module:Class"). A driver that fails to import or
construct leaves its device in FAULT with the reason; the kiosk keeps running without it.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from typing import Any

from core.text import tr
from devices.base import RECONNECT_BACKOFF, Device, DeviceStatus, Driver, Emit, PermanentFault, State

log = logging.getLogger(__name__)

DriverFactory = Callable[[Mapping[str, Any], Emit], Driver]


def load_object(path: str) -> Any:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


def kind_drivers(kind: str) -> dict[str, str]:
    return dict(importlib.import_module(f"devices.{kind}").DRIVERS)


class DeviceManager:
    """All devices of this kiosk, by kind ("printer", "idcard", ...)."""

    def __init__(self, devices: dict[str, Device[Any]]) -> None:
        self._devices = devices

    def __getitem__(self, kind: str) -> Device[Any]:
        return self._devices[kind]

    def __contains__(self, kind: object) -> bool:
        return kind in self._devices

    def __iter__(self) -> Iterator[Device[Any]]:
        return iter(self._devices.values())

    def get(self, kind: str) -> Device[Any] | None:
        return self._devices.get(kind)

    def status(self, kind: str) -> DeviceStatus:
        dev = self._devices.get(kind)
        if dev is None:
            return DeviceStatus(State.OFFLINE, tr("本机未配置该设备"))
        return dev.status

    def start(self) -> None:
        for dev in self._devices.values():
            dev.start()

    def stop(self) -> None:
        for dev in self._devices.values():
            dev.stop()


def _factory_for(kind: str, settings: Mapping[str, Any], extra: Mapping[str, str]) -> DriverFactory:
    name = settings["driver"]
    drivers = {**kind_drivers(kind), **extra}
    path = drivers[name]

    def build(settings: Mapping[str, Any], emit: Emit) -> Driver:
        try:
            cls = load_object(path)
        except Exception as e:  # missing module or vendor library: never retried in a loop
            log.error("driver %s for %s failed to load: %s", name, kind, e)
            raise PermanentFault(tr("驱动程序无法加载：{err}", err=f"{name}: {e}")) from e
        driver: Driver = cls(settings, emit)
        return driver

    return build


def _make(build: DriverFactory, settings: Mapping[str, Any], emit: Emit) -> Driver:
    return build(settings, emit)


def build_devices(
    device_settings: Mapping[str, Mapping[str, Any]],
    *,
    extra_drivers: Mapping[str, Mapping[str, str]] | None = None,
) -> DeviceManager:
    """device_settings: kind -> its config section. Kinds with driver "none" are left out."""
    devices: dict[str, Device[Any]] = {}
    for kind, settings in device_settings.items():
        if settings.get("driver", "none") == "none":
            continue
        build = _factory_for(kind, settings, (extra_drivers or {}).get(kind, {}))
        devices[kind] = Device(
            kind,
            partial(_make, build, settings),
            backoff=(
                float(settings.get("reconnect_min", RECONNECT_BACKOFF[0])),
                float(settings.get("reconnect_max", RECONNECT_BACKOFF[1])),
            ),
        )
    return DeviceManager(devices)
