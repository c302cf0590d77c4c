"""The slip's pickup code: what one kiosk signs another verifies offline; a changed or foreign
code is refused."""

from __future__ import annotations

from datetime import date

import pytest

from hall.pickup_code import BadPickupCode, PickupCode, load_signer, load_verifier


def test_a_signed_code_verifies_with_the_public_key_file_only(tmp_path):
    signer = load_signer(tmp_path / "k.pem", tmp_path / "k.pub", generate=True)
    code = signer.sign("SL2026010500017", date(2026, 1, 5), "K01")
    assert len(code) < 140  # a small QR on a receipt
    got = load_verifier(tmp_path / "k.pub").verify(code)
    assert got == PickupCode("SL2026010500017", date(2026, 1, 5), "K01")
    # the key is kept: a second start signs with the same key
    again = load_signer(tmp_path / "k.pem", tmp_path / "k.pub").sign("SL1", date(2026, 1, 5), "K01")
    assert load_verifier(tmp_path / "k.pub").verify(again).acceptance_no == "SL1"


def test_a_changed_or_foreign_code_is_refused(tmp_path):
    signer = load_signer(tmp_path / "k.pem", tmp_path / "k.pub", generate=True)
    other = load_signer(tmp_path / "o.pem", tmp_path / "o.pub", generate=True)
    code = signer.sign("SL2026010500017", date(2026, 1, 5), "K01")
    verifier = signer.verifier
    with pytest.raises(BadPickupCode):
        verifier.verify(code.replace("SL2026010500017", "SL2026010500018"))
    with pytest.raises(BadPickupCode):
        verifier.verify(other.sign("SL2026010500017", date(2026, 1, 5), "K01"))
    for junk in ("", "hello", "ZJ1.a.b.c.d", "weixin://wxpay/bizpayurl?pr=1"):
        with pytest.raises(BadPickupCode):
            verifier.verify(junk)


def test_a_missing_key_is_not_made_up_outside_simulate(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_signer(tmp_path / "none.pem", tmp_path / "none.pub")
