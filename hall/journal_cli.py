"""python -m hall.journal [--db URL] list|reconcile

list: the journal's steps, newest first (references only). reconcile: settle what is open
against the platform and the gateway, as the kiosk does at start; exit 1 when something is
still open afterwards (it waits for the network, or staff were alerted)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import timedelta

from core.text import TextLike
from hall.db import migrate, open_engine

DEFAULT_DB = "sqlite:///var/data/kiosk.db"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m hall.journal", description=__doc__)
    p.add_argument("--db", default=DEFAULT_DB, help=f"SQLAlchemy URL (default {DEFAULT_DB})")
    p.add_argument(
        "--kiosk-id", default="K01", help="the kiosk whose sagas reconcile settles (empty: every kiosk's)"
    )
    sub = p.add_subparsers(dest="command", required=True)
    ls = sub.add_parser("list", help="steps, newest first")
    ls.add_argument("--open", action="store_true", help="only steps still open")
    ls.add_argument("--limit", type=int, default=50)
    rc = sub.add_parser("reconcile", help="settle open steps now")
    rc.add_argument("--platform", required=True, help="the platform's base URL")
    rc.add_argument("--payment", required=True, help="the gateway's base URL")
    rc.add_argument("--grace-minutes", type=float, default=0.0, help="skip sagas touched more recently")
    a = p.parse_args(argv)

    from hall.journal import OPEN, Journal

    engine = open_engine(a.db)
    migrate(engine)
    journal = Journal(engine, a.kiosk_id)
    if a.command == "list":
        for step in journal.steps(OPEN if a.open else None, a.limit):
            print(json.dumps(step.to_json(), ensure_ascii=False))
        return 0

    from backends.payment.client import PaymentClient
    from backends.platform.client import PlatformClient
    from hall.reconcile import Reconciler
    from hall.saga import PaidApplication

    def alert(source: str, code: str, message: TextLike) -> None:
        print(f"ALERT {source}/{code}: {message}", file=sys.stderr)

    saga = PaidApplication(journal, PlatformClient(a.platform), PaymentClient(a.payment))
    report = Reconciler(journal, saga, alert).run(timedelta(minutes=a.grace_minutes))
    print(json.dumps({"settled": report.settled, "waiting": report.waiting, "alerted": report.alerted}))
    return 1 if report.waiting else 0


if __name__ == "__main__":
    sys.exit(main())
