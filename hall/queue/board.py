"""What the hall's display board shows, read in one transaction, and kept fresh on a worker thread.

PostgreSQL pushes every queue change (LISTEN kiosk_queue): the feed re-reads the board when an
event arrives, taking a storm of notifications as one batch and one read. It subscribes before it
reads, so nothing committed in between is missed; a lost connection is retried with capped backoff,
and on return the board is read again (events of the gap are not replayed: the read catches up).
SQLite has no push: the feed reads every `poll` seconds. No Qt here: the UI gets `on_update` on
the feed's thread and hands it to the GUI thread itself.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

import psycopg
import sqlalchemy as sa

from hall.queue import tables as t
from hall.queue.calling import read
from hall.queue.counter_tables import HELD, call
from hall.queue.errors import QueueError
from hall.queue.notify import Listener
from hall.queue.store import QueueStore

log = logging.getLogger(__name__)

BACKOFF_CAP = 3.0  # seconds between reconnect attempts at most
SAFETY_READ = 10.0  # seconds: re-read even without events (a held ticket coming due, a lost event)


@dataclass(frozen=True)
class CallShown:
    id: int
    number: str
    service: str
    counter: str
    kind: str  # call, recall
    at: datetime  # hall-local


@dataclass(frozen=True)
class CounterShown:
    name: str
    number: str | None  # the ticket it has now
    open: bool  # someone is logged in
    paused: bool


@dataclass(frozen=True)
class Board:
    day: date
    calls: tuple[CallShown, ...]  # newest first
    counters: tuple[CounterShown, ...]  # by number
    waiting: dict[str, int]  # service code -> tickets waiting or held, config order

    @property
    def current(self) -> CallShown | None:
        """The newest call while its counter still serves that ticket: once the ticket is
        finished, or the counter pauses or closes, it is history (the recent calls), not a call
        for anyone to follow."""
        latest = self.calls[0] if self.calls else None
        if latest is None:
            return None
        at = next((c for c in self.counters if c.name == latest.counter), None)
        if at is None or not at.open or at.paused or at.number != latest.number:
            return None
        return latest


def read_board(store: QueueStore, recent: int) -> Board:
    now = store.local_now()
    day = now.date()
    tk, ct = t.ticket.c, t.counter.c
    line = sa.func.coalesce(tk.line, tk.service)

    def run(conn: sa.Connection) -> Board:
        calls = conn.execute(
            sa.select(call).where(call.c.day == day).order_by(call.c.id.desc()).limit(recent)
        ).all()
        counters = {r.name: r for r in conn.execute(sa.select(ct.name, ct.number, ct.services, ct.paused))}
        counts: dict[str, int] = dict(
            conn.execute(
                sa.select(line, sa.func.count())
                .where(tk.day == day, tk.status.in_((t.WAITING, HELD)))
                .group_by(line)
            ).all()
        )
        return Board(
            day=day,
            calls=tuple(
                CallShown(c.id, c.number, c.service, c.counter, c.kind, store._local(c.at)) for c in calls
            ),
            counters=tuple(
                CounterShown(
                    name,
                    row.number if (row := counters.get(name)) is not None else None,
                    bool(row is not None and row.services),
                    bool(row is not None and row.paused),
                )
                for name in store.settings.counters()
            ),
            waiting={s.code: int(counts.get(s.code, 0)) for s in store.settings.services},
        )

    return read(store, run)


#: on_update(board, calls new since the last read, oldest first); on the feed's thread
Update = Callable[[Board, list[CallShown]], None]
#: on_status(state, reason): "live", "polling", "offline"
Status = Callable[[str, str], None]


class BoardFeed:
    """Reads the board when it changes and tells `on_update`; `listen_url` None: poll (SQLite)."""

    def __init__(
        self,
        store: QueueStore,
        on_update: Update,
        *,
        listen_url: str | None = None,
        recent: int = 5,
        poll: float = 0.5,
        on_status: Status | None = None,
        min_interval: float = 0.05,
    ) -> None:
        self.store = store
        self.on_update = on_update
        self.on_status = on_status
        self.listen_url = listen_url
        self.recent = recent
        self.poll = poll
        self.min_interval = min_interval  # between two reads, however many events arrive
        self.board: Board | None = None
        self.reads = 0
        self.state = "starting"
        self._last_call: int | None = None  # highest call id seen (None: before the first read)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> BoardFeed:
        self._thread = threading.Thread(target=self._run, name="board-feed", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    # ---- worker thread ----

    def _run(self) -> None:
        backoff = 0.2
        while not self._stop.is_set():
            try:
                if self.listen_url:
                    self._listen(self.listen_url)
                else:
                    self._read()  # as live: "polling" once the calls made before are known
                    self._set_state("polling", "")
                    while not self._stop.wait(self.poll):
                        self._read()
                        backoff = 0.2
            except (QueueError, OSError, sa.exc.SQLAlchemyError, psycopg.Error) as e:
                self._set_state("offline", (str(e).strip().splitlines() or [repr(e)])[0])
            self._stop.wait(backoff)
            backoff = min(BACKOFF_CAP, backoff * 2)

    def _listen(self, url: str) -> None:
        listener = Listener(url)  # subscribed before the catch-up read: nothing falls in between
        try:
            self._read()
            self._set_state("live", "")
            last = time.monotonic()
            while not self._stop.is_set():
                events = listener.batch(timeout=0.5)
                if events or time.monotonic() - last > SAFETY_READ:
                    self._read()
                    last = time.monotonic()
                    self._stop.wait(self.min_interval)  # a storm: at most one read per interval
        finally:
            listener.close()

    def _read(self) -> None:
        board = read_board(self.store, self.recent)
        self.reads += 1
        if self._last_call is None:
            fresh: list[CallShown] = []  # calls made before the board started are not news
        else:
            fresh = [c for c in reversed(board.calls) if c.id > (self._last_call or 0)]
        self._last_call = max([c.id for c in board.calls] + [self._last_call or 0])
        if board != self.board or fresh:
            self.board = board
            self.on_update(board, fresh)

    def _set_state(self, state: str, reason: str) -> None:
        if state == self.state:
            return
        self.state = state
        (log.info if state != "offline" else log.warning)(
            "display board %s%s", state, f": {reason}" if reason else ""
        )
        if self.on_status is not None:
            self.on_status(state, reason)
