"""Diagnostics for the receipt printer, usable by an installer without the kiosk app.

    python -m devices.printer status --port /dev/ttyUSB1 [--baud 9600] [--json]
    python -m devices.printer test-page --port /dev/ttyUSB1
    python -m devices.printer simulate --port /tmp/printer   (a simulated printer to try these on)

Exit status 0 when the printer answered (status) or printed (test-page); 1 with a one-line reason
otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from devices.base import DeviceError
from devices.printer import OPTIONS
from devices.printer.driver import EscposPrinter

DEFAULTS = {o.key: o.default for o in OPTIONS}


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    s = dict(DEFAULTS)
    s.update(
        port=args.port,
        baud=args.baud,
        transport=args.transport,
        profile=args.profile,
        paper_width_mm=args.paper_width,
        chinese=args.chinese,
        native_qr=not args.raster_qr,
    )
    if args.transport == "network":
        s["host"] = args.port
    return s


def _open(args: argparse.Namespace) -> EscposPrinter:
    drv = EscposPrinter(_settings(args), lambda kind, payload: None)
    drv.open()
    return drv


def cmd_status(args: argparse.Namespace) -> int:
    drv = _open(args)
    try:
        status = drv.read_status()
    finally:
        drv.close()
    if args.json:
        print(json.dumps(status.as_json()))
    else:
        verdict = status.device_status()
        print(
            f"{verdict.state.value}: online={status.online} paper={status.paper} "
            f"cover_open={status.cover_open}" + (f" ({verdict.reason})" if str(verdict.reason) else "")
        )
    return 0


def cmd_test_page(args: argparse.Namespace) -> int:
    drv = _open(args)
    try:
        result = drv.print_layout("test_page", {"hall": args.hall})
    finally:
        drv.close()
    if not result.completed:
        print(f"test page not completed: {result.reason}", file=sys.stderr)
        return 1
    print(f"test page printed ({result.bytes_sent} bytes)")
    return 0


def cmd_simulate(args: argparse.Namespace) -> int:
    from devices.printer.simulator import PrinterSimulator

    sim = PrinterSimulator(
        Path(args.port), {"paper_width_mm": args.paper_width, "sim_receipts_dir": args.out}
    )
    sim.set_state(args.state)
    sim.start()
    print(f"simulated printer on {sim.port} (state {sim.state}); receipts go to {sim.folder}; Ctrl-C stops")
    sim.listeners.append(lambda what, value: print(f"{what}: {value}", flush=True))
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m devices.printer", description="Receipt printer diagnostics.")
    sub = ap.add_subparsers(dest="command", required=True)
    for name, fn in (("status", cmd_status), ("test-page", cmd_test_page), ("simulate", cmd_simulate)):
        p = sub.add_parser(name)
        p.set_defaults(fn=fn)
        p.add_argument("--port", required=True, help="pyserial URL, device file, or host (network)")
        p.add_argument("--paper-width", type=int, choices=(58, 80), default=DEFAULTS["paper_width_mm"])
        if name == "simulate":
            p.add_argument("--out", default="", help="folder for receipt PNGs (default: next to the port)")
            p.add_argument(
                "--state", default="ok", help="ok, near_end, out, cover_open, offline, cutter_error"
            )
            continue
        p.add_argument("--baud", type=int, default=DEFAULTS["baud"])
        p.add_argument("--transport", choices=("serial", "network", "file", "usb"), default="serial")
        p.add_argument("--profile", default=DEFAULTS["profile"])
        p.add_argument("--chinese", choices=("gb18030", "bitmap"), default=DEFAULTS["chinese"])
        p.add_argument("--raster-qr", action="store_true", help="QR code as an image (no native GS ( k)")
        if name == "status":
            p.add_argument("--json", action="store_true", help="print one JSON object")
        else:
            p.add_argument("--hall", default="", help="hall name printed on the page")
    args = ap.parse_args(argv)
    try:
        return int(args.fn(args))
    except DeviceError as e:
        print(f"printer {args.port}: {e.reason}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
