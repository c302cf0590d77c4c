"""make bundle: the bundle's demo run must have written a code cache holding both the start-up's
dataclass methods and PySide's support modules (core/code_cache.py); without the second, the
runtime hook that installs the cache before PyInstaller's PySide6 hook did not run."""

from __future__ import annotations

import importlib.util
import marshal
import sys
from pathlib import Path


def main(folder: str) -> int:
    found = sorted(Path(folder).glob("code_cache.*.code"))
    if not found:
        print(f"the demo run wrote no code cache into the bundle ({folder})", file=sys.stderr)
        return 1
    data = found[0].read_bytes()
    codes = marshal.loads(data[len(importlib.util.MAGIC_NUMBER) :])
    pyside = sum(isinstance(k, bytes) for k in codes)
    methods = sum(isinstance(k, str) for k in codes)
    size = len(data) // 1024
    print(f"code cache: {methods} dataclass methods, {pyside} PySide support modules, {size} KiB")
    if not pyside or not methods:
        print("the bundle's code cache lacks PySide's support modules or the dataclasses", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
