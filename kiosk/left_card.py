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
    """Watches the reader's card while the home shows; not thread-safe (the GUI thread's)."""

    def __init__(self, alerts: Alerts, monotonic: Callable[[], float], alert_after: float = ALERT_AFTER_S):
        self.alerts = alerts
        self.monotonic = monotonic
        self.alert_after = alert_after
        self._since: float | None = None  # when the journey that left it ended
        self._alerted = False

    @property
    def left(self) -> bool:
        return self._since is not None

    def journey_ended(self, card_present: bool) -> bool:
        """The kiosk went home; True if a card was left behind (say so now)."""
        if card_present and self._since is None:
            self._since = self.monotonic()
            return True
        if not card_present:
            self.taken()
        return False

    def journey_started(self) -> None:
        """A journey asks for the card itself; what it does with one still there is its business."""
        self._since = None
        self._resolve()

    def check(self, card_present: bool) -> bool:
        """Each tick while home shows: False once the card is gone."""
        if self._since is None:
            return False
        if not card_present:
            self.taken()
            return False
        if not self._alerted and self.monotonic() - self._since >= self.alert_after:
            self._alerted = True
            minutes = max(1, round(self.alert_after / 60))
            message = tr("身份证遗留在读卡器上已超过 {m} 分钟，请工作人员取出保管", m=minutes)
            self.alerts.raise_(SOURCE, CODE, message, "warning")
        return True

    def taken(self) -> None:
        self._since = None
        self._resolve()

    def _resolve(self) -> None:
        if self._alerted:
            self._alerted = False
            self.alerts.clear(SOURCE, CODE)
