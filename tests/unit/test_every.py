"""Work every few seconds on a thread of its own (core.every): it survives a failing round, and
start and stop from different threads in either order never raise and never leave it running."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from core.every import Every


def wait_for(check: Callable[[], bool], what: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(0.005)


def test_first_runs_at_once_and_a_failing_round_does_not_end_the_loop() -> None:
    rounds: list[str] = []

    def work() -> None:
        rounds.append("work")
        if len(rounds) == 2:
            raise ConnectionError("database hiccup")

    every = Every("test-every", 0.01, work, first=lambda: rounds.append("first"))
    every.start()
    try:
        wait_for(lambda: len(rounds) >= 4, "the loop ended at the failing round")
        assert rounds[0] == "first"
    finally:
        every.stop()
    assert not every.running


def test_stopped_before_it_started_it_never_runs() -> None:
    ran = threading.Event()
    every = Every("test-every", 0.01, ran.set, first=ran.set)
    every.stop()
    every.start()
    assert not every.running
    assert not ran.wait(0.05)


def test_start_and_stop_racing_on_two_threads_never_raise_nor_leave_it_running() -> None:
    errors: list[BaseException] = []
    for _ in range(200):
        every = Every("test-every", 60, lambda: None, first=lambda: None)
        go = threading.Barrier(2)

        def call(action: Callable[[], None], go: threading.Barrier = go) -> None:
            go.wait()
            try:
                action()
            except BaseException as e:  # what the race raised is the finding
                errors.append(e)

        threads = [threading.Thread(target=call, args=(a,)) for a in (every.start, every.stop)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not every.running  # whichever won: a stop joins a started thread, or none starts
    assert errors == []
