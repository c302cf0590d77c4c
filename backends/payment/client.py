"""The payment gateway over HTTP+JSON (the contract in backends/payment/contract.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from backends.errors import Mismatch
from backends.http import JsonClient
from backends.payment.api import BillLine, Mode, Order, Refund, State
from backends.payment.contract import CONTRACT


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


def _order_for(order_no: str) -> Callable[[Any], Order]:
    def parse(d: Any) -> Order:
        order = _order(d)
        if order.order_no != order_no:
            raise Mismatch(f"answer for another order {order.order_no}")
        return order

    return parse


class PaymentClient:
    """Implements backends.payment.api.Gateway. `create` is never retried after an uncertain
    answer (the caller queries instead); query, cancel and refund are (they are idempotent)."""

    def __init__(self, base_url: str, timeout: float = 8.0, **kw: Any) -> None:
        self.http = JsonClient("payment", base_url, CONTRACT, timeout=timeout, **kw)

    def close(self) -> None:
        self.http.close()

    def healthy(self) -> bool:
        return self.http.healthy()

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

        def parse(d: Any) -> Order:
            order = _order_for(order_no)(d)
            if order.amount_fen != amount_fen:
                raise Mismatch(f"amount {order.amount_fen} for {amount_fen}")
            return order

        return self.http.call("POST", "/orders", parse, body)

    def query(self, order_no: str) -> Order:
        return self.http.call("GET", f"/orders/{order_no}", _order_for(order_no), idempotent=True)

    def cancel(self, order_no: str) -> Order:
        return self.http.call("POST", f"/orders/{order_no}/cancel", _order_for(order_no), idempotent=True)

    def refund(self, order_no: str, refund_no: str, amount_fen: int) -> Refund:
        def parse(d: Any) -> Refund:
            if (d["refund_no"], d["order_no"], d["amount_fen"]) != (refund_no, order_no, amount_fen):
                raise Mismatch("answer for another refund")
            return Refund(refund_no, order_no, amount_fen)

        body = {"refund_no": refund_no, "amount_fen": amount_fen}
        return self.http.call("POST", f"/orders/{order_no}/refunds", parse, body, idempotent=True)

    def bill(self, day: date) -> list[BillLine]:
        def parse(d: Any) -> list[BillLine]:
            return [
                BillLine(x["order_no"], x["amount_fen"], State(x["state"]), x["refunded_fen"])
                for x in d["lines"]
            ]

        return self.http.call("GET", f"/bill?date={day.isoformat()}", parse, idempotent=True)
