"""Staff's command line for ratings and follow-up items (the hall database's URL from --db).

    python -m hall.ratings --db URL list [--since 2026-12-01]   ratings, newest last
    python -m hall.ratings --db URL items [--open]              follow-up items (bad ratings, 办不成事)
    python -m hall.ratings --db URL annotate ID "text" --staff S
    python -m hall.ratings --db URL close REF "reply" --staff S
    python -m hall.ratings --db URL phone REF --staff S          the full number, to call back
    python -m hall.ratings --db URL erase-phones [--days 30]    phone numbers past retention

Phone numbers are masked in every list; `phone` shows one item's in full to call the citizen
back. Reading a number, annotating and closing are recorded in the staff audit.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from core.clock import SystemClock
from hall.audit import AuditLog
from hall.db import open_engine
from hall.ratings.model import RatingError
from hall.ratings.settings import RatingSettings
from hall.ratings.store import Ratings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m hall.ratings", description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="SQLAlchemy URL of the hall database")
    ap.add_argument("--timezone", default="Asia/Shanghai", help="the hall's time zone")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("list", help="ratings, newest last")
    p.add_argument("--since", type=date.fromisoformat)
    p = sub.add_parser("items", help="follow-up items: open ones first, soonest due first")
    p.add_argument("--open", action="store_true", help="open items only")
    p = sub.add_parser("annotate", help="add a staff note to a rating (ratings are never changed)")
    p.add_argument("id", type=int)
    p.add_argument("text")
    p.add_argument("--staff", required=True)
    p = sub.add_parser("close", help="answer and close a follow-up item")
    p.add_argument("ref")
    p.add_argument("reply")
    p.add_argument("--staff", required=True)
    p = sub.add_parser("phone", help="an item's phone number in full, to call the citizen back")
    p.add_argument("ref")
    p.add_argument("--staff", required=True)
    p = sub.add_parser("erase-phones", help="erase phone numbers of items closed past retention")
    p.add_argument("--days", type=int, default=30)
    args = ap.parse_args(argv)

    engine = open_engine(args.db)
    days = args.days if args.command == "erase-phones" else 30
    store = Ratings(engine, SystemClock(), args.timezone, settings=RatingSettings(phone_retention_days=days))
    try:
        store.prepare()
        if args.command == "list":
            for r in store.ratings(args.since, limit=100_000):
                print(r.line())
                for n in store.notes(r.id):
                    print(f"      note {n.at:%Y-%m-%d %H:%M} {n.staff}: {n.text}")
        elif args.command == "items":
            today = store.today()
            for item in store.items(open_only=args.open):
                print(item.line(today))
        elif args.command == "annotate":
            store.annotate(args.id, args.staff, args.text)
            AuditLog(engine, "cli").record(args.staff, "rating.annotate", str(args.id))
            print(f"rating {args.id} annotated")
        elif args.command == "close":
            item = store.close(args.ref, args.reply, args.staff)
            AuditLog(engine, "cli").record(args.staff, "followup.close", item.ref)
            print(f"{item.ref} closed")
        elif args.command == "phone":
            item = store.item(args.ref)
            AuditLog(engine, "cli").record(args.staff, "followup.phone", item.ref)
            print(item.phone or "no phone number (none given, or erased after retention)")
        else:
            print(f"erased {store.erase_old_phones()} phone numbers")
    except RatingError as e:
        print(f"refused ({e.code}): {e.reason}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
