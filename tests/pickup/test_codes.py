"""What a scanned text can be at the pickup kiosk: only a slip signed with the hall's key for a
kiosk of the hall, not yet expired, names an application; everything else is refused with the
reason said plainly (never a crash, never a door). Property-based over malformed, oversized and
forged codes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.clock import FakeClock
from flows.pickup import Refusal, read_code
from flows.runtime import FlowContext
from flows.session import Session
from hall.pickup_code import Signer, load_signer
from kiosk.config import load

ACC = "SL2026010500017"
DAY = FakeClock().now().date()
NOT_A_CODE = "这不是取证回执的二维码"
UNVERIFIED = "回执二维码无法验证"


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Signer, FlowContext]:
    tmp: Path = tmp_path_factory.mktemp("keys")
    signer = load_signer(tmp / "k.pem", tmp / "k.pub", generate=True)
    ctx = FlowContext(
        clock=FakeClock(),
        session=Session(tmp / "run"),
        config=load(None, {"pickup.hall_kiosks": ["K01", "K02"]}),
        services={"pickup_signer": signer},
    )
    return signer, ctx


def title(result: str | Refusal) -> str:
    assert isinstance(result, Refusal), result
    return str(result.title)


def test_a_genuine_slip_names_its_application(keys) -> None:
    signer, ctx = keys
    assert read_code(ctx, signer.sign(ACC, DAY, "K02")) == ACC
    assert read_code(ctx, "  " + signer.sign(ACC, DAY, "K01") + "\r\n") == ACC  # scanner line ends


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_text_is_refused_unless_signed(keys, text: str) -> None:
    _, ctx = keys
    assert title(read_code(ctx, text)) in (NOT_A_CODE, UNVERIFIED, "这张回执不是本大厅开具的", "回执已过期")


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=301, max_value=100_000))
def test_oversized_is_refused_unread(keys, size: int) -> None:
    signer, ctx = keys
    code = signer.sign(ACC, DAY, "K01")
    result = read_code(ctx, code + "A" * (size - len(code)))
    assert title(result) == NOT_A_CODE and "过长" in str(result.body)  # type: ignore[union-attr]


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_one_changed_character_is_forged(keys, data: st.DataObject) -> None:
    signer, ctx = keys
    code = signer.sign(ACC, DAY, "K01")
    i = data.draw(st.integers(0, len(code) - 1))
    c = data.draw(st.sampled_from("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_."))
    forged = code[:i] + c + code[i + 1 :]
    if forged == code:
        return
    result = read_code(ctx, forged)
    # a changed acceptance number, day or signature never verifies; a changed kiosk is another hall
    assert isinstance(result, Refusal), (i, c)


def test_other_hall_forged_expired_and_future_are_told_apart(keys, tmp_path: Path) -> None:
    signer, ctx = keys
    other = load_signer(tmp_path / "o.pem", tmp_path / "o.pub", generate=True)
    assert title(read_code(ctx, other.sign(ACC, DAY, "K77"))) == "这张回执不是本大厅开具的"
    assert title(read_code(ctx, other.sign(ACC, DAY, "K01"))) == UNVERIFIED
    assert title(read_code(ctx, signer.sign(ACC, DAY - timedelta(days=181), "K01"))) == "回执已过期"
    assert read_code(ctx, signer.sign(ACC, DAY - timedelta(days=180), "K01")) == ACC  # the last day
    assert title(read_code(ctx, signer.sign(ACC, DAY + timedelta(days=30), "K01"))) == UNVERIFIED
    assert title(read_code(ctx, "134567890123456789")) == NOT_A_CODE  # a payment code
    assert title(read_code(ctx, "https://example.org/x")) == NOT_A_CODE
