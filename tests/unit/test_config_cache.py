"""The parsed config kept between starts (kiosk/config_cache.py): an edit of the file is read at
the next start however small it is, a start with the same file does not parse it again, and a
damaged, foreign or unwritable cache costs only a parse."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import config_cache
from kiosk.config import ConfigError, load

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("CACHE_DIRECTORY", raising=False)
    return tmp_path / "cache" / "gov-kiosk" / config_cache.CACHE_NAME


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_an_edit_is_read_at_the_next_start_even_with_the_same_size_and_time(tmp_path, cache):
    path = write(tmp_path / "kiosk.toml", '[kiosk]\nkiosk_id = "K01"\n')
    assert load(path)["kiosk"]["kiosk_id"] == "K01"
    assert cache.exists()
    stamp = path.stat().st_mtime_ns
    write(path, '[kiosk]\nkiosk_id = "K02"\n')
    os.utime(path, ns=(stamp, stamp))  # an edit a time stamp would not show
    assert load(path)["kiosk"]["kiosk_id"] == "K02"


def test_a_start_with_the_same_file_does_not_parse_it(tmp_path, cache):
    path = write(tmp_path / "kiosk.toml", '[kiosk]\nhall_name = "测试大厅"\nidle_timeout = 90\n')
    program = (
        "import sys; from pathlib import Path; from kiosk.config import load\n"
        "c = load(Path(sys.argv[1]))\n"
        "print(c['kiosk']['hall_name'], c['kiosk']['idle_timeout'], 'tomllib' in sys.modules)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache.parents[1])}

    def start() -> str:
        argv = [sys.executable, "-c", program, str(path)]
        run = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True)
        assert run.returncode == 0, run.stderr.decode()
        return run.stdout.decode().strip()

    assert start() == "测试大厅 90 True"  # the first start parses and keeps
    assert start() == "测试大厅 90 False"


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"\xe3" * 100])
def test_a_damaged_cache_is_parsed_over(tmp_path, cache, damage):
    path = write(tmp_path / "kiosk.toml", "[kiosk]\nidle_timeout = 90\n")
    cache.parent.mkdir(parents=True)
    cache.write_bytes(damage)
    assert load(path)["kiosk"]["idle_timeout"] == 90
    assert load(path)["kiosk"]["idle_timeout"] == 90  # and the cache written over it serves


def test_an_unwritable_cache_folder_still_loads(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("CACHE_DIRECTORY", str(blocked / "sub"))
    path = write(tmp_path / "kiosk.toml", "[kiosk]\nidle_timeout = 90\n")
    assert load(path)["kiosk"]["idle_timeout"] == 90
    assert set(tmp_path.iterdir()) == {blocked, path}  # no temporary file left behind


def test_the_cache_is_private_and_holds_no_other_file(tmp_path, cache):
    load(write(tmp_path / "a.toml", '[kiosk]\nkiosk_id = "KA"\n'))
    load(write(tmp_path / "b.toml", '[kiosk]\nkiosk_id = "KB"\n'))
    assert [p.name for p in cache.parent.iterdir()] == [cache.name]
    assert cache.stat().st_mode & 0o077 == 0
    assert load(tmp_path / "a.toml")["kiosk"]["kiosk_id"] == "KA"


def test_a_toml_date_is_parsed_at_every_start_and_still_checked(tmp_path, cache):
    path = write(tmp_path / "kiosk.toml", "[kiosk]\nhall_name = 2026-01-05\n")
    with pytest.raises(ConfigError, match="hall_name"):
        load(path)
    assert not cache.exists()  # marshal keeps no dates: nothing kept, nothing wrong


def test_bad_files_say_what_is_wrong_with_a_cache_present(tmp_path, cache):
    load(write(tmp_path / "good.toml", "[kiosk]\nidle_timeout = 90\n"))
    with pytest.raises(ConfigError, match="is not valid TOML"):
        load(write(tmp_path / "bad.toml", "[kiosk\n"))
    bad = tmp_path / "latin1.toml"
    bad.write_bytes('[kiosk]\nhall_name = "caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(ConfigError, match="is not UTF-8 text"):
        load(bad)
    with pytest.raises(ConfigError, match="does not exist"):
        load(tmp_path / "missing.toml")
    bom = tmp_path / "bom.toml"
    bom.write_bytes(b"\xef\xbb\xbf[kiosk]\nidle_timeout = 91\n")
    assert load(bom)["kiosk"]["idle_timeout"] == 91
    assert load(bom)["kiosk"]["idle_timeout"] == 91
