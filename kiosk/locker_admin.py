"""Locker CLI for installers and staff: load finished cards into the pickup locker, take them back
to the counter, move them, list the wall, tell the platform what it has not heard yet.

    python -m kiosk.locker_admin [--config PATH] list
    python -m kiosk.locker_admin [--config PATH] load SL2026120100017 [--size M | --number 5]
    python -m kiosk.locker_admin [--config PATH] unload SL2026120100017
    python -m kiosk.locker_admin [--config PATH] move SL2026120100017 [--size L | --number 9]
    python -m kiosk.locker_admin [--config PATH] settle

It reads the kiosk's config file (database, [devices.locker], [backends] platform_url) and talks
to the lock boards itself, so run it while the kiosk is stopped (one process on the bus). Each
door it opens is journalled like the kiosk's; it waits (--wait seconds) for the door to be shut,
then tells the platform ("ready at compartment N", "returned"), or leaves that to the kiosk's
reconciler when the platform does not answer. Exit status: 0 done, 1 refused or the door did not
open, 2 bad usage or config, 3 the boards or the database cannot be reached.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from core.clock import SystemClock
from devices.base import DeviceError
from kiosk import config as kconfig

OK, REFUSED, USAGE, UNAVAILABLE = 0, 1, 2, 3


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m kiosk.locker_admin", description=__doc__.splitlines()[0])
    p.add_argument("--config", type=Path, help="the kiosk's config file (default: built-in defaults)")
    p.add_argument("--staff", default="installer", help="who is loading (kept in the locker history)")
    p.add_argument("--wait", type=float, default=120.0, help="seconds to wait for each door to be shut")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="every compartment: state and the card it holds")
    sub.add_parser("settle", help="tell the platform every hand-over it has not heard of yet")
    for name, what in (
        ("load", "open a free compartment for a finished card"),
        ("unload", "open the card's compartment to take it back to the counter"),
        ("move", "take the card out, then load it into another compartment"),
    ):
        c = sub.add_parser(name, help=what)
        c.add_argument("acceptance_no")
        if name != "unload":
            where = c.add_mutually_exclusive_group()
            where.add_argument("--size", choices=("S", "M", "L"), help="the smallest free one of this size")
            where.add_argument("--number", type=int, help="this compartment")
    return p.parse_args(argv)


def open_handover(cfg: kconfig.Config) -> tuple[Any, Any]:
    """(Handover, the driver to close) for this kiosk's wall, reconciled, doors watched."""
    from backends.platform.client import PlatformClient
    from devices.locker.driver import LockBoard
    from devices.locker.layout import layout_from_settings
    from hall.db import migrate, open_engine
    from hall.lockers import DriverBoards, Lockers
    from hall.lockers.handover import Handover
    from hall.queue.factory import database_url

    engine = open_engine(database_url(cfg, cfg.resolve))
    migrate(engine)
    settings = cfg.device("locker")
    driver = LockBoard(settings, lambda kind, payload: None)
    driver.open()
    lockers = Lockers.from_settings(
        engine, DriverBoards(driver), settings, wall=cfg["kiosk"]["kiosk_id"], clock=SystemClock()
    )
    lockers.sync_layout(layout_from_settings(settings))
    lockers.reconcile()
    lockers.start()
    url = cfg["backends"]["platform_url"]
    platform = PlatformClient(url, timeout=cfg["backends"]["timeout"]) if url else None
    return Handover(lockers, platform), driver


def main(argv: Sequence[str] | None = None) -> int:
    from hall.lockers import LockerError

    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    try:
        cfg = kconfig.load(args.config)
    except (OSError, kconfig.ConfigError) as e:
        print(f"error: {e}", file=sys.stderr)
        return USAGE
    try:
        handover, driver = open_handover(cfg)
    except DeviceError as e:
        print(f"error: lock boards: {e.reason}", file=sys.stderr)
        return UNAVAILABLE
    except Exception as e:  # the database: one line, not a trace
        print(f"error: {e}", file=sys.stderr)
        return UNAVAILABLE
    try:
        if args.command == "list":
            for c in handover.lockers.compartments():
                print(f"{c.number:>3} {c.size} {c.state.value:<15} {c.application_no or '-'}")
            return OK
        if args.command == "settle":
            return _settle(handover)
        try:
            if args.command == "load":
                handed = handover.load(args.acceptance_no, args.staff, size=args.size, number=args.number)
            elif args.command == "unload":
                handed = handover.unload(args.acceptance_no, args.staff)
            else:
                handed = handover.move(
                    args.acceptance_no, args.staff, args.wait, size=args.size, number=args.number
                )
        except LockerError as e:
            print(f"refused: {e.reason}", file=sys.stderr)
            return REFUSED
        n = handed.compartment.number
        doing = "take the card out" if args.command == "unload" else "put the card in"
        print(f"compartment {n} is open: {doing} and shut the door", flush=True)
        outcome = handover.wait(handed, args.wait)
        if outcome is None:
            print(f"compartment {n}: the door is still open; the kiosk records it once shut")
            return REFUSED
        print(f"compartment {n}: door shut; platform: {_said(outcome.state)}")
        return OK if outcome.state != "not_done" else REFUSED
    finally:
        handover.lockers.stop()
        driver.close()


def _settle(handover: Any) -> int:
    from hall.lockers.handover import KINDS

    journal = handover.journal
    left = 0
    for saga in journal.open_sagas(kiosk=handover.wall):
        if any(s.kind in KINDS for s in journal.saga(saga)):
            outcome = handover.settle(saga)
            print(f"{saga}: {_said(outcome.state)}")
            left += outcome.state == "waiting"
    return REFUSED if left else OK


def _said(state: str) -> str:
    return {
        "done": "told",
        "waiting": "not answering, told later by the kiosk",
        "not_done": "nothing to tell (the door did not open)",
    }.get(state, state)


if __name__ == "__main__":
    sys.exit(main())
