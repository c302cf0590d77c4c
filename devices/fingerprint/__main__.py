"""Fingerprint scanner diagnostics for installers and staff.

    python -m devices.fingerprint --port /dev/ttyUSB3 info
    python -m devices.fingerprint --port /dev/ttyUSB3 capture --finger right_thumb --out thumb.png
    python -m devices.fingerprint --port /dev/ttyUSB3 capture --json     # both thumbs, with fallback
    python -m devices.fingerprint --driver livescan --library /opt/fp/libID_FprCap.so info

Exit status: 0 done, 1 capture failed (no finger, poor quality), 2 the scanner cannot be reached
or its library not loaded; the reason is one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from devices.base import DeviceError
from devices.fingerprint import DRIVERS
from devices.fingerprint.model import FINGERS, FingerImage, FingerprintError
from devices.fingerprint.policy import Policy, capture_pair
from devices.manager import load_object


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python -m devices.fingerprint", description="Use one fingerprint scanner."
    )
    p.add_argument("--driver", choices=sorted(DRIVERS), default="uart")
    p.add_argument("--port", default="", help="uart: pyserial URL, e.g. /dev/ttyUSB3")
    p.add_argument("--baud", type=int, default=57600)
    p.add_argument("--library", default="", help="livescan: path of the capture library")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for a finger")
    p.add_argument("--threshold", type=int, default=55, help="lowest quality taken (0-100)")
    p.add_argument("--tries", type=int, default=5, help="captures per finger")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("info", help="what the scanner reports about itself")
    cap = sub.add_parser("capture", help="capture one finger, or both thumbs (with fallback)")
    cap.add_argument("--finger", choices=FINGERS, help="just this finger (default: the ID-card pair)")
    cap.add_argument("--out", type=Path, help="PNG file; for the pair, -<finger> is added to the name")
    cap.add_argument("--json", action="store_true")
    return p.parse_args(argv)


def _save(image: FingerImage, out: Path, pair: bool) -> str:
    path = out.with_name(f"{out.stem}-{image.finger}{out.suffix or '.png'}") if pair else out
    path.write_bytes(image.png())
    return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    settings: dict[str, Any] = {
        "port": args.port,
        "baud": args.baud,
        "library": args.library,
        "place_timeout": args.timeout,
    }

    def prompt(kind: str, payload: Any) -> None:
        if kind == "finger" and payload.get("state") == "waiting" and not getattr(args, "json", False):
            print(f"place {payload['finger']} on the scanner...", file=sys.stderr, flush=True)

    try:
        driver = load_object(DRIVERS[args.driver])(settings, prompt)
        driver.open()
    except DeviceError as e:
        print(f"error: {e.reason}", file=sys.stderr)
        return 2
    try:
        if args.command == "info":
            print(json.dumps(driver.info(), ensure_ascii=False))
            return 0
        if args.finger:
            image = driver.capture(args.finger)
            out: dict[str, Any] = {"finger": image.finger, "quality": image.quality,
                                   "template": image.template is not None}  # fmt: skip
            if args.out:
                out["file"] = _save(image, args.out, pair=False)
            ok = image.quality >= args.threshold
        else:
            result = capture_pair(driver.capture, Policy(args.threshold, args.tries))
            out = result.as_json()
            if args.out:
                out["files"] = [_save(s.image, args.out, pair=True) for s in result.slots if s.image]
            ok = result.complete
        if args.json:
            print(json.dumps(out, ensure_ascii=False))
        else:
            for key, value in out.items():
                print(f"{key}: {value}")
        return 0 if ok else 1
    except FingerprintError as e:
        print(f"error: {e.reason}", file=sys.stderr)
        return 1
    except DeviceError as e:
        print(f"error: {e.reason}", file=sys.stderr)
        return 2
    finally:
        driver.close()


if __name__ == "__main__":
    sys.exit(main())
