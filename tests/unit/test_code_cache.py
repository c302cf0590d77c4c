"""The code cache (core/code_cache.py): the second start compiles no dataclass method and none of
PySide's support modules, and its classes and PySide behave exactly as compiled ones; a damaged
or foreign cache is compiled over, and PySide's modules kept for another text are not used; a
machine that keeps no bytecode gets no cache file either, but a bundle (which never writes
bytecode) has its cache written by its build's run."""

from __future__ import annotations
import __future__

import ast
import importlib.util
import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core import code_cache

ROOT = Path(__file__).resolve().parents[2]

# a start of its own: dataclasses defined after install(), as run_kiosk.py orders them
PROGRAM = """
import dataclasses, json, sys
sys.path.insert(0, {root!r})
if {frozen!r}:
    sys.frozen = True  # as PyInstaller's bootloader marks a bundle
compiled = []
# counted by the audit hook: a wrapper around compile() would be the frame compile() inherits
# its __future__ flags from, and hide the cache getting them wrong
def count(event, args):
    if event == "compile" and args[1] == "<string>":
        compiled.append(args[0])
sys.addaudithook(count)
from core import code_cache
code_cache.install()
from dataclasses import dataclass, field

@dataclass(frozen=True)
class Ticket:
    number: str
    ahead: int = 0
    lanes: tuple[str, ...] = field(default_factory=tuple)

if {started!r}:
    code_cache.started()  # the first screen is up: what follows is not a start's

@dataclass
class Counter:
    name: str
    open: bool = True

t = Ticket("A001", 3)
c = Counter("3")
c.open = False
try:
    t.ahead = 4
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
import typing
print(json.dumps({{
    "compiled": sum("__create_fn__" in str(s) for s in compiled),
    # real types, not the strings a `from __future__ import annotations` compile would leave
    "annotations": repr(typing.get_type_hints(Ticket.__init__)) + repr(Counter.__init__.__annotations__),
    "repr": repr(t) + " " + repr(c),
    "equal": t == Ticket("A001", 3, ()) and t != Ticket("A002", 3),
    "hash": hash(t) == hash(Ticket("A001", 3)),
    "frozen": frozen,
    "default_factory_fresh": Ticket("B").lanes == () and Counter("1").open,
}}))
code_cache.save()
"""


def start(
    pycache: Path, *, keep_bytecode: bool = True, frozen: bool = False, started: bool = False
) -> dict[str, object]:
    more = {} if keep_bytecode else {"PYTHONDONTWRITEBYTECODE": "1"}
    return run_start(PROGRAM.format(root=str(ROOT), frozen=frozen, started=started), pycache, more)


def run_start(program: str, pycache: Path, more: dict[str, str]) -> dict[str, object]:
    """`program` as a start of its own, its bytecode (and so the cache) under `pycache`; what
    it printed as JSON."""
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(pycache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        env={**env, **more},
        timeout=120,
        check=True,
    )
    result: dict[str, object] = json.loads(out.stdout)
    return result


def cache_file(pycache: Path) -> Path:
    found = list(pycache.rglob("*.code"))
    assert len(found) <= 1
    return found[0] if found else pycache / "none"


EXPECTED = {
    "annotations": "{'number': <class 'str'>, 'ahead': <class 'int'>, 'lanes': tuple[str, ...], "
    "'return': <class 'NoneType'>}{'name': <class 'str'>, 'open': <class 'bool'>, 'return': None}",
    "repr": "Ticket(number='A001', ahead=3, lanes=()) Counter(name='3', open=False)",
    "equal": True,
    "hash": True,
    "frozen": True,
    "default_factory_fresh": True,
}


def test_the_second_start_compiles_no_dataclass_method_and_its_classes_behave_the_same(tmp_path):
    first = start(tmp_path)
    assert first["compiled"] >= 6  # two classes: __init__, __repr__, __eq__, __hash__, frozen setters
    assert cache_file(tmp_path).is_file()
    second = start(tmp_path)
    assert second["compiled"] == 0
    assert {k: second[k] for k in EXPECTED} == EXPECTED
    assert {k: first[k] for k in EXPECTED} == EXPECTED


def test_a_damaged_or_foreign_cache_is_compiled_over(tmp_path):
    start(tmp_path)
    cache = cache_file(tmp_path)
    good = cache.read_bytes()
    for bad in (good[:-40], b"\x00\x01\x02\x03" + good[4:], b""):
        cache.write_bytes(bad)
        result = start(tmp_path)
        assert result["compiled"] >= 6
        assert {k: result[k] for k in EXPECTED} == EXPECTED
        assert start(tmp_path)["compiled"] == 0  # written afresh by the start before


def test_no_cache_is_written_where_no_bytecode_is_kept(tmp_path):
    result = start(tmp_path, keep_bytecode=False)
    assert {k: result[k] for k in EXPECTED} == EXPECTED
    assert not cache_file(tmp_path).exists()


def test_a_bundle_writes_its_cache_although_it_keeps_no_bytecode(tmp_path):
    """PyInstaller's bundles run with bytecode writing off: make bundle's demo run writes the
    cache the installed kiosk then reads."""
    start(tmp_path, keep_bytecode=False, frozen=True)
    assert cache_file(tmp_path).is_file()
    assert start(tmp_path, keep_bytecode=False, frozen=True)["compiled"] == 0


def test_classes_defined_after_the_first_screen_are_not_kept(tmp_path):
    """A journey's or a demo's classes would grow the file every start reads (a demo run
    defines ~700 methods): only the start-up's are kept."""
    start(tmp_path, started=True)
    again = start(tmp_path, started=True)
    assert 3 <= again["compiled"] <= 4  # Counter's __init__, __repr__, __eq__ (Ticket's kept)
    assert {k: again[k] for k in EXPECTED} == EXPECTED


# shiboken6 compiles PySide's support modules from source at its import
PYSIDE_PROGRAM = """
import json, sys
sys.path.insert(0, {root!r})
compiled = []
def count(event, args):
    if event == "compile" and str(args[1]).startswith(("signature_bootstrap.py", "shibokensupport/")):
        compiled.append(args[1])
sys.addaudithook(count)
from core import code_cache
code_cache.install()
import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget()
w.setWindowTitle("t")
try:
    w.setWindowTitle(5)
except TypeError as e:  # the message PySide's support builds from the signatures
    signature = str(e).splitlines()[-1].strip()
from __feature__ import snake_case  # PySide's feature switch, one of the support modules
print(json.dumps({{
    "compiled": len(compiled),
    "signature": signature,
    "enum": repr(Qt.AlignmentFlag.AlignCenter),
    "snake_case": w.window_title(),
    "loader": type(shiboken6.__loader__).__name__ + " " + type(shiboken6.__spec__.loader).__name__,
}}))
code_cache.save()
"""
PYSIDE_EXPECTED = {
    "signature": "PySide6.QtWidgets.QWidget.setWindowTitle(arg__1: str, /)",
    "enum": "<AlignmentFlag.AlignCenter: 132>",
    "snake_case": "t",
    "loader": "SourceFileLoader SourceFileLoader",
}


def start_pyside(pycache: Path) -> dict[str, object]:
    return run_start(PYSIDE_PROGRAM.format(root=str(ROOT)), pycache, {"QT_QPA_PLATFORM": "offscreen"})


def test_the_second_start_compiles_none_of_pysides_support_and_pyside_works_the_same(tmp_path):
    first = start_pyside(tmp_path)
    assert first["compiled"] >= 10  # the bootstrap and the modules it unpacks
    second = start_pyside(tmp_path)
    assert second["compiled"] == 0
    assert {k: second[k] for k in PYSIDE_EXPECTED} == PYSIDE_EXPECTED
    assert {k: first[k] for k in PYSIDE_EXPECTED} == PYSIDE_EXPECTED


def test_pysides_support_kept_for_another_text_is_not_used(tmp_path):
    """A cache full of PySide modules kept for other texts (another PySide's) is compiled over,
    not run: each kept module is replaced here by code that would end the start."""
    start_pyside(tmp_path)
    cache = cache_file(tmp_path)
    codes = marshal.loads(cache.read_bytes()[len(importlib.util.MAGIC_NUMBER) :])
    trap = marshal.dumps(compile("raise SystemExit(3)", "trap", "exec"))
    pyside = [k for k in codes if isinstance(k, bytes)]
    assert pyside
    for key in pyside:
        del codes[key]
        codes[key + b"\n# another version\n"] = trap
    cache.write_bytes(importlib.util.MAGIC_NUMBER + marshal.dumps(codes))
    again = start_pyside(tmp_path)
    assert again["compiled"] >= 10
    assert {k: again[k] for k in PYSIDE_EXPECTED} == PYSIDE_EXPECTED


ANNOTATIONS = __future__.annotations.compiler_flag


def run(code: object) -> dict[str, object]:
    names: dict[str, object] = {}
    exec(code, names)  # type: ignore[arg-type]
    return names


def test_a_pyside_module_of_the_same_name_with_another_text_or_flags_gets_its_own_code():
    """The key is the text and the flags, not the name: an upgraded PySide's module never runs
    the last version's code."""
    name = "shibokensupport/kept_by_text.py"
    assert run(code_cache._pyside_compile(b"x = 1", name, "exec"))["x"] == 1
    assert run(code_cache._pyside_compile(b"x = 2", name, "exec"))["x"] == 2
    annotated = b"x: undefined_name = 1"
    run(code_cache._pyside_compile(annotated, name, "exec", ANNOTATIONS, True))  # kept as a string
    with pytest.raises(NameError):  # evaluated: compiled without the flag, not served the above
        run(code_cache._pyside_compile(annotated, name, "exec", 0, True))


def test_a_compile_passed_through_keeps_its_callers_future_flags():
    """While shiboken6 is imported every compile() goes through the cache's wrapper; one that is
    not PySide's must compile as if called directly, with its caller's __future__ flags (the
    wrapper's module has `annotations`, which must not leak into a caller without it)."""
    source = "x: undefined_name = 1"
    run(code_cache._pyside_compile(source, "<t>", "exec"))  # this module has `annotations`
    caller = compile("code = pyside_compile(source, '<t>', 'exec')", "<caller>", "exec", dont_inherit=True)
    names = {"pyside_compile": code_cache._pyside_compile, "source": source}
    exec(caller, names)
    with pytest.raises(NameError):  # compiled as its caller, without `annotations`, would
        run(names["code"])
    tree = code_cache._pyside_compile(b"x = 1", "shibokensupport/t.py", "exec", ast.PyCF_ONLY_AST)
    assert isinstance(tree, ast.Module)  # an AST asked for is not a code to keep
