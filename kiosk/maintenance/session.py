"""The staff session: entry by PIN or card (each try audited), idle end, exit. Qt-free; the
maintenance screens drive it and every action goes through `act` so it is audited."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from core.text import Text, TextLike, as_text, tr
from kiosk.idle import IdleWatch
from kiosk.maintenance.auth import Attempt, StaffAuth

if TYPE_CHECKING:  # the audit table brings SQLAlchemy, opened at the first entry attempt
    from hall.audit import AuditLog

log = logging.getLogger(__name__)

T = TypeVar("T")


class Refused(Exception):
    """A staff action that cannot be done as asked; `reason` is shown and audited."""

    def __init__(self, reason: Text) -> None:
        self.reason = reason
        super().__init__(str(reason))


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: Text


class StaffSession:
    def __init__(self, auth: StaffAuth, audit: AuditLog | None, idle: IdleWatch) -> None:
        self.auth = auth
        self.audit = audit
        self.idle = idle
        self.staff: str | None = None

    @property
    def active(self) -> bool:
        return self.staff is not None

    def _record(self, subject: str, action: str, obj: str = "", result: str = "ok", detail: str = "") -> None:
        if self.audit is None:
            log.warning("no audit table: %s %s %s %s", subject, action, obj, result)
            return
        try:
            self.audit.record(subject, action, obj, result, detail)
        except Exception:  # the trail is down: say so in the log, never lock staff out of fixing it
            log.exception("audit row not written: %s %s %s %s", subject, action, obj, result)

    def enter_pin(self, pin: str) -> Attempt:
        return self._enter("pin", self.auth.check_pin(pin))

    def enter_card(self, id_number: str) -> Attempt:
        return self._enter("card", self.auth.check_card(id_number))

    def _enter(self, way: str, attempt: Attempt) -> Attempt:
        if attempt.staff is None:
            detail = f"locked {attempt.locked_for:.0f}s" if attempt.locked_for else ""
            self._record("unknown", "enter", way, "refused", detail)
        else:
            self.staff = attempt.staff
            self.idle.touch()
            self._record(attempt.staff, "enter", way)
        return attempt

    def touch(self) -> None:
        self.idle.touch()

    @property
    def expired(self) -> bool:
        return self.active and self.idle.state().expired

    def end(self, why: str) -> None:
        """Idle or exit: the screens go back to the citizen home."""
        if self.staff is not None:
            self._record(self.staff, "exit", why)
        self.staff = None

    def act(self, action: str, obj: str, fn: Callable[[], TextLike | None]) -> Outcome:
        """Run one staff action and audit it; a device or store failing is an outcome to show."""
        self.idle.touch()
        who = self.staff or "unknown"
        try:
            said = fn()
        except Exception as e:
            reason = as_text(getattr(e, "reason", None) or str(e) or type(e).__name__)
            self._record(who, action, obj, "failed", str(reason))
            log.warning("staff action %s %s failed: %s", action, obj, reason)
            return Outcome(False, tr("未能完成：{why}", why=reason))
        self._record(who, action, obj)
        return Outcome(True, as_text(said) if said is not None else tr("已完成"))
