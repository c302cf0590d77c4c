"""Staff load the pickup locker in maintenance mode on the simulated kiosk: the card's number
scanned on the kiosk's scanner, the smallest free compartment opens, staff shut it, the platform
hears the card is ready there; then the card is taken back to the counter. Audited."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from backends.platform.api import AppState
from devices.base import State
from tests.pickup.support import accepted
from tests.ui.conftest import simulated_kiosk
from tests.ui.test_maintenance import FAST, PIN, SHOTS, audit_rows, btn, texts
from tests.ui.test_maintenance_devices import shell  # noqa: F401  (staff signed in)


@pytest.fixture
def kiosk(tmp_path):
    k = simulated_kiosk(tmp_path, ["pickup"], **{"staff.pins": [{"id": "S01", "hash": FAST.hash(PIN)}]})
    for kind in ("scanner", "locker"):
        assert k.devices[kind].wait_until(lambda s: s.state is State.OK, 15), k.devices[kind].status
    yield k
    k.stop()


def click(qtbot, shell, name: str) -> None:  # noqa: F811
    qtbot.mouseClick(btn(shell, name), Qt.MouseButton.LeftButton)


def test_scan_load_shut_then_back_to_the_counter(qtbot, shell, kiosk):  # noqa: F811
    platform, lockers, wall = (
        kiosk.services["platform"],
        kiosk.services["lockers"],
        kiosk.simulators["locker"],
    )
    acc = accepted(platform)
    click(qtbot, shell, "tab_locker_load")
    assert not btn(shell, "load_M").isEnabled()  # no number yet
    kiosk.simulators["scanner"].scan(acc)
    qtbot.waitUntil(lambda: acc in texts(shell), timeout=10000)
    click(qtbot, shell, "load_M")
    qtbot.waitUntil(lambda: "号柜已打开，请放入证件" in texts(shell), timeout=20000)
    n = lockers.find(acc).number
    assert f"{n} 号柜已打开" in texts(shell) and not wall.door_closed(n)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for w, h in ((1080, 1920), (1920, 1080)):
        shell.resize(w, h)
        qtbot.waitUntil(lambda: f"{n} 号柜已打开" in texts(shell), timeout=5000)
        shell.grab().save(str(SHOTS / f"locker_load_{w}x{h}.png"))
    shell.resize(1080, 1920)
    shell.toggle_language()  # the same page in English
    qtbot.waitUntil(lambda: f"Compartment {n} is open" in texts(shell), timeout=5000)
    shell.grab().save(str(SHOTS / "locker_load_en_1080x1920.png"))
    shell.toggle_language()
    qtbot.waitUntil(lambda: lockers.get(n).door_seen_open, timeout=10000)
    wall.close_door(n)  # the card is in
    qtbot.waitUntil(lambda: "业务系统已登记" in texts(shell), timeout=20000)
    app = platform.status(acc)
    assert (app.state, app.locker, app.kiosk) == (AppState.READY, n, "K01")

    click(qtbot, shell, "unload")
    qtbot.waitUntil(lambda: "请取出证件交回窗口" in texts(shell), timeout=20000)
    qtbot.waitUntil(lambda: lockers.get(n).door_seen_open, timeout=10000)
    wall.close_door(n)
    qtbot.waitUntil(lambda: "业务系统已登记" in texts(shell), timeout=20000)
    assert platform.status(acc).state == AppState.AT_COUNTER and lockers.find(acc) is None
    rows = [(r.action, r.object, r.result) for r in audit_rows(kiosk)]
    assert ("locker_load", f"card {acc}", "ok") in rows and ("locker_unload", f"card {acc}", "ok") in rows


def test_a_jammed_door_at_loading_is_said_and_nothing_recorded(qtbot, shell, kiosk):  # noqa: F811
    platform, lockers, wall = (
        kiosk.services["platform"],
        kiosk.services["lockers"],
        kiosk.simulators["locker"],
    )
    acc = accepted(platform)
    wall.toggle_jam(1)
    click(qtbot, shell, "tab_locker_load")
    for d in acc[2:]:
        click(qtbot, shell, f"load_key_{d}")
    click(qtbot, shell, "load_M")
    qtbot.waitUntil(lambda: "未能完成" in texts(shell), timeout=20000)
    assert lockers.find(acc) is None and lockers.get(1).state.value == "faulty"
    assert platform.status(acc).state == AppState.ACCEPTED
    assert ("locker_load", f"card {acc}", "failed") in [
        (r.action, r.object, r.result) for r in audit_rows(kiosk)
    ]


def test_reading_the_holders_card_finds_the_card_to_load(qtbot, shell, kiosk):  # noqa: F811
    platform = kiosk.services["platform"]
    acc = accepted(platform)
    assert kiosk.devices["idcard"].wait_until(lambda s: s.state is State.OK, 15)
    click(qtbot, shell, "tab_locker_load")
    kiosk.simulators["idcard"].insert("resident")  # the holder's card: the demo person
    qtbot.waitUntil(lambda: f"已读卡：受理号 {acc}" in texts(shell), timeout=20000)
    assert f"SL{acc[2:]}" in texts(shell) and "360426199101010071" not in texts(shell)
    assert btn(shell, "load_M").isEnabled()
