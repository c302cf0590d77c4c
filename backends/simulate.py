"""Both reference servers for `--simulate` (and demos): started on loopback on free ports in this
process, with the demo people and a gateway that pays at once unless scripted otherwise."""

from __future__ import annotations

from dataclasses import dataclass

from backends.payment.server import ReferenceGateway
from backends.platform.server import ReferencePlatform
from backends.refserver import Running, serve


@dataclass
class Simulated:
    platform: ReferencePlatform
    gateway: ReferenceGateway
    platform_server: Running
    gateway_server: Running

    @property
    def platform_url(self) -> str:
        return self.platform_server.url

    @property
    def payment_url(self) -> str:
        return self.gateway_server.url

    def stop(self) -> None:
        self.platform_server.stop()
        self.gateway_server.stop()


def start() -> Simulated:
    platform, gateway = ReferencePlatform(), ReferenceGateway()
    platform_server = serve(platform.app())
    try:
        gateway_server = serve(gateway.app())
    except Exception:
        platform_server.stop()
        raise
    return Simulated(platform, gateway, platform_server, gateway_server)
