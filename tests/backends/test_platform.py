"""The platform client against the reference platform: every demo case, the face comparison,
the application lifecycle, pickups, certificates, and each fault."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from backends.errors import Refused, Unavailable, Uncertain
from backends.platform.api import AppState, Kind
from backends.platform.client import PlatformClient
from backends.platform.contract import DOC
from backends.platform.demo import PEOPLE
from backends.refserver import free_port
from devices.idcard.record import is_valid_id
from tests.backends.support import WANG, Servers, live_jpeg, servers


def person(case: str) -> str:
    return next(p.id_number for p in PEOPLE if p.case.startswith(case))


@pytest.fixture(scope="module")
def srv() -> Iterator[Servers]:
    with servers() as s:
        yield s


@pytest.fixture
def client(srv: Servers) -> Iterator[PlatformClient]:
    srv.platform.faults.clear()
    c = PlatformClient(srv.platform_url, timeout=1.0, backoff=0.01)
    yield c
    c.close()


@pytest.fixture
def face_client(srv: Servers) -> Iterator[PlatformClient]:
    """A face comparison runs a real model (a second or more on a loaded machine): the short
    timeout the other calls are tested with timed it out and retried it."""
    srv.platform.faults.clear()
    c = PlatformClient(srv.platform_url, timeout=30.0, backoff=0.01)
    yield c
    c.close()


def test_demo_people_are_synthetic_and_cover_every_case() -> None:
    assert len(PEOPLE) == 14 and all(is_valid_id(p.id_number) for p in PEOPLE)
    codes = {p.refusal_code for p in PEOPLE}
    assert {"", "pending_application", "minor_guardian", "registration_cancelled", "other_province"} <= codes
    assert {p.photo for p in PEOPLE} == {"astronaut", "other", ""}


def test_lookup_eligible_masks_the_name(client: PlatformClient) -> None:
    p = client.lookup(WANG)
    assert p.eligible and Kind.REISSUE_LOST in p.kinds and p.fee_class == "standard"
    assert p.name_masked == "王**" and p.id_masked == "360426********0071"
    assert p.photo_ref == "registry:astronaut"


def test_lookup_refused_says_why(client: PlatformClient) -> None:
    p = client.lookup(person("refused: under 16"))
    assert not p.eligible and p.refusal_code == "minor_guardian" and "监护人" in p.refusal
    with pytest.raises(Refused) as e:
        client.create_application("key-minor-0001", person("refused: under 16"), Kind.REISSUE_LOST)
    assert e.value.code == "not_eligible"


def test_lookup_unknown_person(client: PlatformClient) -> None:
    with pytest.raises(Refused) as e:
        client.lookup("110101199001011237")
    assert e.value.code == "person_not_found"


def test_face_matches_the_simulated_camera_and_not_someone_else(face_client: PlatformClient) -> None:
    same = face_client.compare_face("registry:astronaut", live_jpeg())
    other = face_client.compare_face("registry:other", live_jpeg())
    assert same.same and same.score > 0.8
    assert not other.same and other.score < other.threshold
    if same.method != "dlib":
        pytest.fail(f"face comparison fell back to {same.method}: dlib-bin is a dev dependency")


def test_face_refuses_a_photo_without_a_face(face_client: PlatformClient) -> None:
    with pytest.raises(Refused) as e:
        face_client.compare_face("registry:astronaut", live_jpeg(faces=0))
    assert e.value.code == "no_face"


def test_application_lifecycle_and_idempotent_create(client: PlatformClient) -> None:
    a = client.create_application("key-life-0001", WANG, Kind.RENEWAL_EXPIRY)
    assert a.state == AppState.CREATED and a.fee_fen == 2000
    assert client.create_application("key-life-0001", WANG, Kind.RENEWAL_EXPIRY) == a
    assert client.find_application("key-life-0001") == a
    assert client.find_application("key-never-made") is None
    with pytest.raises(Refused) as e:
        client.mark_paid(a.acceptance_no, "ORDLIFE0001", 2000)
    assert e.value.code == "incomplete"
    client.attach_photo(a.acceptance_no, live_jpeg())
    client.attach_fingerprints(a.acceptance_no, {})  # capture failed is an answer too
    with pytest.raises(Refused) as e:
        client.mark_paid(a.acceptance_no, "ORDLIFE0001", 999)
    assert e.value.code == "amount_mismatch"
    assert client.mark_paid(a.acceptance_no, "ORDLIFE0001", 2000).state == AppState.PAID
    assert client.mark_paid(a.acceptance_no, "ORDLIFE0001", 2000).state == AppState.PAID
    assert client.submit(a.acceptance_no).state == AppState.ACCEPTED
    assert client.status(a.acceptance_no).order_no == "ORDLIFE0001"


def test_photo_without_a_face_is_refused(client: PlatformClient) -> None:
    a = client.create_application("key-noface-01", WANG, Kind.RENEWAL_EXPIRY)
    with pytest.raises(Refused) as e:
        client.attach_photo(a.acceptance_no, live_jpeg(faces=0))
    assert e.value.code == "no_face"


def test_card_ready_at_a_locker_and_pickup(client: PlatformClient) -> None:
    ready = person("card ready")
    [a] = client.applications_for(ready)
    assert a.state == AppState.READY and a.locker == 3
    with pytest.raises(Refused):
        client.record_pickup(a.acceptance_no, 4, "qr")  # the wrong door
    assert client.record_pickup(a.acceptance_no, 3, "qr").state == AppState.COLLECTED
    assert client.record_pickup(a.acceptance_no, 3, "qr").state == AppState.COLLECTED  # a retry
    [done] = client.applications_for(person("card already collected"))
    assert done.state == AppState.COLLECTED
    [making] = client.applications_for(person("card in production"))
    assert making.state == AppState.IN_PRODUCTION


def test_certificates(client: PlatformClient) -> None:
    codes = [t.code for t in client.certificate_types()]
    assert codes == ["social_insurance", "income_tax", "housing_fund", "property_record"]
    c = client.certificate("social_insurance", WANG)
    assert c.holder_name == "王小明" and c.id_masked == "360426********0071" and c.rows
    with pytest.raises(Refused) as e:
        client.certificate("social_insurance", person("eligible; no certificates"))
    assert e.value.code == "certificate_not_found"


def test_contract_is_served(srv: Servers) -> None:
    assert httpx.get(srv.platform_url + "/openapi.json").json() == DOC


def test_timeout_is_retried_with_the_same_key(srv: Servers, client: PlatformClient) -> None:
    srv.platform.faults.add("POST", "/applications", "delay", seconds=2.0)  # done, answered late
    a = client.create_application("key-late-0001", WANG, Kind.REISSUE_LOST)
    made = [x for x in srv.platform.apps.values() if x.key == "key-late-0001"]
    assert [x.acceptance_no for x in made] == [a.acceptance_no]


@pytest.mark.parametrize("fault", ["status", "malformed", "contract", "drop"])
def test_one_bad_answer_is_retried(srv: Servers, client: PlatformClient, fault: str) -> None:
    srv.platform.faults.add("POST", "/persons/lookup", fault)
    assert client.lookup(WANG).eligible


@pytest.mark.parametrize("fault", ["status", "malformed", "contract"])
def test_persistent_bad_answers_are_uncertain(srv: Servers, client: PlatformClient, fault: str) -> None:
    srv.platform.faults.add("GET", "/certificates", fault, times=5)
    with pytest.raises(Uncertain) as e:
        client.certificate_types()
    assert e.value.code in ("http_503", "malformed", "contract")


def test_answer_about_another_person_is_not_trusted(srv: Servers) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        other = "110105********002X"
        return httpx.Response(
            200,
            json={
                "id_masked": other,
                "name_masked": "李**",
                "kinds": [],
                "refusal_code": "",
                "refusal": "",
                "fee_class": "standard",
                "photo_ref": "",
            },
        )

    c = PlatformClient("http://platform", transport=httpx.MockTransport(handler), backoff=0)
    with pytest.raises(Uncertain):
        c.lookup(WANG)


def test_connection_refused_is_unavailable() -> None:
    c = PlatformClient(f"http://127.0.0.1:{free_port()}", timeout=1.0, backoff=0.01)
    with pytest.raises(Unavailable) as e:
        c.lookup(WANG)
    assert "服务暂时无法连接" in str(e.value.reason)
