"""Every staff action on a compartment asks why, from a short list tapped on the screen, and the
reason lands in the staff audit row and the compartment's history; "back" leaves it undone."""

from __future__ import annotations

from core.text import tr
from kiosk.maintenance.locker_reasons import REASONS
from kiosk.ui.i18n import ui
from tests.ui.test_maintenance import SHOTS, audit_rows, btn, click, texts
from tests.ui.test_maintenance_devices import kiosk, scroll_to_bottom, shell  # noqa: F401  (staff signed in)

ACC = "A2026120100123"  # synthetic application number


def test_each_locker_action_records_its_reason(qtbot, shell, kiosk):  # noqa: F811
    lockers, wall = kiosk.services["lockers"], kiosk.simulators["locker"]
    lockers.load(ACC, "S01", number=3)  # the card in compartment 3, as the load page does
    qtbot.waitUntil(lambda: lockers.get(3).door_seen_open, timeout=10000)
    wall.close_door(3)
    qtbot.waitUntil(lambda: lockers.get(3).state.value == "loaded", timeout=10000)

    click(qtbot, shell, "tab_lockers")
    click(qtbot, shell, "slot_3")
    click(qtbot, shell, "locker_open")
    shown = texts(shell)
    assert "3 号柜 开门：请选择原因" in shown
    assert all(str(why) in shown for why in REASONS["open"])
    for w, h in ((1080, 1920), (1920, 1080)):
        shell.resize(w, h)
        scroll_to_bottom(shell)  # as staff scrolled to the compartment's buttons
        shell.grab().save(str(SHOTS / f"locker_reasons_{w}x{h}.png"))
    shell.resize(1080, 1920)
    shell.toggle_language()
    qtbot.waitUntil(lambda: "Take out an item left behind" in texts(shell), timeout=5000)
    shell.grab().save(str(SHOTS / "locker_reasons_en_1080x1920.png"))
    shell.toggle_language()
    qtbot.waitUntil(lambda: "取出遗留物品" in texts(shell), timeout=5000)
    click(qtbot, shell, "locker_open_1")
    qtbot.waitUntil(lambda: "3 号柜已打开" in texts(shell, 0.2), timeout=5000)  # done on a thread
    qtbot.waitUntil(lambda: lockers.get(3).door_seen_open, timeout=10000)
    wall.close_door(3)
    qtbot.waitUntil(lambda: lockers.get(3).state.value == "loaded", timeout=10000)

    for action, j, state in (("clear", 1, "empty"), ("faulty", 2, "faulty"), ("repaired", 0, "empty")):
        click(qtbot, shell, f"locker_{action}")
        click(qtbot, shell, f"locker_{action}_{j}")
        qtbot.waitUntil(lambda s=state: lockers.get(3).state.value == s, timeout=5000)

    rows = [(r.action, r.object, r.result) for r in audit_rows(kiosk)]
    for action, j in (("open", 1), ("clear", 1), ("faulty", 2), ("repaired", 0)):
        assert (f"locker_{action}", f"locker 3 {REASONS[action][j].source}", "ok") in rows, action
    told = {(h.event, h.detail) for h in lockers.history(3)}
    assert ("open_sent", "inspect: 取出遗留物品") in told
    assert ("cleared", "逾期未取退回") in told and ("faulty", "柜内损坏") in told
    assert ("repaired", "门锁已修好") in told


def test_back_leaves_the_compartment_as_it_was_and_audits_nothing(qtbot, shell, kiosk):  # noqa: F811
    click(qtbot, shell, "tab_lockers")
    click(qtbot, shell, "slot_1")
    click(qtbot, shell, "locker_faulty")
    assert ui(tr("门关不上")) in texts(shell)
    click(qtbot, shell, "locker_back")
    assert btn(shell, "locker_open").isVisible()
    assert kiosk.services["lockers"].get(1).state.value == "empty"
    assert not [r for r in audit_rows(kiosk) if r.action.startswith("locker_")]
