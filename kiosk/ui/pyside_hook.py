"""A cheaper test for PySide6's import hook, installed before the screens are imported.

PySide6 asks, at every `import` statement run after it is loaded, whether the imported module
uses PySide (to scope `from __feature__ import ...`) and answers with `"PySide6" in
inspect.getsource(module)`: tokenize, linecache and a join of every line, for each module the
first time an import statement names it, `typing`, `threading` and `collections` included. Run
from source, that was 50 modules and about 8 ms before the first paint. The same question is
answered here from the file's bytes; anything that is not a plain `.py` file (built-in and
extension modules, zip imports), and a file declaring another encoding than UTF-8, still goes to
PySide's own test. A PyInstaller bundle keeps no source (a module's `__file__` names a `.py`
that is not there), so PySide's test fails fast there and this one is not installed.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from types import ModuleType

import PySide6  # noqa: F401  (loads shibokensupport, whose hook this replaces)

# PEP 263: a coding declaration in the first two lines (compiled at the first file that has
# "coding" there: the kiosk's modules do not, and a compile costs ~1 M instructions)
_CODING = rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)"


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """PySide's own answer, `"PySide6" in inspect.getsource(module)`, for a source module."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return fallback(module)
    try:
        with open(path, "rb") as source:
            data = source.read()
    except OSError:
        return fallback(module)
    if b"PySide6" not in data:
        return False  # ASCII-compatible source: no such bytes, no such text
    head = b"\n".join(data.split(b"\n", 2)[:2])
    declared = re.search(_CODING, head, re.MULTILINE) if b"coding" in head else None
    if declared is not None and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return fallback(module)  # in gbk or big5, the bytes may sit inside a two-byte character
    return True


def install() -> bool:
    """False (nothing changed) when this PySide6 has no such hook, or in a bundle."""
    if getattr(sys, "frozen", False):
        return False
    try:
        import shibokensupport.feature as feature  # type: ignore[import-not-found]
    except ImportError:
        return False
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "__wrapped__", None) is not None:
        return original is not None

    def cheaper(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    cheaper.__wrapped__ = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = cheaper
    return True
