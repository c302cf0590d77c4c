"""The decoded card: one typed record for all four card types, and its GB 11643 checks."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Literal

from core.redact import mask_id, mask_name
from core.text import Text, tr

CardType = Literal["resident", "hmt", "foreign2017", "foreign2023"]
CARD_TYPES: tuple[CardType, ...] = ("resident", "hmt", "foreign2017", "foreign2023")
LONG_TERM = "长期"  # validity with no expiry date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_ID18 = re.compile(r"\d{17}[\dX]")
_PERMIT2017 = re.compile(r"[A-Z]{3}\d{12}")
_HMT_PREFIXES = ("810000", "820000", "830000")  # Hong Kong, Macao, Taiwan
SEXES = ("男", "女", "未知", "未说明")  # GB/T 2261.1 as the codec decodes it
# Fields shown on screen or printed: a control or format character (NUL, ESC, a bidi override)
# there is a damaged or forged card, never a name.
_SHOWN_FIELDS = {
    "name": tr("姓名"),
    "english_name": tr("英文姓名"),
    "nation": tr("民族"),
    "address": tr("住址"),
    "extra_address": tr("住址"),
    "issuer": tr("签发机关"),
    "nationality": tr("国籍"),
    "pass_number": tr("通行证号码"),
}


def check_digit(first17: str) -> str:
    """GB 11643 check character for the first 17 digits of an ID number."""
    if len(first17) != 17 or not first17.isdigit() or not first17.isascii():
        raise ValueError("need exactly 17 digits")
    return _CHECK[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def is_valid_id(number: str) -> bool:
    """18 characters, a real calendar birth date, and the right check character."""
    if not _ID18.fullmatch(number or "") or not number.isascii():
        return False
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return check_digit(number[:17]) == number[17]


@dataclass(frozen=True, repr=False)
class IdCard:
    card_type: CardType
    name: str  # Chinese name as on the card (may be empty on a foreign card)
    sex: str  # 男, 女, 未知 or 未说明
    nation: str  # name, e.g. 汉; empty where the card has none
    birth_date: date
    address: str
    id_number: str  # the permit number on foreign cards
    issuer: str
    valid_from: date
    valid_until: date | str  # a date or LONG_TERM
    english_name: str = ""
    nationality: str = ""  # ISO 3166 alpha-3 on foreign cards
    pass_number: str = ""  # HMT residence permit: the travel permit number
    issue_count: int = 0  # HMT residence permit: times issued
    photo_wlt: bytes = b""
    fingerprint: bytes = b""
    extra_address: str = ""  # the additional-address reply (30 03), when read
    nation_code: str = ""
    card_version: str = ""  # foreign 2017: card version; foreign 2023: renewal count
    photo_bmp: bytes | None = None  # decoded photo, when a vendor decoder is configured
    photo_note: str = ""  # why photo_bmp is None

    # ---- derived ----
    @property
    def masked_id(self) -> str:
        return mask_id(self.id_number)

    @property
    def display_name(self) -> str:
        return self.name or self.english_name

    @property
    def is_foreign(self) -> bool:
        return self.card_type in ("foreign2017", "foreign2023")

    @property
    def photo_decodable(self) -> bool:
        return self.photo_bmp is not None

    def age_on(self, day: date) -> int:
        """Completed years on `day` (a 29 February birthday counts from 1 March in common years)."""
        had_birthday = (day.month, day.day) >= (self.birth_date.month, self.birth_date.day)
        return day.year - self.birth_date.year - (0 if had_birthday else 1)

    def expired_on(self, day: date) -> bool:
        return isinstance(self.valid_until, date) and day > self.valid_until

    def as_json(self) -> dict[str, Any]:
        """The diagnostics CLI's object; dates as YYYY-MM-DD."""
        until = self.valid_until if isinstance(self.valid_until, str) else self.valid_until.isoformat()
        out: dict[str, Any] = {
            "card_type": self.card_type,
            "name": self.name,
            "sex": self.sex,
            "nation": self.nation,
            "birth_date": self.birth_date.isoformat(),
            "address": self.address,
            "id_number": self.id_number,
            "issuer": self.issuer,
            "valid_from": self.valid_from.isoformat(),
            "valid_until": until,
        }
        if self.is_foreign:
            out["english_name"] = self.english_name
            out["nationality"] = self.nationality
        if self.card_type == "hmt":
            out["pass_number"] = self.pass_number
            out["issue_count"] = self.issue_count
        if self.extra_address:
            out["extra_address"] = self.extra_address
        out["photo_wlt_bytes"] = len(self.photo_wlt)
        out["photo_decoded"] = self.photo_decodable
        if self.photo_note:
            out["photo_note"] = self.photo_note
        out["fingerprint_bytes"] = len(self.fingerprint)
        return out

    def __repr__(self) -> str:
        # Records end up in logs and tracebacks: never show the person in full.
        return (
            f"IdCard({self.card_type}, {mask_name(self.display_name)!r}, {self.masked_id}, "
            f"photo={len(self.photo_wlt)}B, fingerprint={len(self.fingerprint)}B)"
        )

    __str__ = __repr__


IDCARD_FIELDS = tuple(f.name for f in fields(IdCard))


def validate(card: IdCard) -> list[Text]:
    """Why this card must not be trusted; an empty list for a consistent card."""
    reasons: list[Text] = []
    number = card.id_number
    if not card.display_name:
        reasons.append(tr("姓名为空"))
    for field, label in _SHOWN_FIELDS.items():
        if any(unicodedata.category(c) in ("Cc", "Cf") for c in getattr(card, field)):
            reasons.append(tr("{field}含有不可显示的字符", field=label))
    if card.sex not in SEXES:
        reasons.append(tr("性别代码无效：{code!r}", code=card.sex))
    if not card.photo_wlt:
        reasons.append(tr("证件照片数据为空"))
    if card.card_type == "foreign2017":
        if not _PERMIT2017.fullmatch(number):
            reasons.append(tr("永久居留证号码格式不正确：{number}", number=mask_id(number)))
        elif card.nationality and number[:3] != card.nationality:
            reasons.append(tr("永久居留证号码与国籍不符"))
    else:
        reasons += _check_id18(card)
        if card.card_type == "hmt" and not number.startswith(_HMT_PREFIXES):
            reasons.append(tr("港澳台居民居住证号码应以 810000、820000 或 830000 开头"))
        if card.card_type == "foreign2023" and not number.startswith("9"):
            reasons.append(tr("外国人永久居留身份证号码应以 9 开头"))
    if card.card_type == "resident" and card.nation_code and not card.nation:
        reasons.append(tr("未知的民族代码：{code}", code=card.nation_code))
    if isinstance(card.valid_until, date) and card.valid_until < card.valid_from:
        reasons.append(tr("有效期截止日期早于起始日期"))
    if card.valid_from < card.birth_date:
        reasons.append(tr("有效期起始日期早于出生日期"))
    return reasons


def _check_id18(card: IdCard) -> list[Text]:
    number = card.id_number
    if not _ID18.fullmatch(number) or not number.isascii():
        return [tr("身份号码格式不正确：{number}", number=mask_id(number))]
    reasons: list[Text] = []
    if check_digit(number[:17]) != number[17]:
        reasons.append(tr("身份号码校验位错误：{number}", number=mask_id(number)))
    b = card.birth_date
    if number[6:14] != f"{b.year:04d}{b.month:02d}{b.day:02d}":
        reasons.append(tr("身份号码中的出生日期与卡上出生日期不符"))
    if card.sex in ("男", "女") and ("男" if int(number[16]) % 2 else "女") != card.sex:
        reasons.append(tr("身份号码中的性别与卡上性别不符"))
    return reasons
