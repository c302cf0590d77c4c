"""Demo data for the reference platform: invented people with valid GB 11643 check digits, one
for each case a journey must handle. Three are the ID reader simulator's preset cards, so the
simulated kiosk walks the whole journey with them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from backends.platform.api import AppState, Kind
from devices.idcard.record import check_digit

ALL_KINDS = (Kind.RENEWAL_EXPIRY, Kind.RENEWAL_DAMAGED, Kind.REISSUE_LOST)


def _id(first17: str) -> str:
    return first17 + check_digit(first17)


@dataclass(frozen=True)
class DemoPerson:
    id_number: str
    name: str
    case: str  # what this person demonstrates
    photo: str = "astronaut"  # registry photo: astronaut (the simulated camera's face), other, ""
    refusal_code: str = ""
    refusal: str = ""
    fee_class: str = "standard"
    application: tuple[AppState, int | None] | None = None  # an existing application (state, locker)
    certificates: tuple[str, ...] = ()
    records_since: str = "2021-01"  # first month of the person's contribution and tax records


PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson(
        "360426199101010071",
        "王小明",
        "eligible; registry photo is the simulated camera's face",
        certificates=("social_insurance", "income_tax", "housing_fund", "property_record"),
    ),
    DemoPerson(
        "11010519491231002X",
        "李秀英",
        "eligible, long-term card, fee exempt",
        fee_class="exempt",
        certificates=("social_insurance",),
    ),
    DemoPerson(_id("44010619880808123"), "刘䶮", "eligible; registry photo of someone else", photo="other"),
    DemoPerson(_id("32010219950505001"), "赵一帆", "eligible; no certificates on file"),
    DemoPerson(
        _id("32010219900303002"),
        "钱二妹",
        "refused: an application is already in progress",
        refusal_code="pending_application",
        refusal="已有正在办理的身份证申请，请勿重复申请",
        application=(AppState.IN_PRODUCTION, None),
    ),
    DemoPerson(
        _id("32010220120909003"),
        "孙小宝",
        "refused: under 16",
        refusal_code="minor_guardian",
        refusal="未满十六周岁，请由监护人陪同到窗口办理",
    ),
    DemoPerson(
        _id("32010219700101004"),
        "周建国",
        "refused: household registration cancelled",
        refusal_code="registration_cancelled",
        refusal="户籍已注销，请到户籍窗口咨询",
    ),
    DemoPerson(
        _id("32010219851212005"),
        "吴晓丽",
        "refused: no registry photo on file",
        photo="",
        refusal_code="no_registry_photo",
        refusal="没有登记照片，无法进行人像比对，请到窗口办理",
    ),
    DemoPerson(
        _id("81000019900615004"),
        "陈美玲",
        "refused: residence permit, not a resident card",
        refusal_code="not_resident_card",
        refusal="港澳台居民居住证请到出入境窗口办理",
    ),
    DemoPerson(
        _id("51010719830303010"),
        "何明远",
        "refused: household registered in another province",
        refusal_code="other_province",
        refusal="户籍不在本省，请到窗口办理异地换补领",
    ),
    DemoPerson(
        _id("32010219880808006"),
        "郑大勇",
        "card ready for pickup at locker 3",
        application=(AppState.READY, 3),
        certificates=("income_tax",),
    ),
    DemoPerson(
        _id("32010219920202007"), "冯小雨", "card already collected", application=(AppState.COLLECTED, 5)
    ),
    DemoPerson(
        _id("32010219660606008"),
        "陈志强",
        "card in production",
        refusal_code="pending_application",
        refusal="已有正在办理的身份证申请，请勿重复申请",
        application=(AppState.IN_PRODUCTION, None),
        certificates=("housing_fund", "property_record"),
    ),
    DemoPerson(
        _id("32010219600808009"),
        "欧阳𠇔䶮",
        "eligible; rare characters in the name; records since 1990 (thousands of rows)",
        certificates=("social_insurance", "income_tax", "housing_fund", "property_record"),
        records_since="1990-01",
    ),
)


@dataclass(frozen=True)
class CertificateKind:
    name: str
    issuer: str
    ranged: bool  # monthly records: the citizen picks a period
    columns: tuple[str, ...]
    fee_fen: int = 0
    issuer_en: str = ""  # for the kiosk's English screens (the certificate itself is Chinese)


CERTIFICATE_TYPES: dict[str, CertificateKind] = {
    "social_insurance": CertificateKind(
        "社会保险参保缴费证明",
        "市社会保险事业管理中心",
        True,
        ("缴费年月", "险种", "缴费基数（元）", "单位缴纳（元）", "个人缴纳（元）", "缴费单位"),
        issuer_en="the City Social Insurance Administration Center",
    ),
    "income_tax": CertificateKind(
        "个人所得税纳税记录",
        "国家税务总局市税务局",
        True,
        ("所属期", "所得项目", "收入额（元）", "已申报税额（元）", "扣缴义务人", "入库日期"),
        issuer_en="the City Tax Service, State Taxation Administration",
    ),
    "housing_fund": CertificateKind(
        "住房公积金缴存证明",
        "市住房公积金管理中心",
        True,
        ("缴存年月", "业务类型", "单位缴存（元）", "个人缴存（元）", "账户余额（元）"),
        issuer_en="the City Housing Provident Fund Management Center",
    ),
    "property_record": CertificateKind(
        "不动产登记信息查询结果",
        "市不动产登记中心",
        False,
        ("不动产权证号", "坐落", "面积（㎡）", "用途", "权利类型", "登记日期", "状态"),
        1000,  # a records office's search fee, so the paid path is walked too
        issuer_en="the City Real Estate Registration Center",
    ),
}

EMPLOYER = "示例科技有限公司"
# social insurance: (kind, employer's share, own share) of the contribution base
INSURANCES = (
    ("企业职工基本养老保险", 0.16, 0.08),
    ("职工基本医疗保险", 0.08, 0.02),
    ("失业保险", 0.005, 0.005),
    ("工伤保险", 0.004, 0.0),
    ("生育保险", 0.008, 0.0),
)


def months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _base(month: str) -> float:
    """A contribution base that grows with the years, as wages do."""
    return 3000.0 + (int(month[:4]) - 1990) * 260.0


def _yuan(x: float) -> str:
    return f"{x:,.2f}"


def records(p: DemoPerson, code: str, last: str) -> tuple[tuple[str, ...], ...]:
    """Every record of this person's certificate up to month `last` (oldest first)."""
    span = months(p.records_since, last)
    if code == "social_insurance":
        kinds = INSURANCES if p.records_since < "2000-01" else INSURANCES[:3]
        return tuple(
            (m, name, _yuan(_base(m)), _yuan(_base(m) * unit), _yuan(_base(m) * own), EMPLOYER)
            for m in span
            for name, unit, own in kinds
        )
    out: list[tuple[str, ...]] = []
    if code == "income_tax":
        for m in span:
            wage = _base(m) * 2.2
            tax = max(0.0, (wage - 5000.0) * 0.03)
            y, mo = int(m[:4]), int(m[5:7])
            paid = f"{y + mo // 12:04d}-{mo % 12 + 1:02d}-15"
            out.append((m, "工资薪金所得", _yuan(wage), _yuan(tax), EMPLOYER, paid))
        return tuple(out)
    if code == "housing_fund":
        balance = 0.0
        for m in span:
            share = round(_base(m) * 0.12, 2)
            balance += 2 * share
            out.append((m, "汇缴", _yuan(share), _yuan(share), _yuan(balance)))
        return tuple(out)
    if code == "property_record":
        return (
            (
                "示(2019)示例市不动产权第0012345号",
                "示例区示例路 1 号 2 单元 301 室",
                "89.36",
                "住宅",
                "国有建设用地使用权/房屋所有权",
                "2019-06-18",
                "无抵押、无查封",
            ),
        )
    return ()


def summary(code: str, rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, str], ...]:
    """The lines above the table: status and totals of the records shown."""
    if code == "social_insurance":
        n = len({r[0] for r in rows})
        return (("参保状态", "正常参保"), ("参保单位", EMPLOYER), ("本期缴费月数", str(n)))
    if code == "income_tax":

        def total(i: int) -> str:
            return _yuan(sum(float(r[i].replace(",", "")) for r in rows))

        return (("收入合计（元）", total(2)), ("已申报税额合计（元）", total(3)))
    if code == "housing_fund":
        balance = rows[-1][4] if rows else "0.00"
        return (("账户状态", "正常"), ("缴存单位", EMPLOYER), ("账户余额（元）", balance))
    return (("不动产单元数", str(len(rows))),)


def person(id_number: str) -> DemoPerson | None:
    return next((p for p in PEOPLE if p.id_number == id_number), None)


def accepted_application(platform: Any, key: str, photo: bytes = b"") -> str:
    """An accepted (paid, submitted) renewal of the demo person whose registry photo is the
    simulated camera's face, made through the platform's own calls: the card a demo or test has
    staff load into the locker when no reissue walk printed a slip. `photo` (JPEG): the one
    taken at application, by default the simulated camera's person. Returns its acceptance no."""
    import cv2

    from devices.camera.scene import Scene, render

    acc = str(platform.create_application(key, PEOPLE[0].id_number, Kind.RENEWAL_EXPIRY).acceptance_no)
    platform.attach_photo(acc, photo or cv2.imencode(".jpg", render(Scene()))[1].tobytes())
    platform.attach_fingerprints(acc, {})
    platform.mark_paid(acc, f"ORD{key[:12]}", platform.status(acc).fee_fen)
    platform.submit(acc)
    return acc
