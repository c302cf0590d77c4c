"""Fuzzing the clients with malformed answers: whatever comes back, a call either returns a
well-typed value or raises one of the backend errors the journeys handle, never a KeyError,
TypeError or a half-parsed object."""

from __future__ import annotations

import json
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backends.errors import BackendError
from backends.payment.api import Order, State
from backends.payment.client import PaymentClient
from backends.platform.api import Application, Person
from backends.platform.client import PlatformClient

WANG = "360426199101010071"

scalars = (
    st.none() | st.booleans() | st.integers(-5, 10**6) | st.floats(allow_nan=True) | st.text(max_size=20)
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=6),
)
ORDER_KEYS = ["order_no", "state", "amount_fen", "detail", "refunded_fen", "code_url", "expires_at"]
PERSON_KEYS = ["id_masked", "name_masked", "kinds", "refusal_code", "refusal", "fee_class", "photo_ref"]
APP_KEYS = ["acceptance_no", "state", "kind", "fee_fen", "id_masked", "locker", "order_no"]


# plausible wrong values: the right shape, the wrong content
PLAUSIBLE: dict[str, list[Any]] = {
    "order_no": ["ORD00000002"],
    "expires_at": ["2026-12-01T12:00:00+08:00", "2026-13-45T99:00", None],
    "code_url": ["weixin://wxpay/bizpayurl?pr=x"],
    "id_masked": ["110105********002X"],
    "acceptance_no": ["SL2026120100002"],
    "locker": [3, None, 0],
    "kinds": [["reissue_lost", "fly_to_moon"]],
}


def near_miss(keys: list[str], good: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A valid answer with some fields dropped, or replaced by plausible or arbitrary values."""

    def field(k: str) -> st.SearchStrategy[Any]:
        options = [good[k]] if k in good else []
        plausible = st.sampled_from([*options, *PLAUSIBLE.get(k, [])] or [None])
        return plausible | plausible | plausible | json_values  # mostly plausible

    required = {k: field(k) for k in keys if k in good}
    optional = {k: field(k) for k in keys if k not in good}
    return st.fixed_dictionaries(required, optional=optional) | st.fixed_dictionaries(
        {}, optional={k: field(k) for k in keys}
    )


GOOD_ORDER = {
    "order_no": "ORD00000001",
    "state": "PAID",
    "amount_fen": 2000,
    "detail": "SUCCESS",
    "refunded_fen": 0,
}
GOOD_PERSON = {
    "id_masked": "360426********0071",
    "name_masked": "王**",
    "kinds": ["reissue_lost"],
    "refusal_code": "",
    "refusal": "",
    "fee_class": "standard",
    "photo_ref": "registry:astronaut",
}
GOOD_APP = {
    "acceptance_no": "SL2026120100001",
    "state": "accepted",
    "kind": "reissue_lost",
    "fee_fen": 4000,
    "id_masked": "360426********0071",
}

answers = st.one_of(
    st.tuples(st.sampled_from([200, 400, 404, 409, 500, 503]), json_values.map(json.dumps)),
    st.tuples(st.just(200), near_miss(ORDER_KEYS, GOOD_ORDER).map(json.dumps)),
    st.tuples(st.just(200), near_miss(PERSON_KEYS, GOOD_PERSON).map(json.dumps)),
    st.tuples(st.just(200), near_miss(APP_KEYS, GOOD_APP).map(json.dumps)),
    st.tuples(st.sampled_from([200, 404]), st.binary(max_size=40).map(lambda b: b.decode("latin-1"))),
    st.tuples(
        st.just(404), st.fixed_dictionaries({"error": json_values, "message": json_values}).map(json.dumps)
    ),
)


def transport(status: int, text: str) -> httpx.MockTransport:
    return httpx.MockTransport(
        lambda request: httpx.Response(status, content=text.encode("utf-8", "replace"))
    )


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(answers)
def test_payment_client_survives_any_answer(answer: tuple[int, str]) -> None:
    client = PaymentClient("http://gw", transport=transport(*answer), attempts=1)
    try:
        order = client.query("ORD00000001")
    except BackendError:
        return
    assert isinstance(order, Order) and order.order_no == "ORD00000001" and isinstance(order.state, State)


@FUZZ
@given(answers)
def test_platform_client_survives_any_answer(answer: tuple[int, str]) -> None:
    client = PlatformClient("http://pf", transport=transport(*answer), attempts=1)
    try:
        p = client.lookup(WANG)
        assert isinstance(p, Person) and p.id_masked == "360426********0071"
    except BackendError:
        pass
    try:
        a = client.status("SL2026120100001")
        assert isinstance(a, Application) and a.acceptance_no == "SL2026120100001"
    except BackendError:
        pass
