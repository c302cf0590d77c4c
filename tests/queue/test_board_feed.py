"""The display board's feed: a call reaches it pushed by PostgreSQL (polled on SQLite), a lost
database connection is retried and caught up, and a NOTIFY storm is read in batches."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import psycopg
import pytest

from core.clock import FakeClock
from hall.db import open_engine
from hall.queue.board import Board, BoardFeed, CallShown, read_board
from hall.queue.calling import Calling
from hall.queue.store import NOTIFY_CHANNEL, QueueStore
from tests.conftest import PG_URL
from tests.queue.helpers import KEY, TZ, Db, local, service, settings
from tests.queue.tcp_proxy import TcpProxy

START = local(2026, 1, 5, 10)
QUEUE = settings([service("b", "B", hours="00:00-24:00", counters=["2", "3"])])


def wait_until(predicate: Callable[[], bool], what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.01)


class Seen:
    def __init__(self) -> None:
        self.boards: list[Board] = []
        self.calls: list[CallShown] = []
        self.states: list[str] = []
        self.lock = threading.Lock()

    def update(self, board: Board, fresh: list[CallShown]) -> None:
        with self.lock:
            self.boards.append(board)
            self.calls += fresh

    def status(self, state: str, _reason: str) -> None:
        self.states.append(state)

    def numbers(self) -> list[tuple[str, str]]:
        with self.lock:
            return [(c.number, c.counter) for c in self.calls]


@pytest.fixture
def hall(db: Db) -> Iterator[tuple[Db, QueueStore, Calling]]:
    store = db.store(QUEUE, FakeClock(START))
    calling = Calling(store)
    calling.login("2")
    yield db, store, calling


def start_feed(db: Db, url: str, seen: Seen) -> BoardFeed:
    store = QueueStore(open_engine(url), QUEUE, FakeClock(START), TZ, KEY)
    listen = url if db.kind == "postgresql" else None
    feed = BoardFeed(store, seen.update, listen_url=listen, on_status=seen.status, poll=0.2)
    feed.start()
    wait_until(lambda: feed.board is not None, "the board's first read")
    return feed


def test_a_call_reaches_the_board_and_is_news_once(hall: tuple[Db, QueueStore, Calling]) -> None:
    db, store, calling = hall
    store.issue("b"), store.issue("b")
    calling.call_next("2")  # before the board started: shown, but not news
    seen = Seen()
    feed = start_feed(db, db.url, seen)
    try:
        assert feed.board is not None and feed.board.current is not None
        assert feed.board.current.number == "B001" and seen.calls == []
        calling.finish("2")
        calling.call_next("2")
        wait_until(lambda: ("B002", "2") in seen.numbers(), "the call on the board")
        calling.recall("2")
        wait_until(lambda: len(seen.calls) == 2, "the recall on the board")
        assert [c.kind for c in seen.calls] == ["call", "recall"]
        board = feed.board
        assert board is not None and {c.name: c.number for c in board.counters} == {"2": "B002", "3": None}
        assert seen.states[-1] == ("live" if db.kind == "postgresql" else "polling")
    finally:
        feed.stop()


def test_a_call_made_the_moment_the_board_says_it_listens_is_news(
    hall: tuple[Db, QueueStore, Calling],
) -> None:
    """ "live" / "polling" is said after the board knows the calls made before it: a call made on
    hearing it is announced (said before the first read, it was taken for an old call)."""
    db, store, calling = hall
    store.issue("b")
    seen = Seen()

    def status(state: str, reason: str) -> None:
        seen.status(state, reason)
        if state in ("live", "polling") and not seen.numbers():
            calling.call_next("2")  # on the feed's thread, before it reads again

    feed = BoardFeed(
        QueueStore(open_engine(db.url), QUEUE, FakeClock(START), TZ, KEY),
        seen.update,
        listen_url=db.url if db.kind == "postgresql" else None,
        on_status=status,
        poll=0.2,
    ).start()
    try:
        wait_until(lambda: ("B001", "2") in seen.numbers(), "the call announced")
    finally:
        feed.stop()


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_the_board_reconnects_after_the_database_was_lost_and_catches_up(
    hall: tuple[Db, QueueStore, Calling],
) -> None:
    db, store, calling = hall
    for _ in range(3):
        store.issue("b")
    pg = urlsplit(PG_URL)
    proxy = TcpProxy((pg.hostname or "127.0.0.1", pg.port or 5432))
    url = db.url.replace(f"{pg.hostname}:{pg.port or 5432}", f"127.0.0.1:{proxy.port}", 1)
    seen = Seen()
    feed = start_feed(db, url, seen)
    try:
        wait_until(lambda: feed.state == "live", "the board live")
        proxy.cut()
        wait_until(lambda: feed.state == "offline", "the board noticing the lost connection")
        calling.call_next("2")  # while the board cannot hear
        calling.finish("2")
        calling.call_next("2")
        assert feed.board is not None and feed.board.current is None
        proxy.restore()
        wait_until(lambda: feed.state == "live", "the board back")
        wait_until(
            lambda: (
                feed.board is not None
                and feed.board.current is not None
                and feed.board.current.number == "B002"
            ),
            "the board caught up",
        )
        wait_until(lambda: len(seen.numbers()) >= 2, "the calls of the gap as news")
        assert seen.numbers() == [("B001", "2"), ("B002", "2")]  # news once, in order
        calling.finish("2")
        calling.call_next("2")
        wait_until(lambda: ("B003", "2") in seen.numbers(), "a call after the outage, pushed")
    finally:
        feed.stop()
        proxy.close()


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_a_notify_storm_is_read_in_batches_and_a_call_still_gets_through(
    hall: tuple[Db, QueueStore, Calling],
) -> None:
    db, store, calling = hall
    store.issue("b")
    seen = Seen()
    feed = start_feed(db, db.url, seen)
    try:
        wait_until(lambda: feed.state == "live", "the board live")
        before = feed.reads
        storm = 20_000
        with psycopg.connect(PG_URL, autocommit=True) as conn, conn.transaction():
            for i in range(storm):
                payload = f'{{"event": "storm", "i": {i}}}' if i % 100 else "not json"
                conn.execute("SELECT pg_notify(%s, %s)", (NOTIFY_CHANNEL, payload))
        calling.call_next("2")
        wait_until(lambda: ("B001", "2") in seen.numbers(), "the call behind the storm")
        assert feed.reads - before < storm / 50, f"{feed.reads - before} reads for {storm} events"
    finally:
        feed.stop()


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_a_board_reads_while_a_kiosk_holds_the_sqlite_write_lock(
    hall: tuple[Db, QueueStore, Calling],
) -> None:
    """A kiosk mid-issue holds SQLite's write lock; the board and the counters' lists still read
    (a snapshot, no BEGIN IMMEDIATE), instead of freezing for the 30 s busy timeout."""
    import sqlite3

    db, store, calling = hall
    store.issue("b")
    writer = sqlite3.connect(db.url.removeprefix("sqlite:///"), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        done: list[Board] = []
        reader = threading.Thread(target=lambda: done.append(read_board(store, 5)), daemon=True)
        reader.start()
        reader.join(timeout=10)
        assert done and done[0].waiting == {"b": 1}
        assert [v.number for v in calling.waiting(["b"])["b"]] == ["B001"]
    finally:
        writer.execute("ROLLBACK")
        writer.close()
