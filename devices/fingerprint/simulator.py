"""An EF 01 fingerprint module (R30x / AS608 style) on a pty, at its baud rate's wire speed.

The citizen's side: `place(kind)` puts a finger on the sensor ("good", "poor" - dry or smudged -,
or "lift" - lifted while the image is taken, which leaves a partial print and then no finger);
`lift()` takes it away; `presentations` queues what happens on each next placement (tests and
benchmarks). Faults: a module that stops answering, line noise before every reply, a corrupted
packet, an oversized packet header, and the base class's unplug.
"""

from __future__ import annotations

import collections
import hashlib
import random
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from core.text import tr
from devices.fingerprint import codec
from devices.fingerprint.model import image_quality
from devices.sim import Control, PtySimulator

PLACEMENTS = ("good", "poor", "lift")
FAULTS = ("none", "mute", "noise", "corrupt", "oversized")
#: Seconds the module works on GenImg with a finger on it (exposure and transfer to its buffer).
IMAGE_TIME = 0.15
#: Quality the module's own feature extraction needs (below it Img2Tz answers "too few features").
FEATURE_QUALITY = 40


def finger_image(seed: int, placement: str = "good") -> bytes:
    """A synthetic flat print, 8-bit grey, WIDTH x HEIGHT: whorl-like ridges inside an oval."""
    rng = np.random.default_rng(seed)
    h, w = codec.HEIGHT, codec.WIDTH
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = w / 2 + rng.uniform(-8, 8), h / 2 + rng.uniform(-8, 8)
    dx, dy = x - cx, y - cy
    r = np.hypot(dx, dy * 0.85)
    theta = np.arctan2(dy, dx)
    period = 8.5 + rng.uniform(-1, 1)
    ridges = 0.5 + 0.5 * np.sin(2 * np.pi * r / period + 1.2 * np.sin(2 * theta + rng.uniform(0, 6)))
    mask = (dx / 118) ** 2 + (dy / 148) ** 2 <= 1
    depth = 210.0
    if placement == "poor":  # dry skin: patches without ridge contact
        mask &= np.sin(x / 21 + rng.uniform(0, 6)) * np.sin(y / 27) > 0.4
    elif placement == "lift":
        mask &= dy < -70  # only the tip touched before it came away
    img = 245 - mask * ridges * depth + rng.normal(0, 4, size=(h, w))
    return bytes(np.clip(img, 0, 255).astype(np.uint8).tobytes())


class FingerprintSimulator(PtySimulator):
    kind = "fingerprint"

    def __init__(self, port: Path, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(port, settings)
        self.baud = int(self.settings.get("baud", 57600))
        self.address = int(str(self.settings.get("address", "FFFFFFFF")), 16)
        self.password = int(self.settings.get("password", 0))
        self.packet_size = 128
        self.pace = True
        self.finger: str | None = None  # what is on the sensor now
        self.presentations: collections.deque[str] = collections.deque()
        self.fault = "none"
        self.image: bytes | None = None  # the module's image buffer (8-bit here, 4-bit on the wire)
        self.features: bytes | None = None
        self.captures = 0
        self.placed_at: float | None = None  # perf_counter of the GenImg that took the image
        self.work_time = 0.0
        self.splitter = codec.PacketSplitter()
        self._rng = random.Random(7)
        self._state = threading.Lock()

    # ---- the citizen and the panel ----
    def place(self, placement: str = "good") -> None:
        if placement not in PLACEMENTS:
            raise KeyError(f"unknown placement {placement!r}; known: {', '.join(PLACEMENTS)}")
        with self._state:
            self.finger = placement
        self.notify("finger", placement)

    def lift(self) -> None:
        with self._state:
            self.finger = None
        self.notify("finger", None)

    def set_fault(self, fault: str) -> None:
        if fault not in FAULTS:
            raise KeyError(f"unknown fault {fault!r}; known: {', '.join(FAULTS)}")
        self.fault = fault
        self.notify("fault", fault)

    def unplug(self) -> None:
        super().unplug()
        self.splitter.clear()
        self.image = self.features = None

    def controls(self) -> list[Control]:
        placements = (("good", tr("清晰")), ("poor", tr("干燥模糊")), ("lift", tr("采集中抬起")))
        faults = (
            ("none", tr("无故障")),
            ("mute", tr("模块不应答")),
            ("noise", tr("应答前有杂波")),
            ("corrupt", tr("应答校验和错误")),
            ("oversized", tr("超长数据包")),
        )
        return [
            Control(tr("放上手指"), self.place, placements),
            Control(tr("抬起手指"), self.lift),
            Control(tr("指纹仪故障"), self.set_fault, faults, group="faults"),
            *super().controls(),
        ]

    # ---- the module ----
    def on_bytes(self, data: bytes) -> None:
        for pkt in self.splitter.feed(data):
            if pkt.address != self.address or self.fault == "mute":
                continue
            if pkt.pid != codec.COMMAND or not pkt.content:
                self._send([codec.ack(codec.RECEIVE_ERROR, address=self.address)])
                continue
            self._answer(pkt.content[0], pkt.content[1:])
        if self.splitter.errors:  # a damaged command: the module says so
            self.splitter.errors.clear()
            if self.fault != "mute":
                self._send([codec.ack(codec.RECEIVE_ERROR, address=self.address)])

    def _answer(self, instruction: int, params: bytes) -> None:
        a = self.address
        if instruction == codec.VFY_PWD:
            ok = params[:4] == self.password.to_bytes(4, "big")
            self._send([codec.ack(codec.OK if ok else 0x13, address=a)])
        elif instruction == codec.HANDSHAKE:
            self._send([codec.ack(codec.OK, address=a)])
        elif instruction == codec.READ_SYS_PARA:
            para = codec.SysPara(0, 0x0009, 300, 3, a, self.packet_size, self.baud)
            self._send([codec.ack(codec.OK, para.encode(), address=a)])
        elif instruction == codec.TEMPLATE_NUM:
            self._send([codec.ack(codec.OK, (0).to_bytes(2, "big"), address=a)])
        elif instruction == codec.GEN_IMG:
            self._send([codec.ack(self._gen_img(), address=a)])
        elif instruction == codec.UP_IMAGE:
            if self.image is None:
                self._send([codec.ack(codec.UPLOAD_IMAGE_FAIL, address=a)])
            else:
                data = codec.pack_image(self.image)
                self._send([codec.ack(codec.OK, address=a), *codec.data_packets(data, self.packet_size, a)])
        elif instruction == codec.IMG2TZ:
            if self.image is None:
                self._send([codec.ack(codec.INVALID_IMAGE, address=a)])
                return
            enough = image_quality(self.image, codec.WIDTH, codec.HEIGHT) >= FEATURE_QUALITY
            self.features = hashlib.sha512(self.image).digest() * 8 if enough else None
            self._send([codec.ack(codec.OK if enough else codec.TOO_FEW_FEATURES, address=a)])
        elif instruction == codec.UP_CHAR:
            if self.features is None:
                self._send([codec.ack(0x0D, address=a)])
            else:
                self._send(
                    [codec.ack(codec.OK, address=a), *codec.data_packets(self.features, self.packet_size, a)]
                )
        else:
            self._send([codec.ack(codec.RECEIVE_ERROR, address=a)])

    def _gen_img(self) -> int:
        with self._state:
            if self.finger is None and self.presentations:
                self.finger = self.presentations.popleft()
            placement = self.finger
        if placement is None:
            return codec.NO_FINGER
        self.placed_at = time.perf_counter()
        time.sleep(IMAGE_TIME)
        self.work_time += IMAGE_TIME
        self.captures += 1
        self.image = finger_image(self.captures, placement)
        self.features = None
        if placement == "lift":
            with self._state:
                self.finger = None
            self.notify("finger", None)
        return codec.OK

    def _send(self, packets: list[bytes]) -> None:
        for i, pkt in enumerate(packets):
            if not self.plugged or self.fault == "mute":
                return  # unplugged (or gone quiet) half-way through a transfer
            if i == 0 and self.fault == "noise":
                pkt = bytes(self._rng.randrange(256) for _ in range(7)) + pkt
            elif i == 0 and self.fault == "oversized":
                pkt = codec.HEADER + b"\xff\xff\xff\xff\x07\xff\xff" + pkt
            elif i == 0 and self.fault == "corrupt":
                self.fault = "none"  # once: the retry must succeed
                pkt = pkt[:-1] + bytes([pkt[-1] ^ 0x5A])
            if self.pace:
                time.sleep(len(pkt) * 10 / self.baud)
            self.write(pkt)
