"""The certificate journey headless: the real platform client against the reference platform,
the real CUPS driver (supervised Device) against the simulated CUPS, the real Qt renderer, the
journal on SQLite and PostgreSQL, a camera showing the simulated person. What the citizen sees,
what comes out of the printer, what the journal and the disk keep."""

from __future__ import annotations

import subprocess
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from backends.payment.client import PaymentClient
from backends.platform import seal
from backends.platform.client import PlatformClient
from backends.platform.demo import PEOPLE
from core.clock import FakeClock
from core.text import tr
from devices.a4printer.driver import CupsPrinter
from devices.a4printer.simulator import A4Simulator
from devices.base import OK, Device, DeviceStatus, State
from flows import certificate
from flows.headless import run
from flows.runtime import Finished, FlowContext, FlowRunner
from flows.session import Session
from flows.views import Busy, Choose, Entry, Intent, Message, Payment, Preview, View, Work, online
from hall.certificate_prints import PRINT, CertificatePrints
from hall.db import migrate, open_engine
from hall.journal import DONE, FAILED, Journal
from kiosk.config import load
from kiosk.ui.certificate_doc import render
from kiosk.ui.documents import ensure_gui_app
from tests.backends.support import AUTH, WANG, Servers, db_url, servers
from tests.devices.a4printer.cupsd import PrivateCups
from tests.flows.fakes import FakeDevice, FakeDevices
from tests.flows.test_reissue_flow import SwayingCamera

RARE = next(p for p in PEOPLE if "rare characters" in p.case)


class CertDevices(FakeDevices):
    def __init__(self, a4: Device) -> None:
        super().__init__()
        self.a4 = a4
        self.camera = SwayingCamera()
        self.states.update({"camera": OK, "scanner": OK})

    def status(self, kind: str) -> DeviceStatus:
        return self.a4.status if kind == "a4printer" else super().status(kind)

    def __getitem__(self, kind: str) -> Any:
        if kind == "a4printer":
            return self.a4
        return FakeDevice({"printer": self.printer, "camera": self.camera}[kind])


@pytest.fixture(scope="module")
def srv() -> Iterator[Servers]:
    ensure_gui_app()
    with servers() as s:
        yield s


@pytest.fixture
def a4sim(tmp_path: Path) -> A4Simulator:
    return A4Simulator(tmp_path / "a4printer", {}).start()


@pytest.fixture
def a4(a4sim: A4Simulator) -> Iterator[Device]:
    dev = Device(
        "a4printer",
        lambda emit: CupsPrinter({**a4sim.settings_overrides(), "status_interval": 1}, emit),
        backoff=(0.05, 0.2),
    )
    dev.start()
    assert dev.wait_until(lambda s: s.state is State.OK, 10)
    yield dev
    dev.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def journal(request: Any, tmp_path: Path) -> Iterator[Journal]:
    with db_url(request.param, tmp_path) as url:
        engine = open_engine(url)
        migrate(engine)
        yield Journal(engine, "K01")
        engine.dispose()


def make_ctx(tmp_path: Path, srv: Servers, a4: Device, journal: Journal, wait: float = 20.0) -> FlowContext:
    srv.platform.faults.clear()
    srv.gateway.script("*", "pay")
    platform = PlatformClient(srv.platform_url, timeout=5.0, backoff=0.01)
    gateway = PaymentClient(srv.payment_url, timeout=5.0, backoff=0.01)
    config = load(None, {"certificate.poll_seconds": 0.5, "certificate.print_wait": wait})
    services = {"platform": platform, "payment": gateway, "journal": journal, "certificate_renderer": render}
    return FlowContext(
        clock=FakeClock(),
        session=Session(tmp_path / "run"),
        config=config,
        devices=CertDevices(a4),
        services=services,
    )


@pytest.fixture
def ctx(tmp_path: Path, srv: Servers, a4: Device, journal: Journal) -> Iterator[FlowContext]:
    c = make_ctx(tmp_path, srv, a4, journal)
    yield c
    c.services["platform"].close()
    c.services["payment"].close()


class Citizen:
    """Types the number, picks what the test says, pages through the preview, prints."""

    def __init__(
        self, id_number: str = WANG, kind: str = "social_insurance", period: str = "12", copies: str = "2"
    ):
        self.id_number, self.kind, self.period, self.copies = id_number, kind, period, copies
        self.on_pause: Callable[[Message], Intent | None] = lambda v: Intent("wait")
        self.seen: list[str] = []
        self.pages_seen: list[int] = []

    def __call__(self, view: View) -> Intent | None:
        title = str(view.title)
        self.seen.append(title)
        if isinstance(view, Payment):
            return Intent("scanned", AUTH) if "scanned" in view.events else None
        if isinstance(view, Busy):
            return None
        if isinstance(view, Entry):
            return Intent("ok", self.id_number)
        if isinstance(view, Preview):
            self.pages_seen.append(view.page)
            assert Path(view.image).is_file()
            return Intent("next") if view.page < min(view.pages, 2) else Intent("print")
        if isinstance(view, Choose):
            keys = [o.key for o in view.options if o.enabled]
            for wanted in ("number", self.kind, self.period, self.copies, "micropay"):
                if wanted in keys:
                    return Intent(wanted)
            return Intent(keys[0])
        assert isinstance(view, Message)
        if title == "打印暂停":
            return self.on_pause(view)
        return Intent({"人像比对未通过": "retry", "证明已打印，请取走": "ok"}.get(title, "ok"))


def prints(ctx: FlowContext) -> list[Any]:
    return [s for s in ctx.services["journal"].iter_all() if s.kind == PRINT]


def pdf_text(path: Path, page: int | None = None) -> str:
    """The PDF's text layer (poppler), without spaces. Noto CJK maps some ideographs' glyphs to
    their radicals (小 comes out as ⼩, 页 as ⻚): NFKC folds the first kind back, the rest by hand."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(
        ["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return unicodedata.normalize("NFKC", out).replace("⻚", "页").replace(" ", "")


def no_content_left(ctx: FlowContext, root: Path, *needles: str) -> None:
    """Nothing of the certificate in the kiosk's folders: the session's is gone, and no file
    left anywhere under the run folder (the simulated printer's paper tray aside) holds it."""
    assert ctx.session.closed
    for f in root.rglob("*"):
        if f.is_file() and "a4" not in f.relative_to(root).parts[0]:
            data = f.read_bytes()
            assert f.suffix not in (".pdf", ".png"), f
            assert not any(n.encode() in data for n in needles), f


@pytest.mark.parametrize("kind", ["social_insurance", "income_tax", "housing_fund", "property_record"])
def test_each_kind_prints_on_a4_and_the_session_leaves_nothing(ctx, a4sim, srv, tmp_path, kind):
    citizen = Citizen(kind=kind)
    t = run(certificate.start, ctx, citizen)
    assert t.outcome == Finished("printed"), citizen.seen
    [doc] = a4sim.documents
    text = pdf_text(doc)
    [job] = a4sim.jobs()
    assert job["state"] == "completed"
    [step] = prints(ctx)
    serial = step.refs["serial"]
    assert step.state == DONE and step.refs["copies"] == 2 and step.refs["job"] == job["id"]
    assert serial in text and "王小明" in text and "360426********0071" in text and WANG not in text
    assert str(srv.platform.issued[serial])  # the platform issued this very serial
    if kind != "property_record":
        assert "查询期间" in text and "请选择查询期间" in citizen.seen
    assert citizen.pages_seen[:1] == [1]
    payments = [s for s in ctx.services["journal"].iter_all() if s.kind == "payment"]
    if kind == "property_record":  # 10 yuan a copy, paid through the reissue payment step
        [pay] = payments
        assert pay.state == DONE and srv.gateway.net_fen(pay.key) == 2000
        assert ctx.services["journal"].get("certificate.fee", serial).after["outcome"] == "printed"
    else:
        assert payments == []
    no_content_left(ctx, tmp_path, "王小明")  # the serial stays, a reference in the journal


def test_the_certificate_list_names_each_issuer_in_english_on_english_screens(ctx, a4sim):
    citizen = Citizen()
    t = run(certificate.start, ctx, citizen)
    [kinds] = [v for v in t.views if isinstance(v, Choose) and str(v.title) == "请选择要打印的证明"]
    en_ts = {
        "{issuer}出具，免费": "Issued by {issuer}, free",
        "{issuer}出具，每份 {fee} 元": "Issued by {issuer}",
    }
    english = [o.detail.render(lambda s: en_ts.get(s, s), "en") for o in kinds.options]
    assert "Issued by the City Social Insurance Administration Center, free" in english  # the platform's
    assert not any("市社会保险事业管理中心" in e for e in english)
    assert "市社会保险事业管理中心出具，免费" in [str(o.detail) for o in kinds.options]  # Chinese as it was


def test_decades_of_records_and_a_rare_name_print_every_page(ctx, a4sim, tmp_path):
    citizen = Citizen(RARE.id_number, period="all", copies="1")
    t = run(certificate.start, ctx, citizen)
    assert t.outcome == Finished("printed"), citizen.seen
    [doc] = a4sim.documents
    pages = int(prints(ctx)[0].refs["pages"])
    assert pages > 50 and citizen.pages_seen == [1, 2]
    # 䶮 (extension A) is in the text layer; 𠇔 (extension B) is drawn but Qt's PDF text layer
    # leaves characters beyond the BMP out: tests/ui/test_certificate_doc.py looks at its pixels
    assert "欧阳" in pdf_text(doc, 1) and "䶮" in pdf_text(doc, 1)
    last = pdf_text(doc, pages)
    assert f"第{pages}页/共{pages}页" in last and "特此证明" in last
    no_content_left(ctx, tmp_path, "欧阳")


def test_paper_out_mid_job_waits_for_staff_then_prints_once(ctx, a4sim):
    a4sim.run_out_during_next()
    citizen = Citizen()
    paused: list[str] = []

    def pause(view: Message) -> Intent:
        paused.append(str(view.body))
        a4sim.set_state("idle")  # staff load paper
        return Intent("wait")

    citizen.on_pause = pause
    t = run(certificate.start, ctx, citizen)
    assert t.outcome == Finished("printed"), citizen.seen
    assert paused and "A4 打印纸已用完" in paused[0]
    assert len(a4sim.documents) == 1 and [s.state for s in prints(ctx)] == [DONE]


def test_printer_offline_mid_job_and_the_citizen_cancels(ctx, a4sim):
    a4sim.offline_during_next()
    citizen = Citizen()
    citizen.on_pause = lambda view: Intent("cancel")
    t = run(certificate.start, ctx, citizen)
    assert t.outcome == Finished("cancelled"), citizen.seen
    assert "A4 打印机脱机" in citizen.seen or any(
        "脱机" in str(v.body) for v in t.views if isinstance(v, Message)
    )
    assert [j["state"] for j in a4sim.jobs()] == ["canceled"]
    a4sim.set_state("idle")  # the printer comes back: nothing prints for nobody
    assert ctx.devices["a4printer"].call(lambda d: d.job_state(a4sim.jobs()[0]["id"])).state == "failed"
    assert a4sim.documents == [] and [s.state for s in prints(ctx)] == [FAILED]


def test_a_paid_certificate_that_does_not_print_is_refunded(ctx, a4sim, srv):
    """At night nobody comes to the printer at once: the pause says what cancelling does with
    the fee and gives the phone, stays up until the printer is back (drawn again at each poll,
    it flickered to a spinner and lost a stranger's tap), and the end names the certificate."""
    a4sim.offline_during_next()
    citizen = Citizen(kind="property_record", copies="1")
    paused: list[Message] = []
    citizen.on_pause = lambda view: (paused.append(view), Intent("cancel"))[1]
    t = run(certificate.start, ctx, citizen)
    assert t.outcome == Finished("cancelled"), citizen.seen
    [pause] = paused
    body = pause.body.render()
    assert "取消打印，已缴的费用原路退回" in body and "服务电话 12345" in body
    assert online("a4printer") in pause.events  # heard back at once ...
    every = ctx.config["certificate"]["poll_seconds"]
    assert pause.timeout is not None and pause.timeout > every * 5  # ... not drawn again at each poll
    assert "已缴的费用将原路退回" in str(t.views[-1].body)
    serial = next(s.refs["serial"] for s in ctx.services["journal"].iter_all() if s.kind == PRINT)
    assert f"证明编号 {serial}" in t.views[-1].body.render()
    [pay] = [s for s in ctx.services["journal"].iter_all() if s.kind == "payment"]
    assert pay.state == "undone" and srv.gateway.net_fen(pay.key) == 0
    a4sim.set_state("idle")
    assert a4sim.documents == []


def test_a_paid_job_staff_cancel_in_cups_is_not_printed_and_refunded(ctx, a4sim, srv):
    a4sim.run_out_during_next()
    citizen = Citizen(kind="property_record", copies="1")

    def pause(view: Message) -> Intent:
        [job] = a4sim.jobs()  # staff cancel it in CUPS itself, then load paper
        subprocess.run([a4sim.settings_overrides()["cancel_command"], job["id"]], check=True)
        a4sim.set_state("idle")
        return Intent("wait")

    citizen.on_pause = pause
    t = run(certificate.start, ctx, citizen)
    assert "证明没有打印" in citizen.seen and "证明已打印，请取走" not in citizen.seen
    # paid: the choice says what each way does with the fee, and whom to call at night
    retry = [v for v in t.views if isinstance(v, Message) and ("retry", tr("重新打印")) in v.actions]
    [failed] = [str(v.body) for v in retry]
    assert "重新打印不再收费，返回首页则原路退回" in failed and "服务电话" in failed
    assert "已缴的费用将原路退回" in str(t.views[-1].body)
    [step] = prints(ctx)
    assert step.state == FAILED and step.after["cups"] == "failed"
    [pay] = [s for s in ctx.services["journal"].iter_all() if s.kind == "payment"]
    assert pay.state == "undone" and srv.gateway.net_fen(pay.key) == 0
    assert a4sim.documents == []


def test_citizen_who_walks_away_mid_job_has_the_job_withdrawn(ctx, a4sim):
    a4sim.run_out_during_next()
    citizen = Citizen()
    runner = FlowRunner(certificate.start(ctx), ctx.session, ctx.clock)
    step: Any = runner.start()
    while not (isinstance(step, Message) and str(step.title) == "打印暂停"):
        if isinstance(step, Work):
            step = runner.answer(step.fn())
        else:
            answer = citizen(step)
            if answer is None:
                ctx.clock.advance(step.timeout or 0)
                answer = Intent("timeout")
            step = runner.answer(answer)
    assert step.waiting_on_us  # told it may wait: the kiosk's idle watch leaves it be
    runner.cancel("idle")  # ... but a citizen gone for good: the session ends it
    deadline = time.monotonic() + 30
    while [j["state"] for j in a4sim.jobs()] != ["canceled"] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [j["state"] for j in a4sim.jobs()] == ["canceled"]
    a4sim.set_state("idle")
    assert a4sim.documents == []


def test_printer_out_of_paper_before_printing_says_so(ctx, a4sim, a4):
    a4sim.set_state("media_empty")
    assert a4.wait_until(lambda s: not s.usable, 10)
    t = run(certificate.start, ctx, Citizen())
    end = t.views[-1]
    assert str(end.title) == "A4 打印机暂时无法使用" and "A4 打印纸已用完" in str(end.body)
    assert a4sim.jobs() == [] and prints(ctx) == []


def test_platform_down_is_said_plainly(ctx, srv, a4sim):
    srv.platform.faults.add("GET", "/certificates", "status", times=50)
    t = run(certificate.start, ctx, Citizen())
    assert str(t.views[-1].title) == "业务系统暂时无法连接"
    assert a4sim.jobs() == [] and prints(ctx) == []


def test_a_certificate_whose_seal_does_not_check_is_not_printed(ctx, a4sim):
    ctx.services["certificate_verifier"] = seal.Ed25519Signer().verifier()  # another issuer's key
    t = run(certificate.start, ctx, Citizen())
    assert str(t.views[-1].title) == "证明数据核验未通过"
    assert a4sim.jobs() == [] and prints(ctx) == []


def test_no_records_in_the_period_offers_another_choice(ctx, a4sim):
    citizen = Citizen(next(p.id_number for p in PEOPLE if p.case.startswith("eligible; no certificates")))
    run(certificate.start, ctx, citizen)
    assert "没有查到您的该项记录" in citizen.seen and a4sim.jobs() == []


def test_checking_a_scanned_certificate(ctx, srv):
    genuine = ctx.services["platform"].certificate("housing_fund", WANG).qr
    forged = genuine.replace("360426", "110105")
    answers = iter(
        [
            Intent("check"),
            Intent("scanned", genuine),
            Intent("again"),
            Intent("scanned", forged),
            Intent("home"),
        ]
    )
    t = run(certificate.start, ctx, lambda v: next(answers, None))
    results = [v for v in t.views if isinstance(v, Message) and v.tone in ("success", "error")]
    assert [str(v.title) for v in results] == ["核验通过：证明由出具机构签发", "核验未通过"]
    assert "360426********0071" in str(results[0].body) and "住房公积金缴存证明" in str(results[0].body)
    assert "改动" in str(results[1].body)
    assert t.outcome == Finished("checked")


def test_a_crash_mid_job_is_settled_without_printing_twice(tmp_path, a4sim, a4, journal):
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(b"%PDF-1.4 test")
    first = CertificatePrints(journal, a4)
    a4sim.run_out_during_next()
    step = first.submit("SO2026120100001", 1, pdf, 1, {"kind": "social_insurance"})
    assert step.open and step.refs["job"]
    # the kiosk dies here; after the restart the reconciler settles what the journal shows open
    again = CertificatePrints(journal, a4)
    assert again.submit("SO2026120100001", 1, pdf, 1, {}).refs["job"] == step.refs["job"]  # never sent twice
    assert again.settle("cert-SO2026120100001").state == "not_printed"
    a4sim.set_state("idle")
    assert a4sim.documents == [] and journal.get(PRINT, step.key).state == FAILED
    done = again.submit("SO2026120100002", 1, pdf, 1, {})
    assert again.a4.call(lambda d: d.wait_job(done.refs["job"], timeout=10)).state == "completed"
    assert again.settle("cert-SO2026120100002").state == "printed"
    assert len(a4sim.documents) == 1 and journal.get(PRINT, done.key).state == DONE


def test_real_cups_paper_out_mid_job_waits_then_prints_once(tmp_path, srv, journal, monkeypatch):
    """The same journey against Debian's scheduler: the backend reports the tray empty, CUPS
    stops the queue and keeps the job, the citizen is told, staff refill, it prints once."""
    cups = PrivateCups().start()
    monkeypatch.setenv("CUPS_SERVER", str(cups.socket))
    dev = Device("a4printer", lambda emit: CupsPrinter({"status_interval": 1}, emit), backoff=(0.05, 0.2))
    dev.start()
    try:
        assert dev.wait_until(lambda s: s.state is State.OK, 20)
        # fast polls on the fake clock: the wait may not run out before the scheduler answers
        ctx = make_ctx(tmp_path, srv, dev, journal, wait=3600.0)
        cups.paper(loaded=False)
        paused: list[str] = []

        def pause(view: Message) -> Intent:
            paused.append(str(view.body))
            cups.paper(loaded=True)  # staff load paper and resume the queue
            return Intent("wait")

        citizen = Citizen(copies="1")
        citizen.on_pause = pause
        t = run(certificate.start, ctx, citizen, max_steps=20000)
        assert t.outcome == Finished("printed"), citizen.seen[-5:]
        assert paused and "A4 打印纸已用完" in paused[0]
        [doc] = cups.documents
        assert doc.read_bytes().startswith(b"%PDF")
        assert [s.state for s in prints(ctx)] == [DONE]
        ctx.services["platform"].close()
        ctx.services["payment"].close()
    finally:
        dev.stop()
        cups.stop()


def test_a_crash_after_paying_is_settled_by_refunding_the_unprinted_certificate(
    ctx, a4sim, a4, srv, tmp_path
):
    from backends.payment.api import Mode
    from hall.certificate_prints import FEE
    from hall.reconcile import Reconciler
    from hall.saga import PaidApplication

    journal = ctx.services["journal"]
    payments = PaidApplication(
        journal, ctx.services["platform"], ctx.services["payment"], subject="证明打印费"
    )
    prints = CertificatePrints(journal, a4, payments)
    case = prints.open_fee("PR2026120100009", 1000, {"kind": "property_record"})
    order = payments.pay(case, Mode.MICROPAY, AUTH)
    assert order.state.final and srv.gateway.net_fen(order.order_no) == 1000
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(b"%PDF-1.4 test")
    a4sim.run_out_during_next()
    prints.submit("PR2026120100009", 1, pdf, 1, {})
    # the kiosk dies here, paid, the job waiting for paper; at the restart the reconciler runs
    reconciler = Reconciler(journal)
    for kind in (FEE, PRINT):
        reconciler.add_settler(kind, CertificatePrints(journal, a4, payments).settle)
    from datetime import timedelta

    report = reconciler.run(grace=timedelta(0))
    assert report.settled == {"cert-PR2026120100009": "refunded"}
    assert srv.gateway.net_fen(order.order_no) == 0
    a4sim.set_state("idle")
    assert a4sim.documents == []


def test_the_id_card_read_then_the_face_checked(ctx, a4sim):
    from types import SimpleNamespace

    card = SimpleNamespace(id_number=WANG, name="王小明", address="示例市示例路 1 号")
    base = Citizen(kind="income_tax", copies="1")

    def citizen(view: View) -> Intent | None:
        if isinstance(view, Choose) and "card" in [o.key for o in view.options if o.enabled]:
            return Intent("card")
        if "card_inserted" in view.events:
            return Intent("card_inserted", card)
        if "card_removed" in view.events:
            return Intent("card_removed")
        return base(view)

    t = run(certificate.start, ctx, citizen)
    assert t.outcome == Finished("printed"), base.seen
    assert "请刷身份证" in [str(v.title) for v in t.views] and not [
        v for v in t.views if isinstance(v, Entry)
    ]
    assert len(a4sim.documents) == 1


def test_the_list_of_certificates_has_a_way_back(ctx, a4sim):
    """A citizen who changed their mind (or pressed 继续打印其他证明 by mistake) leaves the list
    with 返回 instead of waiting out the idle timeout."""
    offered: list[bool] = []
    citizen = Citizen()

    def change_of_mind(view: View) -> Intent | None:
        if isinstance(view, Choose) and str(view.title) == "请选择要打印的证明":
            offered.append(view.can_go_back)
            return Intent("back")
        return citizen(view)

    t = run(certificate.start, ctx, change_of_mind)
    assert offered == [True] and t.outcome == Finished("back")
    assert a4sim.documents == [] and prints(ctx) == []


# ---- copies: never more than [certificate] max_copies, and the limit on the screen ----
def _with_copies(ctx: FlowContext, most: int) -> FlowContext:
    from dataclasses import replace

    overrides = {
        "certificate.poll_seconds": 0.5,
        "certificate.print_wait": 20.0,
        "certificate.max_copies": most,
    }
    return replace(ctx, config=load(None, overrides))


def test_copies_stop_at_the_configured_most_which_the_screen_shows(ctx, a4sim, srv):
    ctx = _with_copies(ctx, 4)
    citizen = Citizen(kind="property_record")
    answers = [Intent("5"), Intent("4")]  # one more than allowed (a stale answer), then the most
    plain = citizen.__call__

    def walk(view: View) -> Intent | None:
        if isinstance(view, Choose) and str(view.title).startswith("请选择打印份数"):
            return answers.pop(0)
        return plain(view)

    t = run(certificate.start, ctx, walk)
    assert t.outcome == Finished("printed"), citizen.seen
    asked = [v for v in t.views if isinstance(v, Choose) and str(v.title).startswith("请选择打印份数")]
    assert len(asked) == 2  # 5 was not taken: asked again
    assert str(asked[0].title) == "请选择打印份数（最多 4 份）" and "最多 4 份" in str(asked[0].prompt)
    assert [o.key for o in asked[0].options] == ["1", "2", "3", "4"]
    # each choice says what it costs before the citizen pays, and the end says what was paid
    assert [str(o.detail).split("，")[-1] for o in asked[0].options] == [
        "10.00 元",
        "20.00 元",
        "30.00 元",
        "40.00 元",
    ]
    assert "已缴费 40.00 元" in str(t.views[-1].body)
    [step] = prints(ctx)
    assert step.refs["copies"] == 4
    [pay] = [s for s in ctx.services["journal"].iter_all() if s.kind == "payment"]
    assert srv.gateway.net_fen(pay.key) == 4 * 1000  # charged for the copies printed, no more


def test_one_copy_at_most_prints_one_without_asking(ctx, a4sim):
    t = run(certificate.start, _with_copies(ctx, 1), Citizen())
    assert t.outcome == Finished("printed")
    assert not any(str(v.title).startswith("请选择打印份数") for v in t.views)
    [step] = prints(ctx)
    assert step.refs["copies"] == 1


def test_a_printed_certificate_is_rated_under_the_certificate_never_with_the_id_number(ctx, a4sim, tmp_path):
    from tests.flows.rated import check_rated, rated_walk

    citizen = Citizen(copies="1")
    t, store = rated_walk("certificate", ctx, citizen, tmp_path / "ratings")
    assert t.outcome == Finished("printed"), citizen.seen
    check_rated(t, store, "certificate", ctx, tmp_path / "ratings", WANG, "360426********0071")
