"""python -m backends.payment serve|query|cancel|refund|bill|openapi"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, timedelta

from backends.cli import add_serve, parser, run, run_server
from backends.payment.api import HALL_TZ, refund_no
from backends.payment.client import PaymentClient
from backends.payment.contract import DOC


def main(argv: list[str] | None = None) -> int:
    p, sub = parser("python -m backends.payment", "Payment gateway: reference server and client.")
    add_serve(sub, "gateway")
    sub.add_parser("openapi", help="print the contract (OpenAPI JSON)")
    for name, help_ in (
        ("query", "an order's state"),
        ("cancel", "close an unpaid order, reverse an uncertain one"),
        ("refund", "refund an order in full (the refund number is derived: a retry reuses it)"),
        ("bill", "the day's orders (default: yesterday)"),
    ):
        c = sub.add_parser(name, help=help_)
        c.add_argument("--url", required=True, help="the gateway's base URL")
        c.add_argument("--timeout", type=float, default=8.0)
        if name == "bill":
            c.add_argument("day", nargs="?", type=date.fromisoformat)
        else:
            c.add_argument("order_no")
        if name == "refund":
            c.add_argument("amount_fen", type=int)
    a = p.parse_args(argv)
    if a.command == "serve":
        from backends.payment.server import ReferenceGateway

        return run_server(ReferenceGateway().app(), a.port, "payment")
    if a.command == "openapi":
        print(json.dumps(DOC, ensure_ascii=False, indent=2))
        return 0
    client = PaymentClient(a.url, timeout=a.timeout)
    try:
        if a.command == "query":
            return run(lambda: client.query(a.order_no))
        if a.command == "cancel":
            return run(lambda: client.cancel(a.order_no))
        if a.command == "refund":
            return run(lambda: client.refund(a.order_no, refund_no(a.order_no), a.amount_fen))
        day = a.day or datetime.now(HALL_TZ).date() - timedelta(days=1)  # yesterday, hall time
        return run(lambda: client.bill(day))
    finally:
        client.close()


if __name__ == "__main__":
    sys.exit(main())
