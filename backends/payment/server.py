"""A reference payment gateway on loopback: speaks the contract, keeps orders in memory, and
does per order what a test scripts (pay at once, USERPAYING then paid or abandoned, decline,
a slow answer or a lost answer after the charge), so every path of the kiosk can be walked.
It also counts charges, so tests can prove nothing was charged twice.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request

from backends.payment.api import HALL_TZ
from backends.payment.contract import DOC
from backends.refserver import Faults, Problem, body, healthy, lost_answer, route, unavailable

BEHAVIOURS = (
    "pay",  # micropay: paid at once; native: paid at the first query (the citizen scanned)
    "userpaying_then_paid",  # USERPAYING for `polls` queries, then paid
    "userpaying_then_abandoned",  # USERPAYING until cancelled
    "decline",  # PAYERROR: closed, nothing taken
    "timeout",  # charged, but the answer comes `delay` seconds late
    "lost_answer",  # charged, and the answer is lost (HTTP 500)
)


@dataclass
class Script:
    behaviour: str = "pay"
    polls: int = 1
    delay: float = 30.0


@dataclass
class GOrder:
    order_no: str
    amount_fen: int
    subject: str
    mode: str
    created: datetime
    expires: datetime
    script: Script
    state: str = "PENDING"
    detail: str = "NOTPAY"
    queries: int = 0
    charges: int = 0  # money taken from the citizen (a reversal gives it back, not uncounts it)
    returned_fen: int = 0  # given back by reversal
    refunds: dict[str, int] = field(default_factory=dict)

    def json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "order_no": self.order_no,
            "state": self.state,
            "amount_fen": self.amount_fen,
            "detail": self.detail,
            "refunded_fen": sum(self.refunds.values()),
        }
        if self.mode == "native":
            d["code_url"] = f"weixin://wxpay/bizpayurl?pr={self.order_no}"
            d["expires_at"] = self.expires.isoformat(timespec="seconds")
        return d

    def charge(self) -> None:
        self.state, self.detail, self.charges = "PAID", "SUCCESS", self.charges + 1


class ReferenceGateway:
    def __init__(self) -> None:
        self.faults = Faults()
        self.orders: dict[str, GOrder] = {}
        self.scripts: dict[str, Script] = {}
        self.default = Script()
        self.calls: list[tuple[str, str]] = []  # (operation, order_no)
        self.refunds_fail = False  # every refund answers 503 before anything is given back
        self._lock = threading.Lock()

    # ---- scripting and inspection (tests, simulator panel) ----
    def script(self, order_no: str, behaviour: str, polls: int = 1, delay: float = 30.0) -> None:
        if behaviour not in BEHAVIOURS:
            raise ValueError(f"unknown behaviour {behaviour!r}")
        s = Script(behaviour, polls, delay)
        if order_no == "*":
            self.default = s
        else:
            self.scripts[order_no] = s

    def net_fen(self, order_no: str) -> int:
        """What the citizen is out of pocket for this order."""
        o = self.orders.get(order_no)
        if o is None:
            return 0
        return o.charges * o.amount_fen - o.returned_fen - sum(o.refunds.values())

    # ---- the contract ----
    def app(self) -> Starlette:
        f = self.faults
        return Starlette(
            routes=[
                route("/openapi.json", self._openapi, ["GET"], f),
                route("/health", healthy, ["GET"], f),
                route("/orders", self._create, ["POST"], f),
                route("/orders/{order_no}", self._query, ["GET"], f),
                route("/orders/{order_no}/cancel", self._cancel, ["POST"], f),
                route("/orders/{order_no}/refunds", self._refund, ["POST"], f),
                route("/bill", self._bill, ["GET"], f),
            ]
        )

    async def _openapi(self, request: Request) -> Any:
        return DOC

    async def _create(self, request: Request) -> Any:
        b = await body(request)
        order_no, amount = str(b["order_no"]), int(b["amount_fen"])
        mode = str(b.get("mode", "micropay"))
        auth = str(b.get("auth_code", ""))
        if amount < 1 or mode not in ("micropay", "native"):
            raise Problem("bad_request", "金额或支付方式无效", 400)
        if mode == "micropay" and not (auth.isdigit() and 16 <= len(auth) <= 24):
            raise Problem("bad_auth_code", "付款码无效，请刷新付款码后重试", 400)
        with self._lock:
            self.calls.append(("create", order_no))
            o = self.orders.get(order_no)
            if o is not None:
                if o.amount_fen not in (0, amount):
                    raise Problem("order_conflict", "订单号已用于其他金额")
                return o.json()  # idempotent: never a second charge
            now = datetime.now(HALL_TZ)
            s = self.scripts.get(order_no, self.default)
            expires = now + timedelta(seconds=int(b.get("expire_seconds", 300)))
            o = GOrder(order_no, amount, str(b["subject"]), mode, now, expires, s)
            self.orders[order_no] = o
            if s.behaviour == "decline":
                o.state, o.detail = "CLOSED", "PAYERROR"
            elif mode == "micropay":
                if s.behaviour.startswith("userpaying"):
                    o.detail = "USERPAYING"
                else:
                    o.charge()
            answer = o.json()
        if s.behaviour == "timeout":
            await asyncio.sleep(s.delay)
        if s.behaviour == "lost_answer":
            return lost_answer()
        return answer

    def _find(self, order_no: str) -> GOrder:
        o = self.orders.get(order_no)
        if o is None:
            raise Problem("order_not_found", "订单不存在", 404)
        return o

    async def _query(self, request: Request) -> Any:
        order_no = request.path_params["order_no"]
        with self._lock:
            self.calls.append(("query", order_no))
            o = self._find(order_no)
            if o.state == "PENDING":
                o.queries += 1
                s = o.script
                if o.mode == "native" and datetime.now(HALL_TZ) > o.expires:
                    o.state, o.detail = "CLOSED", "EXPIRED"
                elif s.behaviour in ("pay", "timeout", "lost_answer") and o.queries >= s.polls:
                    o.charge()  # native: the citizen scanned and paid
                elif s.behaviour == "userpaying_then_paid" and o.queries >= s.polls:
                    o.charge()
                elif o.mode == "native" and s.behaviour.startswith("userpaying"):
                    o.detail = "USERPAYING"
            return o.json()

    async def _cancel(self, request: Request) -> Any:
        order_no = request.path_params["order_no"]
        with self._lock:
            self.calls.append(("cancel", order_no))
            o = self.orders.get(order_no)
            if o is None:  # never arrived: close the number so a late create cannot charge
                now = datetime.now(HALL_TZ)
                o = GOrder(order_no, 0, "", "micropay", now, now, Script(), "CLOSED", "CLOSED")
                self.orders[order_no] = o
            elif o.state == "PENDING":
                o.state, o.detail = "CLOSED", "REVERSED" if o.mode == "micropay" else "CLOSED"
            elif o.state == "PAID" and not o.refunds:  # reverse: the money goes back
                o.state, o.detail = "CLOSED", "REVERSED"
                o.returned_fen += o.amount_fen
            return o.json()

    async def _refund(self, request: Request) -> Any:
        order_no = request.path_params["order_no"]
        b = await body(request)
        refund_no, amount = str(b["refund_no"]), int(b["amount_fen"])
        with self._lock:
            self.calls.append(("refund", order_no))
            if self.refunds_fail:
                return unavailable()
            o = self._find(order_no)
            if refund_no in o.refunds:
                if o.refunds[refund_no] != amount:
                    raise Problem("refund_conflict", "退款单号已用于其他金额")
            elif o.state != "PAID":
                raise Problem("not_paid", "订单未支付，无需退款")
            elif sum(o.refunds.values()) + amount > o.amount_fen:
                raise Problem("refund_too_large", "退款金额超过订单金额")
            else:
                o.refunds[refund_no] = amount
            return {"refund_no": refund_no, "order_no": order_no, "amount_fen": amount}

    async def _bill(self, request: Request) -> Any:
        day = date.fromisoformat(request.query_params["date"])
        if day > datetime.now(HALL_TZ).date():
            raise Problem("bill_not_ready", "账单尚未生成")
        with self._lock:
            lines = [
                {
                    "order_no": o.order_no,
                    "amount_fen": o.amount_fen,
                    "state": o.state,
                    "refunded_fen": sum(o.refunds.values()),
                }
                for o in self.orders.values()
                if o.created.date() == day and o.amount_fen > 0
            ]
        return {"date": day.isoformat(), "lines": lines}
