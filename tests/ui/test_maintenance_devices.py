"""Maintenance screens on the simulated devices (real drivers over ptys): the overview's device
states and alerts, a test print, "paper refilled", and the locker wall's staff actions."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget

from core.redact import mask_reference
from devices.base import State
from tests.ui.conftest import simulated_kiosk
from tests.ui.test_maintenance import FAST, PIN, SHOTS, audit_rows, click, staff_shell, texts


@pytest.fixture
def kiosk(tmp_path):
    k = simulated_kiosk(
        tmp_path,
        ["queue"],
        **{
            "queue.always_open": True,
            "devices.camera.driver": "none",
            "staff.pins": [{"id": "S01", "hash": FAST.hash(PIN)}],
            "staff.journal_grace": 0,  # list a stuck payment at once
            "devices.a4printer.driver": "cups",
        },
    )
    for kind in ("printer", "locker"):
        assert k.devices[kind].wait_until(lambda s: s.state is State.OK, 10), k.devices[kind].status
    yield k
    k.stop()


@pytest.fixture
def shell(qtbot, kiosk):
    s = staff_shell(qtbot, kiosk)
    yield s
    s.shutdown()


def test_overview_lists_every_device_with_its_state_and_the_day_s_tickets(qtbot, shell, kiosk):
    kiosk.simulators["printer"].set_state("near_end")
    assert kiosk.devices["printer"].wait_until(lambda s: s.state is State.DEGRADED, 10)
    click(qtbot, shell, "tab_printer")
    click(qtbot, shell, "tab_overview")  # read again
    qtbot.waitUntil(lambda: "取号：" in texts(shell, 0.2), timeout=5000)  # read on a thread
    shown = texts(shell)
    for name in ("身份证阅读器", "凭条打印机：需注意", "取件柜：正常", "指纹仪", "扫码器"):
        assert name in shown, name
    for figure in ("取号：0", "证明已打印：0", "证件取件：0", "支付成功：0", "退款：0", "取号排队 办完：0"):
        assert figure in shown, figure  # the queue's, the journal's and the journeys' figures
    shell.grab().save(str(SHOTS / "overview_devices_1080x1920.png"))
    for w, h in ((1080, 1920), (1920, 1080)):  # the day's figures, at the bottom of the page
        shell.resize(w, h)
        scroll_to_bottom(shell)
        shell.grab().save(str(SHOTS / f"overview_all_figures_{w}x{h}.png"))
    shell.toggle_language()
    assert "Tickets issued: 0" in texts(shell)
    scroll_to_bottom(shell)
    shell.grab().save(str(SHOTS / "overview_all_figures_en_1920x1080.png"))
    shell.toggle_language()
    shell.resize(1080, 1920)


def scroll_to_bottom(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QScrollArea

    texts(window)
    for area in window.findChildren(QScrollArea):
        if area.isVisible():
            area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    QApplication.processEvents()


def test_test_print_and_paper_refilled(qtbot, shell, kiosk):
    sim = kiosk.simulators["printer"]
    sim.set_state("near_end")
    qtbot.waitUntil(lambda: any(a.source == "printer" for a in kiosk.alerts.active()), timeout=10000)
    click(qtbot, shell, "tab_printer")
    assert "纸将用尽" in texts(shell)
    click(qtbot, shell, "test_print")
    qtbot.waitUntil(lambda: "测试页已打印" in texts(shell), timeout=20000)
    assert "打印机测试页" in sim.last_text
    sim.set_state("ok")  # the roll is changed: the screen follows the printer
    qtbot.waitUntil(lambda: "凭条打印机：正常" in texts(shell), timeout=10000)
    click(qtbot, shell, "paper_refilled")
    assert "纸张提醒已清除" in texts(shell)
    assert not [a for a in kiosk.alerts.active() if a.source == "printer"]
    shell.grab().save(str(SHOTS / "printer_1080x1920.png"))
    actions = [(r.action, r.result) for r in audit_rows(kiosk)]
    assert ("test_print", "ok") in actions and ("paper_refilled", "ok") in actions


def test_paper_running_out_during_the_test_print_is_a_failure_not_a_success(qtbot, shell, kiosk):
    kiosk.simulators["printer"].run_out_during_next()
    click(qtbot, shell, "tab_printer")
    click(qtbot, shell, "test_print")
    qtbot.waitUntil(lambda: "未能完成" in texts(shell), timeout=20000)
    assert "测试页已打印" not in texts(shell)
    assert ("test_print", "failed") in [(r.action, r.result) for r in audit_rows(kiosk)]


def test_idle_while_a_test_print_hangs_ends_the_staff_session_and_its_outcome_is_still_audited(
    qtbot, shell, kiosk
):
    sim = kiosk.simulators["printer"]
    sim.stall_during_next()
    click(qtbot, shell, "tab_printer")
    click(qtbot, shell, "test_print")
    assert "正在处理" in texts(shell)
    shell.clock.advance(kiosk.config["staff"]["idle_timeout"] + 1)
    qtbot.waitUntil(lambda: shell.mode == "home", timeout=5000)  # the screen does not wait on the printer
    assert not shell.staff.session.active
    sim.resume()  # power cycled: the job ends one way or the other
    qtbot.waitUntil(lambda: "test_print" in [r.action for r in audit_rows(kiosk)], timeout=90000)
    assert shell.mode == "home"  # the late outcome does not bring the panel back
    rows = [(r.subject, r.action, r.object) for r in audit_rows(kiosk)]
    assert rows.index(("S01", "exit", "idle")) < rows.index(("S01", "test_print", "printer"))


def test_an_outcome_never_moves_the_buttons_staff_just_pressed(qtbot, shell, kiosk):
    def where(name: str) -> int:
        QApplication.processEvents()
        (b,) = [b for b in shell.findChildren(QPushButton, name) if b.isVisible()]
        return b.mapTo(shell, b.rect().topLeft()).y()

    click(qtbot, shell, "tab_printer")
    qtbot.waitUntil(lambda: any(b.isVisible() for b in shell.findChildren(QPushButton, "test_print")))
    before = where("test_print")
    click(qtbot, shell, "test_print")
    qtbot.waitUntil(lambda: "测试页已打印" in texts(shell), timeout=20000)
    assert where("test_print") == before  # the outcome line was there all along, empty


def test_test_print_failure_is_shown_and_audited(qtbot, shell, kiosk):
    kiosk.simulators["printer"].set_state("out")
    assert kiosk.devices["printer"].wait_until(lambda s: s.state is State.FAULT, 10)
    click(qtbot, shell, "tab_printer")
    click(qtbot, shell, "test_print")
    qtbot.waitUntil(lambda: "未能完成" in texts(shell), timeout=20000)
    assert ("test_print", "failed") in [(r.action, r.result) for r in audit_rows(kiosk)]


def test_locker_wall_mark_faulty_repaired_and_open(qtbot, shell, kiosk):
    click(qtbot, shell, "tab_lockers")
    qtbot.waitUntil(lambda: "1 空" in texts(shell, 0.2), timeout=5000)  # read on a thread
    click(qtbot, shell, "slot_1")
    click(qtbot, shell, "locker_faulty")
    click(qtbot, shell, "locker_faulty_0")
    qtbot.waitUntil(lambda: "1 号柜已标记故障" in texts(shell, 0.2), timeout=5000)  # done on a thread
    qtbot.waitUntil(lambda: "1 故障" in texts(shell, 0.2), timeout=5000)  # the wall read again
    assert kiosk.services["lockers"].get(1).fault_reason == "门锁卡住"
    shell.grab().save(str(SHOTS / "lockers_1080x1920.png"))
    shell.resize(1920, 1080)
    QApplication.processEvents()
    shell.grab().save(str(SHOTS / "lockers_1920x1080.png"))
    click(qtbot, shell, "locker_repaired")
    click(qtbot, shell, "locker_repaired_2")
    qtbot.waitUntil(lambda: "1 号柜已修复" in texts(shell, 0.2), timeout=5000)
    assert kiosk.services["lockers"].get(1).state.value == "empty"
    click(qtbot, shell, "locker_open")
    click(qtbot, shell, "locker_open_0")
    qtbot.waitUntil(lambda: "1 号柜已打开" in texts(shell, 0.2), timeout=5000)
    rows = [(r.action, r.object, r.result) for r in audit_rows(kiosk)]
    assert ("locker_faulty", "locker 1 门锁卡住", "ok") in rows
    assert ("locker_repaired", "locker 1 检查无故障", "ok") in rows
    assert ("locker_open", "locker 1 检查柜内", "ok") in rows


def test_the_wall_follows_a_door_staff_close_without_a_tap(qtbot, shell, kiosk):
    def slot_1() -> str:
        QApplication.processEvents()
        shown = [b for b in shell.findChildren(QPushButton, "slot_1") if b.isVisible()]
        return shown[0].text() if shown else ""

    click(qtbot, shell, "tab_lockers")
    click(qtbot, shell, "slot_1")
    click(qtbot, shell, "locker_open")
    click(qtbot, shell, "locker_open_0")
    qtbot.waitUntil(lambda: "1 号柜已打开" in texts(shell, 0.2), timeout=15000)
    qtbot.waitUntil(lambda: slot_1().startswith("1 等待关门"), timeout=15000)
    lockers = kiosk.services["lockers"]
    qtbot.waitUntil(lambda: lockers.get(1).door_seen_open, timeout=15000)  # as when staff look in
    kiosk.simulators["locker"].close_door(1)  # staff shut it: no tap on the screen
    qtbot.waitUntil(lambda: slot_1().startswith("1 空"), timeout=15000)


def test_a_lock_board_slow_to_reply_never_holds_the_screen(qtbot, shell, kiosk):
    """The open's reply comes late (the board answers after its timeout): while the kiosk asks
    the door instead, staff see the action under way; then that the door is open."""
    wall = kiosk.simulators["locker"]
    wall.open_reply_delay[wall.by_number[1].board] = 3.0
    click(qtbot, shell, "tab_lockers")
    click(qtbot, shell, "slot_1")
    click(qtbot, shell, "locker_open")
    click(qtbot, shell, "locker_open_0")  # on the GUI thread this returned only with the outcome
    assert "正在处理，请稍候" in texts(shell) and "1 号柜已打开" not in texts(shell)
    qtbot.waitUntil(lambda: "1 号柜已打开" in texts(shell, 0.2), timeout=15000)
    wall.open_reply_delay.clear()


def test_clearing_an_empty_compartment_is_refused_with_a_reason(qtbot, shell, kiosk):
    click(qtbot, shell, "tab_lockers")
    click(qtbot, shell, "slot_2")
    click(qtbot, shell, "locker_clear")
    click(qtbot, shell, "locker_clear_0")
    qtbot.waitUntil(lambda: "2 号柜无可清除的物品" in texts(shell, 0.2), timeout=5000)
    rows = [(r.action, r.object, r.result) for r in audit_rows(kiosk)]
    assert ("locker_clear", "locker 2 已在窗口交还", "failed") in rows


def test_application_numbers_are_masked_on_the_wall():
    assert mask_reference("A2026120100123") == "****0123"
    assert mask_reference(None) == ""


def test_queue_page_shows_each_service_today(qtbot, shell, kiosk):
    kiosk.services["queue"].issue("social")
    click(qtbot, shell, "tab_queue")
    qtbot.waitUntil(lambda: "等候 1 · 已叫号" in texts(shell, 0.2), timeout=5000)  # read on a thread
    shown = texts(shell)
    assert "社保业务" in shown and "今日已取 1 个，等候 1 人" in shown and "可取号" in shown
    assert "等候 1 · 已叫号 0 · 已办结 0 · 过号 0" in shown
    shell.grab().save(str(SHOTS / "queue_1080x1920.png"))


def test_pausing_a_service_refuses_its_tickets_until_staff_resume_it(qtbot, shell, kiosk):
    from hall.queue import QueueRefused

    store = kiosk.services["queue"]
    click(qtbot, shell, "tab_queue")
    click(qtbot, shell, "pause_social")  # written on a thread, then the services read again
    qtbot.waitUntil(lambda: "社保业务已暂停取号" in texts(shell, 0.2), timeout=5000)
    qtbot.waitUntil(lambda: "已由工作人员暂停取号" in texts(shell, 0.2), timeout=5000)
    assert "恢复取号" in texts(shell)
    with pytest.raises(QueueRefused) as refused:
        store.issue("social")
    assert refused.value.code == "paused" and "暂停取号" in str(refused.value.reason)
    shell.grab().save(str(SHOTS / "queue_paused_1080x1920.png"))
    click(qtbot, shell, "resume_social")
    qtbot.waitUntil(lambda: "社保业务已恢复取号" in texts(shell, 0.2), timeout=5000)
    qtbot.waitUntil(lambda: "已由工作人员暂停取号" not in texts(shell, 0.2), timeout=5000)  # read again
    assert store.issue("social").number.endswith("001")
    rows = [(r.action, r.object, r.result) for r in audit_rows(kiosk)]
    assert ("queue_pause", "social", "ok") in rows and ("queue_resume", "social", "ok") in rows


def test_reprint_prints_the_same_number_and_qr(qtbot, shell, kiosk):
    from flows.queue import ticket_qr

    store = kiosk.services["queue"]
    first = store.issue("social")
    sim = kiosk.simulators["printer"]
    before = len(sim.qr_codes)
    click(qtbot, shell, "tab_queue")
    click(qtbot, shell, "reprint_prefix_social")
    for key in "12":  # a ticket not issued today
        click(qtbot, shell, f"key_{key}")
    click(qtbot, shell, "reprint")
    qtbot.waitUntil(lambda: "未能完成" in texts(shell), timeout=20000)
    assert "今日没有" in texts(shell) and len(sim.qr_codes) == before
    click(qtbot, shell, "key_1")
    assert first.number in " ".join(w.text() for w in shell.findChildren(QLineEdit, "reprint_number"))
    click(qtbot, shell, "reprint")
    qtbot.waitUntil(lambda: "号票已补打" in texts(shell), timeout=20000)
    assert first.number in sim.last_text and "社保业务" in sim.last_text
    assert sim.qr_codes[-1] == [ticket_qr(kiosk.services, first)]
    rows = [(r.action, r.object, r.result) for r in audit_rows(kiosk)]
    assert ("queue_reprint", first.number, "ok") in rows
    assert ("queue_reprint", first.number.replace("001", "012"), "failed") in rows


def test_reprint_with_the_printer_out_of_paper_says_so_and_is_audited(qtbot, shell, kiosk):
    first = kiosk.services["queue"].issue("social")
    kiosk.simulators["printer"].set_state("out")
    assert kiosk.devices["printer"].wait_until(lambda s: s.state is State.FAULT, 10)
    click(qtbot, shell, "tab_queue")
    click(qtbot, shell, "reprint_prefix_social")
    click(qtbot, shell, "key_1")
    click(qtbot, shell, "reprint")
    qtbot.waitUntil(lambda: "未能完成" in texts(shell), timeout=20000)
    assert ("queue_reprint", first.number, "failed") in [
        (r.action, r.object, r.result) for r in audit_rows(kiosk)
    ]


def test_journal_items_are_retried_or_settled_by_hand_and_audited(qtbot, shell, kiosk):
    from tests.backends.test_handwork import refund_refused

    srv, paid = kiosk.reference_servers, kiosk.services["paid_application"]
    keys = [refund_refused(paid, srv) for _ in range(2)]
    kiosk.alerts.raise_("journal", "unsettled", "业务长时间未能完成，请人工核对")
    click(qtbot, shell, "tab_journal")
    qtbot.waitUntil(lambda: texts(shell, 0.2).count("退款未成功") == 2, timeout=5000)  # read on a thread
    shown = texts(shell)
    assert shown.count("退款未成功") == 2 and "平台已拒绝申请" in shown and "金额" in shown
    shell.grab().save(str(SHOTS / "journal_1080x1920.png"))
    click(qtbot, shell, "retry_0")  # the gateway still refuses the refund
    qtbot.waitUntil(lambda: "未能完成" in texts(shell), timeout=30000)
    srv.gateway.faults.clear()
    click(qtbot, shell, "retry_0")
    qtbot.waitUntil(lambda: "已处理：已退款" in texts(shell), timeout=30000)
    qtbot.waitUntil(lambda: texts(shell, 0.2).count("退款未成功") == 1, timeout=5000)  # read again
    click(qtbot, shell, "by_hand_0_refunded_at_counter")
    qtbot.waitUntil(lambda: "已记录人工处理" in texts(shell, 0.2), timeout=5000)  # written on a thread
    qtbot.waitUntil(lambda: "没有需要人工处理的业务" in texts(shell, 0.2), timeout=5000)
    assert not [a for a in kiosk.alerts.active() if a.source == "journal"]
    rows = [(r.action, r.object, r.result) for r in audit_rows(kiosk)]
    assert ("journal_retry", keys[0], "failed") in rows and ("journal_retry", keys[0], "ok") in rows
    assert ("journal_by_hand", f"{keys[1]} refunded_at_counter", "ok") in rows


def test_a4_queue_shows_a_stuck_job_staff_cancel_it_and_retry_it(qtbot, shell, kiosk, tmp_path):
    """A job that is not a certificate's (a test page from a shell), where CUPS keeps job files."""
    device, sim = kiosk.devices["a4printer"], kiosk.simulators["a4printer"]
    assert device.wait_until(lambda s: s.state is State.OK, 10), device.status
    sim.keep_job_files(True)
    pdf = tmp_path / "test-page.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% a test page\n")
    sim.run_out_during_next()  # the tray empties as the job starts: it stays in the queue
    job = device.call(lambda d: d.print_pdf(pdf, title="test-page"), 30).job_id
    click(qtbot, shell, "tab_printer")
    qtbot.waitUntil(lambda: f"{job}  等待打印" in texts(shell), timeout=20000)
    shell.grab().save(str(SHOTS / "printer_a4_1080x1920.png"))
    click(qtbot, shell, f"a4_cancel_{job}")
    qtbot.waitUntil(lambda: f"{job}  已取消" in texts(shell), timeout=20000)
    assert f"打印任务 {job} 已取消" in texts(shell)
    sim.set_state("idle")  # paper loaded
    click(qtbot, shell, f"a4_retry_{job}")
    qtbot.waitUntil(lambda: f"{job}  已打印" in texts(shell), timeout=20000)
    assert sim.last_document is not None and sim.last_document.read_bytes() == pdf.read_bytes()
    rows = [(r.action, r.object, r.result) for r in audit_rows(kiosk)]
    assert ("a4_cancel", job, "ok") in rows and ("a4_retry", job, "ok") in rows


def test_a4_retry_is_not_offered_for_a_certificate_nor_a_job_cups_kept_no_file_of(
    qtbot, shell, kiosk, tmp_path
):
    from hall.certificate_prints import CertificatePrints
    from kiosk.maintenance.a4 import A4Desk

    device, sim = kiosk.devices["a4printer"], kiosk.simulators["a4printer"]
    assert device.wait_until(lambda s: s.state is State.OK, 10), device.status
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    sim.keep_job_files(True)  # even where CUPS keeps the certificate's file
    sim.run_out_during_next()
    prints = CertificatePrints(kiosk.services["journal"], device)
    cert = str(prints.submit("SO20261201000042", 1, pdf, 1, {"kind": "social"}).refs["job"])
    device.call(lambda d: d.cancel_job(cert), 30)  # staff cancel it in CUPS
    sim.set_state("idle")
    sim.keep_job_files(False)  # as deployed: PreserveJobFiles No
    sim.run_out_during_next()
    page = device.call(lambda d: d.print_pdf(pdf, title="test-page"), 30).job_id
    device.call(lambda d: d.cancel_job(page), 30)
    sim.set_state("idle")
    click(qtbot, shell, "tab_printer")
    qtbot.waitUntil(
        lambda: f"{cert}  已取消" in texts(shell) and f"{page}  已取消" in texts(shell), timeout=20000
    )
    shown = texts(shell)
    assert "证明须由市民在自助流程中重新打印；流水记录显示是否已付费" in shown
    assert "打印服务未保留该任务的文件，无法重新打印" in shown
    assert shell.findChild(QWidget, f"a4_retry_{cert}") is None
    assert shell.findChild(QWidget, f"a4_retry_{page}") is None
    shell.grab().save(str(SHOTS / "printer_a4_no_retry_1080x1920.png"))
    shell.resize(1920, 1080)
    QApplication.processEvents()
    shell.grab().save(str(SHOTS / "printer_a4_no_retry_1920x1080.png"))
    # nor can a retry be forced past the screen: refused, audited, nothing printed
    outcome = A4Desk(shell.build_staff().maint).retry(cert)
    assert not outcome.ok and "自助流程" in str(outcome.message)
    assert ("a4_retry", cert, "failed") in [(r.action, r.object, r.result) for r in audit_rows(kiosk)]
    assert sim.documents == []


def test_a4_cancel_refused_by_cups_is_shown_and_audited(qtbot, shell, kiosk, tmp_path):
    device, sim = kiosk.devices["a4printer"], kiosk.simulators["a4printer"]
    assert device.wait_until(lambda s: s.state is State.OK, 10), device.status
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    sim.run_out_during_next()
    job = device.call(lambda d: d.print_pdf(pdf), 30).job_id
    click(qtbot, shell, "tab_printer")
    qtbot.waitUntil(lambda: f"{job}  等待打印" in texts(shell), timeout=20000)
    sim.set_scheduler(False)  # CUPS stops answering mid-maintenance
    click(qtbot, shell, f"a4_cancel_{job}")
    qtbot.waitUntil(lambda: "未能完成" in texts(shell), timeout=20000)
    assert ("a4_cancel", job, "failed") in [(r.action, r.object, r.result) for r in audit_rows(kiosk)]


def test_health_file_reports_open_alerts_journal_items_and_the_last_staff_visit(qtbot, shell, kiosk):
    import json
    from pathlib import Path

    from tests.backends.test_handwork import refund_refused

    refund_refused(kiosk.services["paid_application"], kiosk.reference_servers)
    kiosk.alerts.raise_("printer", "paper_near_end", "凭条打印机：纸将用完")
    kiosk.alerts.acknowledge("printer", "paper_near_end")
    kiosk.services["remote"].refresh()  # its thread does this every interval
    kiosk.write_health()
    status = json.loads(Path(kiosk.config["health"]["status_file"]).read_text(encoding="utf-8"))
    (alert,) = [a for a in status["alerts"] if a["code"] == "paper_near_end"]
    assert alert["acknowledged"] is True and alert["ts"]
    (item,) = status["journal_needing_hand"]
    assert item["kind"] == "refund_failed" and item["amount_fen"] > 0
    assert item["acceptance_no"].startswith("****")  # masked
    assert status["last_staff_visit"] == shell.clock.now().isoformat(timespec="seconds")


def test_a_long_alert_in_english_overlaps_nothing_on_a_page_taller_than_the_screen(qtbot, shell, kiosk):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QLabel, QPushButton

    from core.text import tr

    why = "speech service did not answer within 3 s, twice in a row, after a restart of the service"
    kiosk.alerts.raise_("voice", "degraded", tr("语音播报不可用：{why}", why=why))
    kiosk.alerts.raise_("printer", "paper_near_end", tr("纸将用尽"))
    click(qtbot, shell, "language")
    click(qtbot, shell, "tab_printer")
    click(qtbot, shell, "tab_overview")
    qtbot.waitUntil(lambda: "Voice guidance unavailable" in texts(shell), timeout=5000)  # figures redraw it

    def place(w) -> QRect:  # type: ignore[no-untyped-def]
        return QRect(w.mapTo(shell, w.rect().topLeft()), w.size())

    panel = shell.staff.panel
    shown = [w for w in panel.findChildren(QLabel) + panel.findChildren(QPushButton) if w.isVisible()]
    rows = [w for w in shown if w.objectName().startswith(("alert_", "ack_", "clear_"))]
    assert len(rows) == 6
    clashes = [
        (a.objectName(), b.objectName())
        for i, a in enumerate(rows)
        for b in rows[i + 1 :]
        if place(a).intersects(place(b))
    ]
    assert clashes == []
    shell.grab().save(str(SHOTS / "overview_long_alert_en_1080x1920.png"))


def test_a_fresh_kiosk_reports_no_staff_visit_and_no_journal_items_not_unknown(kiosk):
    view = kiosk.services["remote"].refresh()  # before anyone opened the staff audit table
    assert view == {"journal_needing_hand": [], "last_staff_visit": None}
    assert kiosk.health()["last_staff_visit"] is None
