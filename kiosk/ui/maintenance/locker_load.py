"""Loading the pickup locker: the card's acceptance number scanned, the holder's ID card read,
or the number typed on the keypad; load into the smallest free compartment of a size or into the
one selected on the lockers page; take a card back to the counter; move it. The logic, audited,
is kiosk.maintenance.locker_load; this only renders it."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtWidgets import QVBoxLayout

from core.text import tr
from kiosk.maintenance.actions import Maintenance
from kiosk.maintenance.locker_load import LockerLoading, acceptance_no
from kiosk.maintenance.session import Outcome
from kiosk.ui.bridge import channel
from kiosk.ui.i18n import ui
from kiosk.ui.maintenance.page import Page, grid
from kiosk.ui.widgets import button, label

SIZES = (("S", tr("小格")), ("M", tr("中格")), ("L", tr("大格")))


class LoadPage(Page):
    key = "locker_load"
    title = tr("装取证件")

    def reset(self) -> None:
        self.digits = ""
        self.loading: LockerLoading | None = None

    def _loading(self, maint: Maintenance) -> LockerLoading:
        if self.loading is None:
            self.loading = LockerLoading(maint.kiosk, maint.session)
        return self.loading

    @property
    def acc(self) -> str | None:
        return acceptance_no(self.digits)

    def device_event(self, maint: Maintenance, kind: str, payload: Any) -> bool:
        """A scanned acceptance number fills the field; a read ID card is looked up (off the
        GUI thread) for its holder's card; the number read from it is never shown."""
        if kind == "scanned" and (acc := acceptance_no(str(payload))) is not None:
            self.digits, self.panel.result = acc[2:], None
            return True
        if kind == "card_inserted":
            self.panel.load(partial(self._loading(maint).card_holder, payload.id_number), self._read)
            return False
        return False

    def _read(self, found: tuple[str | None, Outcome] | Exception) -> None:
        if isinstance(found, Exception):
            self.panel.result = Outcome(False, tr("未能完成：{why}", why=str(found)))
            return
        acc, self.panel.result = found
        if acc is not None:
            self.digits = acc[2:]

    def render(self, maint: Maintenance, box: QVBoxLayout) -> None:
        loading = self._loading(maint)
        if loading.handover is None:
            box.addWidget(label(ui(tr("本机没有取件柜，或库存不可用")), "Hint"))
            return
        box.addWidget(
            label(ui(tr("扫描证件袋上的受理号，刷持证人的身份证，或输入受理号的 13 位数字")), "Hint")
        )
        box.addWidget(label(f"SL{self.digits}" + "_" * (13 - len(self.digits)), "Title", wrap=False))
        keys = []
        for key in [*"1234567890", "del", "clear"]:
            text = {"del": ui(tr("删除")), "clear": ui(tr("清除"))}.get(key, key)
            keys.append(button(text, partial(self._key, key), role="secondary", name=f"load_key_{key}"))
        box.addWidget(grid(keys, 6))
        acc = str(self.acc)
        chosen = getattr(self.panel.pages.get("lockers"), "selected", None)  # the lockers page's
        actions = [
            button(
                ui(tr("装入{size}", size=name)),
                partial(self._run, partial(loading.load, acc, size=size)),
                name=f"load_{size}",
            )
            for size, name in SIZES
        ]
        if chosen is not None:
            actions += [
                button(
                    ui(tr("装入 {n} 号柜", n=chosen)),
                    partial(self._run, partial(loading.load, acc, number=chosen)),
                    name="load_chosen",
                ),
                button(
                    ui(tr("移到 {n} 号柜", n=chosen)),
                    partial(self._run, partial(loading.move, acc, number=chosen)),
                    name="move_chosen",
                ),
            ]
        actions.append(
            button(
                ui(tr("取回窗口")),
                partial(self._run, partial(loading.unload, acc)),
                role="secondary",
                name="unload",
            )
        )
        for b in actions:
            b.setEnabled(self.acc is not None)
        box.addWidget(grid(actions, 2))
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
        loading = self.loading
        assert loading is not None
        shown = channel(self._show, owner=self.panel)

        def opened_then_closed() -> Outcome:
            opened: Outcome = action()
            if not opened.ok or loading.open is None:
                return opened
            shown.send(opened)  # which door is open, while staff are at it
            return loading.finish()

        self.panel.run(opened_then_closed)

    def _show(self, outcome: Outcome) -> None:
        self.panel.result = outcome
        if self.panel.page == self.key:
            self.panel.redraw()
