"""The queue as staff look after it: pause and resume a service (every kiosk of the hall
refuses its tickets meanwhile), today's tickets by status, and reprinting a ticket by its
number with the content and QR code it was issued with. Each change is audited."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.text import Text, tr
from flows.queue import ticket_print
from kiosk.maintenance.actions import Maintenance, ServiceRow
from kiosk.maintenance.session import Outcome, Refused

if TYPE_CHECKING:
    from hall.queue.store import QueueStore

STATUS_NAMES = {
    "waiting": tr("等候"),
    "called": tr("已叫号"),
    "done": tr("已办结"),
    "no_show": tr("过号"),
}


class QueueDesk:
    def __init__(self, maint: Maintenance) -> None:
        self.maint = maint

    @property
    def store(self) -> QueueStore | None:
        return self.maint.kiosk.services.get("queue")

    def services(self) -> list[ServiceRow]:
        return self.maint.queue()

    def prefixes(self) -> list[tuple[str, str]]:
        """(service code, ticket prefix) of each service, for typing a number to reprint."""
        store = self.store
        return [] if store is None else [(s.code, s.prefix) for s in store.settings.services]

    def by_status(self) -> dict[str, dict[str, int]]:
        """service code -> status -> today's tickets (empty when the store is down)."""
        from hall.queue.today import tickets_by_status

        store = self.store
        if store is None:
            return {}
        try:
            return tickets_by_status(store.engine, store.today())
        except Exception:  # the store down is shown by its alert; the page shows the rest
            return {}

    def _store(self) -> QueueStore:
        if self.store is None:
            raise Refused(tr("排队系统不可用"))
        return self.store

    def pause(self, code: str) -> Outcome:
        def run() -> Text:
            store = self._store()
            name = store.service(code).name_zh
            if not store.pauses.pause(code, self.maint.session.staff or "staff"):
                return tr("{name}已处于暂停状态", name=name)
            return tr("{name}已暂停取号", name=name)

        return self.maint.session.act("queue_pause", code, run)

    def resume(self, code: str) -> Outcome:
        def run() -> Text:
            store = self._store()
            name = store.service(code).name_zh
            store.pauses.resume(code)
            return tr("{name}已恢复取号", name=name)

        return self.maint.session.act("queue_resume", code, run)

    def reprint(self, code: str, seq: int) -> Outcome:
        """Today's ticket `seq` of the service, printed again (slow: run it off the GUI thread)."""

        def run() -> Text:
            store = self._store()
            svc = store.service(code)
            number = svc.number(seq)
            ticket = store.ticket(number)
            if ticket is None:
                raise Refused(tr("今日没有 {n} 号", n=number))
            kiosk = self.maint.kiosk
            layout, data = ticket_print(kiosk.config, kiosk.services, svc, store.standing(ticket))
            printer: Any = self.maint.kiosk.devices["printer"]
            result = printer.call(lambda d: d.print_layout(layout, data), 30)
            if not result.completed:
                raise Refused(result.reason)
            return tr("{n} 号票已补打", n=number)

        store = self.store
        number = store.service(code).number(seq) if store is not None else f"{code}{seq}"
        return self.maint.session.act("queue_reprint", number, run)
