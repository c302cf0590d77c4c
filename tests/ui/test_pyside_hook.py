"""PySide's import hook asks whether each newly imported module uses PySide; the kiosk answers
from the file's bytes (kiosk.ui.pyside_hook) instead of PySide's inspect.getsource. The answers
must stay PySide's: a wrong True would put a module under `__feature__` switches it never asked
for, a wrong False would take them away."""

from __future__ import annotations

import importlib
import subprocess
import sys
import zipfile
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
    gone.__file__ = str(tmp_path / "gone_module.py")  # a bundle's module: no source beside it
    asked: list[object] = []

    def pysides(module: object) -> bool:
        asked.append(module)
        return False

    assert pyside_hook.uses_pyside(gone, pysides) is False
    assert asked == [gone]


def test_zip_imports_and_other_encodings_get_pysides_answer(tmp_path: Path, monkeypatch) -> None:
    """A module in a zip archive has no file to read; in a GBK file the bytes of "PySide6" may be
    the tail of a two-byte character (here 0x81 'P'), which PySide's decoded text does not hold."""
    with zipfile.ZipFile(tmp_path / "mods.zip", "w") as z:
        z.writestr("zipped_uses.py", "import PySide6\n")
    (tmp_path / "gbk_mod.py").write_bytes(b"# -*- coding: gbk -*-\nX = '\x81PySide6'\n")
    (tmp_path / "utf8_mod.py").write_bytes("# coding: utf-8\nX = '政务 PySide6'\n".encode())
    monkeypatch.syspath_prepend(str(tmp_path / "mods.zip"))
    monkeypatch.syspath_prepend(str(tmp_path))
    for name, expected in (("zipped_uses", True), ("gbk_mod", False), ("utf8_mod", True)):
        module = importlib.import_module(name)
        assert pyside_own(module) is expected, name
        assert pyside_hook.uses_pyside(module, pyside_own) is expected, name


def test_importing_the_ui_installs_it_once_and_pyside_uses_it() -> None:
    code = (
        "import kiosk.ui, shibokensupport.feature as f\n"
        "from kiosk.ui import pyside_hook\n"
        "assert pyside_hook.install()\n"  # a second install keeps the first
        "assert f._mod_uses_pyside.__wrapped__.__name__ == '_mod_uses_pyside'\n"
        "asked = []\n"
        "real = pyside_hook.uses_pyside\n"
        "pyside_hook.uses_pyside = lambda m, fallback: asked.append(m.__name__) or real(m, fallback)\n"
        "from kiosk.ui.theme import FONT_PX\nfrom kiosk.home import Tile\n"
        "print(sorted(set(asked) & {'kiosk.ui.theme', 'kiosk.home'}))\n"
        "print(f.pyside_feature_dict['kiosk.ui.theme'], f.pyside_feature_dict['kiosk.home'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    asked, answers = out.stdout.splitlines()
    assert asked == "['kiosk.home', 'kiosk.ui.theme']"  # PySide asked ours, not its own
    # 0: the module uses PySide (default features); -1: ignored by the feature machinery
    assert answers.split() == ["0", "-1"]


def test_a_bundle_keeps_pysides_own_test() -> None:
    code = (
        "import sys; sys.frozen = True\n"
        "import kiosk.ui, shibokensupport.feature as f\n"
        "print(getattr(f._mod_uses_pyside, '__wrapped__', None) is None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True"]
