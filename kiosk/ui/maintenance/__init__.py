"""Staff maintenance mode in the shell: the hidden gesture, the PIN keypad, a staff card on
the ID reader, the maintenance panel, and the way back to the citizen home (exit or idle)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from core.text import Text, tr
from kiosk.idle import IdleWatch
from kiosk.maintenance.actions import Maintenance
from kiosk.maintenance.auth import Attempt, StaffAuth
from kiosk.maintenance.gesture import CornerTaps
from kiosk.maintenance.power import shut_down
from kiosk.maintenance.session import Outcome, StaffSession
from kiosk.ui.bridge import channel
from kiosk.ui.i18n import ui
from kiosk.ui.maintenance.panel import MaintenancePanel
from kiosk.ui.maintenance.pin import PinScreen

if TYPE_CHECKING:
    from hall.audit import AuditLog
    from kiosk.ui.shell import Shell

log = logging.getLogger(__name__)

PIN, PANEL = "staff_pin", "staff"
RESTART_CODE = 75  # any exit is restarted by systemd (deploy/kiosk.service: Restart=always)


def open_audit(shell: Shell) -> AuditLog | None:
    """The audit table in the hall's database, opened at the first entry attempt."""
    # SQLAlchemy: not before the first painted home. Imported before migrating: importing
    # hall.audit registers its table's migration (else a fresh database has no staff_audit)
    from hall.audit import AuditLog
    from hall.db import migrate, open_engine
    from hall.queue.factory import database_url

    config = shell.kiosk.config
    try:
        engine = open_engine(database_url(config, config.resolve))
        migrate(engine)
    except Exception:
        log.exception("staff audit table unavailable")
        return None

    return AuditLog(engine, config["kiosk"]["kiosk_id"], shell.clock.now)


class StaffMode:
    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        settings = shell.kiosk.config["staff"]
        self.auth = StaffAuth(settings, shell.clock)
        self.gesture = CornerTaps(settings, shell.metrics.px_per_mm)
        self.idle = IdleWatch(shell.clock, settings["idle_timeout"], 0)
        self.session = StaffSession(self.auth, None, self.idle)
        self._audit_opened = False
        self.maint = Maintenance(shell.kiosk, self.session)
        self.pin_screen = PinScreen(self.pin_entered, self.leave)
        restart = self.restart if settings["allow_restart"] else None
        shutdown = self.shutdown if settings["shutdown_command"] else None
        self.panel = MaintenancePanel(self.leave, restart, shutdown)
        shell.stack.addWidget(self.pin_screen)
        self.checking = False  # a PIN or card is being checked (argon2 takes a good part of a second)
        self._by_card = False  # what is being checked: a card (else a PIN)
        self._checked = channel(self._result, owner=self.pin_screen)
        shell.stack.addWidget(self.panel)

    @property
    def showing(self) -> bool:
        return self.shell.mode in (PIN, PANEL)

    def _audit(self) -> None:
        if not self._audit_opened:
            self._audit_opened = True
            self.session.audit = open_audit(self.shell)
            if self.session.audit is not None:
                try:
                    self.auth.restore(*self.session.audit.failed_pins())
                except Exception:
                    log.exception("earlier failed entries not read")

    # ---- ways in ----
    def press(self, x: float, y: float) -> bool:
        """A press anywhere; True when it completed the gesture and the keypad is shown. Only on
        the home and attract screens: mid-journey the citizen's session is left alone."""
        if not self.auth.enabled or self.shell.mode not in ("home", "attract"):
            return False
        if not self.gesture.press(
            x, y, self.shell.width(), self.shell.height(), self.shell.clock.monotonic()
        ):
            return False
        self.show_pin()
        return True

    def show_pin(self) -> None:
        self.shell.mode = PIN
        self.shell.idle.touch()
        self.pin_screen.reset()
        self.shell.stack.setCurrentWidget(self.pin_screen)
        self.shell.retranslate()

    def pin_entered(self, pin: str) -> None:
        self.shell.idle.touch()
        self._check(lambda: self.session.enter_pin(pin), by_card=False)

    def _check(self, attempt: Callable[[], Attempt], by_card: bool) -> None:
        """argon2 is slow on purpose: check (and audit) on a thread so the screen keeps
        answering; the outcome comes back through the bridge."""
        if self.checking:
            return
        self.checking, self._by_card = True, by_card
        self.pin_screen.ok.setEnabled(False)

        def run() -> None:
            self._audit()
            result = attempt()
            remote = self.shell.kiosk.services.get("remote")
            if result.staff is not None and remote is not None:
                remote.refresh()  # the health file shows the visit at its next write
            self._checked.send(result)

        threading.Thread(target=run, daemon=True, name="staff-check").start()

    def card(self, id_number: str) -> bool:
        """A card read on the home or keypad screen is checked as a staff card (True: taken)."""
        if not self.auth.cards or self.shell.mode not in ("home", "attract", PIN):
            return False
        self._check(lambda: self.session.enter_card(id_number), by_card=True)
        return True

    def _result(self, attempt: Attempt) -> None:
        self.checking = False
        self.pin_screen.ok.setEnabled(True)
        if attempt.staff is not None and self.shell.mode in ("flow", "error"):
            self.session.end("citizen_session")  # a citizen started a journey meanwhile: theirs
            return
        if attempt.staff is not None:
            self.show_panel()
            return
        if self.shell.mode != PIN:
            return  # a citizen's card on the home screen is none of ours (the try is audited)
        if attempt.locked_for > 0:
            message: Text = tr("输入错误次数过多，请 {s} 秒后再试", s=int(attempt.locked_for + 0.999))
        elif self._by_card:
            message = tr("此卡未登记为工作人员卡")
        else:
            message = tr("密码不正确")
        self.pin_screen.show_error(message)

    def show_panel(self) -> None:
        self.shell.mode = PANEL
        self.panel.open(self.maint)
        self.shell.stack.setCurrentWidget(self.panel)
        self.shell.retranslate()

    # ---- ways out ----
    def leave(self) -> None:
        self.end("exit")

    def end(self, why: str) -> None:
        self.session.end(why)
        self.shell.go_home()

    def restart(self) -> None:
        self.session.act("restart", "kiosk", lambda: None)
        self.end("restart")
        QApplication.exit(RESTART_CODE)

    def shutdown(self) -> Outcome:
        """Power off for the night; a command that fails leaves staff in maintenance to see why."""
        outcome = shut_down(self.session, self.shell.kiosk.config["staff"]["shutdown_command"])
        if outcome.ok:
            self.end("shutdown")
            QApplication.exit(0)
        return outcome

    # ---- time and touches ----
    def touched(self) -> None:
        if self.shell.mode == PANEL:
            self.session.touch()

    def tick(self) -> None:
        """Idle in the panel ends the staff session; idle on the keypad goes home too."""
        if self.shell.mode == PANEL and self.session.expired:
            self.end("idle")
        elif self.shell.mode == PIN and self.shell.idle.idle_for >= self.shell.kcfg["idle_timeout"]:
            self.shell.go_home()

    def retranslate(self) -> None:
        if self.shell.mode == PIN:
            self.pin_screen.build()
            self.pin_screen.error.setText(ui(self.pin_screen.error_text))
        elif self.shell.mode == PANEL:
            self.panel.redraw()
