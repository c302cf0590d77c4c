"""Scanner diagnostics for installers and staff: print each code as it is scanned.

    python -m devices.scanner --port /dev/ttyACM0 listen
    python -m devices.scanner --driver evdev --input-device /dev/input/by-id/...-event-kbd listen --json
    python -m devices.scanner --driver camera --camera-source 0 listen --count 1

One line per event (with --json: {"code": ...} or {"rejected": ...}). Exit status: 0 after
--count codes or Ctrl-C, 2 the scanner cannot be opened (or was lost); the reason on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from typing import Any

from devices.base import DeviceError
from devices.manager import load_object
from devices.scanner import DRIVERS


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m devices.scanner", description="Read codes from a scanner.")
    p.add_argument("--driver", choices=sorted(DRIVERS), default="serial")
    p.add_argument("--port", default="", help="serial: pyserial URL, e.g. /dev/ttyACM0")
    p.add_argument("--baud", type=int, default=9600)
    p.add_argument("--input-device", default="", help="evdev: /dev/input/... of a keyboard-mode scanner")
    p.add_argument("--camera-source", default="0", help="camera: index, file or URL")
    p.add_argument("--trigger", default="", help='hex bytes sent before each read, e.g. "16 54 0D"')
    p.add_argument("--repeat-window", type=float, default=2.0)
    sub = p.add_subparsers(dest="command", required=True)
    ls = sub.add_parser("listen", help="print codes as they come")
    ls.add_argument("--json", action="store_true")
    ls.add_argument("--count", type=int, default=0, help="stop after this many codes (0: never)")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    got = 0

    def show(kind: str, payload: Any) -> None:
        nonlocal got
        if kind == "scanned":
            got += 1
            print(json.dumps({"code": payload}, ensure_ascii=False) if args.json else payload, flush=True)
        elif kind == "scan_rejected":
            msg = str(payload)
            print(
                json.dumps({"rejected": msg}, ensure_ascii=False) if args.json else f"rejected: {msg}",
                flush=True,
            )

    settings = {
        "port": args.port,
        "baud": args.baud,
        "input_device": args.input_device,
        "camera_source": args.camera_source,
        "trigger_command": args.trigger,
        "repeat_window": args.repeat_window,
    }
    try:
        driver = load_object(DRIVERS[args.driver])(settings, show)
        driver.open()
    except DeviceError as e:
        print(f"error: {e.reason}", file=sys.stderr)
        return 2
    try:
        triggered = -1
        while not args.count or got < args.count:
            if triggered != got:  # one read per code in trigger mode (a no-op in presentation mode)
                driver.trigger()
                triggered = got
            driver.poll()
            time.sleep(driver.poll_interval)
        return 0
    except DeviceError as e:
        print(f"error: {e.reason}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0
    finally:
        driver.close()


if __name__ == "__main__":
    sys.exit(main())
