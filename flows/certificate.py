"""Certificate printing on A4 (services.md section 3), top to bottom:

who (the ID card read, or the number typed) -> the live face against the registry photo on the
platform (the reissue journey's step) -> a certificate from the platform's catalogue, and a
period for monthly records -> the platform issues it, signed; the kiosk checks the signature
names this very content -> the real document rendered to a PDF in the session folder and shown
page by page -> copies -> printed on A4, each job a journal step (hall/certificate_prints.py),
withdrawn if the citizen leaves while it waits for paper. Or: check a certificate by scanning
its QR, verified offline with the issuer's public key.

The PDF and the preview pictures live in the session folder and go with the session; the
holder's name is registered with the log redactor while the session lives.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from zoneinfo import ZoneInfo

from backends.errors import BackendError, Refused
from backends.platform.api import Certificate, CertificateType, Person
from core.text import Bilingual, Text, lines, tr
from devices.base import DeviceError
from flows.queue import take_card_back
from flows.reissue import compare_face, end, fen, pay, systems_down, type_number
from flows.runtime import FlowContext, FlowGen
from flows.views import TIMEOUT, Busy, Choose, Message, Option, Preview, Work, offline, online

if TYPE_CHECKING:  # SQLAlchemy comes with the journal: loaded when a print starts, not at first paint
    from hall.certificate_prints import CertificatePrints

log = logging.getLogger(__name__)

KIND_NAMES: dict[str, Text] = {
    "social_insurance": tr("社会保险参保缴费证明"),
    "income_tax": tr("个人所得税纳税记录"),
    "housing_fund": tr("住房公积金缴存证明"),
    "property_record": tr("不动产登记信息查询结果"),
}
CARD_EVENTS = ("card_inserted", "card_invalid", offline("idcard"))
SEAL_FAILURES: dict[str, Text] = {
    "tampered": tr("二维码内容被改动过，或不是出具机构签发的。此证明不可信"),
    "not_a_certificate": tr("这不是证明上的核验二维码，请扫描证明页脚左下角的二维码"),
    "unknown_algorithm": tr("无法识别这种签名，请到窗口核验"),
}


class Rendered(Protocol):
    """A certificate laid out and written to PDF (kiosk/ui/certificate_doc.py)."""

    pdf: Path
    pages: int

    def preview(self, index: int, path: Path, width_px: int) -> Path: ...


class Renderer(Protocol):
    def __call__(self, cert: Certificate, printed_at: str, pdf: Path) -> Rendered: ...


def _local_now(ctx: FlowContext) -> datetime:
    return ctx.clock.now().astimezone(ZoneInfo(str(ctx.config["kiosk"]["timezone"])))


def months_back(last: str, n: int) -> str:
    """The month n-1 months before `last` ("YYYY-MM"): a period of n months ending with it."""
    y, m = int(last[:4]), int(last[5:7])
    total = y * 12 + (m - 1) - (n - 1)
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def start(ctx: FlowContext) -> FlowGen:
    platform = ctx.services["platform"]
    while True:
        how = yield Choose(
            title=tr("证明打印"),
            prompt=tr("请选择：刷身份证打印证明，或输入号码，或核验一份证明"),
            options=(
                Option(
                    "card",
                    tr("刷身份证打印"),
                    tr("社保、个税、公积金、不动产证明"),
                    enabled=ctx.usable("idcard"),
                    reason=tr("读卡器暂不可用，请选择输入身份证号码"),
                ),
                Option("number", tr("输入身份证号码打印"), tr("需要刷脸核验本人")),
                Option(
                    "check",
                    tr("核验证明真伪"),
                    tr("扫描证明上的二维码"),
                    enabled=ctx.usable("scanner"),
                    reason=tr("扫码器暂不可用"),
                ),
            ),
        )
        if how.name == "check":
            done = yield from check_certificate(ctx, platform)
            if done == "back":
                continue
            return done
        if how.name not in ("card", "number"):
            return "back"
        id_number = yield from (_read_card(ctx) if how.name == "card" else type_number(ctx))
        if id_number == "back":
            continue
        if id_number == "home":
            return "home"
        return (yield from _for_person(ctx, platform, id_number))


def _read_card(ctx: FlowContext) -> FlowGen:
    error: Text = Text("")
    while ctx.usable("idcard"):
        got = yield Message(
            title=tr("请刷身份证"),
            body=error if str(error) else tr("请将身份证放在读卡区"),
            prompt=tr("请将身份证放在读卡区"),
            tone="warning" if str(error) else "info",
            events=CARD_EVENTS,
            actions=(("back", tr("返回")),),
            timeout=60,
            can_go_back=False,
        )
        if got.name == "card_inserted":
            card = got.value
            ctx.session.personal(card.name, card.address)
            yield from take_card_back(ctx)
            return str(card.id_number)
        if got.name == "card_invalid":
            error = tr("这张证件无法读取：{why}。可以返回选择输入身份证号码", why=got.value)
            continue
        return "back" if got.name in ("back", offline("idcard")) else "home"
    return "back"


def _for_person(ctx: FlowContext, platform: Any, id_number: str) -> FlowGen:
    try:
        person: Person = yield Work(
            partial(platform.lookup, id_number),
            busy=Busy(title=tr("正在查询"), prompt=tr("正在查询您的信息，请稍候")),
        )
    except Refused as e:
        return (yield from end(ctx, tr("没有查到您的信息"), e.reason))
    except BackendError as e:
        return (yield from systems_down(ctx, e))
    if not person.photo_ref:
        return (
            yield from end(
                ctx, tr("无法核验本人"), tr("户籍中没有您的登记照片，无法进行人像比对，请到窗口办理")
            )
        )
    face = yield from compare_face(ctx, platform, person)
    if face != "same":
        return face
    try:
        types: list[CertificateType] = yield Work(
            platform.certificate_types, busy=Busy(title=tr("正在查询"), prompt=tr("正在查询可打印的证明"))
        )
    except BackendError as e:
        return (yield from systems_down(ctx, e))
    while True:
        kind = yield from _choose_kind(ctx, types)
        if kind is None:
            return "back"
        done = yield from _one_certificate(ctx, platform, id_number, kind)
        if done != "more":
            return done


def _choose_kind(ctx: FlowContext, types: list[CertificateType]) -> FlowGen:
    can_pay = ctx.services.get("payment") is not None
    got = yield Choose(
        title=tr("请选择要打印的证明"),
        prompt=tr("请选择要打印的证明"),
        options=tuple(
            Option(
                t.code,
                KIND_NAMES.get(t.code, Text(t.name)),
                tr("{issuer}出具，免费", issuer=Bilingual(t.issuer, en=t.issuer_en))
                if t.fee_fen == 0
                else tr(
                    "{issuer}出具，每份 {fee} 元",
                    issuer=Bilingual(t.issuer, en=t.issuer_en),
                    fee=fen(t.fee_fen),
                ),
                enabled=t.fee_fen == 0 or can_pay,
                reason=tr("缴费系统暂不可用，此证明请到窗口办理"),
            )
            for t in types
        ),
    )
    return next((t for t in types if t.code == got.name), None)


def _period(ctx: FlowContext, kind: CertificateType) -> FlowGen:
    """(since, until) months, ("", "") for all records, or None to go back."""
    now = _local_now(ctx)
    last = f"{now.year - (now.month == 1):04d}-{(now.month - 2) % 12 + 1:02d}"
    periods = [int(n) for n in ctx.config["certificate"]["periods"]]
    options = [
        Option(
            str(n), tr("最近 {n} 个月", n=n), tr("{since} 至 {until}", since=months_back(last, n), until=last)
        )
        for n in periods
    ]
    options.append(Option("all", tr("全部记录"), tr("记录较多时页数较多")))
    got = yield Choose(
        title=tr("请选择查询期间"), prompt=tr("请选择要打印哪段时间的记录"), options=tuple(options)
    )
    if got.name == "all":
        return "", ""
    if got.name.isdigit():
        return months_back(last, int(got.name)), last
    return None


def _one_certificate(ctx: FlowContext, platform: Any, id_number: str, kind: CertificateType) -> FlowGen:
    """ "more" (print another), or how the journey ended."""
    since, until = "", ""
    if kind.ranged:
        period = yield from _period(ctx, kind)
        if period is None:
            return "more"
        since, until = period
    try:
        cert: Certificate = yield Work(
            partial(platform.certificate, kind.code, id_number, since, until),
            busy=Busy(title=tr("正在出具证明"), prompt=tr("正在向出具机构查询，请稍候")),
        )
    except Refused as e:
        again = yield Message(
            title=tr("没有查到您的该项记录"),
            body=tr("{why}。可以换一个期间或其他证明，也可以到窗口咨询", why=e.reason),
            tone="warning",
            actions=(("home", tr("返回首页")), ("more", tr("选择其他证明"))),
            can_go_back=False,
        )
        return "more" if again.name == "more" else "home"
    except BackendError as e:
        return (yield from systems_down(ctx, e))
    ctx.session.personal(cert.holder_name)
    try:
        verifier = yield Work(partial(issuer_verifier, ctx, platform))
        yield Work(partial(_check_content, cert, verifier))
    except (BackendError, ValueError) as e:  # BadSeal is a ValueError
        log.error("certificate %s not printed: its seal does not check (%s)", cert.serial, e)
        return (
            yield from end(
                ctx,
                tr("证明数据核验未通过"),
                tr("为防止出具错误的证明，本次没有打印。请稍后再试或到窗口办理"),
            )
        )
    printed_at = _local_now(ctx).strftime("%Y年%m月%d日 %H:%M")
    renderer: Renderer = ctx.services["certificate_renderer"]
    pdf = ctx.session.temp_dir / f"{cert.code}.pdf"
    rendered: Rendered = yield Work(
        partial(renderer, cert, printed_at, pdf),
        busy=Busy(title=tr("正在生成证明"), prompt=tr("正在生成证明文件，请稍候")),
    )
    ok = yield from _preview(ctx, rendered, KIND_NAMES.get(cert.code, Text(cert.title)))
    if not ok:
        return "more"
    copies = yield from _copies(ctx, rendered.pages, kind.fee_fen)
    if copies is None:
        return "more"
    prints = _prints(ctx)
    if kind.fee_fen and prints is not None:
        paid = yield from _pay_fee(ctx, prints, cert, kind.fee_fen * copies)
        if paid != "paid":
            return paid
    return (yield from _print(ctx, cert, rendered, copies, prints))


def _prints(ctx: FlowContext) -> CertificatePrints | None:
    """The journalled print (and fee) steps on this kiosk's A4 printer; None when it is down."""
    from hall.certificate_prints import CertificatePrints
    from hall.saga import PaidApplication

    if not ctx.usable("a4printer"):
        return None
    payments = None
    if ctx.services.get("payment") is not None:
        journal, platform, gateway = (ctx.services[k] for k in ("journal", "platform", "payment"))
        payments = PaidApplication(journal, platform, gateway, subject="证明打印费")
    return CertificatePrints(ctx.services["journal"], ctx.devices["a4printer"], payments)


def _pay_fee(ctx: FlowContext, prints: CertificatePrints, cert: Certificate, amount: int) -> FlowGen:
    """The fee through the reissue journey's payment step: "paid", or how it ended."""
    assert prints.payments is not None
    refs = {"kind": cert.code, "id_masked": cert.id_masked}
    case = yield Work(partial(prints.open_fee, cert.serial, amount, refs))
    paid = yield from pay(ctx, prints.payments, case)
    if paid == "paid":
        return "paid"
    if paid != "unknown":  # an unknown payment is the reconciler's: it refunds, as nothing printed
        yield Work(partial(prints.settle, case.saga))
        yield from end(ctx, tr("没有缴费，证明没有打印"), tr("没有收取任何费用。"), "info")
    return paid


def _settle_fee(ctx: FlowContext, prints: CertificatePrints, cert: Certificate) -> FlowGen:
    """Keep the fee of a printed certificate, refund one that did not print; what to say."""
    from hall.certificate_prints import FEE

    fee = yield Work(partial(prints.journal.get, FEE, cert.serial))
    if fee is None:
        return Text("")
    outcome = yield Work(partial(prints.settle, f"cert-{cert.serial}"))
    if outcome.state == "refunded":
        return tr("已缴的费用将原路退回。")
    if not outcome.final:
        return tr("已缴的费用稍后会自动原路退回。")
    return tr("已缴费 {fee} 元。", fee=fen(int(fee.refs["amount_fen"])))  # kept: the certificate printed


def issuer_verifier(ctx: FlowContext, platform: Any) -> Any:
    """The issuer's public key: the configured file, else the platform's (asked once per kiosk)."""
    from backends.platform.seal import load_verifier

    cached = ctx.services.get("certificate_verifier")
    if cached is not None:
        return cached
    path = str(ctx.config["certificate"]["issuer_key"])
    resolve = getattr(ctx.config, "resolve", Path)
    pem = Path(resolve(path)).read_text(encoding="utf-8") if path else platform.issuer_key()
    verifier = load_verifier(pem)
    ctx.services["certificate_verifier"] = verifier
    return verifier


def _check_content(cert: Certificate, verifier: Any) -> None:
    from backends.platform.seal import verify_certificate

    verify_certificate(cert, verifier)


def _preview(ctx: FlowContext, rendered: Rendered, name: Text) -> FlowGen:
    """Page through the document as it will print; True to go on and print."""
    width = int(ctx.config["certificate"]["preview_width"])
    page = 1
    while True:
        path = ctx.session.temp_dir / f"preview-{page}.png"
        if not path.exists():
            yield Work(partial(rendered.preview, page - 1, path, width))
        got = yield Preview(
            title=tr("请核对证明内容"),
            prompt=tr("请核对证明内容，确认后打印"),
            image=str(path),
            page=page,
            pages=rendered.pages,
            note=tr("{name}，共 {pages} 页。打印出来的证明与此一致", name=name, pages=rendered.pages),
            actions=(("back", tr("重新选择")), ("print", tr("确认打印"))),
            can_go_back=False,
            help=tr("用“上一页”“下一页”翻看全部内容；内容无误请按“确认打印”。"),
        )
        if got.name == "next" and page < rendered.pages:
            page += 1
        elif got.name == "prev" and page > 1:
            page -= 1
        elif got.name == "print":
            return True
        elif got.name not in ("next", "prev"):
            return False


def _copies(ctx: FlowContext, pages: int, fee_fen: int) -> FlowGen:
    """How many copies, each choice with its sheets and, for a paid certificate, its price."""
    most = int(ctx.config["certificate"]["max_copies"])
    if most == 1:
        return 1

    def detail(n: int) -> Text:
        if fee_fen:
            return tr("共 {sheets} 张 A4 纸，{fee} 元", sheets=n * pages, fee=fen(n * fee_fen))
        return tr("共 {sheets} 张 A4 纸", sheets=n * pages)

    while True:
        got = yield Choose(
            title=tr("请选择打印份数（最多 {most} 份）", most=most),
            prompt=tr("请选择打印几份，最多 {most} 份", most=most),
            options=tuple(Option(str(n), tr("{n} 份", n=n), detail(n)) for n in range(1, most + 1)),
        )
        if not got.name.isdigit():
            return None
        if 1 <= int(got.name) <= most:  # a stale or forged answer is asked again, never printed
            return int(got.name)


def _print(
    ctx: FlowContext, cert: Certificate, rendered: Rendered, copies: int, prints: CertificatePrints | None
) -> FlowGen:
    from hall.certificate_prints import key

    cfg = ctx.config["certificate"]
    refs = {"kind": cert.code, "id_masked": cert.id_masked, "pages": rendered.pages}
    attempt = 0
    job_key = ""
    finished = True
    try:
        while True:
            if prints is None or not ctx.usable("a4printer"):
                why = ctx.devices.status("a4printer").reason if ctx.devices is not None else Text("")
                refund = (yield from _settle_fee(ctx, prints, cert)) if prints is not None else Text("")
                return (
                    yield from end(
                        ctx,
                        tr("A4 打印机暂时无法使用"),
                        tr(
                            "{why}。证明没有打印，请稍后再试或到窗口办理。{refund}"
                            "有疑问请拨打服务电话 {phone}",
                            why=why,
                            refund=refund,
                            phone=ctx.config["kiosk"]["help_phone"],
                        ),
                    )
                )
            attempt += 1
            job_key = key(cert.serial, attempt)
            try:
                step = yield Work(
                    partial(prints.submit, cert.serial, attempt, rendered.pdf, copies, refs),
                    busy=Busy(title=tr("正在打印"), prompt=tr("正在打印证明，请稍候")),
                )
            except DeviceError as e:
                again = yield from _not_printed(ctx, tr("{why}。证明没有打印", why=e.reason), prints, cert)
                if again:
                    continue
                return (yield from _gave_up(ctx, prints, cert))
            if step.state == "done":
                paid = yield from _settle_fee(ctx, prints, cert)
                return (yield from _printed(ctx, cert, rendered, copies, paid))
            finished = False
            state = yield from _wait_job(
                ctx, prints, job_key, float(cfg["print_wait"]), float(cfg["poll_seconds"]), cert.serial
            )
            finished = True
            if state == "completed":
                paid = yield from _settle_fee(ctx, prints, cert)
                return (yield from _printed(ctx, cert, rendered, copies, paid))
            if state == "withdrawn":
                refund = yield from _settle_fee(ctx, prints, cert)
                return (
                    yield from end(
                        ctx,
                        tr("打印已取消"),
                        tr(
                            "证明没有打印出来。{refund}可以稍后再来打印，或到窗口办理；"
                            "有疑问请拨打服务电话 {phone}，并告知证明编号 {serial}",
                            refund=refund,
                            phone=ctx.config["kiosk"]["help_phone"],
                            serial=cert.serial,
                        ),
                        "info",
                        "cancelled",
                    )
                )
            again = yield from _not_printed(ctx, tr("打印机报告任务失败，证明没有打印出来"), prints, cert)
            if not again:
                return (yield from _gave_up(ctx, prints, cert))
    finally:
        if not finished and prints is not None:
            _withdraw_later(prints, job_key, cert.serial)


def _gave_up(ctx: FlowContext, prints: CertificatePrints, cert: Certificate) -> FlowGen:
    refund = yield from _settle_fee(ctx, prints, cert)
    if str(refund):
        yield from end(ctx, tr("证明没有打印"), refund, "info", "not_printed")
    return "not_printed"


def _wait_job(
    ctx: FlowContext, prints: CertificatePrints, job_key: str, wait: float, every: float, serial: str
) -> FlowGen:
    """ "completed", "failed", or "withdrawn" (the citizen gave up, or it waited too long)."""
    from hall.certificate_prints import FEE

    waited = 0.0
    busy = Busy(title=tr("正在打印"), prompt=tr("正在打印证明，请稍候"), timeout=every)
    refund: Text | None = None  # what cancelling does with a fee, read at the first pause
    while True:
        try:
            state = yield Work(partial(prints.poll, job_key), busy=busy)
        except DeviceError:
            state = None
        if state is not None and state.state == "completed":
            return "completed"
        if state is not None and state.state in ("failed", "unknown"):
            return "failed"
        if waited >= wait:
            return (yield from _withdraw(ctx, prints, job_key))
        status = ctx.devices.status("a4printer")
        if not status.usable or status.detail.get("paper") == "out":
            if refund is None:
                fee = yield Work(partial(prints.journal.get, FEE, serial))
                refund = tr("，已缴的费用原路退回") if fee is not None else Text("")
            # Stays up until the printer is back, the citizen answers or the wait runs out: drawn
            # again at each poll, it flickered to a spinner and lost taps. At night nobody comes
            # at once: the alert reaches staff, the phone is the way to a person now.
            got = yield Message(
                title=tr("打印暂停"),
                body=tr(
                    "{why}。已通知工作人员，打印机恢复后会接着打印。"
                    "您可以等待，也可以取消打印{refund}。服务电话 {phone}",
                    why=status.reason or tr("A4 打印机暂停"),
                    refund=refund,
                    phone=ctx.config["kiosk"]["help_phone"],
                ),
                prompt=tr("打印暂停，已通知工作人员"),
                tone="warning",
                actions=(("cancel", tr("取消打印")), ("wait", tr("继续等待"))),
                events=(online("a4printer"),),
                timeout=max(every, wait - waited),
                can_go_back=False,
                waiting_on_us=True,  # told to wait, not timed out by the idle watch: `wait` bounds it
            )
            if got.name == "cancel":
                return (yield from _withdraw(ctx, prints, job_key))
            if got.name == TIMEOUT.name:
                waited = wait
            else:  # the printer is back (poll now), or the citizen chose to wait on
                waited += every if got.name == online("a4printer") else every * 5
            continue
        yield busy
        waited += every


def _withdraw(ctx: FlowContext, prints: CertificatePrints, job_key: str) -> FlowGen:
    try:
        state = yield Work(
            partial(prints.withdraw, job_key),
            busy=Busy(title=tr("正在取消打印"), prompt=tr("正在取消打印，请稍候")),
        )
    except DeviceError:
        _withdraw_later(prints, job_key, "")
        return "withdrawn"
    return "completed" if state.state == "completed" else "withdrawn"


def _withdraw_later(prints: CertificatePrints, job_key: str, serial: str) -> None:
    """The citizen left with a job still waiting: withdraw it off the GUI thread, so it never
    prints for nobody, and refund a fee paid for it; what cannot be done now the reconciler
    finishes."""

    def run() -> None:
        try:
            prints.withdraw(job_key)
            if serial:
                prints.settle(f"cert-{serial}")
        except Exception as e:
            log.warning("certificate print %s left to the reconciler: %s", job_key, e)

    threading.Thread(target=run, name="certificate-withdraw", daemon=True).start()


def _not_printed(ctx: FlowContext, why: Text, prints: CertificatePrints, cert: Certificate) -> FlowGen:
    """Print again or leave; a citizen who paid is told what each does with the fee (nobody
    may be there to ask at night)."""
    from hall.certificate_prints import FEE

    fee = yield Work(partial(prints.journal.get, FEE, cert.serial))
    paid = tr("已缴的费用：重新打印不再收费，返回首页则原路退回。") if fee is not None else Text("")
    got = yield Message(
        title=tr("证明没有打印"),
        body=tr(
            "{why}。{paid}可以稍后重新打印；有疑问请拨打服务电话 {phone}",
            why=why,
            paid=paid,
            phone=ctx.config["kiosk"]["help_phone"],
        ),
        tone="warning",
        actions=(("home", tr("返回首页")), ("retry", tr("重新打印"))),
        can_go_back=False,
        timeout=120,
    )
    return got.name == "retry"


def _printed(ctx: FlowContext, cert: Certificate, rendered: Rendered, copies: int, paid: Text) -> FlowGen:
    """`paid`: what the fee came to ("" for a free certificate), so a citizen who pressed cancel
    as the payment went through is told they paid."""
    taken = tr(
        "请在出纸口取走证明 {copies} 份（每份 {pages} 页）。\n编号 {serial}。扫描页脚二维码可核验真伪",
        copies=copies,
        pages=rendered.pages,
        serial=cert.serial,
    )
    got = yield Message(
        title=tr("证明已打印，请取走"),
        body=lines([taken, paid]) if str(paid) else taken,
        prompt=tr("证明已打印，请在出纸口取走"),
        tone="success",
        actions=(("more", tr("打印其他证明")), ("ok", tr("完成"))),
        timeout=60,
        can_go_back=False,
    )
    return "more" if got.name == "more" else "printed"


# ---- check a certificate ----
def check_certificate(ctx: FlowContext, platform: Any) -> FlowGen:
    """Scan a certificate's QR and check it offline with the issuer's key."""
    from backends.platform.seal import BadSeal, verify_qr

    try:
        verifier = yield Work(partial(issuer_verifier, ctx, platform))
    except (BackendError, OSError, ValueError) as e:
        log.error("issuer key unavailable: %s", e)
        return (yield from end(ctx, tr("暂时无法核验"), tr("出具机构的核验密钥暂不可用，请到窗口核验")))
    while True:
        got = yield Message(
            title=tr("核验证明真伪"),
            body=tr("请将证明页脚左下角的二维码对准扫码口"),
            prompt=tr("请将证明上的二维码对准扫码口"),
            events=("scanned", offline("scanner")),
            actions=(("back", tr("返回")),),
            timeout=60,
            can_go_back=False,
        )
        if got.name != "scanned":
            return "back" if got.name in ("back", offline("scanner")) else "home"
        try:
            s = verify_qr(str(got.value), verifier)
        except BadSeal as e:
            log.info("certificate QR did not verify: %s", e.code)
            again = yield Message(
                title=tr("核验未通过"),
                body=SEAL_FAILURES.get(e.code, Text(e.code)),
                prompt=tr("核验未通过"),
                tone="error",
                actions=(("home", tr("返回首页")), ("again", tr("再核验一份"))),
                can_go_back=False,
                timeout=60,
            )
        else:
            issued = s.issued_at[:16].replace("T", " ")
            again = yield Message(
                title=tr("核验通过：证明由出具机构签发"),
                body=tr(
                    "证明：{kind}\n编号：{serial}\n持证人公民身份号码：{id}\n出具时间：{issued}\n请核对纸面上的以上信息是否一致",
                    kind=KIND_NAMES.get(s.kind, Text(s.kind)),
                    serial=s.serial,
                    id=s.id_masked,
                    issued=issued,
                ),
                prompt=tr("核验通过，请核对纸面信息"),
                tone="success",
                actions=(("home", tr("完成")), ("again", tr("再核验一份"))),
                can_go_back=False,
                timeout=60,
            )
        if again.name != "again":
            return "checked"
