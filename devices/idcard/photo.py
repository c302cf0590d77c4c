"""Decoding the card's WLT photo: only a licensed vendor library can, so it is pluggable.

The common Linux vendor library (libwlt.so and its clones) exports
`int unpack(char *wlt, char *out, int mode)`: 1024 bytes in, a 102x126 24-bit picture out
(either a whole BMP file or bare bottom-up BGR rows, depending on the vendor), 1 on success.
We load it by path with ctypes and wrap bare rows in a BMP header.
"""

from __future__ import annotations

import ctypes
import struct
import threading
from typing import Protocol

from core.text import Text, tr

WIDTH, HEIGHT = 102, 126
_ROW = (WIDTH * 3 + 3) & ~3  # BMP rows are padded to 4 bytes
_OUT_SIZE = 54 + _ROW * HEIGHT + 1024  # room for a whole BMP plus vendor slack


class PhotoDecoder(Protocol):
    #: why decode() cannot work at all (shown once in the device status); empty when usable
    problem: Text

    def decode(self, wlt: bytes) -> bytes | None:
        """BMP bytes of the photo, or None when it cannot be decoded (see note())."""
        ...

    def note(self) -> str:
        """Why the last decode() returned None."""
        ...


class NoPhotoDecoder:
    """No vendor library configured: every record says its photo is not decodable."""

    problem = Text("")

    def decode(self, wlt: bytes) -> bytes | None:
        return None

    def note(self) -> str:
        return str(tr("未配置照片解码库，照片无法解码"))


def bmp_from_bgr(rows: bytes, width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """A BMP file around bottom-up BGR rows (unpadded or already padded to 4 bytes)."""
    row = (width * 3 + 3) & ~3
    if len(rows) == width * 3 * height and row != width * 3:
        pad = b"\0" * (row - width * 3)
        rows = b"".join(rows[i : i + width * 3] + pad for i in range(0, len(rows), width * 3))
    size = 54 + row * height
    header = b"BM" + struct.pack("<IHHI", size, 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, row * height, 3780, 3780, 0, 0)
    return header + info + rows[: row * height]


class VendorLibraryDecoder:
    """A vendor WLT library loaded by path; a library that fails to load disables photos only."""

    _lock = threading.Lock()  # vendor libraries are rarely thread-safe

    def __init__(self, path: str, symbol: str = "unpack", mode: int = 602) -> None:
        self.path = path
        self.mode = mode
        self.problem = Text("")
        self._note = ""
        self._fn = None
        try:
            lib = ctypes.CDLL(path)
            fn = getattr(lib, symbol)
        except (OSError, AttributeError) as e:
            self.problem = tr("照片解码库无法加载：{err}", err=f"{path}: {e}")
            return
        fn.argtypes = (ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int)
        fn.restype = ctypes.c_int
        self._fn = fn

    def decode(self, wlt: bytes) -> bytes | None:
        if self._fn is None:
            self._note = str(self.problem)
            return None
        if len(wlt) != 1024:
            self._note = str(tr("照片数据长度应为 1024 字节，实际 {n}", n=len(wlt)))
            return None
        out = ctypes.create_string_buffer(_OUT_SIZE)
        with self._lock:
            rc = self._fn(wlt, out, self.mode)
        if rc != 1:
            self._note = str(tr("照片解码失败（返回 {rc}）", rc=rc))
            return None
        raw = out.raw
        if raw[:2] == b"BM":
            size = int.from_bytes(raw[2:6], "little")
            return raw[:size] if 54 < size <= len(raw) else raw[: 54 + _ROW * HEIGHT]
        return bmp_from_bgr(raw[: WIDTH * 3 * HEIGHT])

    def note(self) -> str:
        return self._note


def load_decoder(path: str) -> PhotoDecoder:
    return VendorLibraryDecoder(path) if path else NoPhotoDecoder()
