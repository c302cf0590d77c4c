"""The config file's parsed TOML kept between starts, as .pyc files keep modules' code.

A kiosk reads the same file at every start, and parsing it costs more than the rest of the
config: importing tomllib compiles three regular expressions (~9 M instructions, 1 % of the cold
start to the first painted home). The parse depends only on the file's bytes and the
interpreter, so both are kept with it and compared in full at the next start: an edited file
(however small the edit, whatever its time stamp) is parsed again. One entry, the last file
parsed: a kiosk has one config, and tests with many files only overwrite it.

The folder is systemd's CacheDirectory= (deploy/kiosk.service), else $XDG_CACHE_HOME/gov-kiosk,
else ~/.cache/gov-kiosk. A missing, damaged or unwritable cache only means a parse.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any

CACHE_NAME = "config.marshal"


def cache_file() -> Path:
    systemd = os.environ.get("CACHE_DIRECTORY", "").split(":")[0]  # systemd lists one per name
    if systemd:
        return Path(systemd) / CACHE_NAME
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gov-kiosk" / CACHE_NAME


def read_toml(path: Path) -> dict[str, Any]:
    """The file's TOML as tomllib parses it (a BOM from a Windows editor allowed). Raises what
    reading (OSError), decoding (UnicodeDecodeError) or parsing (tomllib.TOMLDecodeError, a
    ValueError) raises."""
    data = path.read_bytes()
    key = (sys.version, data)
    cache = cache_file()
    kept = _read(cache)
    if kept is not None and kept[:2] == key:
        return kept[2]
    import tomllib  # with a changed file only (its regular expressions take ~8 ms to compile)

    raw = tomllib.loads(data.decode("utf-8-sig"))
    _write(cache, (*key, raw))
    return raw


def _read(cache: Path) -> tuple[Any, ...] | None:
    try:
        kept = marshal.loads(cache.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return kept if isinstance(kept, tuple) and len(kept) == 3 and isinstance(kept[2], dict) else None


def _write(cache: Path, entry: tuple[Any, ...]) -> None:
    try:
        data = marshal.dumps(entry)
    except ValueError:  # a TOML date or time (marshal has no datetime): parsed at every start
        return
    tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        # the config's bytes: readable by the kiosk's user only, as its file may be
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, cache)  # another start reads the old entry or the new, never half
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass
