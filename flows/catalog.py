"""The services a kiosk can offer, by the key used in [kiosk] services."""

from __future__ import annotations

from core.text import tr
from flows import certificate, demo, photo, pickup, queue, reissue, reissue_slip, unresolved
from flows.runtime import FlowSpec

CATALOG: dict[str, FlowSpec] = {
    "queue": queue.SPEC,
    "photo": photo.SPEC,
    "reissue": reissue.SPEC,
    "slip_reprint": reissue_slip.SPEC,
    "certificate": certificate.SPEC,
    "pickup": pickup.SPEC,
    "unresolved": unresolved.SPEC,
    "demo": FlowSpec("demo", tr("体验流程"), tr("了解自助办理的步骤"), demo.start, rated=False),
}
