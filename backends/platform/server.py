"""A reference government platform on loopback with the demo people (backends/platform/demo.py):
speaks the contract, keeps applications in memory, compares faces for real (faces.py), and
takes scripted faults (refserver.Faults) so every path of the kiosk can be walked in tests."""

from __future__ import annotations

import base64
import binascii
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import cv2
import numpy as np
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from backends.platform import demo, seal
from backends.platform.api import AppState, Certificate, Kind
from backends.platform.contract import DOC
from backends.platform.faces import THRESHOLD, FaceComparer, NoFace
from backends.refserver import Faults, Problem, body, healthy, route
from core.redact import mask_id, mask_name
from devices.idcard.record import is_valid_id

HALL_TZ = ZoneInfo("Asia/Shanghai")
VERIFY_URL = "https://verify.example.gov.cn/c"  # the issuer's verification page, in every QR
FEES_FEN = {Kind.RENEWAL_EXPIRY: 2000, Kind.RENEWAL_DAMAGED: 2000, Kind.REISSUE_LOST: 4000}


@dataclass
class PApp:
    acceptance_no: str
    key: str
    id_number: str
    kind: Kind
    fee_fen: int
    state: AppState = AppState.CREATED
    locker: int | None = None
    order_no: str = ""
    photo: bool = False
    photo_jpeg: bytes = b""  # the attached photo, for the face check at pickup
    registry_ref: str = ""  # the person's registry photo: the demo applications have no JPEG
    kiosk: str = ""
    collected_at: str = ""
    fingers: int = -1  # -1 not attached, 0 capture failed, n fingers
    paid_calls: int = 0

    def json(self) -> dict[str, Any]:
        return {
            "acceptance_no": self.acceptance_no,
            "state": self.state.value,
            "kind": self.kind.value,
            "fee_fen": self.fee_fen,
            "id_masked": mask_id(self.id_number),
            "locker": self.locker,
            "order_no": self.order_no,
            "kiosk": self.kiosk,
            "photo_ref": f"application:{self.acceptance_no}" if self.photo_jpeg else self.registry_ref,
            "collected_at": self.collected_at,
        }


class ReferencePlatform:
    def __init__(self, faces: FaceComparer | None = None, issuer: seal.Ed25519Signer | None = None) -> None:
        self.faults = Faults()
        self.issuer = issuer or seal.Ed25519Signer()  # signs every certificate it issues
        self.issued: dict[str, str] = {}  # serial -> content digest
        self._serials = 0
        self.people = {p.id_number: p for p in demo.PEOPLE}
        self.apps: dict[str, PApp] = {}
        self.by_key: dict[str, str] = {}
        self._faces = faces
        self.refuse_paid = False  # recording a payment is refused: the application was withdrawn
        self._lock = threading.Lock()
        self._seq = 0
        for p in demo.PEOPLE:
            if p.application:
                state, locker = p.application
                a = self._new(f"demo-{p.id_number[-6:]}", p.id_number, Kind.REISSUE_LOST)
                a.state, a.locker, a.photo, a.fingers = state, locker, True, 2
                a.order_no = f"DEMO{p.id_number[-6:]}"

    @property
    def faces(self) -> FaceComparer:
        if self._faces is None:  # loads the model on first use, not at start
            self._faces = FaceComparer()
        return self._faces

    def app(self) -> Starlette:
        f = self.faults
        a = "/applications/{acceptance_no}"
        return Starlette(
            routes=[
                route("/openapi.json", self._openapi, ["GET"], f),
                route("/health", healthy, ["GET"], f),
                route("/persons/lookup", self._lookup, ["POST"], f),
                route("/faces/compare", self._compare, ["POST"], f),
                route("/applications", self._create, ["POST"], f),
                route("/applications/by-key/{key}", self._by_key, ["GET"], f),
                route("/applications/for-person", self._for_person, ["POST"], f),
                route(a, self._status, ["GET"], f),
                route(a + "/photo", self._photo, ["PUT"], f),
                route(a + "/fingerprints", self._fingerprints, ["PUT"], f),
                route(a + "/paid", self._paid, ["POST"], f),
                route(a + "/submit", self._submit, ["POST"], f),
                route(a + "/cancel", self._cancel, ["POST"], f),
                route(a + "/pickup", self._pickup, ["POST"], f),
                route(a + "/ready", self._ready, ["POST"], f),
                route(a + "/returned", self._returned, ["POST"], f),
                route("/certificates", self._catalogue, ["GET"], f),
                route("/certificates/issuer-key", self._issuer_key, ["GET"], f),
                route("/certificates/verify", self._verify, ["POST"], f),
                route("/certificates/{code}", self._certificate, ["POST"], f),
            ]
        )

    # ---- helpers ----
    def _new(self, key: str, id_number: str, kind: Kind) -> PApp:
        self._seq += 1
        acc = f"SL{datetime.now(HALL_TZ):%Y%m%d}{self._seq:05d}"
        fee = 0 if self.people[id_number].fee_class == "exempt" else FEES_FEN[kind]
        p = self.people[id_number]
        a = PApp(acc, key, id_number, kind, fee, registry_ref=f"registry:{p.photo}" if p.photo else "")
        self.apps[acc], self.by_key[key] = a, acc
        return a

    def _person(self, id_number: str) -> demo.DemoPerson:
        if not is_valid_id(id_number) or id_number not in self.people:
            raise Problem("person_not_found", "未查询到该身份证号码的户籍信息", 404)
        return self.people[id_number]

    def _app(self, request: Request) -> PApp:
        a = self.apps.get(request.path_params["acceptance_no"])
        if a is None:
            raise Problem("application_not_found", "未找到该受理号的申请", 404)
        return a

    @staticmethod
    def _image(b64: str) -> np.ndarray:
        try:
            raw = base64.b64decode(b64, validate=True)
        except binascii.Error as e:
            raise Problem("bad_image", "图片编码错误", 400) from e
        img = cv2.imdecode(np.frombuffer(raw, np.uint8), cv2.IMREAD_COLOR)
        if img is None:
            raise Problem("bad_image", "图片无法解码", 400)
        return img

    # ---- the contract ----
    async def _openapi(self, request: Request) -> Any:
        return DOC

    async def _lookup(self, request: Request) -> Any:
        p = self._person(str((await body(request))["id_number"]))
        return {
            "id_masked": mask_id(p.id_number),
            "name_masked": mask_name(p.name),
            "kinds": [] if p.refusal_code else [k.value for k in demo.ALL_KINDS],
            "refusal_code": p.refusal_code,
            "refusal": p.refusal,
            "fee_class": p.fee_class,
            "photo_ref": f"registry:{p.photo}" if p.photo else "",
        }

    async def _compare(self, request: Request) -> Any:
        b = await body(request)
        ref = str(b["photo_ref"])
        live = self._image(str(b["live_jpeg"]))
        try:
            if ref.startswith("application:"):
                held = self.apps.get(ref.removeprefix("application:"))
                if held is None or not held.photo_jpeg:
                    raise KeyError(ref)
                photo = self._image(base64.b64encode(held.photo_jpeg).decode())
                score, same = await run_in_threadpool(self.faces.compare_images, live, photo)
            else:
                score, same = await run_in_threadpool(self.faces.compare, live, ref.removeprefix("registry:"))
        except NoFace as e:
            raise Problem("no_face", "照片中没有人脸", 422) from e
        except KeyError as e:
            raise Problem("photo_not_found", "没有这张登记照片", 404) from e
        return {"score": score, "threshold": THRESHOLD, "same": same, "method": self.faces.method}

    async def _create(self, request: Request) -> Any:
        b = await body(request)
        key, kind = str(b["key"]), Kind(str(b["kind"]))
        p = self._person(str(b["id_number"]))
        with self._lock:
            acc = self.by_key.get(key)
            if acc is not None:
                a = self.apps[acc]
                if a.id_number != p.id_number or a.kind != kind:
                    raise Problem("key_conflict", "申请标识已用于其他申请")
                return a.json()  # idempotent: the same application again
            if p.refusal_code:
                raise Problem("not_eligible", p.refusal)
            return self._new(key, p.id_number, kind).json()

    async def _by_key(self, request: Request) -> Any:
        acc = self.by_key.get(request.path_params["key"])
        if acc is None:
            raise Problem("application_not_found", "未找到该申请", 404)
        return self.apps[acc].json()

    async def _for_person(self, request: Request) -> Any:
        id_number = str((await body(request))["id_number"])
        return {"applications": [a.json() for a in self.apps.values() if a.id_number == id_number]}

    async def _status(self, request: Request) -> Any:
        return self._app(request).json()

    def _editable(self, a: PApp) -> None:
        if a.state != AppState.CREATED:
            raise Problem("wrong_state", "申请已提交或已取消，不能再修改")

    async def _photo(self, request: Request) -> Any:
        b64 = str((await body(request))["jpeg"])
        img = self._image(b64)
        with self._lock:
            a = self._app(request)
            if a.photo and a.state != AppState.CREATED:
                return a.json()
            self._editable(a)
        try:
            await run_in_threadpool(self.faces.require_face, img)
        except NoFace as e:
            raise Problem("no_face", "证件照中没有人脸", 422) from e
        a.photo, a.photo_jpeg = True, base64.b64decode(b64)
        return a.json()

    async def _fingerprints(self, request: Request) -> Any:
        fingers = (await body(request))["fingers"]
        with self._lock:
            a = self._app(request)
            if a.state == AppState.CREATED:
                a.fingers = len(fingers)
            elif a.fingers < 0:
                self._editable(a)
            return a.json()

    async def _paid(self, request: Request) -> Any:
        b = await body(request)
        order_no, amount = str(b["order_no"]), int(b["amount_fen"])
        with self._lock:
            a = self._app(request)
            a.paid_calls += 1
            if a.order_no == order_no and a.state != AppState.CANCELLED:
                return a.json()  # idempotent
            if self.refuse_paid:
                raise Problem("wrong_state", "平台复核未通过，申请已退回")
            self._editable(a)
            if amount != a.fee_fen:
                raise Problem("amount_mismatch", "支付金额与应缴费用不符")
            if not a.photo or a.fingers < 0:
                raise Problem("incomplete", "申请资料不完整（缺少照片或指纹）")
            a.state, a.order_no = AppState.PAID, order_no
            return a.json()

    async def _submit(self, request: Request) -> Any:
        with self._lock:
            a = self._app(request)
            if a.state == AppState.PAID:
                a.state = AppState.ACCEPTED
            elif a.state == AppState.CREATED and a.fee_fen == 0 and a.photo and a.fingers >= 0:
                a.state = AppState.ACCEPTED  # fee exempt: nothing to pay first
            elif a.state in (AppState.CREATED, AppState.CANCELLED):
                raise Problem("wrong_state", "申请未缴费或已取消，不能提交")
            return a.json()

    async def _cancel(self, request: Request) -> Any:
        with self._lock:
            a = self._app(request)
            if a.state not in (AppState.CREATED, AppState.CANCELLED):
                raise Problem("wrong_state", "申请已缴费，不能取消")
            a.state = AppState.CANCELLED
            return a.json()

    async def _pickup(self, request: Request) -> Any:
        b = await body(request)
        locker = int(b["locker"])
        with self._lock:
            a = self._app(request)
            if a.state == AppState.COLLECTED and a.locker == locker:
                return a.json()
            if a.state != AppState.READY or a.locker != locker:
                raise Problem("wrong_state", "证件不在该柜门，或尚未制证完成")
            a.state = AppState.COLLECTED
            a.collected_at = str(b.get("collected_at") or datetime.now(HALL_TZ).isoformat(timespec="seconds"))
            return a.json()

    async def _ready(self, request: Request) -> Any:
        """A finished card loaded into (or moved within) a kiosk's locker wall. Production is
        not modelled: an accepted application's card counts as made once staff load it."""
        b = await body(request)
        with self._lock:
            a = self._app(request)
            if a.state not in (
                AppState.ACCEPTED,
                AppState.IN_PRODUCTION,
                AppState.READY,
                AppState.AT_COUNTER,
            ):
                raise Problem("wrong_state", "申请未受理、已领取或已取消，不能放入取件柜")
            a.state, a.kiosk, a.locker = AppState.READY, str(b["kiosk"]), int(b["locker"])
            return a.json()

    async def _returned(self, request: Request) -> Any:
        kiosk = str((await body(request))["kiosk"])
        with self._lock:
            a = self._app(request)
            if a.state == AppState.AT_COUNTER:
                return a.json()
            if a.state != AppState.READY or a.kiosk != kiosk:
                raise Problem("wrong_state", "证件不在该自助机的取件柜中")
            a.state, a.locker = AppState.AT_COUNTER, None
            return a.json()

    async def _catalogue(self, request: Request) -> Any:
        return {
            "types": [
                {
                    "code": code,
                    "name": k.name,
                    "issuer": k.issuer,
                    "issuer_en": k.issuer_en,
                    "ranged": k.ranged,
                    "fee_fen": k.fee_fen,
                }
                for code, k in demo.CERTIFICATE_TYPES.items()
            ]
        }

    async def _issuer_key(self, request: Request) -> Any:
        v = self.issuer.verifier()
        return {"algorithm": v.algorithm, "public_key": v.public_pem()}

    async def _verify(self, request: Request) -> Any:
        qr = str((await body(request))["qr"])
        try:
            s = seal.verify_qr(qr, self.issuer.verifier())
        except seal.BadSeal as e:
            return {"valid": False, "code": e.code, "known": False}
        return {
            "valid": True,
            "code": "ok",
            "serial": s.serial,
            "kind": s.kind,
            "id_masked": s.id_masked,
            "issued_at": s.issued_at,
            "known": self.issued.get(s.serial) == s.digest,
        }

    async def _certificate(self, request: Request) -> Any:
        code = request.path_params["code"]
        kind = demo.CERTIFICATE_TYPES.get(code)
        if kind is None:
            raise Problem("unknown_certificate", "没有这种证明", 404)
        b = await body(request)
        p = self._person(str(b["id_number"]))
        if code not in p.certificates:
            raise Problem("certificate_not_found", "未查询到您的该项记录", 404)
        now = datetime.now(HALL_TZ)
        last = f"{now.year - (now.month == 1):04d}-{(now.month - 2) % 12 + 1:02d}"  # last month
        rows = demo.records(p, code, last)
        period = ""
        if kind.ranged:
            since, until = str(b.get("since") or p.records_since), str(b.get("until") or last)
            if since > until:
                raise Problem("bad_period", "起始月份晚于截止月份")
            rows = tuple(r for r in rows if since <= r[0][:7] <= until)
            if not rows:
                raise Problem("certificate_not_found", "所选期间没有记录")
            period = f"{max(since, rows[0][0][:7])} 至 {min(until, rows[-1][0][:7])}"
        with self._lock:
            self._serials += 1
            serial = f"{code[:2].upper()}{now:%Y%m%d}{self._serials:06d}"
        cert = Certificate(
            code,
            serial,
            kind.name,
            kind.issuer,
            p.name,
            mask_id(p.id_number),
            now.isoformat(timespec="seconds"),
            demo.summary(code, rows),
            period,
            kind.columns,
            rows,
        )
        sealed = seal.seal(self.issuer, cert)
        self.issued[serial] = sealed.digest
        return {
            "code": code,
            "serial": serial,
            "title": cert.title,
            "issuer": cert.issuer,
            "holder_name": cert.holder_name,
            "id_masked": cert.id_masked,
            "issued_at": cert.issued_at,
            "rows": [list(r) for r in cert.rows],
            "period": period,
            "columns": list(cert.columns),
            "records": [list(r) for r in rows],
            "qr": seal.qr_text(VERIFY_URL, sealed),
        }
