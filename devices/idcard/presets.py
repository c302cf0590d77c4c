"""Synthetic cards for the simulator and tests. Invented people: valid check digits, no one real."""

from __future__ import annotations

import hashlib
from datetime import date

from core.text import Text, tr
from devices.idcard.record import LONG_TERM, IdCard, check_digit


def _id(first17: str) -> str:
    return first17 + check_digit(first17)


def _blob(seed: str, size: int) -> bytes:
    """Deterministic filler standing in for WLT photo or fingerprint bytes (not a real picture)."""
    out = b""
    counter = 0
    while len(out) < size:
        out += hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        counter += 1
    return out[:size]


def _card(**kw: object) -> IdCard:
    number = str(kw["id_number"])
    kw.setdefault("photo_wlt", _blob("photo" + number, 1024))
    return IdCard(**kw)  # type: ignore[arg-type]


PRESETS: dict[str, IdCard] = {
    "resident": _card(
        card_type="resident",
        name="王小明",
        sex="男",
        nation="汉",
        nation_code="01",
        birth_date=date(1991, 1, 1),
        address="江西省九江市德安县示例路1号",
        id_number="360426199101010071",
        issuer="德安县公安局",
        valid_from=date(2016, 3, 1),
        valid_until=date(2036, 3, 1),
        fingerprint=_blob("fp360426199101010071", 1024),
        extra_address="江西省南昌市东湖区示例新村2栋301室",
    ),
    "elderly": _card(
        card_type="resident",
        name="李秀英",
        sex="女",
        nation="满",
        nation_code="11",
        birth_date=date(1949, 12, 31),
        address="北京市朝阳区示例街道10号院3号楼",
        id_number="11010519491231002X",
        issuer="北京市公安局朝阳分局",
        valid_from=date(2010, 5, 1),
        valid_until=LONG_TERM,
        fingerprint=_blob("fp11010519491231002X", 512),
    ),
    "rare_name": _card(
        card_type="resident",
        name="刘䶮",  # U+4DAE, CJK Extension A: in the BMP, so a UCS-2 card can hold it
        sex="男",
        nation="回",
        nation_code="03",
        birth_date=date(1988, 8, 8),
        address="广东省广州市天河区示例大道88号",
        id_number=_id("44010619880808123"),
        issuer="广州市公安局天河区分局",
        valid_from=date(2018, 6, 1),
        valid_until=date(2038, 6, 1),
    ),
    "hmt": _card(
        card_type="hmt",
        name="陈美玲",
        sex="女",
        nation="",
        birth_date=date(1990, 6, 15),
        address="广东省深圳市福田区示例路8号",
        id_number=_id("81000019900615004"),
        issuer="深圳市公安局福田分局",
        valid_from=date(2022, 9, 1),
        valid_until=date(2027, 9, 1),
        pass_number="H60000001",
        issue_count=1,
    ),
    "foreign2017": _card(
        card_type="foreign2017",
        name="史密斯",
        english_name="SMITH, JOHN WILLIAM",
        sex="男",
        nation="",
        nationality="USA",
        birth_date=date(1985, 6, 21),
        address="",
        id_number="USA110085062101",
        issuer="1500",
        card_version="01",
        valid_from=date(2017, 7, 1),
        valid_until=date(2027, 7, 1),
    ),
    "foreign2023": _card(
        card_type="foreign2023",
        name="玛丽亚",
        # 38 characters: longer than the first name field (35), so the card splits it in two
        english_name="GARCIA MARTINEZ, MARIA FERNANDA ISABEL",
        sex="女",
        nation="",
        nationality="ESP",
        birth_date=date(1990, 3, 15),
        address="",
        id_number=_id("93172419900315002"),
        issuer="",
        card_version="00",
        valid_from=date(2023, 12, 1),
        valid_until=date(2033, 12, 1),
    ),
    "bad_check_digit": _card(
        card_type="resident",
        name="周测试",
        sex="男",
        nation="汉",
        nation_code="01",
        birth_date=date(1991, 1, 1),
        address="江西省九江市德安县示例路3号",
        id_number="360426199101010075",  # the right check digit is 1
        issuer="德安县公安局",
        valid_from=date(2016, 3, 1),
        valid_until=date(2036, 3, 1),
    ),
}


def preset_labels() -> tuple[tuple[str, Text], ...]:
    # literal tr() calls so the translation tools find them
    labels = {
        "resident": tr("居民身份证"),
        "elderly": tr("居民身份证（七十岁以上）"),
        "rare_name": tr("居民身份证（姓名含生僻字）"),
        "hmt": tr("港澳台居民居住证"),
        "foreign2017": tr("外国人永久居留证（2017版）"),
        "foreign2023": tr("外国人永久居留身份证（2023版）"),
        "bad_check_digit": tr("校验位错误的身份证"),
    }
    return tuple((name, labels[name]) for name in PRESETS)
