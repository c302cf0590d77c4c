"""A persistent home for python-escpos's parsed printer capabilities.

python-escpos parses its capabilities file (~0.1 s) on import unless it finds the pickle it wrote
last time in ESCPOS_CAPABILITIES_PICKLE_DIR; without that variable the pickle goes to a fresh
temporary folder, so every start parses again and leaves one more folder behind. Its import calls
mkdtemp() even when the variable is set (the default argument is evaluated anyway), so the import
runs here with mkdtemp answering with the cache folder: nothing is left behind.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from pathlib import Path

ENV = "ESCPOS_CAPABILITIES_PICKLE_DIR"
_lock = threading.Lock()


def use_cache(folder: Path) -> Path:
    """Import python-escpos's capabilities with their pickle in `folder` (unless the environment
    already names one); call before anything imports escpos. Returns the folder in use."""
    with _lock:
        cache = Path(os.environ.setdefault(ENV, str(folder)))
        # made even when escpos is already imported here: the variable goes to child processes
        # (the printer's command line), and python-escpos fails on a folder that is not there
        cache.mkdir(parents=True, exist_ok=True)
        if "escpos.capabilities" in sys.modules:
            return cache
        real = tempfile.mkdtemp
        tempfile.mkdtemp = lambda *_a, **_k: str(cache)  # type: ignore[assignment]
        try:
            import escpos.capabilities  # noqa: F401
        finally:
            tempfile.mkdtemp = real
        return cache
