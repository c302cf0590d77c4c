"""The pickup code printed on a reissue slip: it names the application (never the person) and
is signed with the issuing kiosk's Ed25519 key, so the pickup kiosk verifies it offline.

    ZJ1.<acceptance no>.<issued yyyymmdd>.<kiosk id>.<signature, base64url without padding>

Ed25519: a 64-byte signature (86 characters) fits a small QR code that a worn slip still scans,
and verifying needs only the public key, which every pickup kiosk of the hall holds. The signed
message is the code before the last dot, so nothing else can be swapped in.
"""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

log = logging.getLogger(__name__)

PREFIX = "ZJ1"


class BadPickupCode(ValueError):
    """Not a pickup code, or not one this hall's key signed."""


@dataclass(frozen=True)
class PickupCode:
    acceptance_no: str
    issued: date
    kiosk_id: str


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _clean(field: str) -> str:
    if not field or not field.replace("-", "").isalnum():
        raise ValueError(f"a pickup code field must be letters, digits or '-': {field!r}")
    return field


class Signer:
    def __init__(self, key: Ed25519PrivateKey) -> None:
        self._key = key

    @property
    def verifier(self) -> Verifier:
        return Verifier(self._key.public_key())

    def sign(self, acceptance_no: str, issued: date, kiosk_id: str) -> str:
        body = ".".join((PREFIX, _clean(acceptance_no), issued.strftime("%Y%m%d"), _clean(kiosk_id)))
        return f"{body}.{_b64(self._key.sign(body.encode()))}"


class Verifier:
    def __init__(self, key: Ed25519PublicKey) -> None:
        self._key = key

    def verify(self, code: str) -> PickupCode:
        body, _, sig = code.strip().rpartition(".")
        parts = body.split(".")
        if len(parts) != 4 or parts[0] != PREFIX:
            raise BadPickupCode("not a pickup code")
        try:
            raw = _unb64(sig)
            if _b64(raw) != sig:  # spare bits set in the last character: one code, one spelling
                raise ValueError("signature not in canonical base64url")
            self._key.verify(raw, body.encode())
            issued = date(int(parts[2][:4]), int(parts[2][4:6]), int(parts[2][6:]))
        except (InvalidSignature, ValueError) as e:
            raise BadPickupCode("signature does not verify") from e
        return PickupCode(parts[1], issued, parts[3])


class NotAPickupCode(BadPickupCode):
    """Not shaped like a pickup code at all (another QR, a payment code, noise)."""


def issuing_kiosk(code: str) -> str:
    """The kiosk a code names, read before its signature is checked, so a slip of another hall
    (signed with a key this hall does not hold) is told apart from a forged one."""
    parts = code.strip().split(".")
    if (
        len(parts) != 5
        or parts[0] != PREFIX
        or not all(parts)
        or len(parts[2]) != 8
        or not parts[2].isdigit()
    ):
        raise NotAPickupCode("not a pickup code")
    return parts[3]


def load_signer(private_path: Path, public_path: Path, generate: bool = False) -> Signer:
    """The kiosk's signing key from its PEM file; with `generate` (simulate mode, a first start)
    a missing key is made, and its public half written for the pickup kiosks."""
    if not private_path.exists():
        if not generate:
            raise FileNotFoundError(f"pickup signing key {private_path} is missing")
        key = Ed25519PrivateKey.generate()
        private_path.parent.mkdir(parents=True, exist_ok=True)
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        private_path.touch(mode=0o600)
        private_path.write_bytes(pem)
        public_path.parent.mkdir(parents=True, exist_ok=True)
        public_path.write_bytes(
            key.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
        )
        log.warning("generated a new pickup signing key %s", private_path)
    loaded = serialization.load_pem_private_key(private_path.read_bytes(), password=None)
    if not isinstance(loaded, Ed25519PrivateKey):
        raise ValueError(f"{private_path} is not an Ed25519 key")
    return Signer(loaded)


def load_verifier(public_path: Path) -> Verifier:
    loaded = serialization.load_pem_public_key(public_path.read_bytes())
    if not isinstance(loaded, Ed25519PublicKey):
        raise ValueError(f"{public_path} is not an Ed25519 public key")
    return Verifier(loaded)
