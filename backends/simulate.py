"""Both reference servers for `--simulate` (and demos): started on loopback on free ports in this
process, with the demo people and a gateway that pays at once unless scripted otherwise. The
simulator panel scripts their faults through `controls()`, as tests script them: on the server
objects in this process (the contract has no scripting endpoint, and a real system has none)."""

from __future__ import annotations

from dataclasses import dataclass

from backends.payment.server import ReferenceGateway
from backends.platform.server import ReferencePlatform
from backends.refserver import Running, serve
from core.text import Text, join, tr
from devices.sim import Control

ON_OFF = (("on", tr("模拟故障")), ("off", tr("恢复正常")))
REFUSE_PAID, FAIL_REFUNDS = tr("平台拒绝已缴费的申请"), tr("支付网关退款失败")


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

    # ---- the simulator panel ----
    def fail_refunds(self, on: str = "on") -> None:
        """Every refund answers 503: a payment to give back stays open in the journal."""
        self.gateway.refunds_fail = on == "on"

    def refuse_after_payment(self, on: str = "on") -> None:
        """The platform refuses to record a payment: the paid application is refunded."""
        self.platform.refuse_paid = on == "on"

    def controls(self) -> list[Control]:
        return [
            Control(REFUSE_PAID, self.refuse_after_payment, ON_OFF, group="faults"),
            Control(FAIL_REFUNDS, self.fail_refunds, ON_OFF, group="faults"),
        ]

    def state(self) -> Text:
        """The faults scripted now, for the panel's status line."""
        scripted = ((REFUSE_PAID, self.platform.refuse_paid), (FAIL_REFUNDS, self.gateway.refunds_fail))
        on = [name for name, active in scripted if active]
        return tr("故障：{faults}", faults=join(on)) if on else tr("无故障")


def start() -> Simulated:
    platform, gateway = ReferencePlatform(), ReferenceGateway()
    platform_server = serve(platform.app())
    try:
        gateway_server = serve(gateway.app())
    except Exception:
        platform_server.stop()
        raise
    return Simulated(platform, gateway, platform_server, gateway_server)
