"""The government platform over HTTP+JSON (the contract in backends/platform/contract.py).
Every call is idempotent by construction (keyed writes), so each is retried after an uncertain
answer; an answer that contradicts the request is treated as no answer (Uncertain)."""

from __future__ import annotations

import base64
from typing import Any

from backends.http import JsonClient, Refused, Uncertain
from backends.platform.api import (
    Application,
    AppState,
    Certificate,
    CertificateType,
    FaceResult,
    Kind,
    Person,
)
from backends.platform.contract import CONTRACT
from kiosk.redact import mask_id
from kiosk.text import tr


def _app(d: dict[str, Any]) -> Application:
    return Application(
        d["acceptance_no"],
        AppState(d["state"]),
        Kind(d["kind"]),
        d["fee_fen"],
        d["id_masked"],
        d.get("locker"),
        d.get("order_no", ""),
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


class PlatformClient:
    """Implements backends.platform.api.Platform."""

    def __init__(self, base_url: str, timeout: float = 8.0, **kw: Any) -> None:
        self.http = JsonClient("platform", base_url, CONTRACT, timeout=timeout, **kw)

    def close(self) -> None:
        self.http.close()

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        return self.http.call(method, path, body, idempotent=True)

    def _for(self, acceptance_no: str, d: dict[str, Any]) -> Application:
        a = _app(d)
        if a.acceptance_no != acceptance_no:
            raise Uncertain("platform", "contract", tr("政务平台返回了其他申请的应答"), a.acceptance_no)
        return a

    def lookup(self, id_number: str) -> Person:
        d = self._call("POST", "/persons/lookup", {"id_number": id_number})
        if d["id_masked"] != mask_id(id_number):
            raise Uncertain("platform", "contract", tr("政务平台返回了其他人的信息"), d["id_masked"])
        return Person(
            d["id_masked"],
            d["name_masked"],
            tuple(Kind(k) for k in d["kinds"]),
            d["refusal_code"],
            d["refusal"],
            d["fee_class"],
            d["photo_ref"],
        )

    def compare_face(self, photo_ref: str, live_jpeg: bytes) -> FaceResult:
        d = self._call("POST", "/faces/compare", {"photo_ref": photo_ref, "live_jpeg": _b64(live_jpeg)})
        return FaceResult(float(d["score"]), float(d["threshold"]), bool(d["same"]), d["method"])

    def create_application(self, key: str, id_number: str, kind: Kind) -> Application:
        a = _app(self._call("POST", "/applications", {"key": key, "id_number": id_number, "kind": str(kind)}))
        if a.id_masked != mask_id(id_number) or a.kind != kind:
            raise Uncertain("platform", "contract", tr("政务平台返回了其他人的信息"), a.acceptance_no)
        return a

    def find_application(self, key: str) -> Application | None:
        try:
            return _app(self._call("GET", f"/applications/by-key/{key}"))
        except Refused as e:
            if e.code == "application_not_found":
                return None
            raise

    def attach_photo(self, acceptance_no: str, jpeg: bytes) -> Application:
        return self._for(
            acceptance_no, self._call("PUT", f"/applications/{acceptance_no}/photo", {"jpeg": _b64(jpeg)})
        )

    def attach_fingerprints(self, acceptance_no: str, fingers: dict[str, bytes]) -> Application:
        body = {"fingers": [{"finger": f, "template": _b64(t)} for f, t in fingers.items()]}
        return self._for(acceptance_no, self._call("PUT", f"/applications/{acceptance_no}/fingerprints", body))

    def mark_paid(self, acceptance_no: str, order_no: str, amount_fen: int) -> Application:
        body = {"order_no": order_no, "amount_fen": amount_fen}
        return self._for(acceptance_no, self._call("POST", f"/applications/{acceptance_no}/paid", body))

    def submit(self, acceptance_no: str) -> Application:
        return self._for(acceptance_no, self._call("POST", f"/applications/{acceptance_no}/submit"))

    def cancel(self, acceptance_no: str) -> Application:
        return self._for(acceptance_no, self._call("POST", f"/applications/{acceptance_no}/cancel"))

    def status(self, acceptance_no: str) -> Application:
        return self._for(acceptance_no, self._call("GET", f"/applications/{acceptance_no}"))

    def applications_for(self, id_number: str) -> list[Application]:
        d = self._call("POST", "/applications/for-person", {"id_number": id_number})
        return [_app(x) for x in d["applications"]]

    def record_pickup(self, acceptance_no: str, locker: int, method: str) -> Application:
        body = {"locker": locker, "method": method}
        return self._for(acceptance_no, self._call("POST", f"/applications/{acceptance_no}/pickup", body))

    def certificate_types(self) -> list[CertificateType]:
        return [CertificateType(t["code"], t["name"], t["issuer"]) for t in self._call("GET", "/certificates")["types"]]

    def certificate(self, code: str, id_number: str) -> Certificate:
        d = self._call("POST", f"/certificates/{code}", {"id_number": id_number})
        return Certificate(
            d["code"],
            d["serial"],
            d["title"],
            d["issuer"],
            d["holder_name"],
            d["id_masked"],
            d["issued_at"],
            tuple((str(r[0]), str(r[1])) for r in d["rows"] if len(r) == 2),
        )
