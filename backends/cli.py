"""What the backend CLIs share: serving a reference server in the foreground, printing JSON,
and turning backend errors into one line on stderr and an exit status (0 done, 1 refused,
2 bad usage, 3 unreachable or no valid answer)."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from typing import Any

from starlette.applications import Starlette

from backends.errors import BackendError, Refused
from backends.refserver import serve

OK, REFUSED, USAGE, UNAVAILABLE = 0, 1, 2, 3


def add_serve(sub: Any, what: str) -> None:
    p = sub.add_parser("serve", help=f"run the reference {what} on loopback until interrupted")
    p.add_argument("--port", type=int, default=0, help="port (default: a free one, printed)")


def run_server(app: Starlette, port: int, name: str) -> int:
    running = serve(app, port)
    print(f"{name} reference server at {running.url} (contract: {running.url}/openapi.json)", flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    try:
        done.wait()
    except KeyboardInterrupt:
        pass
    running.stop()
    return OK


def show(value: Any) -> None:
    def plain(v: Any) -> Any:
        if is_dataclass(v) and not isinstance(v, type):
            return asdict(v)
        if isinstance(v, list):
            return [plain(x) for x in v]
        return v

    print(json.dumps(plain(value), ensure_ascii=False, indent=2, default=str))


def run(call: Callable[[], Any]) -> int:
    try:
        show(call())
    except Refused as e:
        print(f"refused: {e.code}: {e.reason}", file=sys.stderr)
        return REFUSED
    except BackendError as e:
        print(f"{e.system}: {e.code}: {e.reason} {e.detail}".strip(), file=sys.stderr)
        return UNAVAILABLE
    return OK


def parser(prog: str, description: str) -> tuple[argparse.ArgumentParser, Any]:
    p = argparse.ArgumentParser(prog=prog, description=description)
    return p, p.add_subparsers(dest="command", required=True)
