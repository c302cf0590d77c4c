"""The installer's diagnostics CLI, run as a separate process against the simulator."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from devices.idcard.presets import PRESETS

ROOT = Path(__file__).resolve().parents[3]


def run(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "devices.idcard", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.mark.parametrize("preset", ["resident", "elderly", "hmt", "foreign2017", "foreign2023"])
def test_read_json(sim, preset):
    sim.insert(preset)
    r = run("read", "--port", str(sim.port), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    card = PRESETS[preset]
    expected = {
        "card_type": card.card_type,
        "name": card.name,
        "sex": card.sex,
        "nation": card.nation,
        "birth_date": card.birth_date.isoformat(),
        "address": card.address,
        "id_number": card.id_number,
        "issuer": card.issuer,
        "valid_from": card.valid_from.isoformat(),
        "valid_until": card.as_json()["valid_until"],
    }
    if card.is_foreign:
        expected |= {"english_name": card.english_name, "nationality": card.nationality}
    if card.card_type == "hmt":
        expected |= {"pass_number": card.pass_number, "issue_count": card.issue_count}
    assert {k: data[k] for k in expected} == expected
    assert data["photo_decoded"] is False


def test_read_with_fingerprint_and_address(sim):
    sim.insert("resident")
    r = run("read", "--port", str(sim.port), "--json", "--fingerprint", "--address")
    data = json.loads(r.stdout)
    assert data["fingerprint_bytes"] == 1024 and data["extra_address"] == PRESETS["resident"].extra_address


def test_read_human_output(sim):
    sim.insert("rare_name")
    r = run("read", "--port", str(sim.port))
    assert r.returncode == 0 and "姓名: 刘䶮" in r.stdout


def one_line_error(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode != 0
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    return lines[0]


def test_no_card(sim):
    r = run("read", "--port", str(sim.port))
    assert "没有身份证" in one_line_error(r) and r.returncode == 2 and r.stdout == ""


def test_dead_port(tmp_path):
    r = run("read", "--port", str(tmp_path / "ttyUSB9"))
    assert "ttyUSB9" in one_line_error(r)


def test_bad_url():
    one_line_error(run("read", "--port", "nosuch://x"))


def test_invalid_card(sim):
    sim.insert("bad_check_digit")
    r = run("read", "--port", str(sim.port), "--json")
    assert "校验位" in one_line_error(r) and r.returncode == 3


def test_unreadable_card(sim):
    sim.insert("resident")
    sim.set_fault("truncated")
    r = run("read", "--port", str(sim.port))
    one_line_error(r)


def test_samid(sim):
    r = run("samid", "--port", str(sim.port))
    assert r.returncode == 0 and r.stdout.strip() == "05.01-20101008-123456789-000001203"
    r = run("samid", "--port", str(sim.port), "--digits", "10", "--json")
    assert json.loads(r.stdout) == {"sam_id": "05.01-20101008-0123456789-0000001203"}


def test_watch_prints_each_card_as_it_is_placed(sim):
    proc = subprocess.Popen(
        [sys.executable, "-m", "devices.idcard", "watch", "--port", str(sim.port), "--json"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None and "waiting" in proc.stderr.readline()
        assert proc.stdout is not None
        sim.insert("resident")
        assert json.loads(proc.stdout.readline())["name"] == "王小明"
        sim.remove()
        assert json.loads(proc.stdout.readline())["event"] == "card_removed"
        sim.insert("foreign2017")
        assert json.loads(proc.stdout.readline())["card_type"] == "foreign2017"
    finally:
        proc.terminate()
        proc.wait(10)


def test_spy_url_logs_the_exchange(sim, tmp_path):
    sim.insert("resident")
    log = tmp_path / "spy.txt"
    r = run("read", "--port", f"spy://{sim.port}?file={log}", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["name"] == "王小明"
    assert "AA AA AA 96 69 00 03 11" in log.read_text()  # the SAM status check at open
