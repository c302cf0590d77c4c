"""PySide's import hook asks whether each newly imported module uses PySide; the kiosk answers
from the file's bytes (kiosk.ui.pyside_hook) instead of PySide's inspect.getsource. The answers
must stay PySide's: a wrong True would put a module under `__feature__` switches it never asked
for, a wrong False would take them away."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import kiosk.ui  # noqa: F401  (installs the hook)
from kiosk.ui import pyside_hook

ROOT = Path(__file__).resolve().parents[2]
feature = importlib.import_module("shibokensupport.feature")


def pyside_own(module: object) -> bool:
    return feature._mod_uses_pyside.__wrapped__(module)


@pytest.mark.parametrize(
    "name",
    [
        "kiosk.ui.shell",  # ours, uses PySide
        "kiosk.home",  # ours, no Qt
        "typing",  # a large stdlib module
        "json",  # a package (__init__.py)
        "sys",  # built in: no file
        "_json",  # extension module
        "PySide6.QtCore",  # extension module of PySide itself
        "PySide6",  # PySide's package, which names itself
    ],
)
def test_the_cheaper_test_gives_pysides_answer(name: str) -> None:
    module = importlib.import_module(name)
    assert pyside_hook.uses_pyside(module, pyside_own) == pyside_own(module)


def test_answers_for_every_loaded_source_module_match() -> None:
    modules = [m for m in list(sys.modules.values()) if str(getattr(m, "__file__", "")).endswith(".py")]
    assert len(modules) > 100
    differ = [m.__name__ for m in modules if pyside_hook.uses_pyside(m, pyside_own) != pyside_own(m)]
    assert differ == []


def test_a_module_whose_file_is_gone_falls_back_to_pysides_answer(tmp_path: Path) -> None:
    gone = type(sys)("gone_module")
    gone.__file__ = str(tmp_path / "gone_module.py")
    asked = []
    assert pyside_hook.uses_pyside(gone, lambda m: asked.append(m) or False) is False
    assert asked == [gone]


def test_importing_the_ui_installs_it_once_and_pyside_uses_it() -> None:
    code = (
        "import kiosk.ui, shibokensupport.feature as f\n"
        "from kiosk.ui import pyside_hook\n"
        "assert pyside_hook.install()\n"  # a second install keeps the first
        "assert f._mod_uses_pyside.__wrapped__.__name__ == '_mod_uses_pyside'\n"
        "from kiosk.ui.theme import FONT_PX\nfrom kiosk.home import Tile\n"
        "print(f.pyside_feature_dict['kiosk.ui.theme'], f.pyside_feature_dict['kiosk.home'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    # 0: the module uses PySide (default features); -1: ignored by the feature machinery
    assert out.stdout.split() == ["0", "-1"]
