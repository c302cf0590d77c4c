"""Writing a whole file so that a reader sees the old one or the new one, never half."""

from __future__ import annotations

import os


def write_atomically(path: str, data: bytes, mode: int = 0o644) -> None:
    """Write `data` beside `path`, then rename it over `path` (its folder made if missing).
    Raises OSError, leaving no temporary file behind."""
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with open(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
