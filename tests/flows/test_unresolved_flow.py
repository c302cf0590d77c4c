"""办不成事 headless with a fake printer and a real SQLite ratings store: what the citizen picks or
writes, the consented phone, the reference number printed or shown, the tile when it cannot work."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from core.clock import FakeClock
from core.text import Bilingual, Text
from devices.base import DeviceError, OutcomeUnknown
from flows import unresolved
from flows.catalog import CATALOG
from flows.headless import run
from flows.runtime import Finished, FlowContext
from flows.session import Session
from flows.views import Entry, Intent, Message, Pick, Picked
from hall.db import open_engine, sqlite_url
from hall.ratings import Ratings
from kiosk.config import load
from kiosk.home import tiles
from tests.flows.fakes import FakeDevices, citizen


@pytest.fixture
def store(tmp_path: Path) -> Ratings:
    return Ratings(open_engine(sqlite_url(tmp_path / "hall.db")), FakeClock(), "Asia/Shanghai").prepare()


@pytest.fixture
def devices() -> FakeDevices:
    return FakeDevices()


@pytest.fixture
def make_ctx(tmp_path: Path, store: Ratings, devices: FakeDevices) -> Callable[[], FlowContext]:
    config = load(None, {"kiosk.help_phone": "12345"})
    return lambda: FlowContext(
        clock=FakeClock(),
        session=Session(tmp_path / "run"),
        config=config,
        devices=devices,
        services={"ratings": store},
    )


def test_a_matter_none_of_the_services_is_filed_as_other_without_a_service(make_ctx, store, devices):
    t = run(
        unresolved.start,
        make_ctx(),
        citizen(Intent("ok", Picked(("other",), "")), Intent("no"), Intent("ok")),
    )
    assert isinstance(t.outcome, Finished)
    [item] = store.items()
    assert (item.service, item.what) == ("", "其他事项")


def test_a_service_picked_with_a_phone_is_filed_and_its_slip_printed(make_ctx, store, devices):
    t = run(
        unresolved.start,
        make_ctx(),
        citizen(Intent("ok", Picked(("tax",), "")), Intent("yes"), Intent("ok", "13912345678"), Intent("ok")),
    )
    pick = t.views[0]
    assert isinstance(pick, Pick) and not pick.multiple and pick.required
    assert [o.key for o in pick.options] == ["idcard", "social", "property", "tax", "other"]
    [item] = store.items()
    assert (item.service, item.what, item.phone, item.kind) == ("tax", "税务", "13912345678", "unresolved")
    [(layout, data)] = devices.printer.jobs
    assert layout == "unresolved_slip" and data["ref"] == item.ref
    done = t.views[-1]
    assert isinstance(done, Message) and done.big == item.ref and str(done.title) == "已登记，请取走凭条"
    assert item.due.isoformat() in str(done.body)
    assert data["answer"] == str(done.body)  # the paper says what the screen says, word for word
    assert t.outcome == Finished("printed")


def test_written_text_without_a_phone_shows_the_number_when_the_printer_is_down(make_ctx, store, devices):
    devices.down("printer")
    t = run(
        unresolved.start,
        make_ctx(),
        citizen(Intent("ok", Picked((), "想给孩子办护照")), Intent("no"), Intent("ok")),
    )
    [item] = store.items()
    assert (item.service, item.what, item.phone) == ("", "想给孩子办护照", None)
    done = t.views[-1]
    assert isinstance(done, Message) and done.big == item.ref and done.tone == "warning"
    assert "凭条未能打印" in str(done.body) and "凭编号到服务台查询" in str(done.body)
    assert devices.printer.jobs == []


@pytest.mark.parametrize("fault", [OutcomeUnknown(Text("无应答")), DeviceError(Text("缺纸"))])
def test_a_printer_fault_mid_job_still_gives_the_number(make_ctx, store, devices, fault):
    devices.printer.fail = fault
    t = run(
        unresolved.start, make_ctx(), citizen(Intent("ok", Picked(("tax",), "")), Intent("no"), Intent("ok"))
    )
    [item] = store.items()
    assert t.views[-1].big == item.ref  # type: ignore[attr-defined]
    assert t.outcome == Finished("on_screen")


def test_back_from_the_phone_goes_back_a_step_at_a_time_and_files_nothing(make_ctx, store):
    written = Picked(("tax",), "发票开不出来")
    t = run(
        unresolved.start,
        make_ctx(),
        citizen(
            Intent("ok", written),
            Intent("yes"),
            Intent("ok", "2391234567"),
            Intent("back"),  # from the number: the consent again, nothing filed
            Intent("back"),  # from the consent: the matter again, as picked and written
            Intent("ok", written),
            Intent("yes"),
            Intent("ok", "13912345678"),  # only the submit files it
            Intent("ok"),
        ),
    )
    entries = [v for v in t.views if isinstance(v, Entry)]
    assert str(entries[0].error) == "" and str(entries[1].error) == "手机号码应为以 1 开头的十一位数字"
    names = [type(v).__name__ for v in t.views[:7]]
    assert names == ["Pick", "Choose", "Entry", "Entry", "Choose", "Pick", "Choose"]
    first, again = (v for v in t.views if isinstance(v, Pick))
    assert first.earlier is None and again.earlier == written
    [item] = store.items()
    assert (item.service, item.what, item.phone) == ("tax", "发票开不出来", "13912345678")
    assert t.outcome == Finished("printed")


def test_back_from_the_first_screen_leaves_the_journey_and_files_nothing(make_ctx, store):
    t = run(unresolved.start, make_ctx(), citizen(Intent("back")))
    assert t.outcome == Finished("back") and store.items() == []


def test_the_tile_is_off_with_a_reason_while_the_store_is_down(store):
    catalog = {"unresolved": CATALOG["unresolved"]}
    status = FakeDevices().status
    [tile] = tiles(["unresolved"], catalog, status, {"ratings": None})
    assert not tile.available and str(tile.reason) == "暂时无法登记，请到服务台反映"
    [tile] = tiles(["unresolved"], catalog, status, {"ratings": store})
    assert tile.available and str(tile.title) == "办不成事反映"


def test_in_english_the_slip_is_english_in_the_screens_words_and_staff_read_chinese(make_ctx, store, devices):
    """An English session printed a Chinese slip the citizen could not read. The slip is now
    English, its matter and answer as the screen shows them; the record staff read is Chinese."""
    ctx = make_ctx()
    ctx.language = lambda: "en"
    # the UI's translator stands here: names from the config in their English, the rest marked
    ctx.translate = lambda text: text.render(None, "en") if isinstance(text, Bilingual) else f"EN({text})"
    t = run(
        unresolved.start,
        ctx,
        citizen(Intent("ok", Picked(("tax",), "")), Intent("yes"), Intent("ok", "13912345678"), Intent("ok")),
    )
    assert t.outcome == Finished("printed")
    [item] = store.items()
    assert item.what == "税务"
    [(layout, data)] = devices.printer.jobs
    assert layout == "unresolved_slip_en"
    assert data["what"] == "Tax" and data["answer"] == ctx.translate(t.views[-1].body)
    assert data["hall"] == ctx.config["kiosk"]["hall_name_en"]
