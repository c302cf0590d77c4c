"""Opening and closing the serial links of the serial drivers, with one fault vocabulary.

A malformed URL or impossible setting is a PermanentFault (retrying cannot help); a port that
cannot be opened now (unplugged, busy) is ConnectionLost, so the supervisor retries it.
"""

from __future__ import annotations

from typing import Any

import serial

from core.text import Text, tr
from devices.base import ConnectionLost, PermanentFault


def open_port(url: str, device: Text, **settings: Any) -> serial.Serial:
    """`serial_for_url(url, **settings)`; `device` names the device in the citizen's words."""
    try:
        return serial.serial_for_url(url, **settings)
    except ValueError as e:
        raise PermanentFault(tr("{device}端口设置无效：{err}", device=device, err=str(e))) from e
    except (serial.SerialException, OSError) as e:
        raise ConnectionLost(
            tr("无法打开{device}端口 {port}：{err}", device=device, port=url, err=str(e))
        ) from e


def close_quietly(port: Any) -> None:
    """Close a link that may already be gone (unplugged): closing must never raise."""
    if port is None:
        return
    try:
        port.close()
    except Exception:
        pass
