"""Capture through the Ministry of Public Security's standard library (GA/T 1011 LIVESCAN_*).

ID-card fingerprint scanners are USB devices behind a vendor's build of this interface, loaded
by path with ctypes like the ID reader's photo decoder. Functions return 1 on success or a
negative error code. Without the library the device is a permanent fault with that reason:
retrying cannot make a missing file appear.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Mapping
from typing import Any

from core.text import Text, tr
from devices.base import ConnectionLost, DeviceStatus, Driver, Emit, PermanentFault, State
from devices.fingerprint.model import FingerImage, FingerprintError, NoFinger, check_finger, image_quality

SUCCESS = 1
ERRORS: dict[int, Text] = {
    -1: tr("参数错误"),
    -2: tr("内存分配失败"),
    -3: tr("功能未实现"),
    -4: tr("设备不存在"),
    -5: tr("设备未初始化"),
    -6: tr("非法错误号"),
    -112: tr("指纹图像质量差"),
}
#: Seconds between raw-frame reads while waiting for a finger.
LOOK_INTERVAL = 0.1
#: Mean grey below which a frame holds a finger (the platen reads near white when empty).
EMPTY_MEAN = 230


def error_text(rc: int) -> Text:
    return ERRORS.get(rc, tr("错误码 {rc}", rc=rc))


class LivescanFingerprint(Driver):
    _lock = threading.Lock()  # vendor libraries are rarely thread-safe

    def __init__(self, settings: Mapping[str, Any], emit: Emit) -> None:
        super().__init__(settings, emit)
        self.path = str(settings.get("library", ""))
        self.channel = int(settings.get("channel", 0))
        self.place_timeout = float(settings.get("place_timeout", 10.0))
        self.poll_interval = float(settings.get("poll_interval", 2.0))
        self.lib: Any = None
        self.width = self.height = 0

    def open(self) -> None:
        if not self.path:
            raise PermanentFault(tr("未配置指纹采集库（devices.fingerprint.library）"))
        try:
            lib = ctypes.CDLL(self.path)
            for name in ("LIVESCAN_Init", "LIVESCAN_Close", "LIVESCAN_GetChannelCount",
                         "LIVESCAN_GetMaxImageSize", "LIVESCAN_BeginCapture",
                         "LIVESCAN_GetFPRawData", "LIVESCAN_EndCapture"):  # fmt: skip
                getattr(lib, name).restype = ctypes.c_int
        except (OSError, AttributeError) as e:
            raise PermanentFault(tr("指纹采集库无法加载：{err}", err=f"{self.path}: {e}")) from e
        with self._lock:
            rc = lib.LIVESCAN_Init()
        if rc != SUCCESS:  # no scanner on the USB bus yet: try again later
            raise ConnectionLost(tr("指纹采集仪初始化失败：{err}", err=error_text(rc)))
        self.lib = lib
        w, h = ctypes.c_int(0), ctypes.c_int(0)
        with self._lock:
            rc = lib.LIVESCAN_GetMaxImageSize(self.channel, ctypes.byref(w), ctypes.byref(h))
        if rc != SUCCESS or w.value <= 0 or h.value <= 0:
            self.close()
            raise ConnectionLost(tr("指纹采集仪未报告图像尺寸：{err}", err=error_text(rc)))
        self.width, self.height = w.value, h.value

    def close(self) -> None:
        if self.lib is not None:
            with self._lock:
                self.lib.LIVESCAN_Close()
            self.lib = None

    def poll(self) -> DeviceStatus:
        with self._lock:
            count = self.lib.LIVESCAN_GetChannelCount()
        if count <= 0:
            raise ConnectionLost(tr("指纹采集仪已断开：{err}", err=error_text(count)))
        if self.channel >= count:
            return DeviceStatus(State.FAULT, tr("指纹采集仪没有通道 {ch}", ch=self.channel))
        return DeviceStatus(State.OK)

    def info(self) -> dict[str, Any]:
        return {"driver": "livescan", "library": self.path, "channel": self.channel,
                "image": [self.width, self.height]}  # fmt: skip

    def capture(
        self, finger: str, timeout: float | None = None, stop: threading.Event | None = None
    ) -> FingerImage:
        """As the serial module's: NoFinger after the place timeout, or at once once `stop` is set."""
        check_finger(finger)
        limit = self.place_timeout if timeout is None else timeout
        buf = ctypes.create_string_buffer(self.width * self.height)
        deadline = time.monotonic() + limit
        self.emit("finger", {"finger": finger, "state": "waiting"})
        with self._lock:
            rc = self.lib.LIVESCAN_BeginCapture(self.channel)
        if rc != SUCCESS:
            raise FingerprintError(tr("无法开始采集：{err}", err=error_text(rc)))
        try:
            while True:
                with self._lock:
                    rc = self.lib.LIVESCAN_GetFPRawData(self.channel, buf)
                if rc == -4:
                    raise ConnectionLost(tr("指纹采集仪已断开：{err}", err=error_text(rc)))
                if rc != SUCCESS and rc != -112:
                    raise FingerprintError(tr("采集指纹图像失败：{err}", err=error_text(rc)))
                pixels = buf.raw
                if sum(pixels[::97]) / len(pixels[::97]) < EMPTY_MEAN:
                    break
                if stop is not None and stop.wait(LOOK_INTERVAL):
                    raise NoFinger(tr("已停止等待手指"))
                if time.monotonic() >= deadline:
                    self.emit("finger", {"finger": finger, "state": "timeout"})
                    raise NoFinger(tr("{s} 秒内没有放上手指", s=round(limit)))
                if stop is None:
                    time.sleep(LOOK_INTERVAL)
        finally:
            with self._lock:
                self.lib.LIVESCAN_EndCapture(self.channel)
        self.emit("finger", {"finger": finger, "state": "placed"})
        quality = image_quality(pixels, self.width, self.height)
        self.emit("finger", {"finger": finger, "state": "captured", "quality": quality})
        return FingerImage(finger, self.width, self.height, pixels, quality)
