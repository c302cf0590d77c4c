"""Shared data for the printer tests: synthetic people only (张三 is the Chinese John Doe)."""

from datetime import datetime
from pathlib import Path

import pytest
from escpos.printer import Dummy

from devices.printer.status import (
    QUERY_ERROR_CAUSE,
    QUERY_OFFLINE_CAUSE,
    QUERY_PAPER,
    QUERY_PAPER_GS_R,
    QUERY_PRINTER,
)

HALL = "政务服务中心 24小时自助服务区"

SAMPLES = {
    "queue_ticket": {
        "number": "A023",
        "service_name": "社保业务",
        "waiting_ahead": 5,
        "estimated_wait_min": 15,
        "issued_at": datetime(2026, 1, 5, 9, 30),
        "hall": HALL,
        "qr": "https://q.example.gov.cn/t/A023",
    },
    "queue_ticket_en": {
        "number": "A023",
        "service_name": "社保业务",
        "service_name_en": "Social insurance",
        "waiting_ahead": 5,
        "estimated_wait_min": 15,
        "issued_at": datetime(2026, 1, 5, 9, 30),
        "hall": HALL,
        "qr": "https://q.example.gov.cn/t/A023",
    },
    "photo_sheet": {
        "hall": HALL,
        "photo": str(Path(__file__).with_name("sample_photo.png")),  # a drawn face, nobody's
        "preset": "GA 461",
        "size_px": "358×441 px",
        "size_mm": "26×32 mm",
        "taken_at": datetime(2026, 1, 5, 21, 10),
    },
    "reissue_receipt": {
        "hall": HALL,
        "service_name": "居民身份证换领",
        "application_no": "SL2026010500017",
        "name": "张三",
        "id_number": "11010519491231002X",
        "fee": "20.00",
        "paid_at": datetime(2026, 1, 5, 21, 14),
        "pickup_after": "2026-01-20",
        "qr": "PICKUP:SL2026010500017:7F3K9Q",
    },
    "pickup_slip": {
        "hall": HALL,
        "application_no": "SL2026010500017",
        "name": "张三",
        "id_number": "360426199101010071",
        "locker": "B-07",
        "picked_at": datetime(2026, 1, 21, 7, 45),
    },
    "unresolved_slip": {
        "hall": HALL,
        "ref": "BB00007",
        "what": "社保",
        "answer": "我们会在 2026-01-09 前答复您",
        "filed_at": "2026-01-05 09:30",
        "help_phone": "12345",
    },
    "unresolved_slip_en": {
        "hall": "Government Service Center, 24-Hour Self-Service Area",
        "ref": "BB00007",
        "what": "Social insurance",
        "answer": "We will reply by 2026-01-09",
        "filed_at": "2026-01-05 09:30",
        "help_phone": "12345",
    },
    "test_page": {
        "hall": HALL,
        "printed_at": datetime(2026, 1, 5, 8, 0),
        "kiosk_id": "K01",
        "profile": "default",
        "paper_width_mm": 80,
        "chinese": "gb18030",
        "qr_mode": "native",
        "qr": "TEST-PAGE-OK",
    },
}

# DLE EOT 1, 2, 3, 4 replies per printer state (reference/protocols.md section 2)
REPLIES = {
    "ok": {QUERY_PRINTER: 0x12, QUERY_OFFLINE_CAUSE: 0x12, QUERY_ERROR_CAUSE: 0x12, QUERY_PAPER: 0x12},
    "near_end": {QUERY_PRINTER: 0x12, QUERY_OFFLINE_CAUSE: 0x12, QUERY_ERROR_CAUSE: 0x12, QUERY_PAPER: 0x1E},
    "out": {QUERY_PRINTER: 0x1A, QUERY_OFFLINE_CAUSE: 0x32, QUERY_ERROR_CAUSE: 0x12, QUERY_PAPER: 0x72},
    "cover_open": {
        QUERY_PRINTER: 0x1A,
        QUERY_OFFLINE_CAUSE: 0x16,
        QUERY_ERROR_CAUSE: 0x12,
        QUERY_PAPER: 0x12,
    },
}


class StatusDummy(Dummy):
    """python-escpos Dummy whose _read answers the last status query for a settable state.

    `states` is consumed one per status round (a round starts with DLE EOT 1); the last stays.
    An empty reply (b"") imitates a printer that does not answer.
    """

    def __init__(self, *states: str, **kwargs):
        super().__init__(**kwargs)
        self.states = list(states) or ["ok"]
        self.state = self.states[0]
        self._last = b""

    def _raw(self, msg: bytes) -> None:
        super()._raw(msg)
        self._last = bytes(msg)
        if msg == QUERY_PRINTER and self.states:
            self.state = self.states.pop(0) if len(self.states) > 1 else self.states[0]

    def _read(self) -> bytes:
        if self.state == "silent":
            return b""
        if self._last == QUERY_PAPER_GS_R:
            return b"\x00"
        return bytes([REPLIES[self.state][self._last]])


@pytest.fixture
def samples():
    return {k: dict(v) for k, v in SAMPLES.items()}
