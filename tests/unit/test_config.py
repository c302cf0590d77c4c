"""Config: defaults, validation messages that name key, value and what is allowed; the documented file."""

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import ConfigError, default_toml, load

ROOT = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "kiosk.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_defaults_load_without_file():
    cfg = load(None)
    assert cfg["kiosk"]["language"] == "zh"
    assert cfg["kiosk"]["idle_timeout"] == 60
    assert cfg.device("printer")["driver"] == "escpos"


def test_file_overrides_defaults(tmp_path):
    cfg = load(
        write(tmp_path, '[kiosk]\nhall_name = "测试大厅"\nidle_timeout = 90\n[devices.idcard]\nbaud = 9600\n')
    )
    assert cfg["kiosk"]["hall_name"] == "测试大厅"
    assert cfg["kiosk"]["idle_timeout"] == 90
    assert cfg.device("idcard")["baud"] == 9600
    assert cfg["kiosk"]["language"] == "zh"  # untouched keys keep defaults


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[kiosk]\nidle_timeout = 5\n",
            "idle_timeout = 5 is not allowed: expected a whole number from 10 to 900",
        ),
        ('[kiosk]\nlanguage = "fr"\n', "language = 'fr' is not allowed: expected one of 'zh', 'en'"),
        ('[kiosk]\nidle_timeout = "60"\n', "idle_timeout = '60' is not allowed"),
        ("[kiosk]\nvoice = 1\n", "voice = 1 is not allowed: expected true or false"),
        ('[kiosk]\nhal_name = "x"\n', "[kiosk].hal_name is not a known setting"),
        ('[kioskk]\nhall_name = "x"\n', "kioskk is not a known setting or section"),
        ('[devices.printer]\ndriver = "hp-laser"\n', "driver = 'hp-laser' is not allowed: expected one of"),
        ('[kiosk]\nservices = ["queue", "lottery"]\n', "services contains 'lottery'"),
        ("[kiosk\n", "is not valid TOML"),
        (
            '[kiosk]\ntimezone = "Mars/Olympus"\n',
            "timezone = 'Mars/Olympus' is not allowed: expected an IANA time zone name",
        ),
        (
            '[kiosk]\ntimezone = "../../../../etc/passwd"\n',
            "timezone = '../../../../etc/passwd' is not allowed: expected an IANA time zone name",
        ),
        ('[db]\nurl = "mysql://x"\n', "url = 'mysql://x' is not allowed: expected empty, sqlite:///PATH or"),
        ('[db]\nurl = "hall.db"\n', "url = 'hall.db' is not allowed"),
        ('[kiosk]\nhall_name = "' + "大" * 61 + '"\n', "expected text of at most 60 characters"),
        (
            '[queue]\nservices = [{ code = "tax", prefix = "D", name_zh = "税务", hours = "25:00-26:00" }]\n',
            "[queue] services[0]",
        ),
    ],
)
def test_bad_values_name_key_value_and_allowed(tmp_path, text, expected):
    with pytest.raises(ConfigError) as e:
        load(write(tmp_path, text))
    assert expected in str(e.value)
    assert "\n" not in str(e.value)


def test_a_byte_order_mark_is_accepted(tmp_path):
    p = tmp_path / "kiosk.toml"
    p.write_bytes('\ufeff[kiosk]\nhall_name = "测试大厅"\n'.encode())
    assert load(p)["kiosk"]["hall_name"] == "测试大厅"


def test_megabytes_of_text_are_refused_and_shown_short(tmp_path):
    with pytest.raises(ConfigError) as e:
        load(write(tmp_path, '[kiosk]\nhall_name = "' + "x" * 3_000_000 + '"\n'))
    message = str(e.value)
    assert "hall_name" in message and "3000002 characters" in message and len(message) < 300
    with pytest.raises(ConfigError, match="at most 1000 characters"):
        load(write(tmp_path, '[kiosk]\nhelp_phone = "' + "1" * 1001 + '"\n'))


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load(tmp_path / "nope.toml")


def test_default_toml_documents_every_key_and_matches_schema():
    committed = (ROOT / "resources/config/default.toml").read_text(encoding="utf-8")
    assert committed == default_toml(), "regenerate: python -m kiosk.config > resources/config/default.toml"
    # and it loads to exactly the defaults
    assert load(ROOT / "resources/config/default.toml")._values == load(None)._values


def run_kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "run_kiosk.py"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


def test_entry_point_bad_config_is_one_line_not_a_traceback(tmp_path):
    r = run_kiosk("--config", str(write(tmp_path, "[kiosk]\nidle_timeout = -1\n")), "--print-config")
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0
    assert "Traceback" not in r.stderr
    assert "idle_timeout = -1" in r.stderr


@pytest.mark.parametrize(
    "line",
    ['timezone = "Mars/Olympus"', 'timezone = "../../../../etc/passwd"', 'hall_name = "' + "x" * 100 + '"'],
)
def test_entry_point_refuses_bad_text_values_in_one_line(tmp_path, line):
    r = run_kiosk("--config", str(write(tmp_path, f"[kiosk]\n{line}\n")), "--print-config")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip().count("\n") == 0 and "is not allowed: expected" in r.stderr


def test_print_config_prints_effective_toml(tmp_path):
    r = run_kiosk("--config", str(write(tmp_path, '[kiosk]\nkiosk_id = "K07"\n')), "--print-config")
    assert r.returncode == 0, r.stderr
    assert 'kiosk_id = "K07"' in r.stdout
    assert "[devices.printer]" in r.stdout


def test_version():
    r = run_kiosk("--version")
    assert r.returncode == 0 and "gov-kiosk" in r.stdout
