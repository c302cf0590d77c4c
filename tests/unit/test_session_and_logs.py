"""Personal data: gone when a session ends; never readable in logs."""

import json
import logging

from core import redact
from flows.session import Session, purge_stale
from kiosk import logs


def test_session_close_removes_temp_folder_and_data(tmp_path):
    s = Session(tmp_path)
    photo = s.temp_dir / "photo.jpg"
    photo.write_bytes(b"jpeg")
    s.put("id_number", "11010519491231002X")
    s.close()
    assert not photo.exists() and not photo.parent.exists()
    assert s.get("id_number") is None


def test_stale_session_folders_from_a_crash_are_purged(tmp_path):
    s = Session(tmp_path)
    (s.temp_dir / "photo.jpg").write_bytes(b"x")
    # the process "crashes": close() never runs
    assert purge_stale(tmp_path) == 1
    assert not any(tmp_path.iterdir())


def test_id_numbers_masked():
    assert redact.redact("card 11010519491231002X read") == "card 110105********002X read"
    assert redact.redact("360426199101010071") == "360426********0071"
    # a longer digit run is not an ID number and is left alone
    assert redact.redact("order 1234567890123456789012") == "order 1234567890123456789012"


def test_logs_are_json_lines_with_personal_data_masked(tmp_path):
    path = logs.setup(tmp_path, "INFO")
    s = Session(tmp_path / "run")
    s.personal("张三丰")
    logging.getLogger("test").info("read card of 张三丰 11010519491231002X")
    s.close()
    logging.getLogger("test").info("after the session: 张三丰")
    for h in logging.getLogger().handlers:
        h.flush()
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    during = next(e for e in lines if "read card" in e["msg"])
    assert "张三丰" not in during["msg"] and "张**" in during["msg"]
    assert "110105********002X" in during["msg"] and "11010519491231002X" not in during["msg"]
    assert during["level"] == "INFO" and "ts" in during


def test_a_log_file_opened_after_the_first_paint_keeps_the_earlier_lines_masked_and_first(tmp_path):
    path = logs.setup(tmp_path, "INFO", open_later=True)
    s = Session(tmp_path / "run")
    s.personal("张三丰")
    logging.getLogger("test").info("before the paint: 张三丰 11010519491231002X")
    s.close()  # masked as logged, not as written: the session is over when the file opens
    assert not path.exists() or path.read_text(encoding="utf-8") == ""
    logs.open_file()
    logging.getLogger("test").info("after the paint")
    for h in logging.getLogger().handlers:
        h.flush()
    lines = [json.loads(line)["msg"] for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines[-2:] == ["before the paint: 张** 110105********002X", "after the paint"]
