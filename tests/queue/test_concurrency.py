"""Several processes issuing at once, as several kiosks sharing one queue: no duplicate numbers,
no gaps, and one real-name ticket per person even when they tap two machines together."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time

from core.clock import FakeClock
from tests.queue.helpers import KEY, YOUNG, Db, database, local, service, settings
from tests.queue.issuers import issue_many, issue_until_killed

START = local(2026, 1, 5, 10)


def run_issuers(db: Db, processes: int, count: int, id_number: str | None = None) -> list[str]:
    queue = settings([service("b", "B", hours="00:00-24:00", daily_limit=0)])
    db.store(queue)  # migrated once, as the first machine at start-up
    # a fresh server process imports once and forks the issuers: safe like spawn, quick like fork
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["tests.queue.issuers", "psycopg"])
    barrier, results = ctx.Barrier(processes), ctx.Queue()
    procs = [
        ctx.Process(
            target=issue_many, args=(db.url, queue, KEY, START, "b", count, id_number, barrier, results)
        )
        for _ in range(processes)
    ]
    for p in procs:
        p.start()
    numbers = [n for _ in procs for n in results.get(timeout=120)]
    for p in procs:
        p.join(timeout=30)
        assert p.exitcode == 0
    return numbers


def test_concurrent_issuers_get_every_number_once_without_gaps(db: Db) -> None:
    numbers = run_issuers(db, processes=6, count=25)
    assert sorted(numbers) == [f"B{i:03d}" for i in range(1, 151)]
    seqs = sorted(r[3] for r in db.rows("queue_ticket"))  # (id, service, day, seq, ...)
    assert seqs == list(range(1, 151))


def test_one_person_at_several_machines_at_once_gets_one_ticket(db: Db) -> None:
    numbers = run_issuers(db, processes=5, count=2, id_number=YOUNG)
    assert sorted(numbers) == ["B001"] + ["refused:duplicate"] * 9
    store = db.store(settings([service("b", "B", hours="00:00-24:00")]), FakeClock(START))
    assert store.issue("b").number == "B002"  # the refused attempts left no gap


def test_an_issuer_killed_mid_issue_leaves_no_gap_and_no_duplicate(db: Db) -> None:
    """kill -9 lands inside an issue (the process does nothing else): the database rolls the
    half-issued ticket back, and the next machine goes on from the last number handed out."""
    queue = settings([service("b", "B", hours="00:00-24:00", daily_limit=0)])
    store = db.store(queue, FakeClock(START))
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["tests.queue.issuers", "psycopg"])
    for _ in range(3):
        proc = ctx.Process(target=issue_until_killed, args=(db.url, queue, KEY, START, "b"))
        proc.start()
        issued = len(db.rows("queue_ticket"))
        deadline = time.monotonic() + 60
        while len(db.rows("queue_ticket")) < issued + 20 and time.monotonic() < deadline:
            time.sleep(0.01)  # polling for the state we need, not a fixed wait
        assert proc.pid is not None
        os.kill(proc.pid, signal.SIGKILL)
        proc.join(timeout=30)
        assert proc.exitcode == -signal.SIGKILL
    after = store.issue("b")
    seqs = sorted(r[3] for r in db.rows("queue_ticket"))
    assert seqs == list(range(1, len(seqs) + 1))
    assert after.seq == len(seqs)


def test_a_ticket_is_on_disk_before_its_number_is_shown(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL issues without waiting for the disk inside the counter lock, then flushes the
    log after the commit: when issue() returns, everything committed before it is on disk, so a
    server crash cannot hand the shown number out again. Another session's commit that did not
    wait for the disk marks a point in the log; the issue's flush must pass it."""
    with database("postgresql", tmp_path) as db:
        store = db.store(settings([service("b", "B", hours="00:00-24:00")]), FakeClock(START))
        other = db.engine()
        for _ in range(20):  # the log writer flushes on its own every 200 ms: try a few times
            with other.connect() as conn:
                conn.exec_driver_sql("SET synchronous_commit = off")
                conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS mark (v int)")  # logged, unlike TEMP
                conn.exec_driver_sql("INSERT INTO mark VALUES (1)")
                conn.commit()
                mark = conn.exec_driver_sql("SELECT pg_current_wal_insert_lsn()").scalar()
                store.issue("b")
                flushed = conn.exec_driver_sql(
                    "SELECT pg_current_wal_flush_lsn() >= %(mark)s::pg_lsn", {"mark": mark}
                ).scalar()
                conn.rollback()
            assert flushed is True
