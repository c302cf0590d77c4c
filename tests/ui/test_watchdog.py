"""The GUI-thread watchdog: a stalled event loop is logged with the GUI thread's stack and alerted."""

from __future__ import annotations

import ctypes
import logging
import time

import pytest
from PySide6.QtCore import QTimer

from kiosk.alerts import Alerts
from kiosk.ui.app import application
from kiosk.ui.watchdog import GuiWatchdog


@pytest.fixture
def alerts(tmp_path):
    return Alerts(tmp_path / "alerts.jsonl")


@pytest.fixture
def watchdog(qtbot, alerts, tmp_path):
    application()
    wd = GuiWatchdog(alerts, tmp_path / "log" / "gui-stall.txt").start()
    yield wd
    wd.stop()


def stall_logs(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "kiosk.ui.watchdog" and "stalled" in r.msg]


def test_a_gui_thread_stuck_in_python_is_logged_with_its_stack_and_alerted(qtbot, caplog, alerts, watchdog):
    done = []

    def hold_the_gui_thread() -> None:  # a slot that does not return until the alert is out
        deadline = time.monotonic() + 60
        while not alerts.active() and time.monotonic() < deadline:
            time.sleep(0.05)
        done.append(True)

    caplog.set_level(logging.WARNING, "kiosk.ui.watchdog")
    QTimer.singleShot(0, hold_the_gui_thread)
    qtbot.waitUntil(lambda: bool(done), timeout=70000)
    assert ("kiosk", "gui_stalled", "critical") in [(a.source, a.code, a.severity) for a in alerts.recent()]
    assert any("hold_the_gui_thread" in logged for logged in stall_logs(caplog))
    qtbot.waitUntil(lambda: not alerts.active(), timeout=10000)  # cleared once the loop runs again


def test_a_gui_thread_stuck_in_c_holding_the_gil_is_still_reported(qtbot, caplog, alerts, watchdog):
    """No Python thread runs while the GIL is held: faulthandler's C timer takes the stack."""
    done = []

    def hold_the_gil_in_c() -> None:
        ctypes.PyDLL(None).usleep(3_000_000)  # PyDLL keeps the GIL during the call
        done.append(True)

    caplog.set_level(logging.WARNING, "kiosk.ui.watchdog")
    QTimer.singleShot(0, hold_the_gil_in_c)
    qtbot.waitUntil(lambda: bool(done) and watchdog.stalls >= 1, timeout=30000)
    assert ("kiosk", "gui_stalled") in [(a.source, a.code) for a in alerts.recent()]
    assert any("hold_the_gil_in_c" in logged for logged in stall_logs(caplog))


def test_an_idle_kiosk_raises_no_stall(qtbot, alerts, watchdog):
    first = watchdog.checks
    qtbot.waitUntil(lambda: watchdog.checks >= first + 16, timeout=30000)  # 4 s of checks, loop idle
    assert watchdog.stalls == 0 and alerts.recent() == []
