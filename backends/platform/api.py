"""The government service platform as the journeys see it (services.md sections 1 and 3).

Every write is keyed so it can be repeated safely: an application by the kiosk's idempotency
key, "paid" by the order number, a pickup by the acceptance number. The platform holds the
application's personal data (photo, fingerprints); the kiosk keeps only references.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol


class Kind(enum.StrEnum):
    RENEWAL_EXPIRY = "renewal_expiry"  # 到期换领
    RENEWAL_DAMAGED = "renewal_damaged"  # 损坏换领
    REISSUE_LOST = "reissue_lost"  # 丢失补领


class AppState(enum.StrEnum):
    CREATED = "created"  # data being attached, not paid
    PAID = "paid"
    ACCEPTED = "accepted"  # submitted: 受理
    IN_PRODUCTION = "in_production"
    READY = "ready"  # in a pickup locker
    AT_COUNTER = "at_counter"  # taken out of the locker by staff: collected at the counter
    COLLECTED = "collected"
    CANCELLED = "cancelled"  # never paid, or withdrawn: can no longer complete


@dataclass(frozen=True)
class Person:
    id_masked: str
    name_masked: str
    kinds: tuple[Kind, ...]  # what this person may apply for here; empty when refused
    refusal_code: str  # "" when eligible; else why not (pending_application, minor_guardian, ...)
    refusal: str  # why not, in Chinese, for the screen
    fee_class: str  # standard, exempt
    photo_ref: str  # the registry photo to compare a live face with ("" when none on file)

    @property
    def eligible(self) -> bool:
        return bool(self.kinds)


@dataclass(frozen=True)
class FaceResult:
    score: float  # 0-1
    threshold: float
    same: bool
    method: str  # dlib, simulated


@dataclass(frozen=True)
class Application:
    acceptance_no: str
    state: AppState
    kind: Kind
    fee_fen: int
    id_masked: str
    locker: int | None = None  # when READY: the pickup locker's compartment
    order_no: str = ""  # the payment that paid it
    kiosk: str = ""  # when READY: the kiosk whose locker wall holds the card
    photo_ref: str = ""  # the application's photo, for the face check at pickup
    collected_at: str = ""  # when COLLECTED: ISO time the card was taken


@dataclass(frozen=True)
class CertificateType:
    code: str
    name: str
    issuer: str
    ranged: bool = False  # monthly records: the citizen picks a period
    fee_fen: int = 0
    issuer_en: str = ""  # the issuer's name on English screens ("": the Chinese)


@dataclass(frozen=True)
class Certificate:
    code: str
    serial: str
    title: str
    issuer: str
    holder_name: str  # printed on the certificate; lives only in the session
    id_masked: str
    issued_at: str  # ISO 8601 with the hall's offset
    rows: tuple[tuple[str, str], ...]  # the summary: label, value
    period: str = ""  # "2025-11 至 2026-10" for a ranged certificate
    columns: tuple[str, ...] = ()  # the record table's header
    records: tuple[tuple[str, ...], ...] = ()
    qr: str = ""  # the issuer's verification URL, signed (backends/platform/seal.py)


@dataclass(frozen=True)
class CertificateCheck:
    """The issuer's word on a scanned certificate QR."""

    valid: bool
    code: str  # ok, not_a_certificate, unknown_algorithm, tampered
    serial: str = ""
    kind: str = ""
    id_masked: str = ""
    issued_at: str = ""
    known: bool = False  # the issuer has a record of this serial with this content


class Platform(Protocol):
    def healthy(self) -> bool: ...

    def lookup(self, id_number: str) -> Person: ...

    def compare_face(self, photo_ref: str, live_jpeg: bytes) -> FaceResult: ...

    def create_application(self, key: str, id_number: str, kind: Kind) -> Application: ...

    def find_application(self, key: str) -> Application | None: ...

    def attach_photo(self, acceptance_no: str, jpeg: bytes) -> Application: ...

    def attach_fingerprints(self, acceptance_no: str, fingers: dict[str, bytes]) -> Application:
        """`fingers` maps finger codes to templates; empty means capture failed."""
        ...

    def mark_paid(self, acceptance_no: str, order_no: str, amount_fen: int) -> Application: ...

    def submit(self, acceptance_no: str) -> Application: ...

    def cancel(self, acceptance_no: str) -> Application: ...

    def status(self, acceptance_no: str) -> Application: ...

    def applications_for(self, id_number: str) -> list[Application]: ...

    def record_pickup(
        self, acceptance_no: str, locker: int, method: str, collected_at: str = ""
    ) -> Application:
        """Idempotent; `collected_at` (ISO) when told later than it happened (offline pickup)."""
        ...

    def mark_ready(self, acceptance_no: str, kiosk: str, locker: int) -> Application:
        """The card is in compartment `locker` of `kiosk`'s wall (loaded, or moved): idempotent."""
        ...

    def mark_returned(self, acceptance_no: str, kiosk: str) -> Application:
        """Staff took the card out of `kiosk`'s locker back to the counter: idempotent."""
        ...

    def certificate_types(self) -> list[CertificateType]: ...

    def certificate(self, code: str, id_number: str, since: str = "", until: str = "") -> Certificate:
        """`since`/`until` ("YYYY-MM") bound a ranged certificate's records."""
        ...

    def issuer_key(self) -> str:
        """The certificate issuer's public key (PEM), for checking QRs offline."""
        ...

    def check_certificate(self, qr: str) -> CertificateCheck: ...
