"""The checked config kept between starts (kiosk/config_cache.py): an edit of the file, or of the
code that checks it, is read at the next start however small it is; a start with the same file
and code neither parses nor checks it again (nor imports the sections' modules); a damaged,
foreign or unwritable cache costs only a read."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kiosk import config as kconfig
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


def test_a_start_with_the_same_file_does_not_read_it_again(tmp_path, cache):
    path = write(tmp_path / "kiosk.toml", '[kiosk]\nhall_name = "测试大厅"\nidle_timeout = 90\n')
    program = (
        "import sys; from pathlib import Path; from kiosk.config import load\n"
        "c = load(Path(sys.argv[1]))\n"
        "read = [m in sys.modules for m in ('tomllib', 'hall.queue.settings', 'devices.printer')]\n"
        "print(c['kiosk']['hall_name'], c['kiosk']['idle_timeout'], c.device('printer')['driver'], read)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache.parents[1])}

    def start() -> str:
        argv = [sys.executable, "-c", program, str(path)]
        run = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True)
        assert run.returncode == 0, run.stderr.decode()
        return run.stdout.decode().strip()

    assert start() == "测试大厅 90 escpos [True, True, True]"  # the first start reads and keeps
    assert start() == "测试大厅 90 escpos [False, False, False]"


def test_a_time_zone_gone_from_the_system_since_the_check_is_reported_as_the_files_error(tmp_path, cache):
    """The zone's check asks the tz database, which can change without the file or the code: a
    kept value naming a zone the system no longer has is checked again and refused with the
    file's error, as run_kiosk.py reports it, not a crash at the window's clock."""
    zones = tmp_path / "zones"
    (zones / "Hall").mkdir(parents=True)
    (zones / "Hall" / "Test").write_bytes(Path("/usr/share/zoneinfo/Asia/Shanghai").read_bytes())
    path = write(tmp_path / "kiosk.toml", '[kiosk]\ntimezone = "Hall/Test"\n')
    env = {**os.environ, "XDG_CACHE_HOME": str(cache.parents[1]), "PYTHONTZPATH": str(zones)}
    argv = [sys.executable, str(ROOT / "run_kiosk.py"), "--config", str(path), "--print-config"]

    def start() -> subprocess.CompletedProcess[str]:
        return subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)

    first = start()
    assert first.returncode == 0 and 'timezone = "Hall/Test"' in first.stdout, first.stderr
    assert cache.exists()
    (zones / "Hall" / "Test").unlink()  # tzdata updated: the zone is gone
    gone = start()
    assert gone.returncode == 2
    assert "[kiosk].timezone = 'Hall/Test' is not allowed: expected an IANA time zone name" in gone.stderr


def test_a_change_of_the_checking_code_has_the_file_checked_again(tmp_path, cache, monkeypatch):
    module = tmp_path / "schema_part.py"  # stands for a module of the schema
    module.write_text("LIMIT = 900\n")
    files = config_cache.code_files
    monkeypatch.setattr(config_cache, "code_files", lambda: [*files(), str(module)])
    path = write(tmp_path / "kiosk.toml", "[kiosk]\nidle_timeout = 5\n")
    with pytest.raises(ConfigError):
        load(path)  # not allowed: nothing kept
    checks = []
    real = kconfig._checked
    monkeypatch.setattr(kconfig, "_checked", lambda *a: checks.append(1) or real(*a))
    path = write(tmp_path / "kiosk.toml", "[kiosk]\nidle_timeout = 90\n")
    load(path)
    load(path)
    assert len(checks) == 1  # kept
    module.write_text("LIMIT = 9000\n")  # same time stamp or not: its size differs
    load(path)
    assert len(checks) == 2


def test_the_code_kept_with_the_values_is_the_schemas(tmp_path):
    """In a start of its own: the modules that declare sections and check values are among those
    the cache compares at the next start."""
    program = (
        "import sys; from pathlib import Path; from kiosk.config import load\n"
        "from kiosk import config_cache\n"
        "load(Path(sys.argv[1]))\n"
        "root = config_cache.SOURCE_ROOT\n"
        "print(' '.join(f[len(root) + 1:] for f in config_cache.code_files()))\n"
    )
    path = write(tmp_path / "kiosk.toml", "[kiosk]\nidle_timeout = 90\n")
    run = subprocess.run([sys.executable, "-c", program, str(path)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    files = set(run.stdout.split())
    for f in (
        "kiosk/config.py",
        "core/schema.py",
        "hall/queue/services.py",
        "hall/queue/settings.py",
        "devices/printer/__init__.py",
        "flows/reissue_settings.py",
        "kiosk/maintenance/settings.py",
    ):
        assert f in files


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"\xe3" * 100])
def test_a_damaged_cache_is_parsed_over(tmp_path, cache, damage):
    path = write(tmp_path / "kiosk.toml", "[kiosk]\nidle_timeout = 90\n")
    cache.parent.mkdir(parents=True)
    cache.write_bytes(damage)
    assert load(path)["kiosk"]["idle_timeout"] == 90
    assert load(path)["kiosk"]["idle_timeout"] == 90  # and the cache written over it serves


@pytest.mark.parametrize(
    "stamps", [(1, 2), ((3, 0, 0),), ("x",), (("/no/such/module.py", 0, 0),), "not stamps"]
)
def test_an_entry_of_another_shape_is_no_entry(tmp_path, cache, stamps):
    # what another version might have left (a rollback): the right bytes, odd stamps
    path = write(tmp_path / "kiosk.toml", "[kiosk]\nidle_timeout = 90\n")
    cache.parent.mkdir(parents=True)
    cache.write_bytes(marshal.dumps((sys.version, path.read_bytes(), stamps, {"kiosk": {}})))
    assert load(path)["kiosk"]["idle_timeout"] == 90


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


def test_a_toml_date_is_read_at_every_start(tmp_path, cache):
    # a closed day may be written as a TOML date: marshal keeps no dates, so nothing is kept
    path = write(tmp_path / "kiosk.toml", "[queue]\nclosed_dates = [2026-10-01]\n")
    assert load(path)["queue"]["closed_dates"] == [date(2026, 10, 1)]
    assert load(path)["queue"]["closed_dates"] == [date(2026, 10, 1)]
    assert not cache.exists()
    with pytest.raises(ConfigError, match="hall_name"):
        load(write(tmp_path / "kiosk.toml", "[kiosk]\nhall_name = 2026-01-05\n"))


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
