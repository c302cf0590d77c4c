"""The hall's display board (--role display, full screen on a TV): the current call large, recent
calls, each counter's number, the waiting counts. The feed (hall/queue/board.py) reads the board
on its own thread and hands it over through the bridge; the call is spoken from that thread too
(Voice.speak never blocks), so neither a slow database nor the speech engine can hold the screen.
"""

from __future__ import annotations

import logging
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.text import Text, tr
from kiosk.hall_roles import Announcer
from kiosk.ui import theme
from kiosk.ui.bridge import channel
from kiosk.ui.i18n import english, ui
from kiosk.ui.screens.base import clear
from kiosk.ui.widgets import label

log = logging.getLogger(__name__)

NAVY = "#0b1f3a"
PANEL = "#13305a"
YELLOW = "#ffd54a"
LIGHT = "#e8eef7"
DIM = "#9fb3cf"


class BoardWindow(QWidget):
    """attach(store, feed_factory) once the queue store is open; the feed is started here."""

    def __init__(
        self, hall_name: str, announcer: Announcer | None, max_age_s: float, clock: Any, tz: str
    ) -> None:
        super().__init__()
        self.setObjectName("Board")
        self.setWindowTitle(hall_name)
        self.setStyleSheet(_STYLE)
        self.announcer = announcer
        self.max_age_s = max_age_s
        self.clock = clock
        self.tz = ZoneInfo(tz)  # the hall's time on the board, whatever the machine's zone
        self.store: Any = None
        self.feed: Any = None
        self.board: Any = None
        self.portrait = False
        self.spoken: list[str] = []  # the phrases handed to the voice, for tests and the log
        self._boards = channel(self._show, newest=True, owner=self)
        self._states = channel(self._show_state, owner=self)

        root = QVBoxLayout(self)
        root.setContentsMargins(24, 16, 24, 16)
        top = QHBoxLayout()
        top.addWidget(label(hall_name, "BoardHall", wrap=False), 1)
        self.clock_label = label("", "BoardClock", wrap=False)
        top.addWidget(self.clock_label)
        root.addLayout(top)
        self.notice = label("", "BoardNotice")
        self.notice.hide()
        root.addWidget(self.notice)

        self.call_box = QFrame()
        self.call_box.setObjectName("CallBox")
        call = QVBoxLayout(self.call_box)
        self.call_number = label("", "CallNumber", wrap=False, align=Qt.AlignmentFlag.AlignCenter)
        waiting = tr("请稍候，等待叫号")
        self.call_text = label(ui(waiting), "CallText", align=Qt.AlignmentFlag.AlignCenter)
        self.call_english = label(english(waiting), "CallEnglish", align=Qt.AlignmentFlag.AlignCenter)
        call.addWidget(self.call_number)
        call.addWidget(self.call_text)
        call.addWidget(self.call_english)

        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addWidget(self.call_box, 3)
        side = QVBoxLayout()
        side.addWidget(heading(tr("最近叫号")))
        self.recent = QVBoxLayout()
        side.addLayout(self.recent)
        side.addStretch(1)
        self.body.addLayout(side, 2)
        root.addLayout(self.body, 3)

        root.addWidget(heading(tr("各窗口当前号码")))
        self.counters = QGridLayout()
        root.addLayout(self.counters)
        root.addWidget(heading(tr("等候人数")))
        self.waiting = QGridLayout()
        root.addLayout(self.waiting)
        self.voice_note = label("", "BoardNotice")
        self.voice_note.hide()
        root.addWidget(self.voice_note)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._tick()

    # ---- set-up ----

    def attach(self, store: Any, feed: Any) -> None:
        """feed: a BoardFeed built with self.on_feed_update / self.on_feed_status; started here."""
        self.store, self.feed = store, feed
        feed.start()

    def on_feed_update(self, board: Any, fresh: list[Any]) -> None:
        """The feed's thread: speak what is new (and not stale after an outage), then draw."""
        now = self.clock.now()
        for c in fresh:
            log.info("board: %s called to counter %s", c.number, c.counter)
            if self.announcer is not None and (now - c.at).total_seconds() <= self.max_age_s:
                self.announcer.announce(c.number, c.counter)
                self.spoken.append(f"{c.number}@{c.counter}")
        self._boards.send(board)

    def on_feed_status(self, state: str, reason: str) -> None:
        self._states.send((state, reason))

    def stop(self) -> None:
        self.timer.stop()
        if self.feed is not None:
            self.feed.stop()

    def closeEvent(self, event: Any) -> None:
        self.stop()
        super().closeEvent(event)

    def resizeEvent(self, event: Any) -> None:
        size = event.size()
        self.portrait = size.height() > size.width()
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if self.portrait else QBoxLayout.Direction.LeftToRight
        )
        super().resizeEvent(event)
        if self.board is not None:
            self._show(self.board)  # fewer columns upright

    # ---- GUI thread ----

    def _tick(self) -> None:
        self.clock_label.setText(self.clock.now().astimezone(self.tz).strftime("%H:%M"))
        voice = self.announcer.voice.status if self.announcer is not None else None
        if voice is not None and voice.state == "degraded":
            # the public hears why it must watch the screen; the reason is for staff (log, alert)
            self.voice_note.setText(both(tr("语音叫号暂不可用，请留意屏幕显示")))
            self.voice_note.show()
        else:
            self.voice_note.hide()

    def _show_state(self, item: tuple[str, str]) -> None:
        state, _reason = item
        if state == "offline":
            self.notice.setText(both(tr("与排队系统的连接中断，正在重新连接…")))
            self.notice.show()
        else:
            self.notice.hide()

    def _show(self, board: Any) -> None:
        self.board = board
        settings = self.store.settings
        current = board.current
        if current is not None:
            self.call_number.setText(current.number)
            said = tr("请 {number} 号到 {counter} 号窗口办理", number=current.number, counter=current.counter)
        else:  # no counter is calling anyone now: no stale "please go to" on the panel
            self.call_number.setText("—")
            said = tr("请留意叫号")
        self.call_text.setText(ui(said))
        self.call_english.setText(english(said))
        clear(self.recent)
        listed = {(current.number, current.counter)} if current is not None else set()
        for c in board.calls:
            if (c.number, c.counter) in listed:  # a recall repeats a call already listed
                continue
            listed.add((c.number, c.counter))
            row = label(
                ui(tr("{number} → {counter} 号窗口", number=c.number, counter=c.counter)),
                "RecentCall",
                wrap=False,
            )
            self.recent.addWidget(row)
        if not self.recent.count():
            self.recent.addWidget(label("—", "RecentCall", wrap=False))  # no earlier call today
        clear(self.counters)
        columns = 3 if self.portrait else 6
        for i, c in enumerate(board.counters):
            box = QFrame()
            box.setObjectName("CounterBox")
            inner = QVBoxLayout(box)
            inner.addWidget(label(ui(tr("{counter} 号窗口", counter=c.name)), "CounterName", wrap=False))
            if c.paused:
                shown, name = ui(tr("暂停服务")), "CounterOff"
            elif not c.open:
                shown, name = ui(tr("未开放")), "CounterOff"
            else:
                shown, name = c.number or "—", "CounterNow"
            inner.addWidget(label(shown, name, wrap=False))
            self.counters.addWidget(box, i // columns, i % columns)
        clear(self.waiting)
        per_row = 2 if self.portrait else 4
        for i, (code, n) in enumerate(board.waiting.items()):
            svc = settings.service(code)
            text = ui(tr("{name}：{n} 人", name=svc.name_zh, n=n))
            self.waiting.addWidget(label(text, "WaitingCount", wrap=False), i // per_row, i % per_row)


def both(text: Text) -> str:
    """Chinese, then English: a hall's board speaks to visitors too."""
    return f"{ui(text)}  {english(text)}"


def heading(text: Text) -> QLabel:
    return label(both(text), "BoardHeading", wrap=False)


_STYLE = f"""
QWidget#Board {{ background: {NAVY}; }}
QLabel {{ color: {LIGHT}; font-size: 30px; }}
QLabel#BoardHall {{ font-size: 40px; font-weight: bold; }}
QLabel#BoardClock {{ font-size: 40px; font-weight: bold; color: {YELLOW}; }}
QLabel#BoardNotice {{ background: {theme.RED}; color: white; font-size: 32px; padding: 8px; }}
QFrame#CallBox {{ background: {PANEL}; border-radius: 24px; }}
QLabel#CallNumber {{ font-size: 180px; font-weight: bold; color: {YELLOW}; }}
QLabel#CallText {{ font-size: 56px; font-weight: bold; }}
QLabel#CallEnglish {{ font-size: 36px; color: {DIM}; }}
QLabel#BoardHeading {{ font-size: 34px; color: {DIM}; }}
QLabel#RecentCall {{ font-size: 44px; }}
QFrame#CounterBox {{ background: {PANEL}; border-radius: 14px; }}
QLabel#CounterName {{ font-size: 28px; color: {DIM}; }}
QLabel#CounterNow {{ font-size: 48px; font-weight: bold; color: {YELLOW}; }}
QLabel#CounterOff {{ font-size: 34px; color: {DIM}; }}
QLabel#WaitingCount {{ font-size: 36px; }}
"""
