"""Masking personal data in anything written down: logs, health files, alerts.

ID numbers keep the first 6 and last 4 characters (110105********002X); registered secrets
(names, addresses of the citizen in the current session) become their first character and '*'.
"""

from __future__ import annotations

import re
import threading

ID_RE = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])")

_lock = threading.Lock()
_secrets: dict[str, int] = {}


def mask_id(number: str) -> str:
    if len(number) < 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_reference(number: str | None) -> str:
    """An application or order number shown to staff: enough to find it (the last four), not
    enough to read someone's file number off a screen or a health file."""
    if not number:
        return ""
    return number if len(number) <= 4 else "*" * min(4, len(number) - 4) + number[-4:]


def mask_name(name: str) -> str:
    return name[:1] + "*" * max(1, len(name) - 1) if name else ""


def add_secret(value: str) -> None:
    with _lock:
        _secrets[value] = _secrets.get(value, 0) + 1


def remove_secret(value: str) -> None:
    with _lock:
        n = _secrets.get(value, 0) - 1
        if n <= 0:
            _secrets.pop(value, None)
        else:
            _secrets[value] = n


def redact(text: str) -> str:
    text = ID_RE.sub(lambda m: m.group(1) + "*" * 8 + m.group(3), text)
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for s in secrets:
        if s in text:
            text = text.replace(s, mask_name(s))
    return text
