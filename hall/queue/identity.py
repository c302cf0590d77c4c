"""ID numbers are never stored: the queue keeps a keyed hash, good for one day only.

HMAC-SHA256 with a per-install secret over (day, number): the same person's tickets on one day
match (the one-per-day rule), but rows of different days cannot be linked, and without the key
file the hashes cannot be tested against the (small) space of possible ID numbers.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from datetime import date
from pathlib import Path

KEY_BYTES = 32


def load_or_create_key(path: Path) -> bytes:
    """The install's secret; created (readable by this user only) on first start."""
    path = Path(path)
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(KEY_BYTES)
        try:
            # O_EXCL: if another process made it meanwhile, use theirs
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return load_or_create_key(path)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(key.hex() + "\n")
        return key
    except ValueError:
        raise ValueError(f"{path} does not hold a hex key; delete it to make a new one") from None
    if len(key) < 16:
        raise ValueError(f"{path} holds a key shorter than 16 bytes; delete it to make a new one")
    return key


def normalise(number: str) -> str:
    return number.strip().upper()


def id_hash(key: bytes, day: date, number: str) -> str:
    msg = f"{day.isoformat()}|{normalise(number)}".encode()
    return hmac.new(key, msg, hashlib.sha256).hexdigest()


def key_fingerprint(key: bytes) -> str:
    """Says whether two machines share a key without revealing it."""
    return hmac.new(key, b"hall.queue key fingerprint", hashlib.sha256).hexdigest()[:16]
