"""The government platform over HTTP+JSON (the contract in backends/platform/contract.py).
Every call is idempotent by construction (keyed writes), so each is retried after an uncertain
answer; an answer that contradicts the request (another person, another application) is
treated as no answer (Uncertain)."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any, TypeVar

from backends.errors import Mismatch, Refused
from backends.http import JsonClient
from backends.platform.api import (
    Application,
    AppState,
    Certificate,
    CertificateCheck,
    CertificateType,
    FaceResult,
    Kind,
    Person,
)
from backends.platform.contract import CONTRACT
from core.redact import mask_id

T = TypeVar("T")


def _app(d: dict[str, Any]) -> Application:
    return Application(
        d["acceptance_no"],
        AppState(d["state"]),
        Kind(d["kind"]),
        d["fee_fen"],
        d["id_masked"],
        d.get("locker"),
        d.get("order_no", ""),
        d.get("kiosk", ""),
        d.get("photo_ref", ""),
        d.get("collected_at", ""),
    )


def _app_for(acceptance_no: str) -> Callable[[Any], Application]:
    def parse(d: Any) -> Application:
        a = _app(d)
        if a.acceptance_no != acceptance_no:
            raise Mismatch(f"answer for another application {a.acceptance_no}")
        return a

    return parse


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


class PlatformClient:
    """Implements backends.platform.api.Platform."""

    def __init__(self, base_url: str, timeout: float = 8.0, **kw: Any) -> None:
        self.http = JsonClient("platform", base_url, CONTRACT, timeout=timeout, **kw)

    def close(self) -> None:
        self.http.close()

    def healthy(self) -> bool:
        return self.http.healthy()

    def _call(
        self, method: str, path: str, parse: Callable[[Any], T], body: dict[str, Any] | None = None
    ) -> T:
        return self.http.call(method, path, parse, body, idempotent=True)

    def lookup(self, id_number: str) -> Person:
        def parse(d: Any) -> Person:
            if d["id_masked"] != mask_id(id_number):
                raise Mismatch("answer for another person")
            kinds = tuple(Kind(k) for k in d["kinds"])
            return Person(
                d["id_masked"],
                d["name_masked"],
                kinds,
                d["refusal_code"],
                d["refusal"],
                d["fee_class"],
                d["photo_ref"],
            )

        return self._call("POST", "/persons/lookup", parse, {"id_number": id_number})

    def compare_face(self, photo_ref: str, live_jpeg: bytes) -> FaceResult:
        def parse(d: Any) -> FaceResult:
            score, threshold = float(d["score"]), float(d["threshold"])
            if not (0 <= score <= 1) or bool(d["same"]) != (score >= threshold):
                raise Mismatch("score and decision disagree")
            return FaceResult(score, threshold, bool(d["same"]), d["method"])

        body = {"photo_ref": photo_ref, "live_jpeg": _b64(live_jpeg)}
        return self._call("POST", "/faces/compare", parse, body)

    def create_application(self, key: str, id_number: str, kind: Kind) -> Application:
        def parse(d: Any) -> Application:
            a = _app(d)
            if a.id_masked != mask_id(id_number) or a.kind != kind:
                raise Mismatch("answer for another application")
            return a

        body = {"key": key, "id_number": id_number, "kind": str(kind)}
        return self._call("POST", "/applications", parse, body)

    def find_application(self, key: str) -> Application | None:
        try:
            return self._call("GET", f"/applications/by-key/{key}", _app)
        except Refused as e:
            if e.code == "application_not_found":
                return None
            raise

    def _on(
        self, method: str, acceptance_no: str, action: str, body: dict[str, Any] | None = None
    ) -> Application:
        path = f"/applications/{acceptance_no}" + (f"/{action}" if action else "")
        return self._call(method, path, _app_for(acceptance_no), body)

    def attach_photo(self, acceptance_no: str, jpeg: bytes) -> Application:
        return self._on("PUT", acceptance_no, "photo", {"jpeg": _b64(jpeg)})

    def attach_fingerprints(self, acceptance_no: str, fingers: dict[str, bytes]) -> Application:
        body = {"fingers": [{"finger": f, "template": _b64(t)} for f, t in fingers.items()]}
        return self._on("PUT", acceptance_no, "fingerprints", body)

    def mark_paid(self, acceptance_no: str, order_no: str, amount_fen: int) -> Application:
        return self._on("POST", acceptance_no, "paid", {"order_no": order_no, "amount_fen": amount_fen})

    def submit(self, acceptance_no: str) -> Application:
        return self._on("POST", acceptance_no, "submit")

    def cancel(self, acceptance_no: str) -> Application:
        return self._on("POST", acceptance_no, "cancel")

    def status(self, acceptance_no: str) -> Application:
        return self._on("GET", acceptance_no, "")

    def applications_for(self, id_number: str) -> list[Application]:
        def parse(d: Any) -> list[Application]:
            return [_app(x) for x in d["applications"]]

        return self._call("POST", "/applications/for-person", parse, {"id_number": id_number})

    def record_pickup(
        self, acceptance_no: str, locker: int, method: str, collected_at: str = ""
    ) -> Application:
        body: dict[str, Any] = {"locker": locker, "method": method}
        if collected_at:
            body["collected_at"] = collected_at
        return self._on("POST", acceptance_no, "pickup", body)

    def mark_ready(self, acceptance_no: str, kiosk: str, locker: int) -> Application:
        return self._on("POST", acceptance_no, "ready", {"kiosk": kiosk, "locker": locker})

    def mark_returned(self, acceptance_no: str, kiosk: str) -> Application:
        return self._on("POST", acceptance_no, "returned", {"kiosk": kiosk})

    def certificate_types(self) -> list[CertificateType]:
        def parse(d: Any) -> list[CertificateType]:
            return [
                CertificateType(
                    t["code"],
                    t["name"],
                    t["issuer"],
                    bool(t.get("ranged")),
                    int(t.get("fee_fen", 0)),
                    str(t.get("issuer_en", "")),
                )
                for t in d["types"]
            ]

        return self._call("GET", "/certificates", parse)

    def certificate(self, code: str, id_number: str, since: str = "", until: str = "") -> Certificate:
        def parse(d: Any) -> Certificate:
            if d["code"] != code or d["id_masked"] != mask_id(id_number):
                raise Mismatch("answer for another certificate")
            columns = tuple(str(c) for c in d.get("columns", ()))
            records = tuple(tuple(str(x) for x in r) for r in d.get("records", ()))
            if any(len(r) != len(columns) for r in records):
                raise Mismatch("a record does not fit the table")
            return Certificate(
                code,
                d["serial"],
                d["title"],
                d["issuer"],
                d["holder_name"],
                d["id_masked"],
                d["issued_at"],
                tuple((str(r[0]), str(r[1])) for r in d["rows"] if len(r) == 2),
                str(d.get("period", "")),
                columns,
                records,
                d["qr"],
            )

        body: dict[str, Any] = {"id_number": id_number}
        body.update({k: v for k, v in (("since", since), ("until", until)) if v})
        return self._call("POST", f"/certificates/{code}", parse, body)

    def issuer_key(self) -> str:
        return self._call("GET", "/certificates/issuer-key", lambda d: str(d["public_key"]))

    def check_certificate(self, qr: str) -> CertificateCheck:
        def parse(d: Any) -> CertificateCheck:
            return CertificateCheck(
                bool(d["valid"]),
                d["code"],
                d.get("serial", ""),
                d.get("kind", ""),
                d.get("id_masked", ""),
                d.get("issued_at", ""),
                bool(d["known"]),
            )

        return self._call("POST", "/certificates/verify", parse, {"qr": qr})
