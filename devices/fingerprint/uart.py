"""The EF 01 serial fingerprint module driver (R30x, AS608, ZFM, R503).

One capture: GenImg until a finger is on the sensor (code 02 means none yet), UpImage (an ack,
then the 256 x 288 image in data packets), Img2Tz into buffer 1 and UpChar for the template. The
quality score is computed from the image (model.image_quality). Input is flushed before each
command, so a late packet from an abandoned exchange cannot pass for the next reply.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping
from typing import Any

import serial

from core.text import Text, tr
from devices.base import ConnectionLost, DeviceStatus, Driver, Emit, PermanentFault, State
from devices.fingerprint import codec
from devices.fingerprint.model import (
    FingerImage,
    ModuleReplyError,
    ModuleTimeout,
    NoFinger,
    check_finger,
    image_quality,
)
from devices.idcard.link import PORT_ERRORS
from devices.serial_port import close_quietly, open_port

log = logging.getLogger(__name__)

#: Health checks in a row with no answer before the link counts as lost.
TIMEOUTS_BEFORE_LOST = 2
#: How long one port.read() may block; bounds how late a deadline is noticed.
READ_SLICE = 0.02
#: Commands the module works on before answering (exposure, feature extraction): their ack may
#: take this many reply timeouts.
SLOW = {codec.GEN_IMG: 2.0, codec.IMG2TZ: 2.0}
#: Seconds between GenImg tries while waiting for a finger (a module takes ~0.1 s per look).
LOOK_INTERVAL = 0.05


class UartFingerprint(Driver):
    def __init__(self, settings: Mapping[str, Any], emit: Emit) -> None:
        super().__init__(settings, emit)
        self.url = str(settings.get("port", ""))
        self.baud = int(settings.get("baud", 57600))
        self.address = int(str(settings.get("address", "FFFFFFFF")), 16)
        self.password = int(settings.get("password", 0))
        self.reply_timeout = float(settings.get("reply_timeout", 1.0))
        self.place_timeout = float(settings.get("place_timeout", 10.0))
        self.poll_interval = float(settings.get("poll_interval", 2.0))
        self.port: serial.Serial | None = None
        self.splitter = codec.PacketSplitter()
        self.para: codec.SysPara | None = None
        self.sent = self.received = 0  # bytes, for the benchmark's wire time
        self._timeouts = 0
        self._pending: list[codec.Packet] = []  # packets read ahead of the one asked for

    # ---- lifecycle ----
    def open(self) -> None:
        self.port = open_port(self.url, tr("指纹仪"), baudrate=self.baud, timeout=READ_SLICE, write_timeout=2)
        try:
            self._verify()
            self.para = codec.SysPara.parse(self._ok(codec.READ_SYS_PARA).content[1:])
        except (ModuleTimeout, ModuleReplyError, codec.CodecError) as e:
            self.close()
            raise ConnectionLost(tr("指纹仪无应答或应答有误：{err}", err=str(e))) from e

    def close(self) -> None:
        close_quietly(self.port)
        self.port = None

    def poll(self) -> DeviceStatus:
        try:
            self._verify()
        except (ModuleTimeout, ModuleReplyError) as e:
            self._timeouts += 1
            if self._timeouts >= TIMEOUTS_BEFORE_LOST:
                raise ConnectionLost(tr("指纹仪无应答：{err}", err=e.reason)) from e
            return DeviceStatus(State.DEGRADED, e.reason)
        self._timeouts = 0
        return DeviceStatus(State.OK)

    def _verify(self) -> None:
        rep = self.exchange(codec.VFY_PWD, *self.password.to_bytes(4, "big"))
        if rep.code == 0x13:
            raise PermanentFault(tr("指纹仪口令错误（请检查配置 password）"))
        if rep.code != codec.OK:
            raise ModuleReplyError(codec.meaning(rep.code))

    # ---- calls ----
    def info(self) -> dict[str, Any]:
        para = codec.SysPara.parse(self._ok(codec.READ_SYS_PARA).content[1:])
        count = self._ok(codec.TEMPLATE_NUM).content[1:3]
        return {
            "driver": "uart",
            "port": self.url,
            "address": f"{para.address:08X}",
            "library_size": para.library_size,
            "templates": int.from_bytes(count, "big"),
            "security_level": para.security_level,
            "packet_size": para.packet_size,
            "baud": para.baud,
            "image": [codec.WIDTH, codec.HEIGHT],
        }

    def capture(
        self, finger: str, timeout: float | None = None, stop: threading.Event | None = None
    ) -> FingerImage:
        """Wait for the finger, take its image and template. NoFinger after the place timeout, or
        at once when `stop` is set (the citizen left the screen that asked for the finger)."""
        check_finger(finger)
        limit = self.place_timeout if timeout is None else timeout
        deadline = time.monotonic() + limit
        self.emit("finger", {"finger": finger, "state": "waiting"})
        while True:
            code = self.exchange(codec.GEN_IMG).code
            if code == codec.OK:
                break
            if code not in (codec.NO_FINGER, codec.ENROL_FAIL):
                raise ModuleReplyError(tr("采集指纹图像失败：{why}", why=codec.meaning(code)))
            if stop is not None and stop.wait(LOOK_INTERVAL):
                raise NoFinger(tr("已停止等待手指"))
            if time.monotonic() >= deadline:
                self.emit("finger", {"finger": finger, "state": "timeout"})
                raise NoFinger(tr("{s} 秒内没有放上手指", s=round(limit)))
            if stop is None:
                time.sleep(LOOK_INTERVAL)
        self.emit("finger", {"finger": finger, "state": "placed"})
        grey = codec.unpack_image(self.upload(codec.UP_IMAGE))
        quality = image_quality(grey, codec.WIDTH, codec.HEIGHT)
        template: bytes | None = None
        code = self.exchange(codec.IMG2TZ, 1).code
        note = codec.meaning(code) if code != codec.OK else Text("")
        if code == codec.OK:
            template = self.upload(codec.UP_CHAR, 1)
        self.emit("finger", {"finger": finger, "state": "captured", "quality": quality})
        return FingerImage(finger, codec.WIDTH, codec.HEIGHT, grey, quality, template, note)

    # ---- packets ----
    def _ok(self, instruction: int, *params: int) -> codec.Packet:
        rep = self.exchange(instruction, *params)
        if rep.code != codec.OK:
            raise ModuleReplyError(codec.meaning(rep.code))
        return rep

    def exchange(self, instruction: int, *params: int) -> codec.Packet:
        """Send one command, return its acknowledgement (one retry when the reply was damaged)."""
        try:
            return self._exchange(instruction, params)
        except ModuleReplyError:
            return self._exchange(instruction, params)

    def _exchange(self, instruction: int, params: tuple[int, ...]) -> codec.Packet:
        port = self._port()
        try:
            port.reset_input_buffer()
            self.splitter.clear()
            self._pending.clear()
            frame = codec.command(instruction, *params, address=self.address)
            port.write(frame)
            self.sent += len(frame)
        except PORT_ERRORS as e:
            raise ConnectionLost(tr("指纹仪连接中断：{err}", err=str(e))) from e
        rep = self._next_packet(self.reply_timeout * SLOW.get(instruction, 1.0), f"{instruction:02X}")
        if rep.pid != codec.ACK:
            raise ModuleReplyError(
                tr("指令 {cmd} 的应答类型 {pid:02X} 不对", cmd=f"{instruction:02X}", pid=rep.pid)
            )
        if rep.code == codec.RECEIVE_ERROR:  # our frame reached it damaged
            raise ModuleReplyError(codec.meaning(rep.code))
        return rep

    def upload(self, instruction: int, *params: int) -> bytes:
        """A command answered by an ack and then DATA packets up to an END packet."""
        rep = self.exchange(instruction, *params)
        if rep.code != codec.OK:
            raise ModuleReplyError(codec.meaning(rep.code))
        data = bytearray()
        # a whole image is 36 KB: more than this means a module that never sends END
        limit = codec.IMAGE_BYTES * 2
        while True:
            pkt = self._next_packet(self.reply_timeout, f"{instruction:02X}")
            if pkt.pid not in (codec.DATA, codec.END):
                raise ModuleReplyError(tr("数据传输中收到类型 {pid:02X} 的包", pid=pkt.pid))
            data += pkt.content
            if pkt.pid == codec.END:
                return bytes(data)
            if len(data) > limit:
                raise ModuleReplyError(tr("数据超过 {n} 字节仍未结束", n=limit))

    def _next_packet(self, timeout: float, name: str) -> codec.Packet:
        port = self._port()
        deadline = time.monotonic() + timeout
        pending = self._pending
        try:
            while True:
                if pending:
                    return pending.pop(0)
                chunk = port.read(max(1, min(self.splitter.need, port.in_waiting or 1)))
                self.received += len(chunk)
                pending.extend(self.splitter.feed(chunk))
                if pending:
                    deadline = time.monotonic() + timeout
                    continue
                if time.monotonic() >= deadline:
                    if self.splitter.errors:
                        raise ModuleReplyError(
                            tr("指纹仪应答损坏（指令 {cmd}）：{err}", cmd=name, err=self.splitter.errors[-1])
                        )
                    raise ModuleTimeout(tr("指纹仪无应答（指令 {cmd}）", cmd=name))
        except PORT_ERRORS as e:
            raise ConnectionLost(tr("指纹仪连接中断：{err}", err=str(e))) from e

    def _port(self) -> serial.Serial:
        if self.port is None:
            raise ConnectionLost(tr("指纹仪未连接"))
        return self.port
