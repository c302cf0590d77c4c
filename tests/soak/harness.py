"""The soak: every journey, headless, on the real drivers and simulators, with random device faults.

Each session's citizen comes for a random journey; when the home screen shows it off (its
devices are down) they take one that is offered, and walk it at random (tests/soak/citizen.py).
Between and during sessions, faults are injected on the simulators and healed later. After a warm-up the
soak records RSS, open fds and threads; at the end it heals everything, waits for every device
to come back, and reports what grew. Everything random comes from one seed.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import os
import random
import sys
import threading
import time
import traceback
import tracemalloc
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.clock import FakeClock
from flows import headless
from flows.runtime import Cancelled, Finished, FlowFailed, FlowSpec
from flows.session import PREFIX
from kiosk.config import load
from kiosk.home import tiles
from tests.soak.citizen import Citizen
from tests.soak.faults import Injector

ROOT = Path(__file__).resolve().parents[2]
PAGE = os.sysconf("SC_PAGE_SIZE")
M_MMAP_THRESHOLD = -3  # mallopt parameter (malloc.h)
RSS_LIMIT_MB_PER_1000 = 1.0
RSS_NOISE_MB = 4.0  # RSS moves by this much without a leak (heap arenas, a few camera frames)
FD_SLACK = 3  # a reconnect in flight may hold a port or a socket for a moment
THREAD_SLACK = 2
NOTHING_OFFERED_LIMIT = 120.0  # seconds with every journey off (devices down) before failing


def walkable(spec: Any, kiosk: Any) -> bool:
    """This kiosk has the journey's devices and the services it checks for (the reissue needs the
    platform, gateway and journal, which a kiosk without backends does not have)."""
    if not all(d in kiosk.devices for d in spec.requires):
        return False
    return spec.check is None or spec.check(kiosk.services) is None


class SoakFailure(AssertionError):
    pass


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def _steady_malloc() -> None:
    """Blocks of 128 KiB and more (camera frames: 2.7 MB) get their own mapping, returned on free.

    glibc otherwise raises that threshold after the first large free, and frames freed on worker
    threads stay in their arenas: RSS then swings by tens of MB with no leak, hiding a real one.
    """
    try:
        ctypes.CDLL("libc.so.6").mallopt(M_MMAP_THRESHOLD, 128 * 1024)
    except (OSError, AttributeError):
        pass


def _trim() -> None:
    """Collect garbage and hand free heap back, so RSS shows what is held, not what is cached."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def held_rss() -> int:
    """RSS without what is only passing through: camera frames (2.7 MB each) live a few tens of
    milliseconds, so the lowest of a few readings is what the process holds."""
    _trim()
    lowest = rss_bytes()
    for _ in range(3):
        time.sleep(0.03)
        lowest = min(lowest, rss_bytes())
    return lowest


def all_stacks() -> str:
    names = {t.ident: t.name for t in threading.enumerate()}
    out = []
    for ident, frame in sys._current_frames().items():
        out.append(f"--- thread {names.get(ident, '?')} ({ident})\n" + "".join(traceback.format_stack(frame)))
    return "\n".join(out)


def slope(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Least-squares slope of y over x and its standard error."""
    n = len(points)
    if n < 3:
        return 0.0, float("inf")
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    if sxx == 0:
        return 0.0, float("inf")
    b = sum((x - mx) * (y - my) for x, y in points) / sxx
    resid = sum((y - my - b * (x - mx)) ** 2 for x, y in points)
    return b, (resid / (n - 2) / sxx) ** 0.5


@dataclass
class Report:
    seed: int
    sessions: int = 0
    journeys: Counter[str] = field(default_factory=Counter)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time spent in each journey
    walkable: list[str] = field(default_factory=list)  # journeys whose devices this kiosk has
    outcomes: Counter[str] = field(default_factory=Counter)
    faults: Counter[str] = field(default_factory=Counter)
    moves: dict[str, int] = field(default_factory=dict)
    rss: list[tuple[int, int]] = field(default_factory=list)  # (session, bytes) after warm-up
    fds: tuple[int, int] = (0, 0)  # after warm-up, at the end
    threads: tuple[int, int] = (0, 0)
    new_threads: list[str] = field(default_factory=list)
    duration: float = 0.0
    problems: list[str] = field(default_factory=list)
    grown: list[str] = field(default_factory=list)  # with SOAK_TRACEMALLOC: what grew most

    def rss_slope(self) -> tuple[float, float]:
        """MB per 1,000 sessions over the second half of the measured sessions, and its error."""
        half = self.rss[len(self.rss) // 2 :]
        b, se = slope([(s, v / 2**20) for s, v in half])
        return b * 1000, se * 1000

    def lines(self) -> list[str]:
        b, se = self.rss_slope()
        first = self.rss[0][1] / 2**20 if self.rss else 0.0
        last = self.rss[-1][1] / 2**20 if self.rss else 0.0
        return [
            f"soak seed {self.seed} (replay: SOAK_SEED={self.seed})",
            f"sessions: {self.sessions} in {self.duration:.0f} s "
            f"({self.sessions / max(self.duration, 1e-9):.1f}/s)",
            "journeys: "
            + ", ".join(
                f"{k} {v} ({self.seconds[k] / v:.2f} s each)" for k, v in sorted(self.journeys.items())
            ),
            "outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(self.outcomes.items())),
            "citizen: " + ", ".join(f"{k} {v}" for k, v in sorted(self.moves.items())),
            f"faults injected: {sum(self.faults.values())}: "
            + ", ".join(f"{k} {v}" for k, v in sorted(self.faults.items())),
            f"RSS after warm-up {first:.1f} MB, at end {last:.1f} MB; "
            f"slope over the second half {b:+.2f} ± {se:.2f} MB per 1,000 sessions "
            f"(limit {RSS_LIMIT_MB_PER_1000} MB)",
            f"fds: {self.fds[0]} after warm-up, {self.fds[1]} at end",
            f"threads: {self.threads[0]} after warm-up, {self.threads[1]} at end"
            + (f" (new: {', '.join(self.new_threads)})" if self.new_threads else ""),
            "problems: " + ("none" if not self.problems else f"{len(self.problems)}"),
            *(["tracemalloc, grown since warm-up:", *self.grown] if self.grown else []),
        ]


class _Crashes(logging.Handler):
    """Anything logged with a traceback is a crash somewhere: a flow, a driver, a listener."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and len(self.seen) < 20:
            self.seen.append(f"{record.name}: {record.getMessage()}\n{self.format(record)}")


class Soak:
    def __init__(
        self,
        tmp: Path,
        sessions: int,
        seed: int,
        *,
        warmup: int | None = None,
        fault_rate: float = 0.2,
        step_timeout: float = 30.0,
        journeys: list[str] | None = None,
        trace_frames: int = 0,
        extra_journeys: dict[str, FlowSpec] | None = None,
    ) -> None:
        self.tmp = Path(tmp)
        self.sessions = sessions
        self.seed = seed
        self.warmup = warmup if warmup is not None else max(20, sessions // 5)
        self.fault_rate = fault_rate
        self.step_timeout = step_timeout
        self.journeys = journeys
        self.extra_journeys = extra_journeys or {}  # tests of the soak itself add their own
        self.trace_frames = trace_frames  # > 0: tracemalloc from warm-up on (slow), report growth
        self._snapshot: tracemalloc.Snapshot | None = None
        self.rng = random.Random(seed)
        self.report = Report(seed)
        self.heartbeat = (time.monotonic(), "start")
        self._baseline_threads: set[str] = set()
        self.on_progress: Callable[[int, float], None] | None = None  # (session, seconds so far)

    # ---- the watchdog ----
    def beat(self, doing: str) -> None:
        self.heartbeat = (time.monotonic(), doing)

    def run(self) -> Report:
        """Runs the soak on a thread and fails with every thread's stack if a step hangs."""
        result: list[BaseException | None] = []

        def body() -> None:
            try:
                self._run()
                result.append(None)
            except BaseException as e:  # handed to the caller's thread
                result.append(e)

        t = self.thread = threading.Thread(target=body, name="soak", daemon=True)
        t.start()
        while t.is_alive():
            t.join(1.0)
            since, doing = self.heartbeat
            if t.is_alive() and time.monotonic() - since > self.step_timeout:
                raise SoakFailure(
                    f"hang: no progress for {self.step_timeout:.0f} s while {doing} "
                    f"(session {self.report.sessions}, seed {self.seed})\n{all_stacks()}"
                )
        if result and result[0] is not None:
            raise result[0]
        return self.report

    # ---- the body ----
    def _build(self) -> Any:
        from kiosk.app import build

        config = load(
            ROOT / "resources/config/simulate.toml",
            {
                "kiosk.voice": False,
                "kiosk.data_dir": str(self.tmp / "data"),
                "kiosk.runtime_dir": str(self.tmp / "run"),
                "log.dir": str(self.tmp / "log"),
                "log.level": "WARNING",
                "health.status_file": str(self.tmp / "health.json"),
                "devices.printer.sim_receipts_dir": str(self.tmp / "receipts"),
                "devices.camera.fps": 10.0,  # the photo still works; two cores stay free for the rest
                "devices.idcard.poll_interval": 0.2,  # a card is seen sooner: more sessions a minute
            },
        )
        return build(config, simulate=True, clock=FakeClock())

    def _run(self) -> None:
        crashes = _Crashes()
        logging.getLogger().addHandler(crashes)
        hook = threading.excepthook

        def uncaught(args: Any) -> None:
            crashes.seen.append(f"thread {args.thread.name if args.thread else '?'} died: {args.exc_value!r}")
            hook(args)

        threading.excepthook = uncaught
        started = time.monotonic()
        _steady_malloc()
        kiosk = self._build()
        kiosk.catalog.update(self.extra_journeys)
        gui = None
        if "certificate" in (self.journeys or kiosk.catalog):
            # the certificate journey's documents are painted with Qt, which the Shell lends it
            from PySide6.QtGui import QGuiApplication

            from kiosk.ui.certificate_doc import render
            from kiosk.ui.documents import ensure_gui_app

            ours = QGuiApplication.instance() is None  # in a test run, pytest-qt's may be there
            app = ensure_gui_app()
            gui = app if ours else None
            kiosk.services.setdefault("certificate_renderer", render)
        for h in logging.getLogger().handlers:  # the console: faults are expected, keep it readable
            if isinstance(h, logging.StreamHandler) and not isinstance(h, logging.FileHandler):
                h.setLevel(logging.CRITICAL)
        citizen = Citizen(kiosk, self.rng, self.beat)
        injector = Injector(kiosk.simulators, self.rng, self.fault_rate)
        citizen.faults_mid_journey = lambda: injector.maybe_inject(self.report.sessions, self.fault_rate / 10)
        try:
            self._wait_devices(kiosk)
            self._loop(kiosk, citizen, injector)
        finally:
            self.report.duration = time.monotonic() - started
            # the citizen's own faults (a card snatched mid-read) are counted as "fault:<kind>"
            made = {k.removeprefix("fault:"): v for k, v in citizen.counts.items() if k.startswith("fault:")}
            self.report.faults = injector.injected + Counter(made)
            self.report.moves = {k: v for k, v in citizen.counts.items() if not k.startswith("fault:")}
            citizen.close()
            kiosk.stop()
            if gui is not None:  # left to the interpreter's exit, its teardown crashed the process
                gui.shutdown()
            logging.getLogger().removeHandler(crashes)
            threading.excepthook = hook
        self.report.problems += crashes.seen

    def _loop(self, kiosk: Any, citizen: Citizen, injector: Injector) -> None:
        started = time.monotonic()
        clock: FakeClock = kiosk.clock
        runtime_dir = Path(kiosk.runtime_dir)
        keys = self.journeys or list(kiosk.catalog)
        self.report.walkable = [k for k in keys if walkable(kiosk.catalog[k], kiosk)]
        n = 0
        idle_since: float | None = None
        while n < self.sessions:
            self.beat(f"session {n + 1}: choosing")
            injector.heal_due(n + 1)
            offered = [
                t.key for t in tiles(keys, kiosk.catalog, kiosk.devices.status, kiosk.services) if t.available
            ]
            if not offered:  # as on home: nothing to tap until a device comes back
                idle_since = idle_since or time.monotonic()
                if time.monotonic() - idle_since > NOTHING_OFFERED_LIMIT:
                    self.problems(f"no journey offered for {NOTHING_OFFERED_LIMIT:.0f} s (session {n + 1})")
                    break
                self.report.outcomes["nothing offered (1 s wait)"] += 1
                injector.heal_due(n + 4)  # the faults that keep everything off heal sooner
                time.sleep(1.0)
                continue
            idle_since = None
            n += 1
            injector.maybe_inject(n)
            if n % 50 == 0:
                clock.advance(86400)  # a new day: daily limits and one-ticket-a-day start over
            # the citizen came for one service; when home shows it off, they take another
            key = self.rng.choice(self.report.walkable or keys)
            if key not in offered:
                self.report.outcomes[f"{key}: off on home"] += 1
                key = self.rng.choice(offered)
            spec = kiosk.catalog[key]
            ctx = kiosk.new_context(elderly=self.rng.random() < 0.1)
            citizen.begin()
            self.beat(f"session {n}: {key}")
            began = time.monotonic()
            transcript = headless.run(spec.start, ctx, citizen)
            self.report.seconds[key] = self.report.seconds.get(key, 0.0) + time.monotonic() - began
            citizen.end()
            self.report.sessions = n
            self.report.journeys[key] += 1
            self._judge(n, key, transcript, ctx, runtime_dir)
            if n == self.warmup:
                self._settle(kiosk, injector, baseline=True)
            if n > self.warmup and (n - self.warmup) % self._sample_every() == 0:
                self.report.rss.append((n, held_rss()))
            if self.on_progress is not None and n % max(1, self.sessions // 20) == 0:
                self.on_progress(n, time.monotonic() - started)
            if len(self.report.problems) >= 20:
                break
        self._settle(kiosk, injector, baseline=False)

    def _sample_every(self) -> int:
        return max(1, (self.sessions - self.warmup) // 100)

    def _judge(self, n: int, key: str, transcript: Any, ctx: Any, runtime_dir: Path) -> None:
        outcome = transcript.outcome
        if isinstance(outcome, Finished):
            self.report.outcomes[f"{key}: {outcome.result}"] += 1
        elif isinstance(outcome, Cancelled):
            self.report.outcomes[f"{key}: cancelled ({outcome.reason})"] += 1
            if outcome.reason == "too many steps":
                self.problems(f"session {n} ({key}) did not end in {len(transcript.steps)} steps")
        elif isinstance(outcome, FlowFailed):
            err = outcome.error
            self.problems(
                f"session {n} ({key}) crashed: {type(err).__name__}: {err}\n"
                + "".join(traceback.format_exception(err))
            )
        if not ctx.session.closed:
            self.problems(f"session {n} ({key}) was not closed")
        left = list(runtime_dir.glob(PREFIX + "*"))
        if left:
            self.problems(f"session {n} ({key}) left its folder: {[p.name for p in left]}")

    def problems(self, what: str) -> None:
        self.report.problems.append(what)

    # ---- quiet points: after warm-up and at the end ----
    def _wait_devices(self, kiosk: Any, timeout: float = 60.0) -> None:
        """Every device back and usable (a healed fault, a reconnect after its backoff)."""
        deadline = time.monotonic() + timeout
        for dev in kiosk.devices:
            while not dev.status.usable:
                self.beat(f"waiting for {dev.name} to come back ({dev.status.reason})")
                if time.monotonic() > deadline:
                    self.problems(f"{dev.name} did not come back within {timeout:.0f} s: {dev.status.reason}")
                    break
                dev.wait_until(lambda s: s.usable, 1.0)

    def _settle(self, kiosk: Any, injector: Injector, baseline: bool) -> None:
        injector.heal_all()
        reader = kiosk.simulators.get("idcard")
        if reader is not None and reader.card is not None:
            reader.remove()
        self._wait_devices(kiosk)
        _trim()
        if baseline:
            self.report.fds = (open_fds(), 0)
            self.report.threads = (threading.active_count(), 0)
            self._baseline_threads = {t.name for t in threading.enumerate()}
            if self.trace_frames:
                tracemalloc.start(self.trace_frames)
                self._snapshot = tracemalloc.take_snapshot()
            return
        if not self._baseline_threads:
            return  # ended before the warm-up did: nothing to compare with
        if self._snapshot is not None:
            self.report.grown = _growth(self._snapshot, tracemalloc.take_snapshot())
            tracemalloc.stop()
        # threads and fds of the last reconnects wind down on their own: give them time (a loaded
        # machine took more than 15 s); this waits for the state, so a quiet run ends at once
        deadline = time.monotonic() + 60
        while True:
            self.beat("waiting for threads and fds to settle")
            fds, threads = open_fds(), threading.active_count()
            settled = (
                fds <= self.report.fds[0] + FD_SLACK and threads <= self.report.threads[0] + THREAD_SLACK
            )
            if settled or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        self.report.fds = (self.report.fds[0], fds)
        self.report.threads = (self.report.threads[0], threads)
        self.report.new_threads = sorted(
            {t.name for t in threading.enumerate()} - self._baseline_threads - {"soak"}
        )
        if fds > self.report.fds[0] + FD_SLACK:
            self.problems(f"fds leaked: {self.report.fds[0]} after warm-up, {fds} at end")
        if threads > self.report.threads[0] + THREAD_SLACK:
            self.problems(
                f"threads leaked: {self.report.threads[0]} after warm-up, {threads} at end "
                f"(new: {self.report.new_threads})"
            )
        b, se = self.report.rss_slope()
        half = self.report.rss[len(self.report.rss) // 2 :]
        grown = b * (half[-1][0] - half[0][0]) / 1000 if half else 0.0
        # fail only on growth clearly above the limit (three standard errors) and above what the
        # allocator alone moves RSS by; 300 sessions catch gross leaks, 10,000 the 1 MB limit
        if b - 3 * se > RSS_LIMIT_MB_PER_1000 and grown > RSS_NOISE_MB:
            self.problems(
                f"RSS grows {b:.2f} ± {se:.2f} MB per 1,000 sessions (limit {RSS_LIMIT_MB_PER_1000}), "
                f"{grown:.1f} MB over the last {half[-1][0] - half[0][0]} sessions"
            )


def _growth(before: tracemalloc.Snapshot, after: tracemalloc.Snapshot, top: int = 12) -> list[str]:
    ignore = [tracemalloc.Filter(False, tracemalloc.__file__)]
    stats = after.filter_traces(ignore).compare_to(before.filter_traces(ignore), "traceback")
    out = []
    for st in [s for s in stats if s.size_diff > 0][:top]:
        where = " <- ".join(f"{Path(f.filename).name}:{f.lineno}" for f in st.traceback)
        out.append(f"  {st.size_diff / 1024:+9.1f} KiB {st.count_diff:+7d} blocks  {where}")
    return out


def seed_from_env() -> int:
    raw = os.environ.get("SOAK_SEED", "")
    return int(raw) if raw else random.SystemRandom().randrange(1, 2**31)


def main() -> int:
    import faulthandler
    import tempfile

    faulthandler.enable()  # a native crash prints every thread's stack

    sessions = int(os.environ.get("SOAK_SESSIONS", "10000"))
    seed = seed_from_env()
    print(f"soak: {sessions} sessions, seed {seed} (replay: SOAK_SEED={seed})", flush=True)
    with tempfile.TemporaryDirectory(prefix="kiosk-soak-") as tmp:
        journeys = os.environ.get("SOAK_JOURNEYS", "")
        soak = Soak(
            Path(tmp),
            sessions,
            seed,
            fault_rate=float(os.environ.get("SOAK_FAULT_RATE", "0.2")),
            journeys=journeys.split(",") if journeys else None,
            trace_frames=int(os.environ.get("SOAK_TRACEMALLOC", "0")),
        )
        soak.on_progress = lambda n, t: print(
            f"  {n}/{sessions} sessions, {t:.0f} s, RSS {rss_bytes() / 2**20:.1f} MB, "
            f"{open_fds()} fds, {threading.active_count()} threads",
            flush=True,
        )
        try:
            report = soak.run()
        except SoakFailure as e:
            print(e, file=sys.stderr)
            return 1
    for line in report.lines():
        print(line)
    for p in report.problems:
        print("PROBLEM:", p, file=sys.stderr)
    return 1 if report.problems else 0
