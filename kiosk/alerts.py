"""The one way to reach staff: alerts are persisted, kept for maintenance mode and the health
status, and pushed to an optional webhook. Drivers and services raise; they never decide who hears.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from core.redact import redact
from core.text import Text, TextLike, as_text
from kiosk.logs import json_line

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Alert:
    """Something staff must look at, as written to the alerts file and the webhook."""

    ts: str
    source: str  # "printer", "locker", "journal", ...
    code: str  # stable machine-readable code: "paper_near_end", "door_left_open", ...
    message: str  # masked, Chinese source text (the file, the webhook, the health status)
    severity: str = "warning"  # info, warning, critical
    kiosk_id: str = ""
    # the marked text, for the maintenance screens to render in the UI language (then masked)
    text: Text = field(default=Text(""), compare=False, repr=False)

    def to_json(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if k != "text"}


class Alerts:
    """Thread-safe; raise_() may be called from any worker."""

    def __init__(
        self,
        path: Path | None,
        kiosk_id: str = "",
        webhook: str = "",
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.path = path
        self.kiosk_id = kiosk_id
        self.webhook = webhook
        self._now = now or (lambda: datetime.now(UTC))
        self._lock = threading.Lock()
        self._recent: list[Alert] = []
        self._active: dict[tuple[str, str], Alert] = {}
        self._acknowledged: set[tuple[str, str]] = set()  # staff saw it; still open until cleared
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)

    def raise_(self, source: str, code: str, message: TextLike, severity: str = "warning") -> Alert:
        alert = Alert(
            self._now().isoformat(timespec="seconds"),
            source,
            code,
            redact(str(message)),
            severity,
            self.kiosk_id,
            as_text(message),
        )
        with self._lock:
            self._recent = [*self._recent[-199:], alert]
            self._active[(source, code)] = alert
            self._acknowledged.discard((source, code))
            if self.path is not None:
                with self.path.open("a", encoding="utf-8") as f:
                    f.write(json_line(alert.to_json()) + "\n")
        log.warning("ALERT %s/%s: %s", source, code, alert.message)
        if self.webhook:
            threading.Thread(target=self._post, args=(alert,), daemon=True).start()
        return alert

    def clear(self, source: str, code: str) -> None:
        """The condition is over (paper refilled, door closed)."""
        with self._lock:
            self._active.pop((source, code), None)
            self._acknowledged.discard((source, code))

    def acknowledge(self, source: str, code: str) -> None:
        """Staff have seen it; it stays open until the condition is over or staff clear it."""
        with self._lock:
            if (source, code) in self._active:
                self._acknowledged.add((source, code))

    def acknowledged(self, alert: Alert) -> bool:
        with self._lock:
            return (alert.source, alert.code) in self._acknowledged

    def active(self) -> list[Alert]:
        with self._lock:
            return list(self._active.values())

    def recent(self) -> list[Alert]:
        with self._lock:
            return list(self._recent)

    def _post(self, alert: Alert) -> None:
        import urllib.request  # on first use: most kiosks never post, and it costs ~15 ms to import

        req = urllib.request.Request(
            self.webhook,
            data=json_line(alert.to_json()).encode(),
            headers={"Content-Type": "application/json"},
        )
        try:
            urllib.request.urlopen(req, timeout=5).close()
        except Exception as e:
            log.warning("alert webhook failed: %s", e)
