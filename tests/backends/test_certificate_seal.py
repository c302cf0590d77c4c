"""Certificate seals: the issuer's signature over (serial, kind, masked holder, issue time,
content digest) in the QR, checked offline by the CLI, by the kiosk before it prints, and by the
reference platform; every altered field, a forged signature and a foreign QR are told apart."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from backends.errors import Refused
from backends.platform import seal
from backends.platform.__main__ import main
from backends.platform.api import Certificate
from backends.platform.client import PlatformClient
from backends.platform.demo import PEOPLE
from tests.backends.support import WANG, Servers, servers

RARE = next(p for p in PEOPLE if "rare characters" in p.case)


def cert(**kw: object) -> Certificate:
    base = Certificate(
        "social_insurance",
        "SO20261201000001",
        "社会保险参保缴费证明",
        "市社会保险事业管理中心",
        "欧阳𠇔䶮",
        "320102********0091",
        "2026-12-01T09:30:00+08:00",
        (("参保状态", "正常参保"),),
        "2026-01 至 2026-10",
        ("缴费年月", "险种"),
        (("2026-01", "企业职工基本养老保险"), ("2026-02", "企业职工基本养老保险")),
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def issued(signer: seal.Signer, c: Certificate) -> Certificate:
    return replace(c, qr=seal.qr_text("https://verify.example.gov.cn/c", seal.seal(signer, c)))


def altered(qr: str, field: str, value: str) -> str:
    parts = urlsplit(qr)
    q = {k: v[0] for k, v in parse_qs(parts.query).items()}
    q[field] = value
    return f"{parts.scheme}://{parts.netloc}{parts.path}?{urlencode(q, safe='*:')}"


@pytest.fixture(scope="module")
def signer() -> seal.Ed25519Signer:
    return seal.Ed25519Signer()


def test_a_sealed_certificate_verifies_and_names_its_content(signer: seal.Ed25519Signer) -> None:
    c = issued(signer, cert())
    s = seal.verify_certificate(c, signer.verifier())
    assert (s.serial, s.kind, s.id_masked, s.issued_at) == (c.serial, c.code, c.id_masked, c.issued_at)
    assert "欧阳" not in c.qr and "0091" in c.qr  # the holder is named by the masked ID only


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("s", "SO20261201000002"),  # another serial
        ("k", "income_tax"),  # another kind
        ("h", "320102********0092"),  # another holder
        ("t", "2026-12-02T09:30:00+08:00"),  # another issue time
        ("d", "A" * 43),  # another content
    ],
)
def test_any_altered_field_is_tampering(signer: seal.Ed25519Signer, field: str, value: str) -> None:
    qr = altered(issued(signer, cert()).qr, field, value)
    with pytest.raises(seal.BadSeal) as e:
        seal.verify_qr(qr, signer.verifier())
    assert e.value.code == "tampered"


def test_a_forged_signature_and_another_issuer_fail(signer: seal.Ed25519Signer) -> None:
    qr = issued(signer, cert()).qr
    forged = issued(seal.Ed25519Signer(), cert()).qr  # well formed, signed by someone else
    for bad in (forged, altered(qr, "g", "A" * 86)):
        with pytest.raises(seal.BadSeal) as e:
            seal.verify_qr(bad, signer.verifier())
        assert e.value.code == "tampered"
    with pytest.raises(seal.BadSeal) as e:
        seal.verify_qr(altered(qr, "a", "sm2"), signer.verifier())
    assert e.value.code == "unknown_algorithm"


@pytest.mark.parametrize(
    "text", ["", "hello", "ZJ1.SL1.20260101.K01.abc", "https://example.com/?v=1&s=X", "https://a/?v=1"]
)
def test_what_is_not_a_certificate_qr_says_so(signer: seal.Ed25519Signer, text: str) -> None:
    with pytest.raises(seal.BadSeal) as e:
        seal.verify_qr(text, signer.verifier())
    assert e.value.code == "not_a_certificate"


def test_a_changed_record_under_a_genuine_qr_is_caught(signer: seal.Ed25519Signer) -> None:
    c = issued(signer, cert())
    edited = replace(c, records=(("2026-01", "企业职工基本养老保险"), ("2026-03", "企业职工基本养老保险")))
    with pytest.raises(seal.BadSeal) as e:
        seal.verify_certificate(edited, signer.verifier())
    assert e.value.code == "content_mismatch"


def test_cli_verifies_offline_with_the_issuer_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    signer = seal.load_signer(tmp_path / "issuer.pem", generate=True)
    assert seal.load_signer(tmp_path / "issuer.pem").verifier().public_pem() == signer.verifier().public_pem()
    qr = issued(signer, cert()).qr
    pub = str(tmp_path / "issuer.pub")
    assert main(["verify", qr, "--key", pub]) == 0
    out = capsys.readouterr().out
    assert '"valid": true' in out and "SO20261201000001" in out
    assert main(["verify", altered(qr, "h", "320102********0092"), "--key", pub]) == 1
    assert "TAMPERED" in capsys.readouterr().err
    assert main(["verify", "not a certificate", "--key", pub]) == 1
    assert "not_a_certificate" in capsys.readouterr().err


@pytest.fixture(scope="module")
def srv() -> Iterator[Servers]:
    with servers() as s:
        yield s


@pytest.fixture
def client(srv: Servers) -> Iterator[PlatformClient]:
    c = PlatformClient(srv.platform_url, timeout=5.0, backoff=0.01)
    yield c
    c.close()


def test_platform_issues_signed_certificates_for_a_period(client: PlatformClient) -> None:
    types = {t.code: t for t in client.certificate_types()}
    assert types["social_insurance"].ranged and not types["property_record"].ranged
    c = client.certificate("social_insurance", WANG, since="2025-01", until="2025-12")
    assert c.period == "2025-01 至 2025-12" and len(c.records) == 36  # 12 months x 3 insurances
    assert {r[0] for r in c.records} == {f"2025-{m:02d}" for m in range(1, 13)}
    assert seal.verify_certificate(c, seal.load_verifier(client.issuer_key())).serial == c.serial
    assert client.certificate("social_insurance", WANG).serial != c.serial  # a new serial each time
    with pytest.raises(Refused) as e:
        client.certificate("social_insurance", WANG, since="2026-01", until="2025-01")
    assert e.value.code == "bad_period"
    with pytest.raises(Refused) as e:
        client.certificate("social_insurance", WANG, since="1980-01", until="1980-12")
    assert e.value.code == "certificate_not_found"


def test_decades_of_records_and_a_rare_name_come_through(client: PlatformClient) -> None:
    c = client.certificate("social_insurance", RARE.id_number)
    assert c.holder_name == "欧阳𠇔䶮" and len(c.records) > 2000
    assert seal.verify_certificate(c, seal.load_verifier(client.issuer_key()))


def test_platform_checks_a_scanned_qr(client: PlatformClient) -> None:
    c = client.certificate("housing_fund", WANG)
    ok = client.check_certificate(c.qr)
    assert ok.valid and ok.known and ok.serial == c.serial
    bad = client.check_certificate(altered(c.qr, "t", "2020-01-01T00:00:00+08:00"))
    assert not bad.valid and bad.code == "tampered"
    foreign = issued(seal.Ed25519Signer(), cert())
    assert client.check_certificate(foreign.qr).code == "tampered"
    assert client.check_certificate("https://example.com/").code == "not_a_certificate"
