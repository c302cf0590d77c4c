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
)

CERTIFICATE_TYPES: dict[str, tuple[str, str]] = {
    "social_insurance": ("社会保险参保缴费证明", "市社会保险事业管理中心"),
    "income_tax": ("个人所得税纳税记录", "国家税务总局市税务局"),
    "housing_fund": ("住房公积金缴存证明", "市住房公积金管理中心"),
    "property_record": ("不动产登记信息查询结果", "市不动产登记中心"),
}

CERTIFICATE_ROWS: dict[str, tuple[tuple[str, str], ...]] = {
    "social_insurance": (
        ("参保险种", "企业职工基本养老保险"),
        ("参保状态", "正常参保"),
        ("累计缴费月数", "118"),
        ("最近缴费月份", "2026-10"),
    ),
    "income_tax": (("纳税年度", "2025"), ("收入合计", "96,000.00 元"), ("已缴税额", "1,260.00 元")),
    "housing_fund": (("账户状态", "正常"), ("月缴存额", "1,440.00 元"), ("缴存至", "2026-10")),
    "property_record": (
        ("不动产单元数", "1"),
        ("坐落", "示例区示例路 1 号 2 单元 301 室"),
        ("抵押状态", "无"),
    ),
}


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
