"""Decoding the text block of each card type, and the checks that reject inconsistent cards."""

import dataclasses
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.idcard import codec
from devices.idcard.presets import PRESETS
from devices.idcard.record import LONG_TERM, SEXES, IdCard, check_digit, is_valid_id, validate


def u(s: str, size: int) -> bytes:
    raw = s.encode("utf-16-le")
    return raw + " ".encode("utf-16-le") * ((size - len(raw)) // 2)


def block(*fields: tuple[int, str, int]) -> bytes:
    """A 256-byte block built straight from the reference's offset table."""
    out = bytearray(u("", 256))
    for offset, text, size in fields:
        out[offset : offset + size] = u(text, size)
    return bytes(out)


RESIDENT = [
    (0, "王小明", 30),
    (30, "1", 2),
    (32, "01", 4),
    (36, "19910101", 16),
    (52, "江西省九江市德安县示例路1号", 70),
    (122, "360426199101010071", 36),
    (158, "德安县公安局", 30),
    (188, "20160301", 16),
    (204, "20360301", 16),
]


def with_photo(card: IdCard) -> IdCard:
    """A text block decodes without the photo that a real read carries."""
    return dataclasses.replace(card, photo_wlt=PRESETS["resident"].photo_wlt)


def test_resident_block_by_the_reference_offsets():
    card = codec.decode_text(block(*RESIDENT))
    assert card.as_json() == {
        "card_type": "resident",
        "name": "王小明",
        "sex": "男",
        "nation": "汉",
        "birth_date": "1991-01-01",
        "address": "江西省九江市德安县示例路1号",
        "id_number": "360426199101010071",
        "issuer": "德安县公安局",
        "valid_from": "2016-03-01",
        "valid_until": "2036-03-01",
        "photo_wlt_bytes": 0,
        "photo_decoded": False,
        "fingerprint_bytes": 0,
    }
    assert validate(with_photo(card)) == []


def test_long_term_validity():
    fields = [*RESIDENT[:-1], (204, "长期", 16)]
    assert codec.decode_text(block(*fields)).valid_until == LONG_TERM


def test_hmt_block():
    fields = [*RESIDENT, (220, "H60000001", 18), (238, "02", 4), (248, "J", 2)]
    fields[5] = (122, "810000199006150045", 36)
    fields[2] = (32, "", 4)
    card = codec.decode_text(block(*fields))
    assert card.card_type == "hmt" and card.nation == ""
    assert card.as_json()["pass_number"] == "H60000001" and card.as_json()["issue_count"] == 2


def test_foreign_2017_block():
    card = codec.decode_text(
        block(
            (0, "SMITH, JOHN WILLIAM", 120),
            (120, "1", 2),
            (122, "USA110085062101", 30),
            (152, "USA", 6),
            (158, "史密斯", 30),
            (188, "20170701", 16),
            (204, "20270701", 16),
            (220, "19850621", 16),
            (236, "01", 4),
            (240, "1500", 8),
            (248, "I", 2),
        )
    )
    j = card.as_json()
    assert (j["card_type"], j["english_name"], j["nationality"], j["id_number"]) == (
        "foreign2017",
        "SMITH, JOHN WILLIAM",
        "USA",
        "USA110085062101",
    )
    assert (j["name"], j["birth_date"], j["nation"], j["sex"]) == ("史密斯", "1985-06-21", "", "男")
    assert validate(with_photo(card)) == []


def test_foreign_2023_block_joins_the_split_english_name():
    name = "GARCIA MARTINEZ, MARIA FERNANDA ISABEL"
    card = codec.decode_text(
        block(
            (0, "玛丽亚", 30),
            (30, "2", 2),
            (32, "00", 4),
            (36, "19900315", 16),
            (52, name[:35], 70),
            (122, "931724199003150020", 36),
            (188, "20231201", 16),
            (204, "20331201", 16),
            (220, name[35:], 22),
            (242, "ESP", 6),
            (248, "Y", 2),
        )
    )
    assert card.card_type == "foreign2023"
    assert card.english_name == name and card.nationality == "ESP" and card.sex == "女"
    assert validate(with_photo(card)) == []


def test_rare_character_survives_the_round_trip():
    card = PRESETS["rare_name"]
    assert "\u4dae" in card.name
    assert codec.decode_text(codec.encode_text(card)).name == card.name


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_round_trips(name):
    card = PRESETS[name]
    back = codec.decode_text(codec.encode_text(card), photo_wlt=card.photo_wlt)
    assert back.as_json() == dataclasses.replace(card, extra_address="", fingerprint=b"").as_json()


def test_nation_codes_to_names():
    for code, name in (("02", "蒙古"), ("05", "维吾尔"), ("56", "基诺"), ("97", "其他")):
        fields = [*RESIDENT]
        fields[2] = (32, code, 4)
        assert codec.decode_text(block(*fields)).nation == name
    fields[2] = (32, "77", 4)
    card = codec.decode_text(block(*fields))
    assert card.nation == "" and any("民族" in str(r) for r in validate(card))


def test_unknown_card_type_flag_is_a_codec_error():
    with pytest.raises(codec.CodecError, match="证件类型"):
        codec.decode_text(block(*RESIDENT, (248, "Z", 2)))


def test_impossible_birth_date_is_a_codec_error():
    fields = [*RESIDENT]
    fields[3] = (36, "19910231", 16)
    with pytest.raises(codec.CodecError, match="出生日期"):
        codec.decode_text(block(*fields))


# ---- GB 11643 ----
def test_check_digit_examples():
    assert check_digit("11010519491231002") == "X"
    assert check_digit("36042619910101007") == "1"
    assert is_valid_id("11010519491231002X") and is_valid_id("360426199101010071")
    assert not is_valid_id("360426199101010075")
    assert not is_valid_id("11010519491231002x")  # cards print an upper-case X
    assert not is_valid_id("110105194902300011")  # 30 February
    assert not is_valid_id("36042619910101007")
    with pytest.raises(ValueError):
        check_digit("123")


def test_bad_check_digit_preset_is_rejected_with_a_reason():
    reasons = [str(r) for r in validate(PRESETS["bad_check_digit"])]
    assert reasons == ["身份号码校验位错误：360426********0075"]


def test_birth_date_and_sex_must_agree_with_the_number():
    card = PRESETS["resident"]
    reasons = [str(r) for r in validate(dataclasses.replace(card, birth_date=date(1991, 1, 2)))]
    assert reasons == ["身份号码中的出生日期与卡上出生日期不符"]
    reasons = [str(r) for r in validate(dataclasses.replace(card, sex="女"))]
    assert reasons == ["身份号码中的性别与卡上性别不符"]


def test_permit_numbers_by_type():
    hmt = PRESETS["hmt"]
    wrong = "360426199101010071"
    assert any("810000" in str(r) for r in validate(dataclasses.replace(hmt, id_number=wrong)))
    y = PRESETS["foreign2023"]
    assert any("9 开头" in str(r) for r in validate(dataclasses.replace(y, id_number="110105199003150029")))
    i = PRESETS["foreign2017"]
    assert any("国籍" in str(r) for r in validate(dataclasses.replace(i, nationality="GBR")))
    assert any("格式" in str(r) for r in validate(dataclasses.replace(i, id_number="US110085062101")))


# ---- derived values ----
def test_masked_id_and_repr_never_show_the_person():
    card = PRESETS["elderly"]
    assert card.masked_id == "110105********002X"
    assert "李秀英" not in repr(card) and "11010519491231002X" not in repr(card)
    assert "110105********002X" in repr(card)


def test_age_on():
    card = PRESETS["elderly"]  # born 1949-12-31
    assert card.age_on(date(2026, 1, 5)) == 76
    assert card.age_on(date(2019, 12, 30)) == 69 and card.age_on(date(2019, 12, 31)) == 70
    leap = dataclasses.replace(card, birth_date=date(2000, 2, 29))
    assert leap.age_on(date(2018, 2, 28)) == 17 and leap.age_on(date(2018, 3, 1)) == 18


def test_json_fields_by_card_type():
    assert "english_name" not in PRESETS["resident"].as_json()
    assert {"english_name", "nationality"} <= PRESETS["foreign2017"].as_json().keys()
    assert {"pass_number", "issue_count"} <= PRESETS["hmt"].as_json().keys()
    assert PRESETS["elderly"].as_json()["valid_until"] == "长期"


SHOWN = ("name", "address", "issuer", "english_name")


@given(
    st.sampled_from(SHOWN),
    st.text(max_size=5),
    st.characters(categories=["Cc", "Cf"]),
    st.text(max_size=5),
)
def test_a_control_or_format_character_in_a_shown_field_is_refused(field, before, bad, after):
    card = PRESETS["resident"]
    reasons = [str(r) for r in validate(dataclasses.replace(card, **{field: before + bad + after}))]
    assert any("不可显示的字符" in r for r in reasons), (field, before + bad + after)


@given(st.text(max_size=4).filter(lambda s: s not in SEXES))
def test_a_sex_outside_the_standard_codes_is_refused(sex):
    reasons = [str(r) for r in validate(dataclasses.replace(PRESETS["resident"], sex=sex))]
    assert any("性别代码无效" in r for r in reasons)


def test_nul_esc_empty_photo_and_sex_x_each_name_their_reason():
    card = PRESETS["resident"]
    assert validate(card) == []
    cases = {
        "姓名含有不可显示的字符": {"name": "王\x00小明"},
        "住址含有不可显示的字符": {"address": "示例路\x1b[2J1号"},
        "性别代码无效：'X'": {"sex": "X"},
        "证件照片数据为空": {"photo_wlt": b""},
    }
    for reason, change in cases.items():
        assert [str(r) for r in validate(dataclasses.replace(card, **change))] == [reason]
