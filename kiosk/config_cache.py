"""The config file's checked values kept between starts, as .pyc files keep modules' code.

A kiosk reads the same file at every start, and reading it costs more than what it configures:
tomllib compiles three regular expressions at its import, and checking the values imports every
module that declares a section (~25 of them, whose import is most of the cost; ~26 M
instructions of the ~900 M the cold start to the first painted home runs). The checked values
depend only on the file's bytes, the interpreter and the kiosk's code, so all three are kept
with them and compared in full at the next start:
- the file's bytes: an edit of any size, whatever its time stamp, is read and checked again;
- the code: each of the kiosk's own modules loaded when the values were checked (the schema,
  the checks, the sections: all of them, not a list to keep in step), by size and modification
  time; a bundle, whose modules are not files, by its executable's. A changed module, a new
  default or a stricter check, has the file checked again.
One entry, the last file checked: a kiosk has one config, and tests with many files only
overwrite it. The folder is systemd's CacheDirectory= (deploy/kiosk.service), else
$XDG_CACHE_HOME/gov-kiosk, else ~/.cache/gov-kiosk. A missing, damaged or unwritable cache only
means the file is read and checked as without one.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any

CACHE_NAME = "config.marshal"
# the kiosk's source folder: its modules are those whose files lie under it
SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

Stamps = tuple[tuple[str, int, int], ...]


def cache_file() -> Path:
    systemd = os.environ.get("CACHE_DIRECTORY", "").split(":")[0]  # systemd lists one per name
    if systemd:
        return Path(systemd) / CACHE_NAME
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gov-kiosk" / CACHE_NAME


def code_files() -> list[str]:
    """The files of the code that checked the values: the kiosk's modules loaded now, or a
    bundle's executable (its modules live inside it)."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    prefix = SOURCE_ROOT + os.sep
    files = (getattr(m, "__file__", None) for m in list(sys.modules.values()))
    return sorted({f for f in files if isinstance(f, str) and f.startswith(prefix)})


def _stamps(files: list[str]) -> Stamps | None:
    out = []
    for f in files:
        try:
            st = os.stat(f)
        except OSError:  # a module gone since: the code changed
            return None
        out.append((f, st.st_mtime_ns, st.st_size))
    return tuple(out)


def kept_values(data: bytes) -> dict[str, dict[str, Any]] | None:
    """The values checked for a file of these bytes by this code, if kept."""
    try:
        kept = marshal.loads(cache_file().read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(kept, tuple) and len(kept) == 4 and kept[:2] == (sys.version, data)):
        return None
    stamps, values = kept[2], kept[3]
    # an entry of another shape (another version's, after a rollback) is no entry
    if not isinstance(values, dict) or not isinstance(stamps, tuple):
        return None
    if not all(isinstance(s, tuple) and len(s) == 3 and isinstance(s[0], str) for s in stamps):
        return None
    if _stamps([s[0] for s in stamps]) != stamps:
        return None
    return values


def keep(data: bytes, values: dict[str, dict[str, Any]]) -> None:
    """Keep the values just checked for a file of these bytes (by the code loaded now)."""
    stamps = _stamps(code_files())
    if stamps is None:
        return
    try:
        entry = marshal.dumps((sys.version, data, stamps, values))
    except ValueError:  # a value marshal cannot write (a TOML date): checked at every start
        return
    from core.atomic_file import write_atomically

    try:
        # the config's bytes: readable by the kiosk's user only, as its file may be
        write_atomically(str(cache_file()), entry, 0o600)
    except OSError:
        pass  # unwritable: the next start reads and checks the file again
