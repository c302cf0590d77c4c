"""Compiled code kept between starts, as .pyc files keep modules' code, for the two things
Python compiles from text at every start that the import system does not cache.

- Dataclasses. CPython 3.11 writes each dataclass's __init__, __repr__, __eq__, __hash__ and
  (frozen) __setattr__/__delattr__ as source text and compiles it at every start: the ~140
  methods of the dataclasses defined before the first paint of a queue-only kiosk (the startup
  bench's) cost ~60 M instructions, 6 % of its cold start.
- PySide's support modules. shiboken6 (a limited-API build, as PyPI's wheels are) carries its
  signature and `__feature__` support as Python source inside its library and compiles those 14
  modules at every `import shiboken6`: ~117 M instructions, a fifth of a bare PySide window's
  start. They are compiled while shiboken6 is imported, through builtins.compile, which is
  routed through this cache for that import only.

The text (with everything else compile() is given) is the key, so a changed text (another
PySide, another dataclass) is compiled afresh and never meets old code. The cache lives beside
this module's bytecode (where the import system puts it: PYTHONPYCACHEPREFIX and
PYTHONDONTWRITEBYTECODE are honoured) and is read back with marshal, as the import system reads
a .pyc.

`install()` must run before the dataclasses are defined and before PySide is imported
(run_kiosk.py does it first); `save()` writes what the start-up used up to `started()` (the
first screen up) once there is something new: after the kiosk's deferred start-up, and after a
demo run, which is how `make bundle` gives a bundle its cache (an installed bundle's folder is
not the kiosk user's to write). Without a cache, or with an unreadable one, everything compiles
as it always does.
"""

from __future__ import annotations
import __future__

import builtins
import dataclasses
import importlib.util
import logging
import marshal
import sys
import threading
from collections.abc import Callable, Sequence
from importlib.machinery import ModuleSpec
from types import CodeType, ModuleType
from typing import Any

log = logging.getLogger(__name__)

_lock = threading.Lock()
# source text -> its code, marshalled: unmarshalled when a class asks (a file of ~700 methods
# reads in 0.3 ms so, 2 ms as code objects); PySide's modules are keyed by bytes (_pyside_key)
_loaded: dict[str | bytes, bytes] = {}
_used: dict[str | bytes, bytes] = {}
_compiled = False  # something this run compiled that the file does not hold
_recording = True  # until the first screen is up (started())


def cache_path() -> str | None:
    """Beside this module's bytecode; None where this interpreter keeps no bytecode."""
    try:
        pyc = importlib.util.cache_from_source(__file__)
    except (NotImplementedError, TypeError):  # no cache tag or no file: no bytecode kept either
        return None
    return pyc.removesuffix(".pyc") + ".code"


def _exec(source: str, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None) -> None:
    """dataclasses' `exec(txt, globals, ns)`, compiling each text once."""
    # dont_inherit: compiled as exec() in dataclasses.py would, without this module's
    # `from __future__ import annotations`
    code = _cached(source, lambda: compile(source, "<string>", "exec", dont_inherit=True))
    builtins.exec(code, globals, locals)


def _cached(key: str | bytes, compile_it: Callable[[], CodeType]) -> CodeType:
    """The code kept for `key`, else what compile_it() makes (kept while the start-up records)."""
    global _compiled
    kept = _used.get(key) or _loaded.get(key)
    code = _unmarshal(kept) if kept is not None else None
    if code is None:
        code = compile_it()
        if _recording:
            kept = marshal.dumps(code)
            _compiled = True
    if _recording and kept is not None:
        with _lock:
            _used[key] = kept
    return code


def _unmarshal(data: bytes) -> CodeType | None:
    try:
        code = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def _read(path: str) -> dict[str | bytes, bytes]:
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
        log.warning("the code cache %s is unreadable; compiling instead", path)
        return {}
    if not isinstance(codes, dict) or not all(
        isinstance(k, str | bytes) and isinstance(v, bytes) for k, v in codes.items()
    ):
        return {}
    return codes


def install() -> None:
    """Read the cache, have dataclasses compile through it (dataclasses looks `exec` up in its
    module before the builtins), and shiboken6's import compile PySide's support through it."""
    if getattr(dataclasses, "exec", None) is _exec:
        return
    path = cache_path()
    if path is not None:
        _loaded.update(_read(path))
    setattr(dataclasses, "exec", _exec)  # noqa: B010 (mypy: the module does not declare it)
    if "shiboken6" not in sys.modules:
        sys.meta_path.insert(0, _ShibokenFinder)


# ---- PySide's support modules ----

# compile()'s flags a compile inherits from its caller's code: the __future__ features'
# (PyCF_MASK; nested_scopes is CO_NESTED, which the interpreter does not pass on)
_FUTURE_FLAGS = 0
for _name in __future__.all_feature_names:
    if _name != "nested_scopes":
        _FUTURE_FLAGS |= getattr(__future__, _name).compiler_flag
# the sources shiboken6 compiles at its import: its bootstrap, then the package it unpacks
_PYSIDE_FILES = ("signature_bootstrap.py", "shibokensupport/")
_real_compile = builtins.compile  # the compile() in place when shiboken6's import began


def _pyside_compile(
    source: Any,
    filename: Any,
    mode: str,
    flags: int = 0,
    dont_inherit: bool = False,
    optimize: int = -1,
    **rest: Any,
) -> Any:
    """builtins.compile while shiboken6 is imported: PySide's sources through the cache, any
    other compile as it was asked for. A wrapper is the frame compile() would inherit __future__
    flags from, so the caller's are passed on explicitly."""
    if not dont_inherit:
        flags |= sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS
    if (
        rest
        or mode != "exec"
        or flags & ~_FUTURE_FLAGS  # an AST wanted, say: nothing marshal could keep
        or not isinstance(source, bytes)
        or not isinstance(filename, str)
        or not filename.startswith(_PYSIDE_FILES)
    ):
        return _real_compile(source, filename, mode, flags, True, optimize, **rest)
    key = b"%d %d %s\0" % (flags, optimize, filename.encode()) + source
    return _cached(key, lambda: _real_compile(source, filename, mode, flags, True, optimize))


class _Compiling:
    """shiboken6's own loader, run with builtins.compile routed through the cache."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def __getattr__(self, name: str) -> Any:  # create_module, get_source, is_package, ...
        return getattr(self.loader, name)

    def exec_module(self, module: ModuleType) -> None:
        global _real_compile
        _real_compile = builtins.compile
        builtins.compile = _pyside_compile
        try:
            self.loader.exec_module(module)
        finally:
            if builtins.compile is _pyside_compile:  # not if something replaced it meanwhile
                builtins.compile = _real_compile
            # the module is the loader's own from here on, as if found without us
            module.__loader__ = self.loader
            if module.__spec__ is not None:
                module.__spec__.loader = self.loader
        # imported: nothing more to do (a failed import leaves the finder for the next try)
        if _ShibokenFinder in sys.meta_path:
            sys.meta_path.remove(_ShibokenFinder)


class _ShibokenFinder:
    """On sys.meta_path until shiboken6 is imported: its spec, with its loader run by _Compiling."""

    @classmethod
    def find_spec(cls, name: str, path: Sequence[str] | None = None, target: Any = None) -> ModuleSpec | None:
        if name != "shiboken6":
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None) if finder is not cls else None
            spec = find(name, path, target) if find is not None else None
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _Compiling(spec.loader)
                return spec
        return None


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
        log.info("code cache not written: %s", e.strerror)
