"""The queue, journal and locker pages read their database off the GUI thread: held, the page
says it is reading and staff can move on; the content follows once read. A redraw (a key, a
compartment chosen, the language) reads nothing; an action that changes the page reads again."""

from __future__ import annotations

from typing import Any

from kiosk.maintenance.actions import Maintenance
from kiosk.maintenance.journal_desk import JournalDesk
from kiosk.maintenance.queue_desk import QueueDesk
from kiosk.ui.maintenance.page import Page
from tests.ui.conftest import held
from tests.ui.test_maintenance import click, texts
from tests.ui.test_maintenance_devices import kiosk, shell  # noqa: F401  (staff signed in)


def page(shell, key: str) -> Any:  # noqa: F811
    found = shell.staff.panel.pages[key]
    assert isinstance(found, Page)
    return found


def test_a_slow_queue_database_never_holds_the_queue_page_its_services_follow(
    qtbot,
    shell,  # noqa: F811
    kiosk,  # noqa: F811
    monkeypatch,
):
    kiosk.services["queue"].issue("social")
    gate, calls = held(monkeypatch, QueueDesk, "services")
    click(qtbot, shell, "tab_queue")
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    shown = texts(shell)
    assert "正在读取…" in shown and "社保业务" not in shown
    click(qtbot, shell, "tab_overview")  # staff can move on meanwhile
    click(qtbot, shell, "tab_queue")
    gate.set()
    qtbot.waitUntil(lambda: "今日已取 1 个，等候 1 人" in texts(shell, 0.2), timeout=5000)
    assert "等候 1 · 已叫号 0" in texts(shell) and "正在读取" not in texts(shell)
    assert set(calls) == {"staff-load"}
    today = page(shell, "queue").today
    qtbot.waitUntil(lambda: today.settled, timeout=5000)
    read = len(calls)
    click(qtbot, shell, "key_1")  # the reprint keypad redraws the page: nothing read
    click(qtbot, shell, "key_2")
    assert len(calls) == read
    click(qtbot, shell, "pause_social")  # a change: read again after it
    qtbot.waitUntil(lambda: "已由工作人员暂停取号" in texts(shell, 0.2), timeout=5000)
    assert len(calls) == read + 1


def test_a_slow_journal_never_holds_its_page_its_items_follow(
    qtbot,
    shell,  # noqa: F811
    kiosk,  # noqa: F811
    monkeypatch,
):
    from tests.backends.test_handwork import refund_refused

    refund_refused(kiosk.services["paid_application"], kiosk.reference_servers)
    gate, calls = held(monkeypatch, JournalDesk, "items")
    click(qtbot, shell, "tab_journal")
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    shown = texts(shell)
    assert "正在读取…" in shown and "退款未成功" not in shown
    click(qtbot, shell, "tab_logs")
    click(qtbot, shell, "tab_journal")
    gate.set()
    qtbot.waitUntil(lambda: "退款未成功" in texts(shell, 0.2), timeout=5000)
    assert "正在读取" not in texts(shell) and set(calls) == {"staff-load"}
    items = page(shell, "journal").items
    qtbot.waitUntil(lambda: items.settled, timeout=5000)
    read = len(calls)
    shell.toggle_language()  # the page drawn again in English: nothing read
    qtbot.waitUntil(lambda: "Retry" in texts(shell, 0.2), timeout=5000)
    shell.toggle_language()
    assert len(calls) == read
    click(qtbot, shell, "by_hand_0_refunded_at_counter")  # written on a thread, then read again
    qtbot.waitUntil(lambda: "没有需要人工处理的业务" in texts(shell, 0.2), timeout=5000)
    assert "已记录人工处理" in texts(shell)


def test_a_slow_locker_inventory_never_holds_the_wall_its_compartments_follow(
    qtbot,
    shell,  # noqa: F811
    monkeypatch,
):
    gate, calls = held(monkeypatch, Maintenance, "slots")
    click(qtbot, shell, "tab_lockers")
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    shown = texts(shell)
    assert "正在读取…" in shown and "1 空" not in shown
    click(qtbot, shell, "tab_queue")
    click(qtbot, shell, "tab_lockers")
    gate.set()
    qtbot.waitUntil(lambda: "1 空" in texts(shell, 0.2), timeout=5000)
    assert "正在读取" not in texts(shell) and set(calls) == {"staff-load"}
    wall = page(shell, "lockers").wall
    qtbot.waitUntil(lambda: wall.settled, timeout=5000)
    read = len(calls)
    click(qtbot, shell, "slot_1")  # a compartment chosen, its actions shown: nothing read
    click(qtbot, shell, "locker_faulty")
    assert len(calls) == read
    click(qtbot, shell, "locker_faulty_0")
    qtbot.waitUntil(lambda: "1 故障" in texts(shell, 0.2), timeout=5000)  # the wall read again
    assert len(calls) == read + 1


def test_an_action_that_raises_ends_on_its_failure_not_on_processing(
    qtbot,
    shell,  # noqa: F811
    monkeypatch,
):
    def broken(self: Maintenance) -> None:
        raise RuntimeError("打印机驱动异常")

    monkeypatch.setattr(Maintenance, "paper_refilled", broken)
    click(qtbot, shell, "tab_printer")
    click(qtbot, shell, "paper_refilled")
    qtbot.waitUntil(lambda: "未能完成：打印机驱动异常" in texts(shell), timeout=10000)
    assert "正在处理" not in texts(shell)


def test_a_large_log_file_never_holds_the_logs_page(
    qtbot,
    shell,  # noqa: F811
    kiosk,  # noqa: F811
    monkeypatch,
):
    gate, calls = held(monkeypatch, Maintenance, "log_lines")
    click(qtbot, shell, "tab_logs")
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    assert "正在读取…" in texts(shell)
    click(qtbot, shell, "tab_overview")  # staff can move on meanwhile
    click(qtbot, shell, "tab_logs")
    gate.set()
    qtbot.waitUntil(lambda: "正在读取" not in texts(shell, 0.2), timeout=5000)
    assert set(calls) == {"staff-load"}
    read = len(calls)
    click(qtbot, shell, "level_ERROR")  # another level: read again, off the GUI thread too
    qtbot.waitUntil(lambda: len(calls) == read + 1, timeout=5000)
    assert set(calls) == {"staff-load"}


def test_a_read_asked_before_the_page_asked_again_is_never_shown() -> None:
    """Staff change the log level while the old level's lines are still being read: those
    lines arrive, are dropped, and the new level's are read and shown."""
    from kiosk.ui.maintenance.page import Reading

    asked: list[Any] = []

    class Panel:
        def load(self, fetch: Any, done: Any) -> None:
            asked.append(done)

    lines: Reading[str] = Reading()
    assert lines.get(Panel(), lambda: "") is None  # type: ignore[arg-type]
    lines.forget()  # another level chosen while the first read is under way
    asked[0]("INFO lines")  # the first read comes back late
    assert lines.value is None and not lines.settled
    assert lines.get(Panel(), lambda: "") is None  # type: ignore[arg-type]
    asked[1]("ERROR lines")
    assert lines.value == "ERROR lines" and lines.settled
