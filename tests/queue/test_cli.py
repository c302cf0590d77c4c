"""The admin CLI as staff and scripts use it: output, exit status, one-line reasons, masking."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.queue_admin import main
from tests.conftest import ROOT
from tests.queue.helpers import ELDER, YOUNG, Db

ALWAYS_OPEN = """
[kiosk]
data_dir = "data"

[queue]
always_open = true
"""


class Cli:
    def __init__(
        self, db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str = ALWAYS_OPEN
    ) -> None:
        self.config = tmp_path / "kiosk.toml"
        self.config.write_text(text, encoding="utf-8")
        self.db, self.capsys = db, capsys

    def __call__(self, *args: str, answer: str = "") -> tuple[int, str, str]:
        rc = main(["--config", str(self.config), "--db", self.db.url, *args], ask=lambda _prompt: answer)
        out, err = self.capsys.readouterr()
        return rc, out, err

    def json(self, *args: str) -> Any:
        rc, out, err = self(*args, "--json")
        assert rc == 0, err
        return json.loads(out)


@pytest.fixture
def cli(db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(db, tmp_path, capsys)


def test_issue_prints_the_ticket_as_json(cli: Cli) -> None:
    first = cli.json("issue", "social")
    second = cli.json("issue", "B")
    assert {"number", "service", "waiting_ahead", "issued_at"} <= set(first)
    assert (first["number"], first["service"], first["waiting_ahead"]) == ("B001", "social", 0)
    assert (second["number"], second["waiting_ahead"]) == ("B002", 1)
    issued = datetime.fromisoformat(second["issued_at"])
    assert issued.utcoffset() == datetime.now(ZoneInfo("Asia/Shanghai")).utcoffset()


def test_real_name_ticket_masks_the_id_number_and_refuses_a_second(cli: Cli) -> None:
    rc, out, err = cli("issue", "idcard", "--id-number", ELDER)
    assert rc == 0 and out.startswith("A001")
    assert "110105********002X" in out and ELDER not in out and "优先" in out
    ticket = cli.json("issue", "tax", "--id-number", YOUNG)
    assert ticket["id_number"] == "360426********0071" and ticket["priority"] is False
    rc, out, err = cli("issue", "idcard", "--id-number", ELDER)
    assert rc == 1 and out == ""
    assert err.count("\n") == 1 and "A001" in err and "[duplicate]" in err and ELDER not in err


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("issue", "nosuch"), "unknown_service"),
        (("issue", "idcard"), "id_required"),
        (("issue", "idcard", "--id-number", "110105194912310021"), "invalid_id"),
    ],
)
def test_refusals_are_one_line_with_status_1(cli: Cli, args: tuple[str, ...], code: str) -> None:
    rc, out, err = cli(*args)
    assert (rc, out, err.count("\n")) == (1, "", 1)
    assert f"[{code}]" in err


def test_closed_service_and_daily_limit(db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
    cli = Cli(
        db,
        tmp_path,
        capsys,
        f"""
[queue]
closed_dates = ["{today}"]
[[queue.services]]
code = "tax"
prefix = "D"
name_zh = "税务"
counters = ["7"]
""",
    )
    rc, _, err = cli("issue", "tax")
    assert rc == 1 and "[closed_day]" in err
    status = cli.json("status")
    assert status["services"][0]["available"] is False
    limited = Cli(
        db,
        tmp_path,
        capsys,
        '[queue]\nalways_open = true\n[[queue.services]]\ncode = "tax"\nprefix = "D"\nname_zh = "税务"\n'
        'counters = ["7"]\ndaily_limit = 1\n',
    )
    assert limited.json("issue", "tax")["number"] == "D001"
    rc, _, err = limited("issue", "tax")
    assert rc == 1 and "[limit_reached]" in err and err.count("\n") == 1


def test_status_shows_waiting_and_last_numbers(cli: Cli) -> None:
    for service in ("social", "social", "tax"):
        cli("issue", service)
    status = cli.json("status")
    by_code = {s["service"]: s for s in status["services"]}
    assert (by_code["social"]["waiting"], by_code["social"]["last_number"]) == (2, "B002")
    assert (by_code["tax"]["waiting"], by_code["idcard"]["last_number"]) == (1, None)
    rc, out, _ = cli("status")
    assert rc == 0 and "B002" in out and "社保业务" in out


def test_counters_call_and_complete(cli: Cli) -> None:
    cli("issue", "social"), cli("issue", "tax")
    rc, out, _ = cli("call", "9")
    assert rc == 0 and "B001" in out and "9" in out
    assert cli.json("call", "9")["number"] == "D001"
    rc, out, _ = cli("complete", "D001")
    assert rc == 0 and "done" in out
    assert cli.json("call", "9") is None
    rc, _, err = cli("complete", "D001")
    assert rc == 1 and "[not_called]" in err


def test_a_call_from_the_cli_reaches_the_boards_and_a_no_show_waits_for_the_calls(
    db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli = Cli(db, tmp_path, capsys, ALWAYS_OPEN + "[calling]\nno_show_after = 1\n")
    cli("issue", "social"), cli("issue", "social")
    assert cli("call", "3")[0] == 0
    db.engine()  # the one db.rows reads through
    calls = db.rows("queue_call")
    assert [(r[3], r[5], r[6]) for r in calls] == [("B001", "3", "call")]  # (.., number, .., counter, kind)
    rc, out, _ = cli("no-show", "B001")
    assert rc == 0 and "no_show" in out
    cli("call", "3")
    cli.config.write_text(ALWAYS_OPEN, encoding="utf-8")  # three calls before a no-show
    rc, _, err = cli("no-show", "B002")
    assert rc == 1 and "[too_few_calls]" in err


def test_reset_day_asks_first(cli: Cli) -> None:
    cli("issue", "social"), cli("issue", "social")
    rc, _, _ = cli("reset-day", answer="no")
    assert rc == 1
    assert cli.json("issue", "social")["number"] == "B003"
    rc, out, _ = cli("reset-day", answer="yes")
    assert rc == 0 and "3 tickets" in out
    assert cli.json("issue", "social")["number"] == "B001"
    rc, _, _ = cli("reset-day", "--yes", "--service", "social")
    assert rc == 0 and cli.json("issue", "social")["number"] == "B001"


def test_booked_appointment_is_checked_in_by_number(cli: Cli) -> None:
    # booked for this very minute (date included, so it holds at any hour), checked in at once
    now = datetime.now(ZoneInfo("Asia/Shanghai"))
    booking = cli.json(
        "book", "social", "--id-number", YOUNG, "--at", now.strftime("%Y-%m-%dT%H:%M"), "--ref", "8800001"
    )
    assert booking["id_number"] == "360426********0071"
    cli("issue", "social")
    ticket = cli.json("issue", "social", "--appointment", "8800001")
    assert (ticket["number"], ticket["kind"], ticket["waiting_ahead"]) == ("B002", "appointment", 0)


def test_bad_config_and_unreachable_database_are_one_line(cli: Cli, tmp_path: Path) -> None:
    rc, _, err = main_subprocess("--db", "postgresql://postgres@127.0.0.1:1/none", "status", cwd=tmp_path)
    assert rc == 3 and err.count("\n") == 1 and "[db_unavailable]" in err
    cli.config.write_text('[queue]\nelderly_age = "old"\n', encoding="utf-8")
    rc, _, err = cli("status")
    assert rc == 2 and "elderly_age" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("db", "rc", "says"),
    [
        ("sqlite:////proc/x/q.db", 3, "cannot use the database: No such file or directory: /proc/x"),
        ("mysql://x", 2, "--db 'mysql://x' is not allowed: expected empty, sqlite:///PATH or postgresql://"),
    ],
)
def test_an_unusable_database_url_is_one_line(tmp_path: Path, db: str, rc: int, says: str) -> None:
    code, out, err = main_subprocess("--db", db, "status", cwd=tmp_path)
    assert (code, out) == (rc, "") and "Traceback" not in err
    assert err.count("\n") == 1 and says in err


def test_a_booking_reference_is_unique_and_short(cli: Cli) -> None:
    now = datetime.now(ZoneInfo("Asia/Shanghai")).strftime("%H:%M")
    book = ("book", "social", "--id-number", YOUNG, "--at", now)
    assert cli(*book, "--ref", "8800002")[0] == 0
    rc, out, err = cli(*book, "--ref", "8800002")
    assert (rc, out, err.count("\n")) == (1, "", 1)
    assert "[duplicate_ref]" in err and "8800002" in err
    rc, out, err = cli(*book, "--ref", "9" * 10_000)
    assert (rc, out, err.count("\n")) == (1, "", 1) and "[invalid_ref]" in err and len(err) < 200
    assert cli(*book, "--ref", "8800003")[0] == 0


def main_subprocess(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    p = subprocess.run(
        [sys.executable, "-m", "kiosk.queue_admin", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=60,
    )
    return p.returncode, p.stdout, p.stderr


def test_module_entry_point_issues_from_a_script(cli: Cli, tmp_path: Path) -> None:
    rc, out, err = main_subprocess(
        "--config", str(cli.config), "--db", cli.db.url, "issue", "tax", "--json", cwd=tmp_path
    )
    assert rc == 0, err
    assert json.loads(out)["number"] == "D001"


def test_a_lost_key_file_is_explained_and_staff_can_adopt_a_new_key(cli: Cli, tmp_path: Path) -> None:
    cli("issue", "social")
    (tmp_path / "data" / "queue-id.key").unlink()
    rc, _, err = cli("status")
    assert rc == 2 and "[key_mismatch]" in err and "adopt-key" in err and err.count("\n") == 1
    rc, _, _ = cli("adopt-key", answer="no")
    assert rc == 1 and cli("status")[0] == 2
    rc, _, _ = cli("adopt-key", answer="yes")
    assert rc == 0
    assert cli.json("issue", "social")["number"] == "B002"


def test_a_damaged_key_file_is_one_line_with_status_2(cli: Cli, tmp_path: Path) -> None:
    cli("status")
    (tmp_path / "data" / "queue-id.key").write_text("garbage\n")
    rc, _, err = cli("status")
    assert rc == 2 and "[key_file]" in err and err.count("\n") == 1
