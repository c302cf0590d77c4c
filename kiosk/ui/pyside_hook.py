"""A cheaper test for PySide6's import hook, installed before the screens are imported.

PySide6 asks, at every `import` statement run after it is loaded, whether the imported module
uses PySide (to scope `from __feature__ import ...`) and answers with `"PySide6" in
inspect.getsource(module)`: tokenize, linecache and a join of every line, for each module the
first time an import statement names it, `typing`, `threading` and `collections` included. At
start-up that was 50 modules and about 8 ms before the first paint. The same question is
answered here from the file's bytes; anything that is not a plain `.py` file (built-in and
extension modules, zip imports) still goes to PySide's own test.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import PySide6  # noqa: F401  (loads shibokensupport, whose hook this replaces)


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """PySide's own answer, `"PySide6" in inspect.getsource(module)`, for a source module."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return fallback(module)
    try:
        with open(path, "rb") as source:
            # the name is ASCII: the same bytes in any source encoding Python accepts by default
            return b"PySide6" in source.read()
    except OSError:
        return fallback(module)


def install() -> bool:
    """False (nothing changed) when this PySide6 has no such hook."""
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
