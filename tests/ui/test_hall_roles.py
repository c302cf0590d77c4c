"""The counter terminal and the display board as a clerk and the hall see them: log in, call,
recall, start, finish, a refused transfer; the board showing and speaking the call (a private
real speech-dispatcher), and a board with no speech engine that still shows every call."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from core.clock import SystemClock
from hall.queue.calling import Calling
from kiosk.config import Config, load
from kiosk.hall_roles import call_phrase, open_store
from kiosk.ui.app import application
from kiosk.ui.board_window import BoardWindow
from kiosk.ui.i18n import ui
from kiosk.ui.roles import HallWindows
from kiosk.voice import Voice
from tests.conftest import PG_URL
from tests.queue.helpers import Db
from tests.queue.tcp_proxy import TcpProxy
from tests.speechd import speech_dispatcher

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "shots"
WAIT = 30_000


def hall_config(db: Db, tmp_path: Path, **extra: Any) -> Config:
    tax_closed = {
        "code": "tax",
        "prefix": "D",
        "name_zh": "税务",
        "name_en": "Tax",
        "counters": ["7"],
        "hours": "00:00-00:01",  # closed all day but the first minute
        "days": [1, 2, 3, 4, 5, 6, 7],
    }
    from hall.queue.settings import DEMO_SERVICES

    services = [dict(s, days=[1, 2, 3, 4, 5, 6, 7], hours="00:00-24:00") for s in DEMO_SERVICES[:3]]
    return load(
        None,
        {
            "db.url": db.url,
            "kiosk.data_dir": str(tmp_path / "data"),
            "kiosk.voice": False,
            "queue.services": [*services, tax_closed],
            "calling.board_poll": 0.1,
            **extra,
        },
    )


def labels(root: QWidget) -> str:
    return " | ".join(w.text() for w in root.findChildren(QLabel) if w.isVisible())


def click(qtbot: Any, root: QWidget, name: str) -> None:
    def ready() -> bool:
        b = root.findChild(QPushButton, name)
        return b is not None and b.isVisible() and b.isEnabled()

    qtbot.waitUntil(ready, timeout=WAIT)
    root.findChild(QPushButton, name).click()  # type: ignore[union-attr]


def snap(widget: QWidget, name: str, size: tuple[int, int]) -> None:
    SHOTS.mkdir(exist_ok=True)
    for _ in range(3):  # a layout that had grown (a notice shown) settles after a pass
        widget.resize(*size)
        QApplication.processEvents()  # the resize and the layout it brings
    assert (widget.width(), widget.height()) == size, (
        f"{name} does not fit {size}: needs {widget.minimumSizeHint().toTuple()}"
    )
    widget.grab().save(str(SHOTS / f"{name}-{size[0]}x{size[1]}.png"))


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_a_clerk_logs_in_calls_serves_and_the_board_follows(qtbot: Any, db: Db, tmp_path: Path) -> None:
    application()
    config = hall_config(db, tmp_path)
    store = open_store(config, SystemClock())
    for _ in range(4):
        store.issue("social")
    store.issue("idcard", id_number="360426199101010071")
    hall = HallWindows(config, ("counter", "display"), SystemClock(), None)
    counter, board, pad = hall.counter, hall.board, hall.pad
    assert counter is not None and board is not None and pad is not None
    for w in hall.windows():
        qtbot.addWidget(w)
    hall.show(windowed=True)
    try:
        click(qtbot, counter, "counter_9")  # a combined counter: social and tax
        click(qtbot, counter, "login")
        qtbot.waitUntil(
            lambda: "9 号窗口" in counter.title.text() and "社保业务" in counter.title.text(), timeout=WAIT
        )
        qtbot.waitUntil(lambda: "4 人等候" in labels(counter), timeout=WAIT)
        snap(counter, "counter-idle", (1366, 768))
        click(qtbot, counter, "call_next")
        qtbot.waitUntil(lambda: counter.number.text() == "B001", timeout=WAIT)
        assert not counter.buttons["no_show"].isEnabled()  # one call so far, and the clerk told why
        assert "叫满 3 次可过号" in counter.status.text()
        qtbot.waitUntil(lambda: board.call_number.text() == "B001", timeout=WAIT)
        assert "请 B001 号到 9 号窗口办理" in board.call_text.text()
        click(qtbot, counter, "recall")
        qtbot.waitUntil(lambda: "已叫号 2 次" in counter.status.text(), timeout=WAIT)
        click(qtbot, counter, "start")
        qtbot.waitUntil(lambda: counter.status.text() == "办理中", timeout=WAIT)
        snap(counter, "counter-serving", (1366, 768))
        snap(counter, "counter-serving", (1920, 1080))
        click(qtbot, counter, "transfer")
        click(qtbot, counter, "transfer_tax")
        qtbot.waitUntil(lambda: "税务现在不办理" in counter.error.text(), timeout=WAIT)
        snap(counter, "counter-transfer-refused", (1366, 768))
        assert counter.number.text() == "B001"  # still here
        assert pad is not None and "办理完成后" in labels(pad)
        click(qtbot, counter, "finish")
        qtbot.waitUntil(lambda: counter.number.text() == "—" and "3 人等候" in labels(counter), timeout=WAIT)
        # B001 is served: the board no longer sends anyone to counter 9, and lists it as a past call
        qtbot.waitUntil(lambda: board.call_number.text() == "—", timeout=WAIT)
        assert "请留意叫号" in board.call_text.text()
        # the recent list's new labels show on the event loop's next pass, after the big panel
        qtbot.waitUntil(lambda: "B001 → 9 号窗口" in labels(board), timeout=WAIT)
        # the citizen rates B001 on the pad: very satisfied
        qtbot.waitUntil(lambda: "B001" in labels(pad), timeout=WAIT)
        snap(pad, "rating-pad", (800, 1280))
        snap(pad, "rating-pad", (1080, 1920))
        click(qtbot, pad, "language")  # the citizen reads English: the same question
        qtbot.waitUntil(lambda: "Please rate the service for number B001" in labels(pad), timeout=WAIT)
        snap(pad, "rating-pad-english", (800, 1280))
        click(qtbot, pad, "option_5")
        qtbot.waitUntil(lambda: "Thank you for your rating" in labels(pad), timeout=WAIT)
        click(qtbot, pad, "action_ok")
        qtbot.waitUntil(lambda: "办理完成后" in labels(pad), timeout=WAIT)  # Chinese again
        click(qtbot, counter, "call_next")
        qtbot.waitUntil(lambda: counter.number.text() == "B002", timeout=WAIT)
        click(qtbot, counter, "finish")  # B002: dissatisfied, a reason, no phone number
        click(qtbot, pad, "option_2")
        click(qtbot, pad, "pick_slow")
        click(qtbot, pad, "submit")
        click(qtbot, pad, "option_no")
        qtbot.waitUntil(lambda: "核实处理" in labels(pad), timeout=WAIT)
        snap(pad, "rating-pad-followup", (800, 1280))
        with store.engine.connect() as conn:
            rated = conn.exec_driver_sql("SELECT ref, counter, level, reasons FROM rating ORDER BY id").all()
        assert [(r[1], r[2], r[3]) for r in rated] == [("9", 5, ""), ("9", 2, "slow")]
        assert [r[0][-4:] for r in rated] == ["B001", "B002"]
        click(qtbot, counter, "call_next")
        qtbot.waitUntil(lambda: counter.number.text() == "B003", timeout=WAIT)
        qtbot.waitUntil(lambda: board.call_number.text() == "B003", timeout=WAIT)
        qtbot.waitUntil(lambda: "B002 → 9 号窗口" in labels(board), timeout=WAIT)
        Calling(store).login("1")
        Calling(store).pause("1")
        qtbot.waitUntil(lambda: "暂停服务" in labels(board), timeout=WAIT)
        for size in ((1920, 1080), (1080, 1920)):
            snap(board, "board", size)
        # B003 never comes: two recalls, then the no-show the third call allows
        click(qtbot, counter, "recall")
        click(qtbot, counter, "recall")
        qtbot.waitUntil(lambda: "已叫号 3 次" in counter.status.text(), timeout=WAIT)
        assert not counter.buttons["recall"].isEnabled() and "仍未到窗口，可过号" in counter.status.text()
        snap(counter, "counter-no-show-allowed", (1366, 768))
        click(qtbot, counter, "no_show")
        qtbot.waitUntil(lambda: counter.number.text() == "—", timeout=WAIT)
        assert store.ticket("B003").status == "no_show"  # type: ignore[union-attr]
        # B004 steps away: held, back in the line marked as such
        click(qtbot, counter, "call_next")
        qtbot.waitUntil(lambda: counter.number.text() == "B004", timeout=WAIT)
        click(qtbot, counter, "hold")
        qtbot.waitUntil(lambda: "B004（暂缓）" in labels(counter), timeout=WAIT)
        click(qtbot, counter, "pause")
        qtbot.waitUntil(lambda: "暂停中" in counter.title.text(), timeout=WAIT)
        qtbot.waitUntil(lambda: board.call_number.text() == "—", timeout=WAIT)  # not to a paused counter
        assert not counter.buttons["call_next"].isEnabled() and counter.buttons["resume"].isVisible()
        qtbot.waitUntil(
            lambda: [c.paused for c in board.board.counters if c.name == "9"] == [True], timeout=WAIT
        )
        click(qtbot, counter, "resume")
        qtbot.waitUntil(lambda: counter.buttons["call_next"].isEnabled(), timeout=WAIT)
    finally:
        hall.stop()


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_a_clerk_works_the_counter_in_english_and_back(qtbot: Any, db: Db, tmp_path: Path) -> None:
    """The counter's English switch: login, the call, the lines, a refusal, all in English; the
    window's own language (the application's stays Chinese)."""
    application()
    config = hall_config(db, tmp_path)
    store = open_store(config, SystemClock())
    for _ in range(2):
        store.issue("social")
    hall = HallWindows(config, ("counter",), SystemClock(), None)
    counter = hall.counter
    assert counter is not None
    qtbot.addWidget(counter)
    hall.show(windowed=True)
    try:
        qtbot.waitUntil(lambda: "窗口登录" in counter.title.text(), timeout=WAIT)
        click(qtbot, counter, "language")
        qtbot.waitUntil(lambda: counter.title.text() == "Counter login", timeout=WAIT)
        qtbot.waitUntil(lambda: "Choose this counter:" in labels(counter), timeout=WAIT)
        click(qtbot, counter, "counter_9")
        picked = [b.objectName() for b in counter.findChildren(QPushButton) if b.isChecked()]
        assert "counter_9" in picked and "counter_8" not in picked  # the clerk sees the choice
        snap(counter, "counter-login-picked", (1366, 768))
        snap(counter, "counter-login-picked", (900, 1600))  # a portrait screen: it did not fit
        click(qtbot, counter, "login")
        qtbot.waitUntil(lambda: "Social" in counter.title.text(), timeout=WAIT)
        qtbot.waitUntil(lambda: "2 waiting" in labels(counter), timeout=WAIT)
        assert counter.buttons["call_next"].text() == "Call next"
        # actions read as actions: not "Paused" (a state) nor "Close" (close what?)
        assert (
            counter.buttons["pause"].text() == "Pause service"
            and counter.buttons["finish"].text() == "Finish"
        )
        click(qtbot, counter, "call_next")
        qtbot.waitUntil(lambda: "Calls: 1, waiting" in counter.status.text(), timeout=WAIT)
        click(qtbot, counter, "transfer")
        click(qtbot, counter, "transfer_tax")  # closed: the refusal in English too
        qtbot.waitUntil(lambda: "Tax" in counter.error.text(), timeout=WAIT)
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in labels(counter) + counter.title.text())
        for size in ((1366, 768), (1920, 1080), (1080, 1920)):
            snap(counter, "counter-english", size)
        click(qtbot, counter, "language")
        qtbot.waitUntil(lambda: counter.buttons["call_next"].text() == "叫下一位", timeout=WAIT)
        assert "社保业务" in counter.title.text() and "税务现在不办理" in counter.error.text()
    finally:
        hall.stop()


@contextmanager
def board_window(qtbot: Any, config: Config, voice: Voice) -> Iterator[BoardWindow]:
    """A display board of its own (--role display) on the config's database."""
    hall = HallWindows(config, ("display",), SystemClock(), voice)
    assert hall.board is not None
    qtbot.addWidget(hall.board)
    hall.show(windowed=True)
    try:
        yield hall.board
    finally:
        hall.stop()
        voice.stop()


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_the_board_shows_calls_pushed_by_postgresql_and_speaks_each_twice_in_turn(
    qtbot: Any, db: Db, tmp_path: Path
) -> None:
    application()
    config = hall_config(db, tmp_path)
    store = open_store(config, SystemClock())
    store.issue("idcard", id_number="360426199101010071")
    store.issue("social")
    with (
        speech_dispatcher(tmp_path / "speechd") as sd,
        board_window(qtbot, config, Voice(address=sd.address, spawn=False, timeout=5.0).start()) as board,
    ):
        assert board.announcer is not None
        voice = board.announcer.voice
        qtbot.waitUntil(lambda: board.feed is not None and board.feed.state == "live", timeout=WAIT)
        calling = Calling(store)
        calling.login("2"), calling.login("3")
        calling.call_next("2")
        calling.call_next("3")  # at once: the second call waits for the first to be said
        qtbot.waitUntil(lambda: board.call_number.text() == "B001", timeout=WAIT)
        qtbot.waitUntil(lambda: "A001 → 2 号窗口" in labels(board), timeout=WAIT)
        first, second = call_phrase("A001", "2"), call_phrase("B001", "3")
        assert first == "请 A 零 零 一 号 到 2 号窗口办理"
        qtbot.waitUntil(lambda: [t for k, t in voice.played if k == "end"].count(second) == 2, timeout=WAIT)
        said = [(k, t) for k, t in voice.played if t in (first, second)]
        assert said == [("begin", first), ("end", first)] * 2 + [("begin", second), ("end", second)] * 2


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_a_board_without_a_speech_engine_says_so_and_still_shows_calls(
    qtbot: Any, db: Db, tmp_path: Path
) -> None:
    application()
    config = hall_config(db, tmp_path)
    store = open_store(config, SystemClock())
    store.issue("social")
    voice = Voice(address=f"unix_socket:{tmp_path}/no-speechd.sock", spawn=False, timeout=0.5).start()
    with board_window(qtbot, config, voice) as board:
        qtbot.waitUntil(lambda: board.feed is not None and board.board is not None, timeout=WAIT)
        calling = Calling(store)
        calling.login("3")
        calling.call_next("3")
        qtbot.waitUntil(lambda: board.call_number.text() == "B001", timeout=WAIT)
        qtbot.waitUntil(lambda: "语音叫号暂不可用，请留意屏幕显示" in labels(board), timeout=WAIT)
        why = ui(voice.status.reason)
        assert why and why not in labels(board)  # the technical reason is for staff, not the hall
        assert board.spoken == ["B001@3"]
        snap(board, "board-no-voice", (1920, 1080))


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_a_board_that_lost_the_database_says_so_and_catches_up_when_it_is_back(
    qtbot: Any, db: Db, tmp_path: Path
) -> None:
    application()
    pg = urlsplit(PG_URL)
    proxy = TcpProxy((pg.hostname or "127.0.0.1", pg.port or 5432))
    through = db.url.replace(f"{pg.hostname}:{pg.port or 5432}", f"127.0.0.1:{proxy.port}", 1)
    store = open_store(hall_config(db, tmp_path), SystemClock())  # the counters reach the database
    store.issue("social")
    try:
        with board_window(
            qtbot, hall_config(db, tmp_path, **{"db.url": through}), Voice(enabled=False)
        ) as board:
            qtbot.waitUntil(lambda: board.feed is not None and board.feed.state == "live", timeout=WAIT)
            proxy.cut()
            qtbot.waitUntil(lambda: "连接中断" in labels(board), timeout=WAIT)
            snap(board, "board-offline", (1920, 1080))
            calling = Calling(store)
            calling.login("3")
            calling.call_next("3")  # while the board is cut off
            proxy.restore()
            qtbot.waitUntil(lambda: "连接中断" not in labels(board), timeout=WAIT)
            qtbot.waitUntil(lambda: board.call_number.text() == "B001", timeout=WAIT)
    finally:
        proxy.close()


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_a_board_started_while_the_database_is_down_says_so_and_starts_when_it_is_up(
    qtbot: Any, db: Db, tmp_path: Path
) -> None:
    application()
    store = open_store(hall_config(db, tmp_path), SystemClock())
    store.issue("social")
    Calling(store).login("3")
    Calling(store).call_next("3")
    pg = urlsplit(PG_URL)
    proxy = TcpProxy((pg.hostname or "127.0.0.1", pg.port or 5432))
    proxy.cut()
    through = db.url.replace(f"{pg.hostname}:{pg.port or 5432}", f"127.0.0.1:{proxy.port}", 1)
    try:
        with board_window(
            qtbot, hall_config(db, tmp_path, **{"db.url": through}), Voice(enabled=False)
        ) as board:
            qtbot.waitUntil(lambda: "连接中断" in labels(board), timeout=WAIT)
            proxy.restore()  # the windows try again every few seconds
            qtbot.waitUntil(lambda: board.call_number.text() == "B001", timeout=WAIT)
            # the feed reports "live" just after its first read: the notice goes a moment later
            qtbot.waitUntil(lambda: "连接中断" not in labels(board), timeout=WAIT)
    finally:
        proxy.close()
