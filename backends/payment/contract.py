"""The payment gateway's HTTP contract (OpenAPI), shared by the client and the reference gateway."""

from __future__ import annotations

from typing import Any

from backends.contract import Contract, array, document, integer, nullable, obj, operation, string

ORDER_NO = string(pattern="[A-Za-z0-9_-]{6,32}")
STATE = string("PAID", "PENDING", "CLOSED")

ORDER = obj(
    {
        "order_no": ORDER_NO,
        "state": STATE,
        "amount_fen": integer(0),  # 0 only for an order closed before it was ever created
        "detail": string(max_length=32),
        "refunded_fen": integer(0),
    },
    {"code_url": string(), "expires_at": nullable(string())},
)
REFUND = obj({"refund_no": ORDER_NO, "order_no": ORDER_NO, "amount_fen": integer(1)})
BILL = obj(
    {
        "date": string(pattern=r"\d{4}-\d{2}-\d{2}"),
        "lines": array(
            obj({"order_no": ORDER_NO, "amount_fen": integer(1), "state": STATE, "refunded_fen": integer(0)})
        ),
    }
)

DOC: dict[str, Any] = document(
    "Payment gateway (kiosk's generic contract)",
    "1",
    {
        "/orders": {
            "post": operation(
                "Create an order, idempotent per order_no; micropay charges auth_code at once",
                ORDER,
                obj(
                    {"order_no": ORDER_NO, "amount_fen": integer(1), "subject": string(max_length=64)},
                    {
                        "mode": string("micropay", "native"),
                        "auth_code": string(pattern=r"\d{16,24}"),
                        "expire_seconds": integer(30),
                    },
                ),
                ("order_conflict", "order_closed", "bad_auth_code"),
            )
        },
        "/orders/{order_no}": {"get": operation("The order's state", ORDER, None, ("order_not_found",))},
        "/orders/{order_no}/cancel": {
            "post": operation("Close an unpaid order, or reverse an uncertain/paid one", ORDER)
        },
        "/orders/{order_no}/refunds": {
            "post": operation(
                "Refund, idempotent per refund_no",
                REFUND,
                obj({"refund_no": ORDER_NO, "amount_fen": integer(1)}),
                ("order_not_found", "not_paid", "refund_too_large", "refund_conflict"),
            )
        },
        "/bill": {"get": operation("The day's orders (hall-local date)", BILL, None, ("bill_not_ready",))},
    },
)

CONTRACT = Contract(DOC)
