"""The payment gateway over HTTP+JSON (the contract in backends/payment/contract.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from backends.http import JsonClient, Uncertain
from backends.payment.api import BillLine, Mode, Order, Refund, State
from backends.payment.contract import CONTRACT
from kiosk.text import tr


def _order(d: dict[str, Any]) -> Order:
    exp = d.get("expires_at")
    return Order(
        d["order_no"],
        State(d["state"]),
        d["amount_fen"],
        d["detail"],
        d.get("code_url", ""),
        datetime.fromisoformat(exp) if exp else None,
        d["refunded_fen"],
    )


class PaymentClient:
    """Implements backends.payment.api.Gateway. `create` is never retried after an uncertain
    answer (the caller queries instead); query, cancel and refund are (they are idempotent)."""

    def __init__(self, base_url: str, timeout: float = 8.0, **kw: Any) -> None:
        self.http = JsonClient("payment", base_url, CONTRACT, timeout=timeout, **kw)

    def close(self) -> None:
        self.http.close()

    def create(
        self,
        order_no: str,
        amount_fen: int,
        subject: str,
        mode: Mode,
        auth_code: str = "",
        expire_seconds: int = 300,
    ) -> Order:
        body: dict[str, Any] = {
            "order_no": order_no,
            "amount_fen": amount_fen,
            "subject": subject,
            "mode": str(mode),
            "expire_seconds": expire_seconds,
        }
        if auth_code:
            body["auth_code"] = auth_code
        order = _order(self.http.call("POST", "/orders", body))
        if order.order_no != order_no or order.amount_fen != amount_fen:
            raise Uncertain("payment", "contract", tr("支付服务返回了其他订单的应答"), f"answer for {order.order_no}")
        return order

    def query(self, order_no: str) -> Order:
        return self._checked(order_no, self.http.call("GET", f"/orders/{order_no}", idempotent=True))

    def cancel(self, order_no: str) -> Order:
        return self._checked(order_no, self.http.call("POST", f"/orders/{order_no}/cancel", idempotent=True))

    def refund(self, order_no: str, refund_no: str, amount_fen: int) -> Refund:
        d = self.http.call(
            "POST",
            f"/orders/{order_no}/refunds",
            {"refund_no": refund_no, "amount_fen": amount_fen},
            idempotent=True,
        )
        return Refund(d["refund_no"], d["order_no"], d["amount_fen"])

    def bill(self, day: date) -> list[BillLine]:
        d = self.http.call("GET", f"/bill?date={day.isoformat()}", idempotent=True)
        return [BillLine(x["order_no"], x["amount_fen"], State(x["state"]), x["refunded_fen"]) for x in d["lines"]]

    def _checked(self, order_no: str, d: dict[str, Any]) -> Order:
        order = _order(d)
        if order.order_no != order_no:
            raise Uncertain("payment", "contract", tr("支付服务返回了其他订单的应答"), f"answer for {order.order_no}")
        return order


