"""Follow-up items in maintenance mode, without Qt: bad ratings and 办不成事 reports, open ones
soonest due first, overdue ones marked; closing one with a reply goes through StaffSession.act
(audited). Phone numbers are shown masked: staff read one in full to call back with
`python -m hall.ratings phone REF` (audited), never off a kiosk screen in the hall."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from core.every import Every
from core.text import Bilingual, Text, tr
from kiosk.maintenance.session import Outcome

if TYPE_CHECKING:
    from kiosk.maintenance.actions import Maintenance


KINDS = {"rating": tr("差评回访"), "unresolved": tr("办不成事")}
CALLED = tr("已电话联系市民并解决")
QUICK_REPLIES = (
    CALLED,
    tr("已告知办理地点和所需材料"),
    tr("已转交相关部门处理"),
)


def quick_replies(phone: str) -> tuple[Text, ...]:
    """The replies staff may pick: "called the citizen" only when a number was left."""
    return QUICK_REPLIES if phone else tuple(r for r in QUICK_REPLIES if r != CALLED)


def overdue_alert(store: Any, alerts: Any) -> int:
    """Raise (or clear) the staff alert for items past their deadline; returns how many. Run at
    start, after each item staff close here, and by OverdueWatch while the kiosk runs."""
    today = store.today()
    late = sum(i.overdue(today) for i in store.items(open_only=True, limit=10_000))
    if late:
        alerts.raise_("ratings", "overdue", tr("{n} 项回访或办不成事已超过答复期限", n=late), "warning")
    else:
        alerts.clear("ratings", "overdue")
    return late


class OverdueWatch:
    """overdue_alert every `every` seconds on a thread of its own (a database read never holds
    the screen): a deadline passing while the kiosk runs, or a close from the CLI or another
    kiosk, shows in the alerts without a restart."""

    def __init__(self, store: Any, alerts: Any, every: float) -> None:
        self._every = Every("overdue-followups", every, lambda: overdue_alert(store, alerts))

    def start(self) -> None:
        self._every.start()

    def stop(self) -> None:
        self._every.stop()


@dataclass(frozen=True)
class ItemRow:
    ref: str
    kind: Text
    service: Text  # the service's name as the citizen saw it ("" without one)
    what: str
    phone: str  # masked, "" without one
    opened: str  # "12-01 10:05"
    due: date
    overdue: bool
    closed: bool
    reply: str


class Followups:
    def __init__(self, maint: Maintenance) -> None:
        self.maint = maint

    @property
    def store(self) -> Any:
        return self.maint.kiosk.services.get("ratings")

    def items(self, limit: int = 50) -> list[ItemRow]:
        store = self.store
        if store is None:
            return []
        from hall.ratings.model import mask_phone

        today = store.today()
        return [
            ItemRow(
                i.ref,
                KINDS.get(i.kind, Text(i.kind)),
                self.service_name(i.service),
                i.what,
                mask_phone(i.phone),
                f"{i.opened_at:%m-%d %H:%M}",
                i.due,
                i.overdue(today),
                i.status == "closed",
                i.reply,
            )
            for i in store.items(limit=limit)
        ]

    def service_name(self, code: str) -> Text:
        """A journey key or queue service code as home and the ticket name it (staff do not know
        the codes); a code no longer configured as it is."""
        spec = self.maint.kiosk.catalog.get(code)
        if spec is not None:
            return spec.title
        for svc in self.maint.kiosk.config["queue"]["services"]:
            if svc["code"] == code:
                return Bilingual(svc["name_zh"], (), svc["name_en"])
        return Text(code)

    def close(self, ref: str, reply: str) -> Outcome:
        store = self.store
        staff = self.maint.session.staff or "unknown"

        def run() -> Text:
            if store is None:
                raise RuntimeError(str(tr("评价系统不可用")))
            store.close(ref, reply, staff)
            overdue_alert(store, self.maint.kiosk.alerts)
            return tr("{ref} 已办结", ref=ref)

        return self.maint.session.act("followup.close", ref, run)
