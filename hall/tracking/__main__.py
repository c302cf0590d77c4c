"""Serve the tracking page on the hall server, or print a ticket's link.

    python -m hall.tracking serve --db URL --key-file PATH [--host 0.0.0.0] [--port 8090]
    python -m hall.tracking link --key-file PATH --base-url URL 2026-12-01 A005

--key-file is the queue's ID key file ([queue] id_key_file), shared by the hall's machines: the
links the kiosks print are checked with it. --config names a kiosk config file to take service
names from (its [queue] services).
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from datetime import date
from pathlib import Path

from hall.queue.identity import load_or_create_key
from hall.tracking.links import TicketLinks


def service_names(config: Path | None) -> dict[str, tuple[str, str]]:
    if config is None:
        return {}
    raw = tomllib.loads(config.read_text(encoding="utf-8-sig"))
    return {
        str(s["code"]): (str(s["name_zh"]), str(s.get("name_en") or s["name_zh"]))
        for s in raw.get("queue", {}).get("services", [])
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m hall.tracking", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve", help="run the page under uvicorn")
    s.add_argument("--db", required=True, help="SQLAlchemy URL of the hall database")
    s.add_argument("--key-file", type=Path, required=True)
    s.add_argument("--config", type=Path, help="kiosk config file for service names")
    s.add_argument("--host", default="0.0.0.0")
    s.add_argument("--port", type=int, default=8090)
    s.add_argument("--refresh", type=int, default=15)
    k = sub.add_parser("link", help="print the link a ticket's QR code holds")
    k.add_argument("--key-file", type=Path, required=True)
    k.add_argument("--base-url", required=True)
    k.add_argument("day", type=date.fromisoformat)
    k.add_argument("number")
    args = ap.parse_args(argv)
    if not args.key_file.exists():
        print(f"{args.key_file} does not exist: give the queue's key file", file=sys.stderr)
        return 1
    key = load_or_create_key(args.key_file)
    if args.command == "link":
        print(TicketLinks(key, args.base_url).url(args.day, args.number))
        return 0
    import uvicorn

    from hall.db import open_engine
    from hall.tracking.server import app

    page = app(open_engine(args.db), TicketLinks(key, ""), service_names(args.config), args.refresh)
    uvicorn.run(page, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
