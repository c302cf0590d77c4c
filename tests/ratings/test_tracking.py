"""The ticket tracking page over real HTTP (uvicorn on loopback) against the queue on SQLite and
PostgreSQL: state, people ahead, the counter once called; unguessable links; nothing personal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from core.clock import FakeClock
from flows import queue as queue_flow
from flows.headless import run
from flows.runtime import FlowContext
from flows.session import Session
from flows.views import Intent
from hall.tracking.__main__ import main as cli
from hall.tracking.links import TicketLinks
from hall.tracking.server import serve
from kiosk.config import load
from tests.flows.fakes import FakeDevices, citizen
from tests.queue.helpers import ELDER, KEY, Db, at_counter, database, local, service, settings

ALL_DAY = {"hours": "00:00-24:00", "days": list(range(1, 8))}
DAY = date(2026, 1, 9)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Db]:
    with database(request.param, tmp_path) as d:
        yield d


@pytest.fixture
def hall(db: Db) -> Iterator[tuple[Any, TicketLinks, str]]:
    clock = FakeClock(local(2026, 1, 9, 10))
    store = db.store(
        settings(
            [service("b", "B", counters=["2"], name_zh="社保业务", name_en="Social insurance", **ALL_DAY)]
        ),
        clock,
    )
    links = TicketLinks(KEY, "")
    server = serve(db.engine(), links, {"b": ("社保业务", "Social insurance")}, refresh=15, clock=clock)
    try:
        yield store, links, server.url
    finally:
        server.stop()


def test_the_page_follows_a_ticket_from_waiting_to_its_counter(hall: Any) -> None:
    store, links, base = hall
    store.issue("b")
    store.issue("b")
    page = base + links.path(DAY, "B002")
    got = httpx.get(page)
    assert got.status_code == 200
    assert "B002" in got.text and "社保业务" in got.text and "等候中，前面还有 1 人" in got.text
    assert 'http-equiv="refresh" content="15"' in got.text
    calling = at_counter(store, "2")
    calling.call_next("2")  # B001 to counter 2: B002 is next
    assert "前面还有 0 人" in httpx.get(page).text
    calling.finish("2")
    calling.call_next("2")
    got = httpx.get(page)
    assert "请到 2 号窗口办理" in got.text
    assert httpx.get(page, params={"lang": "en"}).text.count("Please go to counter 2") == 1
    api = httpx.get(base + "/api" + links.path(DAY, "B002")).json()
    assert api == {
        "number": "B002",
        "service": "社保业务",
        "status": "called",
        "ahead": 0,
        "counter": "2",
        "text": "请到 2 号窗口办理",
    }
    calling.finish("2")
    got = httpx.get(page)
    assert "已办结" in got.text and "http-equiv" not in got.text  # final: no more refreshing


def test_a_priority_ticket_counts_only_priority_tickets_ahead(hall: Any) -> None:
    store, links, base = hall
    store.issue("b")
    elder = store.issue("b", id_number=ELDER)
    assert elder.priority
    api = httpx.get(base + "/api" + links.path(DAY, elder.number)).json()
    assert api["ahead"] == 0  # the walk-in issued earlier is called after the elder
    assert httpx.get(base + "/api" + links.path(DAY, "B001")).json()["ahead"] == 1


def test_links_cannot_be_guessed_and_say_nothing_about_other_numbers(hall: Any) -> None:
    store, links, base = hall
    store.issue("b", id_number=ELDER)
    token = links.token(DAY, "B001")
    assert len(token) == 16 and token != links.token(DAY, "B002") != links.token(date(2026, 1, 10), "B001")
    forged = httpx.get(f"{base}/t/2026-01-09/B001/{'a' * 16}")
    unknown = httpx.get(base + links.path(DAY, "B009"))  # a valid link to a number never issued
    assert forged.status_code == unknown.status_code == 404
    assert forged.text == unknown.text and "未找到这张号票" in forged.text
    assert httpx.get(f"{base}/t/notaday/B001/{token}").status_code == 404
    page = httpx.get(base + links.path(DAY, "B001")).text
    assert "19491231" not in page and "K01" not in page  # no ID number, no kiosk


def test_the_queue_flow_prints_the_tracking_link_in_the_ticket_qr(db: Db, tmp_path: Path) -> None:
    config = load(None, {"queue.always_open": True, "kiosk.data_dir": str(tmp_path / "data")})
    from hall.queue.factory import open_queue

    clock = FakeClock()
    store = open_queue(config, clock, url=db.url)
    links = TicketLinks(b"x" * 32, "https://hall.example.cn/q/")
    devices = FakeDevices()
    ctx = FlowContext(
        clock=clock,
        session=Session(tmp_path / "run"),
        config=config,
        devices=devices,
        services={"queue": store, "tracking": links},
    )
    run(queue_flow.start, ctx, citizen(Intent("social"), Intent("plain"), Intent("ok")))
    [(_, data)] = devices.printer.jobs
    day = store.today()
    assert data["qr"] == f"https://hall.example.cn/q/t/{day.isoformat()}/B001/{links.token(day, 'B001')}"


def test_cli_prints_the_link_a_ticket_holds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key_file = tmp_path / "queue-id.key"
    key_file.write_text(KEY.hex() + "\n")
    assert (
        cli(["link", "--key-file", str(key_file), "--base-url", "https://h.cn/q", "2026-01-09", "b001"]) == 0
    )
    assert capsys.readouterr().out.strip() == "https://h.cn/q" + TicketLinks(KEY, "").path(DAY, "B001")
    assert cli(["link", "--key-file", str(tmp_path / "none"), "--base-url", "x", "2026-01-09", "B1"]) == 1


def test_serve_runs_the_page_as_the_hall_server_would(db: Db, tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    from backends.refserver import free_port
    from tests.conftest import ROOT

    key_file = tmp_path / "queue-id.key"
    key_file.write_text(KEY.hex() + "\n")
    clock = FakeClock(local(2026, 1, 9, 10))
    db.store(settings([service("b", "B", counters=["2"], **ALL_DAY)]), clock).issue("b")
    port = free_port()
    args = ["serve", "--db", db.url, "--key-file", str(key_file), "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen([sys.executable, "-m", "hall.tracking", *args], cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health").status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
            time.sleep(0.1)
        page = httpx.get(f"http://127.0.0.1:{port}" + TicketLinks(KEY, "").path(DAY, "B001"))
        assert page.status_code == 200 and "等候中，前面还有 0 人" in page.text
    finally:
        proc.terminate()
        proc.wait(timeout=10)
