"""`make run`'s simulator panel scripts the reference servers' faults staff must put right: the
platform refusing an application after payment, the gateway failing the refund. A paid reissue
under both is an item on the maintenance journal page, which a retry settles once the refund
fault is switched off on the panel."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QPushButton

from backends.payment.api import Mode
from backends.platform.api import Kind
from hall.journal import FAILED
from hall.saga import PAID
from kiosk.ui.sim_panel import SERVERS
from tests.backends.support import AUTH, WANG
from tests.ui.conftest import simulated_kiosk
from tests.ui.test_maintenance import FAST, PIN, SHOTS, audit_rows, click, staff_shell, texts


@pytest.fixture
def kiosk(tmp_path):
    k = simulated_kiosk(tmp_path, ["demo"], **{"staff.pins": [{"id": "S01", "hash": FAST.hash(PIN)}]})
    yield k
    k.stop()


@pytest.fixture
def panel(qtbot, kiosk):
    from kiosk.ui.app import application
    from kiosk.ui.sim_panel import SimulatorPanel

    application()
    p = SimulatorPanel(kiosk)
    qtbot.addWidget(p)
    p.resize(520, 1400)
    p.show()
    return p


def switch(qtbot, panel, label: str, value: str) -> None:
    """Choose on or off beside the control labelled `label` and press it, as staff would."""
    button = next(b for b in panel.findChildren(QPushButton) if b.text() == label)
    combo = panel.findChild(QComboBox, button.objectName().replace("control_", "choices_"))
    combo.setCurrentIndex(combo.findData(value))
    button.click()


def test_panel_faults_put_a_refused_paid_reissue_on_the_journal_page_and_a_retry_settles_it(
    qtbot, kiosk, panel
):
    status = panel.status_labels[SERVERS]
    qtbot.waitUntil(lambda: status.full_text() == "无故障", timeout=5000)
    switch(qtbot, panel, "平台拒绝已缴费的申请", "on")
    switch(qtbot, panel, "支付网关退款失败", "on")
    qtbot.waitUntil(lambda: "平台拒绝已缴费的申请" in status.full_text(), timeout=5000)
    assert "支付网关退款失败" in status.full_text()
    bar = panel.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())  # the servers' box is the last
    panel.grab().save(str(SHOTS / "sim_panel_backends.png"))

    paid = kiosk.services["paid_application"]  # a citizen's paid reissue, as the journey pays it
    case = paid.open(WANG, Kind.REISSUE_LOST)
    order = paid.pay(case, Mode.MICROPAY, AUTH)
    assert not paid.settle(case.saga).final  # refused after payment; the refund failed
    steps = {s.kind: s for s in paid.journal.saga(case.saga)}
    assert steps[PAID].state == FAILED and steps[PAID].after["error"] == "wrong_state"  # the panel's
    assert kiosk.reference_servers.gateway.net_fen(order.order_no) > 0  # the citizen is out of pocket

    shell = staff_shell(qtbot, kiosk)
    try:
        click(qtbot, shell, "tab_journal")
        qtbot.waitUntil(lambda: "退款未成功" in texts(shell), timeout=10000)
        assert "平台已拒绝申请" in texts(shell)
        shell.grab().save(str(SHOTS / "journal_from_panel_1080x1920.png"))
        switch(qtbot, panel, "支付网关退款失败", "off")
        click(qtbot, shell, "retry_0")
        qtbot.waitUntil(lambda: "已处理：已退款" in texts(shell), timeout=30000)
        qtbot.waitUntil(lambda: "没有需要人工处理的业务" in texts(shell, 0.2), timeout=5000)  # read again
        assert kiosk.reference_servers.gateway.net_fen(order.order_no) == 0
        rows = [(r.action, r.object, r.result) for r in audit_rows(kiosk)]
        assert ("journal_retry", case.saga, "ok") in rows
    finally:
        shell.shutdown()
