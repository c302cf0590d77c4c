"""Lock-board diagnostics for installers and staff.

    python -m devices.locker --port /dev/ttyUSB2 --protocol 8a --board 1 open 3
    python -m devices.locker --port /dev/ttyUSB2 --protocol kerong --board 0 status --json
    python -m devices.locker --port /dev/ttyUSB2 --protocol 8a --channels 16 --board 1 open-all

`open` sends exactly one open command. Exit status: 0 done, 1 the lock did not open, 2 no reply, a
bad reply or no serial port; the reason is one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from devices.base import ConnectionLost, DeviceError, PermanentFault
from devices.locker.driver import LockBoard
from devices.locker.errors import LockJammed
from devices.locker.protocol import CODECS


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m devices.locker", description="Talk to one lock board.")
    p.add_argument("--port", required=True, help="pyserial URL: /dev/ttyUSB2, spy:///dev/ttyUSB2, ...")
    p.add_argument("--protocol", required=True, choices=sorted(CODECS))
    p.add_argument("--board", type=int, help="board address (default: 1 for 8a, 0 for kerong)")
    p.add_argument("--baud", type=int, default=0, help="serial speed (default: the protocol's usual one)")
    p.add_argument("--timeout", type=float, default=0.5, help="seconds to wait for each reply")
    p.add_argument("--polarity", choices=("normal", "reversed"), default="normal", help="open reply polarity")
    p.add_argument("--channels", type=int, default=24, help="8a: channels of the board (12, 16, 24...)")
    p.add_argument("--no-unlock-reply", action="store_true", help="the board never answers an unlock")
    sub = p.add_subparsers(dest="command", required=True)
    op = sub.add_parser("open", help="open one lock (one command, never repeated)")
    op.add_argument("lock", type=int)
    sub.add_parser("open-all", help="open every lock of the board (one command)")
    st = sub.add_parser("status", help="door state of one lock, or of every lock on the board")
    st.add_argument("lock", type=int, nargs="?")
    st.add_argument("--json", action="store_true", help='print {"LOCK": "open"|"closed", ...}')
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    codec = CODECS[args.protocol]
    board = codec.first_board if args.board is None else args.board
    settings = {
        "protocol": args.protocol,
        "port": args.port,
        "baud": args.baud,
        "reply_timeout": args.timeout,
        "open_reply_polarity": args.polarity,
        "query_retries": 0,
        "channels": args.channels,
        "unlock_reply": "none" if args.no_unlock_reply else "auto",
    }
    try:
        driver = LockBoard(settings, lambda kind, payload: None)
        driver.open()
    except DeviceError as e:
        print(f"error: {e.reason}", file=sys.stderr)
        return 2
    try:
        if args.command == "open":
            driver.open_lock(board, args.lock)
            print(f"board {board} lock {args.lock}: opened")
            return 0
        if args.command == "open-all":
            driver.open_board(board)
            print(f"board {board}: open-all sent")
            return 0
        if args.lock is not None:
            states = {args.lock: driver.query_lock(board, args.lock)}
        else:
            states = driver.query_board(board)
        named = {str(lock): "closed" if closed else "open" for lock, closed in states.items()}
        if args.json:
            print(json.dumps(named))
        else:
            for lock, state in named.items():
                print(f"board {board} lock {lock}: {state}")
        return 0
    except LockJammed as e:
        print(f"error: {e.reason}", file=sys.stderr)
        return 1
    except (ConnectionLost, PermanentFault, DeviceError) as e:
        print(f"error: {e.reason}", file=sys.stderr)
        return 2
    finally:
        driver.close()


if __name__ == "__main__":
    sys.exit(main())
