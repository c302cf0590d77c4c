"""Staff checking the card reader, the code scanner and the fingerprint scanner: what a card or
a code gave, masked (an ID number shows its first six and last four, a name its first
character), a finger's image quality only (no print is kept or shown), each check audited."""

from __future__ import annotations

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


def finger_check(maint: Maintenance, wait: float = 20.0) -> Outcome:
    """Wait up to `wait` seconds for a finger on the scanner and report the image quality (slow:
    run it off the GUI thread)."""
    from devices.fingerprint.model import FINGER_NAMES

    def run() -> Text:
        device: Any = maint.kiosk.devices["fingerprint"]
        image = device.call(lambda d: d.capture(TEST_FINGER, timeout=wait), wait + 15)
        return tr("指纹采集成功：{finger}，图像质量 {q}", finger=FINGER_NAMES[TEST_FINGER], q=image.quality)

    return maint.session.act("fingerprint_check", "fingerprint", run)
