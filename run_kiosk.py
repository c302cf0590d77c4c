#!/usr/bin/env python3
"""Start the kiosk: run_kiosk.py [--config PATH] [--simulate] [--windowed] [--demo OUTDIR]
[--demo-time ISO] [--role kiosk|counter|display]."""

from __future__ import annotations

import argparse
import gc
import sys
from datetime import datetime
from pathlib import Path


def _aware_time(text: str) -> datetime:
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time like 2026-01-05T23:30+08:00") from None
    if at.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{text!r} needs its UTC offset, e.g. 2026-01-05T23:30+08:00")
    return at


def main(argv: list[str] | None = None) -> int:
    from kiosk import __version__

    p = argparse.ArgumentParser(description="24-hour government self-service kiosk")
    p.add_argument("--config", type=Path, help="TOML config file (default: built-in defaults)")
    p.add_argument("--simulate", action="store_true", help="run the real drivers against device simulators")
    p.add_argument("--windowed", action="store_true", help="a normal window instead of kiosk full screen")
    p.add_argument("--demo", type=Path, metavar="OUTDIR", help="walk the screens headless, save PNGs, exit")
    p.add_argument(
        "--demo-time",
        type=_aware_time,
        metavar="ISO",
        help="the demo's clock starts at this time, e.g. 2026-01-05T23:30+08:00 (default: now)",
    )
    p.add_argument(
        "--role",
        action="append",
        default=[],
        metavar="ROLE",
        help="kiosk, counter or display (repeat or comma-separate for several; default: [calling] roles)",
    )
    p.add_argument("--print-config", action="store_true", help="print the effective config and exit")
    p.add_argument("--version", action="version", version=f"gov-kiosk {__version__}")
    args = p.parse_args(argv)

    from kiosk.config import ConfigError, load

    try:
        config = load(args.config)
    except ConfigError as e:
        print(f"configuration error: {e}", file=sys.stderr)
        return 2
    if args.print_config:
        print(config.to_toml(), end="")
        return 0

    from kiosk.hall_roles import roles

    chosen = roles(config, args.role)
    bad = [r for r in chosen if r not in ("kiosk", "counter", "display")]
    if bad:
        print(f"--role {bad[0]!r} is not allowed: expected kiosk, counter or display", file=sys.stderr)
        return 2
    if "kiosk" not in chosen and not args.demo:
        from kiosk.ui.roles import run_roles

        return run_roles(config, chosen, windowed=args.windowed)

    from kiosk.app import build

    if args.demo:
        import tempfile

        from core.clock import AdjustableClock
        from kiosk.ui.demo import run_demo

        # the demo never touches the kiosk's real database, alerts or logs
        with tempfile.TemporaryDirectory(prefix="kiosk-demo-") as tmp:
            for key in ("kiosk.data_dir", "kiosk.runtime_dir", "log.dir"):
                config = config.replace(key, f"{tmp}/{key}")
            config = config.replace("health.status_file", f"{tmp}/health.json")
            clock = AdjustableClock(args.demo_time)
            walked = run_demo(build(config, simulate=args.simulate, clock=clock), args.demo)
        from core import code_cache

        code_cache.save()  # make bundle's demo run writes the bundle's cache (see there)
        return walked
    kiosk = build(config, simulate=args.simulate, defer=True)  # the rest after first paint
    from kiosk.ui.app import run

    return run(kiosk, windowed=args.windowed, simulate=args.simulate, roles=chosen)


def fake_cups(argv: list[str]) -> int:
    """The simulated A4 printer's lp/lpstat/cancel/ipptool in the bundle, which has no
    interpreter to run devices/a4printer/fake_cups.py with (devices.a4printer.simulator)."""
    from devices.a4printer import fake_cups

    return fake_cups.main(argv)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--fake-cups"]:
        sys.exit(fake_cups(sys.argv[2:]))
    # No cyclic garbage collection while the first home is built: start-up makes tens of
    # thousands of objects and keeps nearly all of them, and the ~50 collections that would run
    # cost ~10 ms before the first paint. kiosk.ui.app turns it on again after that paint.
    gc.disable()
    # before any dataclass is defined and before PySide is imported: dataclasses' methods and
    # PySide's support modules come compiled from the last start (core/code_cache.py)
    from core import code_cache

    code_cache.install()
    sys.exit(main())
