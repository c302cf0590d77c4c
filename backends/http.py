"""One JSON-over-HTTP client for every backend: timeouts on every call, one pooled connection
set per client, answers checked against the shared contract, and failures sorted by what they
mean for the caller:

- `Unavailable`: the request certainly had no effect (connection refused or not established):
  safe to retry anything, and the journey is off until the system is back.
- `Uncertain`: the request may have taken effect (timeout after sending, HTTP 5xx, malformed or
  contract-breaking answer): retried only when the call is idempotent; otherwise the caller
  resolves it by asking (query), never by doing it again under a new key.
- `Refused`: a definite business "no" from the contract's error list (4xx {"error", "message"}).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

import httpx

from backends.contract import Contract
from backends.errors import BackendError, Refused, Unavailable, Uncertain
from core.text import tr

log = logging.getLogger(__name__)

T = TypeVar("T")


class JsonClient:
    """Thread-safe (httpx.Client is); share one per backend per process."""

    def __init__(
        self,
        system: str,
        base_url: str,
        contract: Contract,
        timeout: float = 5.0,
        connect_timeout: float = 2.0,
        attempts: int = 3,
        backoff: float = 0.2,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.system = system
        self.contract = contract
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self._sleep = sleep
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"),
            timeout=httpx.Timeout(timeout, connect=connect_timeout),
            limits=httpx.Limits(max_keepalive_connections=4, keepalive_expiry=30),
            transport=transport,
        )

    def close(self) -> None:
        self._http.close()

    def call(
        self,
        method: str,
        path: str,
        parse: Callable[[Any], T],
        body: dict[str, Any] | None = None,
        idempotent: bool = False,
    ) -> T:
        """The answer, checked against the contract and turned into a value by `parse` (whose
        KeyError/ValueError/TypeError mean an answer that cannot be trusted: Uncertain).
        Retries Unavailable always, and Uncertain only when `idempotent`."""
        for attempt in range(1, self.attempts + 1):
            try:
                answer = self._once(method, path, body)
                try:
                    return parse(answer)
                except (KeyError, ValueError, TypeError, IndexError) as e:
                    raise Uncertain(self.system, "contract", tr("服务返回了无法识别的应答"), repr(e)) from e
            except (Unavailable, Uncertain) as e:
                retry = isinstance(e, Unavailable) or idempotent
                if not retry or attempt == self.attempts:
                    raise
                log.info("%s %s %s failed (%s), retry %d", self.system, method, path, e.code, attempt)
                self._sleep(self.backoff * 2 ** (attempt - 1))
        raise AssertionError("unreachable")

    def healthy(self) -> bool:
        """One quick probe, no retries: for health gating (journeys that need it are off)."""
        try:
            return bool(self._once("GET", "/health", None)["ok"])
        except BackendError:
            return False

    def _once(self, method: str, path: str, body: dict[str, Any] | None) -> Any:
        try:
            resp = self._http.request(method, path, json=body)
        except (httpx.ConnectError, httpx.ConnectTimeout) as e:
            raise Unavailable(self.system, "unreachable", tr("服务暂时无法连接"), str(e)) from e
        except httpx.TimeoutException as e:
            raise Uncertain(self.system, "timeout", tr("服务响应超时"), str(e)) from e
        except httpx.TransportError as e:  # connection dropped mid-answer
            raise Uncertain(self.system, "transport", tr("服务响应超时"), str(e)) from e
        if resp.status_code >= 500:
            raise Uncertain(self.system, f"http_{resp.status_code}", tr("服务出错"), resp.text[:200])
        try:
            answer = resp.json()
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise Uncertain(self.system, "malformed", tr("服务返回了无法识别的应答"), resp.text[:200]) from e
        found = self.contract.check(method, path, resp.status_code, answer)
        if found:
            raise Uncertain(self.system, "contract", tr("服务返回了无法识别的应答"), "; ".join(found[:3]))
        if resp.status_code != 200:
            raise Refused(self.system, answer["error"], tr("服务拒绝：{why}", why=answer["message"]))
        return answer
