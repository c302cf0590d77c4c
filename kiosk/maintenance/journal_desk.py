"""The journal as staff put it right: the items needing a hand (hall/handwork.py), a retry by
the reconciler's own path, or settled by hand with a reason from the list. Each audited; when
nothing is left, the journal's "unsettled" alert is cleared."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from core.text import Text, tr
from kiosk.maintenance.actions import Maintenance
from kiosk.maintenance.session import Outcome, Refused

if TYPE_CHECKING:
    from hall.handwork import Item


class JournalDesk:
    def __init__(self, maint: Maintenance) -> None:
        self.maint = maint
        self.grace = timedelta(minutes=float(maint.kiosk.config["staff"]["journal_grace"]))

    @property
    def journal(self) -> Any:
        return self.maint.kiosk.services.get("journal")

    def items(self) -> list[Item]:
        from hall.handwork import needing_hand

        if self.journal is None:
            return []
        try:
            return needing_hand(self.journal, self.grace)
        except Exception:  # the database down is shown by its alert; the page says none
            return []

    def _settled(self) -> None:
        if not self.items():
            self.maint.kiosk.alerts.clear("journal", "unsettled")
        remote = self.maint.kiosk.services.get("remote")
        if remote is not None:
            remote.refresh()  # the health file follows at its next write

    def retry(self, saga: str) -> Outcome:
        """Drive the saga forward now (it calls the platform and the gateway: run it off the GUI
        thread)."""
        from hall.handwork import OUTCOME_NAMES

        def run() -> Text:
            reconciler = self.maint.kiosk.services.get("reconciler")
            if reconciler is None:
                raise Refused(tr("业务日志不可用"))
            outcome = reconciler.settle_one(saga)
            if not outcome.final:
                raise Refused(outcome.reason or tr("仍未能完成，本机稍后会自动重试"))
            self._settled()
            return tr("已处理：{outcome}", outcome=OUTCOME_NAMES.get(outcome.state, Text(outcome.state)))

        return self.maint.session.act("journal_retry", saga, run)

    def by_hand(self, saga: str, reason: str) -> Outcome:
        from hall.handwork import settle_by_hand

        def run() -> Text:
            if self.journal is None:
                raise Refused(tr("业务日志不可用"))
            if not settle_by_hand(self.journal, saga, self.maint.session.staff or "staff", reason):
                raise Refused(tr("这笔业务已处理完毕"))
            self._settled()
            return tr("已记录人工处理")

        return self.maint.session.act("journal_by_hand", f"{saga} {reason}", run)
