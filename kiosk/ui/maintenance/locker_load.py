"""The maintenance page for loading the pickup locker: the card's acceptance number scanned
(the kiosk's scanner) or typed on the keypad; load into the smallest free compartment of a size
or into the one selected on the lockers page; take a card back to the counter; move it. The
logic, audited, is kiosk.maintenance.locker_load; this only renders it."""

from __future__ import annotations

import threading
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QGridLayout, QVBoxLayout

from core.text import tr
from kiosk.maintenance.actions import Maintenance
from kiosk.maintenance.locker_load import LockerLoading, acceptance_no
from kiosk.maintenance.session import Outcome
from kiosk.ui.bridge import Channel, channel
from kiosk.ui.i18n import ui
from kiosk.ui.widgets import button, label

if TYPE_CHECKING:
    from kiosk.ui.maintenance.panel import MaintenancePanel

SIZES = (("S", tr("小格")), ("M", tr("中格")), ("L", tr("大格")))


class LoadPage:
    def __init__(self, panel: MaintenancePanel, maint: Maintenance) -> None:
        self.panel = panel
        self.loading = LockerLoading(maint.kiosk, maint.session)
        self.digits = ""
        self._shown = channel(self._show, owner=panel)
        devices = maint.kiosk.devices
        if "scanner" in devices:
            scanned = channel(self._scanned, owner=panel)
            devices["scanner"].subscribe(
                lambda ev: scanned.send(ev.payload) if ev.kind == "scanned" else None
            )
        if "idcard" in devices:
            read: Channel[tuple[str | None, Outcome]] = channel(self._read, owner=panel)
            devices["idcard"].subscribe(
                lambda ev: self._card(ev.payload.id_number, read.send) if ev.kind == "card_inserted" else None
            )

    def _scanned(self, code: Any) -> None:
        acc = acceptance_no(str(code))
        if acc is not None and self.panel.page == "locker_load":
            self.digits = acc[2:]
            self.panel.result = None
            self.panel.redraw()

    def _card(self, id_number: str, send: Any) -> None:
        """The reader's thread: look the holder's card up on a thread of its own (the platform)."""
        if self.panel.page == "locker_load":
            threading.Thread(target=lambda: send(self.loading.card_holder(id_number)), daemon=True).start()

    def _read(self, found: tuple[str | None, Outcome]) -> None:
        acc, outcome = found
        if acc is not None:
            self.digits = acc[2:]
        self._show(outcome)

    def _show(self, outcome: Outcome) -> None:
        self.panel.result = outcome
        if self.panel.page == "locker_load":
            self.panel.redraw()

    @property
    def acc(self) -> str | None:
        return acceptance_no(self.digits)

    def build(self, box: QVBoxLayout) -> None:
        if self.loading.handover is None:
            box.addWidget(label(ui(tr("本机没有取件柜，或库存不可用")), "Hint"))
            return
        box.addWidget(
            label(ui(tr("扫描证件袋上的受理号，刷持证人的身份证，或输入受理号的 13 位数字")), "Hint")
        )
        box.addWidget(label(f"SL{self.digits}" + "_" * (13 - len(self.digits)), "Title", wrap=False))
        keys = QGridLayout()
        for i, key in enumerate([*"1234567890", "del", "clear"]):
            text = {"del": ui(tr("删除")), "clear": ui(tr("清除"))}.get(key, key)
            b = button(text, partial(self._key, key), role="secondary", name=f"load_key_{key}")
            keys.addWidget(b, i // 6, i % 6)
        box.addLayout(keys)
        acc = self.acc
        chosen = self.panel.selected
        rows: list[Any] = [
            button(
                ui(tr("装入{size}", size=name)),
                partial(self._run, lambda s=size: self.loading.load(str(acc), size=s)),
                name=f"load_{size}",
            )
            for size, name in SIZES
        ]
        if chosen is not None:
            rows.append(
                button(
                    ui(tr("装入 {n} 号柜", n=chosen)),
                    partial(self._run, lambda: self.loading.load(str(acc), number=chosen)),
                    name="load_chosen",
                )
            )
            rows.append(
                button(
                    ui(tr("移到 {n} 号柜", n=chosen)),
                    partial(self._run, lambda: self.loading.move(str(acc), number=chosen)),
                    name="move_chosen",
                )
            )
        rows.append(
            button(
                ui(tr("取回窗口")),
                partial(self._run, lambda: self.loading.unload(str(acc))),
                role="secondary",
                name="unload",
            )
        )
        grid = QGridLayout()
        for i, b in enumerate(rows):
            b.setEnabled(acc is not None)
            grid.addWidget(b, i // 2, i % 2)
        box.addLayout(grid)
        if chosen is None:
            box.addWidget(label(ui(tr("在“取件柜”页选中一个柜格，可指定放入或移到该柜格")), "Hint"))

    def _key(self, key: str) -> None:
        if key == "del":
            self.digits = self.digits[:-1]
        elif key == "clear":
            self.digits = ""
        elif len(self.digits) < 13:
            self.digits += key
        self.panel.result = None
        self.panel.redraw()

    def _run(self, action: Any) -> None:
        """Open the door (off the GUI thread), show which one, then wait for it to be shut."""

        def opened_then_closed() -> Outcome:
            opened: Outcome = action()
            if not opened.ok or self.loading.open is None:
                return opened
            self._shown.send(opened)  # which door is open, while staff are at it
            return self.loading.finish()

        self.panel.run(opened_then_closed, slow=True)
