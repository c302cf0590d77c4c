"""Staff checking the card reader, the code scanner and the fingerprint scanner: what a card or
a code gave, masked (an ID number shows its first six and last four, a name its first
character), a finger's image quality only (no print is kept or shown), each check audited."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core.redact import mask_id, mask_name
from core.text import Text, TextLike, as_text, tr
from kiosk.maintenance.actions import Maintenance
from kiosk.maintenance.session import Outcome, Refused

# device event -> the device it comes from
EVENTS = {
    "card_inserted": "idcard",
    "card_invalid": "idcard",
    "scanned": "scanner",
    "scan_rejected": "scanner",
}


@dataclass(frozen=True)
class Reading:
    device: str
    outcome: Outcome


def describe(kind: str, payload: Any) -> Text:
    """What the check shows; raises Refused for a card or code that could not be read."""
    if kind == "card_inserted":
        return tr(
            "读卡成功：{name}，{number}，有效期至 {until}",
            name=mask_name(payload.name) or "—",
            number=mask_id(payload.id_number),
            until=str(payload.valid_until),
        )
    if kind == "scanned":
        return tr("扫码成功：{code}（{n} 位）", code=mask_id(payload), n=len(payload))
    reason: TextLike = payload if isinstance(payload, Text | str) else str(payload)
    if kind == "card_invalid":
        raise Refused(tr("读卡失败：{why}", why=as_text(reason)))
    raise Refused(tr("扫码失败：{why}", why=as_text(reason)))


def check(maint: Maintenance, kind: str, payload: Any) -> Reading | None:
    """A reader or scanner event while staff test them; None for other events."""
    device = EVENTS.get(kind)
    if device is None:
        return None
    return Reading(device, maint.session.act(f"{device}_check", device, lambda: describe(kind, payload)))


TEST_FINGER = "right_index"
SLICE = 1.0  # seconds of each capture call: how soon a cancel, or staff leaving, ends the wait


class FingerCheck:
    """The fingerprint check: waits up to `wait` seconds for a finger and reports the image
    quality. The wait is a run of short captures, so staff can cancel it and staff leaving (exit,
    idle) ends it within a second instead of holding the scanner to the end."""

    def __init__(self, maint: Maintenance, wait: float) -> None:
        self.maint = maint
        self.wait = wait
        self.running = False
        self._cancel = threading.Event()

    def start(self) -> Callable[[], Outcome]:
        """Mark the check under way (on the GUI thread: the page shows its cancel at once) and
        return the slow part, to run off the GUI thread."""
        self._cancel.clear()
        self.running = True
        return self._run

    def cancel(self) -> None:
        self._cancel.set()

    def _run(self) -> Outcome:
        try:
            return self.maint.session.act("fingerprint_check", "fingerprint", self._capture)
        finally:
            self.running = False

    def _capture(self) -> Text:
        from devices.fingerprint.model import FINGER_NAMES, NoFinger

        device: Any = self.maint.kiosk.devices["fingerprint"]
        deadline = time.monotonic() + self.wait  # the device waits in real time, so does this
        while True:
            if self._cancel.is_set() or not self.maint.session.active:
                raise Refused(tr("指纹检测已取消"))
            step = min(SLICE, deadline - time.monotonic())
            if step <= 0:
                raise Refused(tr("{s} 秒内没有放上手指", s=round(self.wait)))
            try:
                image = device.call(lambda d, t=step: d.capture(TEST_FINGER, timeout=t), step + 15)
            except NoFinger:
                continue
            q = image.quality
            return tr("指纹采集成功：{finger}，图像质量 {q}", finger=FINGER_NAMES[TEST_FINGER], q=q)
