"""The backend CLIs, as staff and installers run them: serve, then ask."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WANG = "360426199101010071"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def serving(package: str) -> Iterator[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", package, "serve"], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # blocks until the server says where it listens
        m = re.search(r"(http://127\.0\.0\.1:\d+)", line)
        assert m, line
        yield m.group(1)
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def platform_url() -> Iterator[str]:
    yield from serving("backends.platform")


@pytest.fixture(scope="module")
def payment_url() -> Iterator[str]:
    yield from serving("backends.payment")


def test_platform_lookup(platform_url: str) -> None:
    out = run("backends.platform", "lookup", "--url", platform_url, WANG)
    assert out.returncode == 0, out.stderr
    person = json.loads(out.stdout)
    assert person["id_masked"] == "360426********0071" and WANG not in out.stdout


def test_platform_lookup_refused_and_bad_input(platform_url: str) -> None:
    out = run("backends.platform", "lookup", "--url", platform_url, "110101199001011237")
    assert out.returncode == 1 and "person_not_found" in out.stderr
    assert run("backends.platform", "lookup", "--url", platform_url, "12345").returncode == 2


def test_platform_unreachable_exit_status() -> None:
    out = run("backends.platform", "lookup", "--url", "http://127.0.0.1:9", "--timeout", "1", WANG)
    assert out.returncode == 3 and "unreachable" in out.stderr


def test_payment_query_refund_bill(payment_url: str) -> None:
    import httpx

    order = "CLI" + str(int(time.time() * 1000))
    body = {"order_no": order, "amount_fen": 2000, "subject": "x", "mode": "micropay", "auth_code": "1" * 18}
    assert httpx.post(payment_url + "/orders", json=body).json()["state"] == "PAID"
    q = run("backends.payment", "query", "--url", payment_url, order)
    assert q.returncode == 0 and json.loads(q.stdout)["state"] == "PAID"
    r = run("backends.payment", "refund", "--url", payment_url, order, "2000")
    assert r.returncode == 0 and json.loads(r.stdout)["refund_no"] == order + "R"
    assert (
        json.loads(run("backends.payment", "query", "--url", payment_url, order).stdout)["refunded_fen"]
        == 2000
    )
    today = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 8 * 3600))
    b = run("backends.payment", "bill", "--url", payment_url, today)
    assert b.returncode == 0 and order in b.stdout
    missing = run("backends.payment", "query", "--url", payment_url, "NOSUCHORDER")
    assert missing.returncode == 1 and "order_not_found" in missing.stderr


def test_openapi_documents_print() -> None:
    for package in ("backends.platform", "backends.payment"):
        out = run(package, "openapi")
        assert out.returncode == 0 and json.loads(out.stdout)["openapi"] == "3.1.0"
