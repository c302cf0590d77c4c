"""A simulated camera: an MJPEG stream on loopback that the real OpenCV driver opens by URL.

Like an IP camera, it serves multipart JPEG frames over HTTP at the configured rate. What it
shows is the astronaut scene (public domain, from scikit-image), a picture or video file in a
loop, or a test pattern; the panel's controls change the scene (nobody, two people, too far,
off-centre, dark, half-shaded, blurred) and unplug it (streams drop, new connections refused).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from core.text import Text, tr
from devices.camera.capture import open_reader, parse_source
from devices.camera.scene import Scene, pattern, render
from devices.sim import Control, Simulator

log = logging.getLogger(__name__)

READY_TIMEOUT_S = 60.0  # how long start() waits for the first frame

SCENES: dict[str, dict[str, Any]] = {
    "one": {"faces": 1},
    "none": {"faces": 0},
    "two": {"faces": 2, "scale": 1.5},
}
POSITIONS: dict[str, dict[str, Any]] = {
    "centre": {},
    "left": {"dx": -0.2},
    "right": {"dx": 0.2},
    "far": {"scale": 1.1, "fy": 0.36},
    "near": {"scale": 4.0},
    "tilted": {"roll": 20.0},
}
LIGHTS: dict[str, dict[str, Any]] = {
    "normal": {},
    "dark": {"light": 0.35},
    "half": {"shade": 0.45},
}


class CameraSimulator(Simulator):
    kind = "camera"

    def __init__(self, port: Path | None = None, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings)
        self.port = port  # unused: this simulator is reached by URL, not a serial port
        src = str(self.settings.get("source", ""))
        self.content = src if src.startswith("sim:") or (src and not src.isdigit()) else "sim:astronaut"
        self.width = int(self.settings.get("width", 1280))
        self.height = int(self.settings.get("height", 720))
        self.fps = float(self.settings.get("fps", 30.0))
        self.sway = True  # a person never stands perfectly still (and liveness needs it)
        self.state: dict[str, Any] = {"scene": "one", "position": "centre", "light": "normal", "blur": False}
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)
        self._jpeg: bytes = b""
        self._seq = 0
        self._plugged = True
        self._stop = threading.Event()
        self._base: np.ndarray | None = None
        self._version = 0  # bumped by every change, so a render of an older state is not kept
        self._server: ThreadingHTTPServer | None = None
        self._threads: list[threading.Thread] = []
        self._file: Any = None

    # ---- lifecycle ----
    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/stream.mjpg"

    def start(self) -> CameraSimulator:
        sim = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                sim._serve(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._threads = [
            threading.Thread(target=self._server.serve_forever, name="sim-camera-http", daemon=True),
            threading.Thread(target=self._produce, name="sim-camera", daemon=True),
        ]
        for t in self._threads:
            t.start()
        # Ready means a frame to serve: the first render can take seconds on a loaded machine,
        # longer than the driver's open timeout, and a camera "offline" at every start is false.
        with self._cond:
            if not self._cond.wait_for(lambda: self._seq > 0, READY_TIMEOUT_S):
                log.warning("camera simulator: no frame after %.0f s", READY_TIMEOUT_S)
        return self

    def stop(self) -> None:
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        for t in self._threads:
            t.join(2)

    def settings_overrides(self) -> dict[str, Any]:
        return {"source": self.url}

    def unplug(self) -> None:
        with self._cond:
            self._plugged = False
            self._cond.notify_all()
        self.notify("plugged", False)

    def plug(self) -> None:
        with self._cond:
            self._plugged = True
        self.notify("plugged", True)

    @property
    def plugged(self) -> bool:
        return self._plugged

    # ---- the scene ----
    def set(self, key: str, value: Any) -> None:
        with self._lock:
            self.state[key] = value
            self._base = None
            self._version += 1
        self.notify(key, value)

    def scene(self) -> Scene:
        st = self.state
        params: dict[str, Any] = {}
        for table, key in ((SCENES, "scene"), (POSITIONS, "position"), (LIGHTS, "light")):
            params.update(table[st[key]])
        if st["blur"]:
            params["blur"] = 5.0
        return Scene(width=self.width, height=self.height).with_(**params)

    def controls(self) -> list[Control]:
        def choice(table: dict[str, Any], labels: dict[str, Text]) -> tuple[tuple[str, Text], ...]:
            return tuple((k, labels[k]) for k in table)

        return [
            Control(
                tr("画面中的人"),
                lambda v: self.set("scene", v),
                choice(SCENES, {"one": tr("一个人"), "two": tr("两个人"), "none": tr("没有人")}),
            ),
            Control(
                tr("位置"),
                lambda v: self.set("position", v),
                choice(
                    POSITIONS,
                    {
                        "centre": tr("居中"),
                        "left": tr("偏左"),
                        "right": tr("偏右"),
                        "far": tr("太远"),
                        "near": tr("太近"),
                        "tilted": tr("歪头"),
                    },
                ),
            ),
            Control(
                tr("光线"),
                lambda v: self.set("light", v),
                choice(LIGHTS, {"normal": tr("正常"), "dark": tr("太暗"), "half": tr("半边阴影")}),
            ),
            Control(tr("模糊/清晰"), lambda: self.set("blur", not self.state["blur"])),
            Control(tr("拔出摄像头"), self.unplug, group="faults"),
            Control(tr("插回摄像头"), self.plug, group="faults"),
        ]

    def _frame(self, t: float) -> np.ndarray:
        if self.content == "sim:pattern":
            return pattern(self.width, self.height, t)
        if self.content != "sim:astronaut":
            return self._file_frame()
        with self._lock:
            base, version, scene = self._base, self._version, self.scene()
        if base is None:
            base = render(scene)
            with self._lock:
                if version == self._version:
                    self._base = base
        if not self.sway:
            return base
        # a slow sway of a few pixels: alive, yet "still" for the guidance
        dx = 8.0 * math.sin(2 * math.pi * t / 3.0)
        m = np.array([[1, 0, dx], [0, 1, 0]], np.float32)
        return cv2.warpAffine(base, m, (self.width, self.height), borderMode=cv2.BORDER_REPLICATE)

    def _file_frame(self) -> np.ndarray:
        for _ in range(2):
            if self._file is None:
                self._file = open_reader(parse_source(self.content), self.width, self.height, self.fps)
            ok, img = self._file.read()
            if ok and img is not None:
                return cv2.resize(img, (self.width, self.height)) if img.shape[1] != self.width else img
            self._file.release()
            self._file = None  # end of the video: loop
        return pattern(self.width, self.height, time.monotonic())

    def _produce(self) -> None:
        start = next_at = time.monotonic()
        while not self._stop.is_set():
            img = self._frame(time.monotonic() - start)
            _, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 85])
            with self._cond:
                self._jpeg = buf.tobytes()
                self._seq += 1
                self._cond.notify_all()
            next_at += 1.0 / self.fps
            delay = next_at - time.monotonic()
            if delay > 0:
                self._stop.wait(delay)
            else:
                next_at = time.monotonic()

    def _serve(self, req: BaseHTTPRequestHandler) -> None:
        if not self._plugged:
            req.send_error(503, "camera unplugged")
            return
        req.send_response(200)
        req.send_header("Content-Type", "multipart/x-mixed-replace; boundary=frame")
        req.send_header("Cache-Control", "no-cache")
        req.end_headers()
        sent = [0]
        try:
            while not self._stop.is_set():
                with self._cond:
                    self._cond.wait_for(
                        lambda: self._seq > sent[0] or not self._plugged or self._stop.is_set(), 1.0
                    )
                    if not self._plugged or self._stop.is_set():
                        break
                    data, sent[0] = self._jpeg, self._seq
                head = b"--frame\r\nContent-Type: image/jpeg\r\nContent-Length: %d\r\n\r\n" % len(data)
                req.wfile.write(head + data + b"\r\n")
                req.wfile.flush()
        except OSError:
            pass  # the driver hung up
        req.close_connection = True
