"""The codec on arbitrary bytes: a record (or frame) or the codec's own error, never anything else."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from devices.idcard import codec
from devices.idcard.record import CARD_TYPES, IdCard, validate


@given(st.binary(max_size=300))
def test_parse_reply_on_any_bytes(raw):
    try:
        rep = codec.parse_reply(raw)
    except codec.CodecError as e:
        assert str(e.reason)
    else:
        assert codec.frame(bytes([rep.sw1, rep.sw2, rep.sw3]) + rep.data) == raw


@given(st.binary(min_size=256, max_size=256), st.sampled_from([" ", "J", "I", "Y", "\x00"]))
def test_decode_text_on_any_block(raw, flag):
    for block in (raw, raw[:248] + flag.encode("utf-16-le") + raw[250:]):
        try:
            card = codec.decode_text(block)
        except codec.CodecError as e:
            assert str(e.reason)
        else:
            assert isinstance(card, IdCard) and card.card_type in CARD_TYPES
            for reason in validate(card):  # validation of any decoded card must not crash either
                assert str(reason)
            card.as_json()


@given(st.binary(max_size=1500), st.booleans())
def test_decode_card_on_any_read_data(data, fingerprint):
    try:
        card = codec.decode_card(data, with_fingerprint=fingerprint)
    except codec.CodecError:
        pass
    else:
        assert isinstance(card, IdCard)


@given(st.binary(max_size=100))
def test_decode_address_and_sam_id_on_any_bytes(data):
    for fn in (codec.decode_address, codec.format_sam_id):
        try:
            assert isinstance(fn(data), str)
        except codec.CodecError:
            pass


@given(st.lists(st.binary(max_size=40), max_size=20))
def test_splitter_never_loses_a_frame_after_garbage(chunks):
    frame = codec.reply(0x9F, bytes(4))
    s = codec.FrameSplitter()
    got = []
    for c in chunks:
        got += s.feed(c)
    s.clear()
    # garbage may hold false frames, but a clean frame after it is always found
    assert s.feed(frame) == [frame]
    for raw in got:
        try:
            codec.parse_reply(raw)
        except codec.CodecError:
            pass


bmp_text = st.text(
    st.characters(min_codepoint=0x21, max_codepoint=0xFFFF, exclude_categories=("Cs", "Zs", "Cc")),
    max_size=15,
)
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


@settings(max_examples=200)
@given(
    st.sampled_from(["resident", "hmt"]),
    bmp_text,
    st.sampled_from(["男", "女"]),
    st.text("0123456789X", min_size=18, max_size=18),
    dates,
    dates,
    st.one_of(dates, st.just("长期")),
)
def test_resident_and_hmt_round_trip(kind, name, sex, number, born, start, until):
    card = IdCard(kind, name, sex, "汉" if kind == "resident" else "", born, name, number, name, start, until)
    back = codec.decode_text(codec.encode_text(card))
    assert (back.name, back.sex, back.id_number, back.birth_date, back.valid_until) == (
        name,
        sex,
        number,
        born,
        until,
    )
