"""Compiled dataclass methods kept between starts, as .pyc files keep modules' code.

CPython 3.11 writes each dataclass's __init__, __repr__, __eq__, __hash__ and (frozen)
__setattr__/__delattr__ as source text and compiles it at every start: the ~140 methods of the
dataclasses defined before the first paint of a queue-only kiosk (the startup bench's) cost
~60 M instructions, 6 % of its cold start, compiling the same text every time. The text depends
only on the class's fields and options, so the code compiled from it is kept by that text, beside
this module's bytecode (where the import system puts it: PYTHONPYCACHEPREFIX and
PYTHONDONTWRITEBYTECODE are honoured) and read back with marshal, as the import system reads a
.pyc.

`install()` must run before the dataclasses are defined (run_kiosk.py does it first); `save()`
writes what the start-up used up to `started()` (the first screen up) once there is something
new: after the kiosk's deferred start-up, and after a demo run, which is how `make bundle` gives
a bundle its cache (an installed bundle's folder is not the kiosk user's to write). Without a
cache, or with an unreadable one, dataclasses compile as they always do.
"""

from __future__ import annotations

import builtins
import dataclasses
import importlib.util
import logging
import marshal
import sys
import threading
from types import CodeType
from typing import Any

log = logging.getLogger(__name__)

_lock = threading.Lock()
# source text -> its code, marshalled: unmarshalled when a class asks (a file of ~700 methods
# reads in 0.3 ms so, 2 ms as code objects)
_loaded: dict[str, bytes] = {}
_used: dict[str, bytes] = {}
_compiled = False  # something this run compiled that the file does not hold
_recording = True  # until the first screen is up (started())


def cache_path() -> str | None:
    """Beside this module's bytecode; None where this interpreter keeps no bytecode."""
    try:
        pyc = importlib.util.cache_from_source(__file__)
    except (NotImplementedError, TypeError):  # no cache tag or no file: no bytecode kept either
        return None
    return pyc.removesuffix(".pyc") + ".dataclasses"


def _exec(source: str, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None) -> None:
    """dataclasses' `exec(txt, globals, ns)`, compiling each text once."""
    global _compiled
    kept = _used.get(source) or _loaded.get(source)
    code = _unmarshal(kept) if kept is not None else None
    if code is None:
        # dont_inherit: compiled as exec() in dataclasses.py would, without this module's
        # `from __future__ import annotations`
        code = compile(source, "<string>", "exec", dont_inherit=True)
        if _recording:
            kept = marshal.dumps(code)
            _compiled = True
    if _recording and kept is not None:
        with _lock:
            _used[source] = kept
    builtins.exec(code, globals, locals)


def _unmarshal(data: bytes) -> CodeType | None:
    try:
        code = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def _read(path: str) -> dict[str, bytes]:
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return {}
    magic = importlib.util.MAGIC_NUMBER
    if not data.startswith(magic):  # another interpreter's (marshal's format is per version)
        return {}
    try:
        codes = marshal.loads(data[len(magic) :])
    except (EOFError, ValueError, TypeError):
        log.warning("the dataclass cache %s is unreadable; compiling instead", path)
        return {}
    if not isinstance(codes, dict) or not all(
        isinstance(k, str) and isinstance(v, bytes) for k, v in codes.items()
    ):
        return {}
    return codes


def install() -> None:
    """Read the cache and have dataclasses compile through it (dataclasses looks `exec` up in
    its module before the builtins)."""
    if getattr(dataclasses, "exec", None) is _exec:
        return
    path = cache_path()
    if path is not None:
        _loaded.update(_read(path))
    setattr(dataclasses, "exec", _exec)  # noqa: B010 (mypy: the module does not declare it)


def started() -> None:
    """The first screen is up: classes defined from now on (journeys, the database, a demo's
    walk) are not kept, so the file holds what a start needs (a full simulate config's demo
    run, which imports the journeys before its first screen, keeps ~750 methods)."""
    global _recording
    _recording = False


def save() -> None:
    """Write the code the start-up's dataclasses used, if any of it was compiled (a changed
    class replaces its entry; entries no class used are dropped)."""
    global _compiled
    path = cache_path()
    # A frozen bundle never writes bytecode (its own was made when it was built): its cache is
    # written by the build's demo run (make bundle) and only read on a kiosk, where it is not
    # writable
    frozen = getattr(sys, "frozen", False)
    if not _compiled or path is None or (sys.dont_write_bytecode and not frozen):
        return
    with _lock:
        data = importlib.util.MAGIC_NUMBER + marshal.dumps(dict(_used))
        _compiled = False
    from core.atomic_file import write_atomically

    try:
        write_atomically(path, data)
    except OSError as e:  # a read-only install compiles at each start, as before
        log.info("dataclass cache not written: %s", e.strerror)
