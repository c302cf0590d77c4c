"""Dependencies point one way: kiosk -> flows -> backends, hall -> devices -> core."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("core", "devices", "hall", "backends", "flows", "kiosk")
# what each package may import of the project's own packages (besides itself)
ALLOWED = {
    "core": set(),
    "devices": {"core"},
    "backends": {"core", "devices"},
    "hall": {"core", "devices", "backends"},
    "flows": {"core", "devices", "backends", "hall"},
    "kiosk": {"core", "devices", "backends", "hall", "flows"},
}
QT_ONLY_IN = ("kiosk/ui",)


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("package", PACKAGES)
def test_a_package_imports_only_what_is_below_it(package):
    wrong = []
    for path in sorted((ROOT / package).rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for name in imports(path):
            top = name.split(".")[0]
            if top in PACKAGES and top != package and top not in ALLOWED[package]:
                wrong.append(f"{rel} imports {name}")
            if top == "PySide6" and not rel.startswith(QT_ONLY_IN):
                wrong.append(f"{rel} imports Qt ({name})")
    assert not wrong, "\n".join(wrong)
