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

from backends.platform import demo
from backends.platform.api import AppState, Kind
from backends.platform.contract import DOC
from backends.platform.faces import THRESHOLD, FaceComparer, NoFace
from backends.refserver import Faults, Problem, body, healthy, route
from core.redact import mask_id, mask_name
from devices.idcard.record import is_valid_id

HALL_TZ = ZoneInfo("Asia/Shanghai")
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
        }


class ReferencePlatform:
    def __init__(self, faces: FaceComparer | None = None) -> None:
        self.faults = Faults()
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
                route("/certificates", self._catalogue, ["GET"], f),
                route("/certificates/{code}", self._certificate, ["POST"], f),
            ]
        )

    # ---- helpers ----
    def _new(self, key: str, id_number: str, kind: Kind) -> PApp:
        self._seq += 1
        acc = f"SL{datetime.now(HALL_TZ):%Y%m%d}{self._seq:05d}"
        fee = 0 if self.people[id_number].fee_class == "exempt" else FEES_FEN[kind]
        a = PApp(acc, key, id_number, kind, fee)
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
        ref = str(b["photo_ref"]).removeprefix("registry:")
        live = self._image(str(b["live_jpeg"]))
        try:
            score, same = await run_in_threadpool(self.faces.compare, live, ref)
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
        img = self._image(str((await body(request))["jpeg"]))
        with self._lock:
            a = self._app(request)
            if a.photo and a.state != AppState.CREATED:
                return a.json()
            self._editable(a)
        try:
            await run_in_threadpool(self.faces.require_face, img)
        except NoFace as e:
            raise Problem("no_face", "证件照中没有人脸", 422) from e
        a.photo = True
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
            return a.json()

    async def _catalogue(self, request: Request) -> Any:
        return {
            "types": [
                {"code": code, "name": name, "issuer": issuer}
                for code, (name, issuer) in demo.CERTIFICATE_TYPES.items()
            ]
        }

    async def _certificate(self, request: Request) -> Any:
        code = request.path_params["code"]
        if code not in demo.CERTIFICATE_TYPES:
            raise Problem("unknown_certificate", "没有这种证明", 404)
        p = self._person(str((await body(request))["id_number"]))
        if code not in p.certificates:
            raise Problem("certificate_not_found", "未查询到您的该项记录", 404)
        name, issuer = demo.CERTIFICATE_TYPES[code]
        now = datetime.now(HALL_TZ)
        return {
            "code": code,
            "serial": f"{code[:2].upper()}{now:%Y%m%d%H%M%S}{p.id_number[-4:]}",
            "title": name,
            "issuer": issuer,
            "holder_name": p.name,
            "id_masked": mask_id(p.id_number),
            "issued_at": now.isoformat(timespec="seconds"),
            "rows": [list(r) for r in demo.CERTIFICATE_ROWS[code]],
        }
