"""The government platform's HTTP contract (OpenAPI), shared by the client and the reference
server. ID numbers travel only in request bodies, never in URLs (which end up in access logs)."""

from __future__ import annotations

from typing import Any

from backends.contract import (
    Contract,
    array,
    boolean,
    document,
    integer,
    nullable,
    number,
    obj,
    operation,
    string,
)
from backends.platform.api import AppState, Kind

ID_NUMBER = string(pattern=r"\d{17}[\dX]")
ID_MASKED = string(pattern=r"\d{6}\*{8}\d{3}[\dX]")
ACCEPTANCE = string(pattern=r"SL\d{13}")
KIND = string(*[k.value for k in Kind])
ORDER_NO = string(pattern="[A-Za-z0-9_-]{6,32}")
B64 = string(pattern=r"[A-Za-z0-9+/=]+")

PERSON = obj(
    {
        "id_masked": ID_MASKED,
        "name_masked": string(max_length=16),
        "kinds": array(KIND),
        "refusal_code": string(max_length=40),
        "refusal": string(max_length=200),
        "fee_class": string("standard", "exempt"),
        "photo_ref": string(max_length=64),
    }
)
FACE = obj({"score": number(), "threshold": number(), "same": boolean(), "method": string(max_length=32)})
APPLICATION = obj(
    {
        "acceptance_no": ACCEPTANCE,
        "state": string(*[s.value for s in AppState]),
        "kind": KIND,
        "fee_fen": integer(0),
        "id_masked": ID_MASKED,
    },
    {
        "locker": nullable(integer(1)),
        "order_no": string(max_length=32),
        "kiosk": string(max_length=40),
        "photo_ref": string(max_length=64),
        "collected_at": string(max_length=32),
    },
)
KIOSK = string(pattern="[A-Za-z0-9_-]{1,40}")
CERT_TYPE = obj(
    {"code": string(max_length=32), "name": string(), "issuer": string()},
    {"ranged": boolean(), "fee_fen": integer(0), "issuer_en": string()},
)
MONTH = string(pattern=r"\d{4}-\d\d")
CERTIFICATE = obj(
    {
        "code": string(max_length=32),
        "serial": string(pattern=r"[A-Z0-9-]{6,40}"),
        "title": string(),
        "issuer": string(),
        "holder_name": string(max_length=64),
        "id_masked": ID_MASKED,
        "issued_at": string(pattern=r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d"),
        "rows": array(array(string())),
        "qr": string(max_length=600),
    },
    {"period": string(max_length=40), "columns": array(string()), "records": array(array(string()))},
)
CERT_CHECK = obj(
    {
        "valid": boolean(),
        "code": string("ok", "not_a_certificate", "unknown_algorithm", "tampered"),
        "known": boolean(),
    },
    {
        "serial": string(max_length=40),
        "kind": string(max_length=32),
        "id_masked": string(max_length=18),
        "issued_at": string(max_length=32),
    },
)
WHO = obj({"id_number": ID_NUMBER})
APP_ERRORS = ("application_not_found", "wrong_state")

DOC: dict[str, Any] = document(
    "Government service platform (kiosk subset)",
    "1",
    {
        "/persons/lookup": {
            "post": operation(
                "Person by ID number: eligibility, fee class, photo", PERSON, WHO, ("person_not_found",)
            )
        },
        "/faces/compare": {
            "post": operation(
                "Compare a live photo (JPEG, base64) with a registry photo",
                FACE,
                obj({"photo_ref": string(max_length=64), "live_jpeg": B64}),
                ("no_face", "photo_not_found", "bad_image"),
            )
        },
        "/applications": {
            "post": operation(
                "Create an application, idempotent per key",
                APPLICATION,
                obj({"key": string(pattern="[A-Za-z0-9_-]{8,64}"), "id_number": ID_NUMBER, "kind": KIND}),
                ("person_not_found", "not_eligible", "key_conflict"),
            )
        },
        "/applications/by-key/{key}": {
            "get": operation(
                "The application made with this key", APPLICATION, None, ("application_not_found",)
            )
        },
        "/applications/for-person": {
            "post": operation("A person's applications", obj({"applications": array(APPLICATION)}), WHO)
        },
        "/applications/{acceptance_no}": {
            "get": operation("An application's state", APPLICATION, None, ("application_not_found",))
        },
        "/applications/{acceptance_no}/photo": {
            "put": operation("Attach the ID photo", APPLICATION, obj({"jpeg": B64}), (*APP_ERRORS, "no_face"))
        },
        "/applications/{acceptance_no}/fingerprints": {
            "put": operation(
                "Attach fingerprints (none: capture failed)",
                APPLICATION,
                obj({"fingers": array(obj({"finger": string(max_length=8), "template": B64}))}),
                APP_ERRORS,
            )
        },
        "/applications/{acceptance_no}/paid": {
            "post": operation(
                "Record the payment, idempotent per order_no",
                APPLICATION,
                obj({"order_no": ORDER_NO, "amount_fen": integer(0)}),
                (*APP_ERRORS, "amount_mismatch", "incomplete"),
            )
        },
        "/applications/{acceptance_no}/submit": {
            "post": operation("Submit for acceptance (受理), idempotent", APPLICATION, None, APP_ERRORS)
        },
        "/applications/{acceptance_no}/cancel": {
            "post": operation("Withdraw an unpaid application, idempotent", APPLICATION, None, APP_ERRORS)
        },
        "/applications/{acceptance_no}/pickup": {
            "post": operation(
                "Record that the card was collected, idempotent",
                APPLICATION,
                obj(
                    {"locker": integer(1), "method": string("qr", "idcard", "face", "staff")},
                    {"collected_at": string(max_length=32)},
                ),
                APP_ERRORS,
            )
        },
        "/applications/{acceptance_no}/ready": {
            "post": operation(
                "The card is in a pickup locker's compartment (loaded or moved), idempotent",
                APPLICATION,
                obj({"kiosk": KIOSK, "locker": integer(1)}),
                APP_ERRORS,
            )
        },
        "/applications/{acceptance_no}/returned": {
            "post": operation(
                "Staff took the card out of the locker back to the counter, idempotent",
                APPLICATION,
                obj({"kiosk": KIOSK}),
                APP_ERRORS,
            )
        },
        "/certificates": {"get": operation("Certificate catalogue", obj({"types": array(CERT_TYPE)}))},
        "/certificates/issuer-key": {
            "get": operation(
                "The issuer's public key (PEM) that checks certificate QRs offline",
                obj({"algorithm": string(max_length=16), "public_key": string(max_length=2000)}),
            )
        },
        "/certificates/verify": {
            "post": operation(
                "Check a scanned certificate QR: signature, and whether this serial was issued",
                CERT_CHECK,
                obj({"qr": string(max_length=2000)}),
            )
        },
        "/certificates/{code}": {
            "post": operation(
                "A person's certificate, issued now and signed (records between since and until)",
                CERTIFICATE,
                obj({"id_number": ID_NUMBER}, {"since": MONTH, "until": MONTH}),
                ("certificate_not_found", "unknown_certificate", "person_not_found", "bad_period"),
            )
        },
    },
)

CONTRACT = Contract(DOC)
