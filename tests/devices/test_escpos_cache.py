"""python-escpos's capabilities pickle lives in one persistent folder: a start leaves no
temporary folder behind, and the next start reuses the pickle instead of parsing again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IMPORT = (
    "import sys; from pathlib import Path; from devices.printer.escpos_cache import use_cache; "
    "use_cache(Path(sys.argv[1]))"
)


def start(tmp: Path, cache: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "ESCPOS_CAPABILITIES_PICKLE_DIR"}
    env.update(TMPDIR=str(tmp), PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", IMPORT, str(cache)], check=True, env=env, timeout=120)


def test_capabilities_pickle_is_reused_and_no_temp_folder_leaks(tmp_path: Path) -> None:
    tmp, cache = tmp_path / "tmp", tmp_path / "run" / "escpos"
    tmp.mkdir()
    start(tmp, cache)
    (pickle,) = cache.iterdir()
    written = pickle.stat().st_mtime_ns
    start(tmp, cache)
    assert pickle.stat().st_mtime_ns == written  # loaded, not parsed and written again
    assert list(tmp.iterdir()) == []  # no folder per start


def test_a_child_process_finds_the_folder_even_when_escpos_was_imported_first(tmp_path: Path) -> None:
    """The variable goes to child processes (the printer's command line): the folder it names
    exists even when this process had imported python-escpos before (it crashed on a missing one)."""
    cache = tmp_path / "run" / "escpos"
    code = (
        "import escpos.capabilities, subprocess, sys; " + IMPORT + "; "
        "subprocess.run([sys.executable, '-c', 'import escpos.capabilities'], check=True)"
    )
    env = {k: v for k, v in os.environ.items() if k != "ESCPOS_CAPABILITIES_PICKLE_DIR"}
    env.update(TMPDIR=str(tmp_path), PYTHONPATH=str(ROOT))
    run = subprocess.run(
        [sys.executable, "-c", code, str(cache)], capture_output=True, text=True, env=env, timeout=120
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert cache.is_dir()
