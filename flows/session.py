"""One citizen's session: personal data in memory and a private temp folder, both gone at the end.

Names and ID numbers put in a session are registered with the log redactor for its lifetime.
Folders left by a crashed process are removed at start-up (purge_stale).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from core import redact

PREFIX = "session-"


class Session:
    def __init__(self, runtime_dir: Path) -> None:
        self.id = os.urandom(6).hex()  # 12 random hex digits (uuid would load `platform` at start)
        runtime_dir = Path(runtime_dir)
        runtime_dir.mkdir(parents=True, exist_ok=True)
        import tempfile  # here, not at start-up: it loads `random` and `shutil` (~5 ms)

        self._dir: Path | None = Path(tempfile.mkdtemp(prefix=PREFIX, dir=runtime_dir))
        self._data: dict[str, Any] = {}
        self._secrets: list[str] = []
        self.closed = False

    @property
    def temp_dir(self) -> Path:
        if self._dir is None:
            raise RuntimeError("session is closed")
        return self._dir

    def put(self, key: str, value: Any) -> None:
        if self.closed:
            raise RuntimeError("session is closed")
        self._data[key] = value

    def get(self, key: str, default: Any = None) -> Any:
        return self._data.get(key, default)

    def personal(self, *values: str) -> None:
        """Mark strings (a name, an address) as personal: masked in logs while the session lives."""
        for v in values:
            if v and v.strip():
                self._secrets.append(v.strip())
                redact.add_secret(v.strip())

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self._data.clear()
        for s in self._secrets:
            redact.remove_secret(s)
        self._secrets.clear()
        if self._dir is not None:
            import shutil

            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def purge_stale(runtime_dir: Path) -> int:
    """Remove session folders a crashed process left behind; returns how many. (A name test,
    not Path.glob: a glob compiles a regular expression on the way to the first paint.)"""
    try:
        with os.scandir(runtime_dir) as entries:
            stale = [e.path for e in entries if e.name.startswith(PREFIX)]
    except OSError:  # no runtime folder yet: nothing left behind
        return 0
    for path in stale:
        import shutil  # only with something to remove: it loads bz2 and lzma at start-up

        shutil.rmtree(path, ignore_errors=True)
    return len(stale)
