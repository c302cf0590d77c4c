"""Running a reference server (a Starlette app) on loopback, and scripting its faults.

`serve()` binds 127.0.0.1 on a free port and runs uvicorn in a daemon thread, so tests, the
benchmark and `--simulate` start one in a few milliseconds and talk to it over real HTTP.
`Faults` lets a test make the next matching call slow, fail with 5xx, answer garbage, break the
contract, or drop the answer, before or after the server did the work.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

Handler = Callable[[Request], Awaitable[Any]]


class Problem(Exception):
    """A documented refusal: answered as 4xx {"error", "message"}."""

    def __init__(self, error: str, message: str, status: int = 409) -> None:
        self.error, self.message, self.status = error, message, status
        super().__init__(error)


@dataclass
class Fault:
    method: str
    path: str  # a prefix of the request path
    kind: str  # delay, status, malformed, contract, drop
    after: bool = True  # after the server did the work (the answer is what is lost)
    seconds: float = 0.0
    status: int = 503
    times: int = 1


class Faults:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[Fault] = []

    def add(self, method: str, path: str, kind: str, **kw: Any) -> Fault:
        f = Fault(method.upper(), path, kind, **kw)
        with self._lock:
            self._items.append(f)
        return f

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def take(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for f in self._items:
                if f.method == method and path.startswith(f.path):
                    f.times -= 1
                    if f.times <= 0:
                        self._items.remove(f)
                    return f
        return None


def route(path: str, handler: Handler, methods: list[str], faults: Faults) -> Route:
    """A JSON route: the handler returns a JSON-able value or raises Problem; faults apply."""

    async def endpoint(request: Request) -> Response:
        fault = faults.take(request.method, request.url.path)
        if fault is not None and not fault.after:
            resp = await _misbehave(fault, None)
            if resp is not None:
                return resp
        try:
            answer: Any = await handler(request)
            if isinstance(answer, Response):
                return answer
            status = 200
        except Problem as p:
            answer, status = {"error": p.error, "message": p.message}, p.status
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
            answer, status = {"error": "bad_request", "message": f"请求格式错误：{e}"}, 400
        if fault is not None and fault.after:
            resp = await _misbehave(fault, answer)
            if resp is not None:
                return resp
        return JSONResponse(answer, status)

    return Route(path, endpoint, methods=methods)


async def _misbehave(fault: Fault, answer: Any) -> Response | None:
    if fault.kind == "delay":
        await asyncio.sleep(fault.seconds)
        return None
    if fault.kind == "status":
        return unavailable(fault.status)
    if fault.kind == "malformed":
        return Response('{"state": "PAI', 200, media_type="application/json")
    if fault.kind == "contract":
        return JSONResponse({"unexpected": True, "state": 42}, 200)
    if fault.kind == "drop":  # the work is done, the answer never arrives
        return lost_answer()
    raise ValueError(f"unknown fault {fault.kind}")


def lost_answer() -> Response:
    """What a client sees when a proxy or the server dies after the work was done."""
    return Response("Internal Server Error", 500, media_type="text/plain")


def unavailable(status: int = 503) -> Response:
    """An upstream failure (the server did nothing)."""
    return Response("upstream failure", status, media_type="text/plain")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Running:
    """A reference server running in this process."""

    def __init__(self, app: Starlette, port: int = 0, host: str = "127.0.0.1") -> None:
        self.port = port or free_port()
        self.host = host
        config = uvicorn.Config(app, host=host, port=self.port, log_level="warning", access_log=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name=f"refserver-{self.port}", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, timeout: float = 20.0) -> Running:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"reference server on port {self.port} did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


def serve(app: Starlette, port: int = 0) -> Running:
    return Running(app, port).start()


async def healthy(request: Request) -> Any:
    return {"ok": True}


async def body(request: Request) -> dict[str, Any]:
    data = await request.json()
    if not isinstance(data, dict):
        raise ValueError("body must be a JSON object")
    return data
