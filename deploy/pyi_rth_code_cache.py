"""PyInstaller runtime hook (kiosk.spec): the code cache is installed before PyInstaller's own
PySide6 hook, which imports PySide6.QtCore before run_kiosk.py runs, so that import too takes
PySide's support modules compiled from the cache (core/code_cache.py). Custom hooks run first."""

from core import code_cache

code_cache.install()
