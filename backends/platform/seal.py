"""Certificate seals: the issuer signs (serial, kind, masked holder ID, issue time, content digest)
and the QR printed on every page carries a verification URL with those fields and the signature,
so anyone holding the issuer's public key checks a paper certificate offline:

    https://verify.example.gov.cn/c?v=1&s=SERIAL&k=KIND&h=MASKED_ID&t=ISSUED&d=DIGEST&a=ed25519&g=SIG

The content digest is SM3 (GB/T 32905, the digest GB/T 38540 seals use) over the certificate's
canonical JSON, so the page's table cannot be changed under a valid signature. The signature is
Ed25519 through `cryptography`: GB/T 38540 names SM2, but no well-kept Python library signs with
it (`cryptography` has SM3 but not SM2; gmssl is pure Python, unreleased since 2023 and not
constant-time; the GmSSL bindings need a C library Debian does not ship). Signing goes through one
interface (Signer/Verifier, named by `algorithm`), so an SM2 signer slots in beside this one and
the QR says which was used.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qs, urlencode, urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from backends.platform.api import Certificate

VERSION = "1"
SERIAL_RE = re.compile(r"[A-Z0-9-]{6,40}")
KIND_RE = re.compile(r"[a-z_]{2,32}")
ID_MASKED_RE = re.compile(r"\d{6}\*{8}\d{3}[\dX]")
ISSUED_RE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")
DIGEST_RE = re.compile(r"[A-Za-z0-9_-]{43}")


class BadSeal(ValueError):
    """Not a certificate QR, or one whose signature does not hold: `code` says which."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code  # not_a_certificate, unknown_algorithm, tampered, content_mismatch


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Signer(Protocol):
    algorithm: str

    def sign(self, message: bytes) -> bytes: ...

    def verifier(self) -> Verifier: ...


class Verifier(Protocol):
    algorithm: str

    def verify(self, message: bytes, signature: bytes) -> bool: ...

    def public_pem(self) -> str: ...


class Ed25519Signer:
    algorithm = "ed25519"

    def __init__(self, key: Ed25519PrivateKey | None = None) -> None:
        self._key = key or Ed25519PrivateKey.generate()

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message)

    def verifier(self) -> Ed25519Verifier:
        return Ed25519Verifier(self._key.public_key())

    def private_pem(self) -> bytes:
        return self._key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )


class Ed25519Verifier:
    algorithm = "ed25519"

    def __init__(self, key: Ed25519PublicKey) -> None:
        self._key = key

    def verify(self, message: bytes, signature: bytes) -> bool:
        try:
            self._key.verify(signature, message)
        except InvalidSignature:
            return False
        return True

    def public_pem(self) -> str:
        return self._key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ).decode()


def load_verifier(pem: str | bytes) -> Verifier:
    """The issuer's public key from PEM (Ed25519 today)."""
    key = serialization.load_pem_public_key(pem.encode() if isinstance(pem, str) else pem)
    if isinstance(key, Ed25519PublicKey):
        return Ed25519Verifier(key)
    raise ValueError("the issuer key is not a key this kiosk can verify with (Ed25519)")


def load_signer(path: Path, generate: bool = False) -> Ed25519Signer:
    """The issuer's private key from a PEM file; with `generate` a missing one is made (its public
    half written beside it as <name>.pub)."""
    if not path.exists():
        if not generate:
            raise FileNotFoundError(f"issuer key {path} is missing")
        signer = Ed25519Signer()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_bytes(signer.private_pem())
        path.with_suffix(".pub").write_text(signer.verifier().public_pem(), encoding="utf-8")
        return signer
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} is not an Ed25519 private key")
    return Ed25519Signer(key)


def content_digest(cert: Certificate) -> str:
    """SM3 over the canonical JSON of everything printed (the QR excepted)."""
    content = {
        "code": cert.code,
        "serial": cert.serial,
        "title": cert.title,
        "issuer": cert.issuer,
        "holder_name": cert.holder_name,
        "id_masked": cert.id_masked,
        "issued_at": cert.issued_at,
        "period": cert.period,
        "rows": [list(r) for r in cert.rows],
        "columns": list(cert.columns),
        "records": [list(r) for r in cert.records],
    }
    h = hashes.Hash(hashes.SM3())
    h.update(json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode())
    return b64(h.finalize())


@dataclass(frozen=True)
class Seal:
    serial: str
    kind: str
    id_masked: str
    issued_at: str  # ISO 8601 with the hall's offset, to the second
    digest: str
    algorithm: str = ""
    signature: str = ""  # base64url

    def message(self) -> bytes:
        """What is signed: the fields in a fixed order, one per line (none may hold a newline)."""
        return "\n".join(
            ("CERT" + VERSION, self.serial, self.kind, self.id_masked, self.issued_at, self.digest)
        ).encode()

    def check_fields(self) -> None:
        for value, pattern, name in (
            (self.serial, SERIAL_RE, "serial"),
            (self.kind, KIND_RE, "kind"),
            (self.id_masked, ID_MASKED_RE, "holder"),
            (self.issued_at, ISSUED_RE, "issue time"),
            (self.digest, DIGEST_RE, "digest"),
        ):
            if not pattern.fullmatch(value):
                raise BadSeal("not_a_certificate", f"bad {name}")


def seal(signer: Signer, cert: Certificate) -> Seal:
    s = Seal(cert.serial, cert.code, cert.id_masked, cert.issued_at, content_digest(cert), signer.algorithm)
    s.check_fields()
    return replace(s, signature=b64(signer.sign(s.message())))


def qr_text(base_url: str, s: Seal) -> str:
    query = {
        "v": VERSION,
        "s": s.serial,
        "k": s.kind,
        "h": s.id_masked,
        "t": s.issued_at,
        "d": s.digest,
        "a": s.algorithm,
        "g": s.signature,
    }
    return f"{base_url}?{urlencode(query, safe='*:')}"


def parse_qr(text: str) -> Seal:
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.query:
        raise BadSeal("not_a_certificate", "not a verification URL")
    q = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items() if len(v) == 1}
    if q.get("v") != VERSION or not all(k in q for k in "skhtdag"):
        raise BadSeal("not_a_certificate", "fields missing")
    s = Seal(q["s"], q["k"], q["h"], q["t"], q["d"], q["a"], q["g"])
    s.check_fields()
    return s


def verify_qr(text: str, verifiers: Mapping[str, Verifier] | Verifier) -> Seal:
    """The seal when the QR was signed by the issuer; BadSeal otherwise (tampered: any field, or
    the signature, changed after signing)."""
    s = parse_qr(text)
    chosen = verifiers if not isinstance(verifiers, Mapping) else verifiers.get(s.algorithm)
    if chosen is None or chosen.algorithm != s.algorithm:
        raise BadSeal("unknown_algorithm", s.algorithm)
    try:
        signature = unb64(s.signature)
    except ValueError as e:
        raise BadSeal("tampered", "signature is not base64") from e
    if not chosen.verify(s.message(), signature):
        raise BadSeal("tampered", "the signature does not match the fields")
    return s


def verify_certificate(cert: Certificate, verifier: Verifier) -> Seal:
    """The certificate's own QR verifies and names this very content (serial, kind, holder, time,
    digest of the table): what the kiosk checks before it prints anything."""
    s = verify_qr(cert.qr, verifier)
    if (s.serial, s.kind, s.id_masked, s.issued_at, s.digest) != (
        cert.serial,
        cert.code,
        cert.id_masked,
        cert.issued_at,
        content_digest(cert),
    ):
        raise BadSeal("content_mismatch", "the QR names other content")
    return s
