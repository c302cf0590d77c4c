"""Today's figures in maintenance mode: payments, prints, pickups and refunds come from the
journal, counted from the hall's midnight, beside the day's journeys."""

from __future__ import annotations

from datetime import UTC, datetime

from core.clock import FakeClock
from hall.db import migrate, open_engine, sqlite_url
from hall.journal import Journal
from kiosk.maintenance.actions import Maintenance
from tests.ui.conftest import make_kiosk


def test_figures_count_today_s_journal_steps_by_kind_and_outcome(tmp_path):
    (tmp_path / "data").mkdir()
    kiosk = make_kiosk(tmp_path)
    try:
        # 2026-01-05 09:00 UTC is 17:00 in Shanghai; a step at 15:00 UTC the day before is
        # 23:00 local on the 4th: yesterday
        clock = kiosk.clock
        assert isinstance(clock, FakeClock)
        engine = open_engine(sqlite_url(tmp_path / "data" / "hall.db"))
        migrate(engine)
        times = iter([datetime(2026, 1, 4, 15, 0, tzinfo=UTC)] + [clock.now()] * 10)
        journal = Journal(engine, "K01", lambda: next(times))
        journal.begin("s0", "payment", "old")
        for key in ("p1", "p2"):
            journal.begin(f"s-{key}", "payment", key)
            journal.finish("payment", key, "done")
        journal.begin("s3", "receipt_print", "r1")
        kiosk.services["journal"] = journal
        figures = {str(f.label): f.value for f in Maintenance(kiosk, None).figures()}  # type: ignore[arg-type]
        assert figures["支付成功"] == 2  # the one of yesterday not counted
        assert figures["证明已打印"] == figures["证件取件"] == figures["退款"] == 0
        assert figures["自助会话"] == figures["体验流程 办完"] == 0
    finally:
        kiosk.stop()
