"""Installer diagnostics for the ID card reader.

    python -m devices.idcard read  --port URL [--baud N] [--fingerprint] [--address] [--json]
    python -m devices.idcard samid --port URL [--baud N]
    python -m devices.idcard watch --port URL [--baud N] [--json]

`read` reads the card on the reader and exits 0; no card, a dead port or an unreadable card
print one line on stderr and exit non-zero (2 no card, 3 card unreadable or invalid, 1 reader).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from typing import Any

from devices.base import DeviceError
from devices.idcard.errors import CardReadError, InvalidCardError, NoCardError
from devices.idcard.record import IdCard

EXIT_READER, EXIT_NO_CARD, EXIT_CARD = 1, 2, 3

LABELS = {
    "card_type": "证件类型",
    "name": "姓名",
    "english_name": "英文姓名",
    "sex": "性别",
    "nation": "民族",
    "nationality": "国籍",
    "birth_date": "出生日期",
    "address": "住址",
    "extra_address": "追加住址",
    "id_number": "证件号码",
    "issuer": "签发机关",
    "valid_from": "有效期起",
    "valid_until": "有效期至",
    "pass_number": "通行证号码",
    "issue_count": "签发次数",
    "photo_wlt_bytes": "照片数据(字节)",
    "photo_decoded": "照片已解码",
    "photo_note": "照片说明",
    "fingerprint_bytes": "指纹数据(字节)",
}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m devices.idcard", description="ID card reader diagnostics")
    sub = p.add_subparsers(dest="command", required=True)
    for name, help_ in (
        ("read", "read the card on the reader and exit"),
        ("samid", "print the reader's SAM ID"),
        ("watch", "print each card as it is placed (Ctrl-C ends)"),
    ):
        s = sub.add_parser(name, help=help_)
        s.add_argument(
            "--port", required=True, help="pyserial URL: /dev/ttyUSB0, hwgrep://VID:PID, spy://..."
        )
        s.add_argument("--baud", type=int, default=115200)
        s.add_argument("--timeout-scale", type=float, default=1.0, help="multiply per-command timeouts")
        s.add_argument("--json", action="store_true", help="machine-readable output")
        if name in ("read", "watch"):
            s.add_argument("--fingerprint", action="store_true", help="also read fingerprints (30 10)")
            s.add_argument("--address", action="store_true", help="also read the additional address (30 03)")
            s.add_argument("--photo-decoder", default="", help="path of a vendor WLT library")
        if name == "read":
            s.add_argument("--wait", type=float, default=0.0, help="seconds to wait for a card to be placed")
        if name == "samid":
            s.add_argument(
                "--digits", type=int, default=9, choices=(9, 10), help="zero padding (vendors differ)"
            )
    return p


def _print_card(card: IdCard, as_json: bool) -> None:
    data = card.as_json()
    if as_json:
        print(json.dumps(data, ensure_ascii=False), flush=True)
        return
    for key, value in data.items():
        print(f"{LABELS.get(key, key)}: {value}")
    print(flush=True)


def _fail(message: Any, code: int) -> int:
    print(f"error: {message}", file=sys.stderr, flush=True)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    events: list[tuple[str, Any]] = []
    settings = {
        "port": args.port,
        "baud": args.baud,
        "timeout_scale": args.timeout_scale,
        "read_fingerprint": getattr(args, "fingerprint", False),
        "read_address": getattr(args, "address", False),
        "photo_decoder": getattr(args, "photo_decoder", ""),
        "poll_interval": 0.3,
    }
    try:
        from devices.idcard.driver import SamSerialReader

        reader = SamSerialReader(settings, lambda kind, payload: events.append((kind, payload)))
        reader.open()
    except DeviceError as e:
        return _fail(e.reason, EXIT_READER)
    except Exception as e:  # never a traceback for the installer
        return _fail(e, EXIT_READER)
    try:
        if args.command == "samid":
            sam = reader.sam_id(args.digits)
            print(json.dumps({"sam_id": sam}) if args.json else sam, flush=True)
            return 0
        if args.command == "read":
            deadline = time.monotonic() + args.wait
            while True:
                try:
                    _print_card(reader.read_card(), args.json)
                    return 0
                except NoCardError:
                    if time.monotonic() >= deadline:
                        raise
                    time.sleep(0.2)
        return _watch(reader, events, args.json)
    except NoCardError as e:
        return _fail(e.reason, EXIT_NO_CARD)
    except (CardReadError, InvalidCardError) as e:
        return _fail(e.reason, EXIT_CARD)
    except DeviceError as e:
        return _fail(e.reason, EXIT_READER)
    except KeyboardInterrupt:
        return 0
    except Exception as e:
        return _fail(e, EXIT_READER)
    finally:
        reader.close()


def _watch(reader: Any, events: list[tuple[str, Any]], as_json: bool) -> int:
    print("waiting for cards (Ctrl-C ends)", file=sys.stderr, flush=True)
    while True:
        status = reader.poll()
        for kind, payload in events:
            if kind == "card_inserted":
                _print_card(payload, as_json)
            elif as_json:
                print(
                    json.dumps({"event": kind, "reason": str(payload or "")}, ensure_ascii=False), flush=True
                )
            else:
                print(f"[{kind}] {payload or ''}", flush=True)
        events.clear()
        if not status.usable:
            print(f"reader: {status.state.value} {status.reason}", file=sys.stderr, flush=True)
        time.sleep(reader.poll_interval)


if __name__ == "__main__":
    sys.exit(main())
