"""An ID card left on the reader after its journey. Journeys ask for the card back and go on
after two reminders; at night nobody else would notice it before the next stranger does. While
it lies there the home says so, and after a while staff are told (the alert names no one: the
kiosk never keeps what it read)."""

from __future__ import annotations

from collections.abc import Callable

from core.text import tr
from kiosk.alerts import Alerts

# Long enough for a citizen who walked a few steps to come back for it, short enough that staff
# on call hear before the next visitor finds it.
ALERT_AFTER_S = 120.0
SOURCE, CODE = "idcard", "card_left"
NOTICE = tr("读卡器上留有一张身份证，请取回")


class LeftCard:
    """Watches the reader's card while the home shows; the GUI thread's (not thread-safe).

    `present` is what the reader says: True, False, or None when it cannot tell (faulty, away):
    an unknown reader neither leaves a card nor takes one away."""

    def __init__(self, alerts: Alerts, monotonic: Callable[[], float], alert_after: float = ALERT_AFTER_S):
        self.alerts = alerts
        self.monotonic = monotonic
        self.alert_after = alert_after
        self._since: float | None = None  # when the first journey that left it ended
        self._alerted = False

    @property
    def left(self) -> bool:
        return self._since is not None

    def journey_ended(self, present: bool | None) -> bool:
        """A journey gave way to the home: True while a card lies there (say so now). A journey
        in between (one that never asked for the card) does not restart the wait for staff."""
        if present and self._since is None:
            self._since = self.monotonic()
        return self.check(present)

    def check(self, present: bool | None) -> bool:
        """Each tick while home shows: False once the card is seen gone."""
        if self._since is None:
            return False
        if present is False:
            self._since = None
            if self._alerted:
                self._alerted = False
                self.alerts.clear(SOURCE, CODE)
            return False
        if not self._alerted and self.monotonic() - self._since >= self.alert_after:
            self._alerted = True
            minutes = max(1, round(self.alert_after / 60))
            message = tr("身份证遗留在读卡器上已超过 {m} 分钟，请工作人员取出保管", m=minutes)
            self.alerts.raise_(SOURCE, CODE, message, "warning")
        return True
