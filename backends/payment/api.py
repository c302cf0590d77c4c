"""The payment gateway as the kiosk sees it (services.md section 2), whichever gateway is behind.

`create(order_no, amount_fen, subject, mode[, auth_code])` is idempotent per order_no;
`query(order_no)` resolves every doubt; `cancel(order_no)` closes an unpaid order or reverses an
uncertain one; `refund(order_no, refund_no, amount_fen)` is idempotent per refund_no;
`bill(day)` lists the day's orders for reconciliation. After a timeout the state is UNKNOWN:
query, never create a second order.
"""

from __future__ import annotations

import enum
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

#: the gateways bill by China time: a bill day is a calendar day in this zone
HALL_TZ = ZoneInfo("Asia/Shanghai")


class Mode(enum.StrEnum):
    MICROPAY = "micropay"  # the kiosk scans the citizen's payment code (auth_code)
    NATIVE = "native"  # the kiosk shows a QR (code_url) the citizen scans


class State(enum.StrEnum):
    PAID = "PAID"
    PENDING = "PENDING"  # NOTPAY / USERPAYING / WAIT_BUYER_PAY: not final
    CLOSED = "CLOSED"  # closed, reversed or declined: no money taken (or given back)
    UNKNOWN = "UNKNOWN"  # the kiosk could not learn the state: query later

    @property
    def final(self) -> bool:
        return self in (State.PAID, State.CLOSED)


@dataclass(frozen=True)
class Order:
    order_no: str
    state: State
    amount_fen: int
    detail: str = ""  # gateway's finer state: USERPAYING, NOTPAY, REVERSED, DECLINED, ...
    code_url: str = ""  # native mode: what the QR encodes
    expires_at: datetime | None = None
    refunded_fen: int = 0


@dataclass(frozen=True)
class Refund:
    refund_no: str
    order_no: str
    amount_fen: int


@dataclass(frozen=True)
class BillLine:
    order_no: str
    amount_fen: int
    state: State
    refunded_fen: int


class Gateway(Protocol):
    def healthy(self) -> bool: ...

    def create(
        self,
        order_no: str,
        amount_fen: int,
        subject: str,
        mode: Mode,
        auth_code: str = "",
        expire_seconds: int = 300,
    ) -> Order: ...

    def query(self, order_no: str) -> Order: ...

    def cancel(self, order_no: str) -> Order: ...

    def refund(self, order_no: str, refund_no: str, amount_fen: int) -> Refund: ...

    def bill(self, day: date) -> list[BillLine]: ...


def new_order_no(kiosk_id: str = "K", now: datetime | None = None) -> str:
    """Unique per merchant, made before the first call and journalled: the idempotency key.
    32 characters at most (WeChat's out_trade_no limit), letters and digits only."""
    stamp = (now or datetime.now()).strftime("%y%m%d%H%M%S")
    prefix = "".join(c for c in kiosk_id if c.isalnum())[:8].upper() or "K"
    return f"{prefix}{stamp}{secrets.token_hex(4).upper()}"[:32]


def refund_no(order_no: str) -> str:
    """One refund per order for a kiosk fee (all or nothing): derived, so a retry reuses it."""
    return (order_no + "R")[-32:]
