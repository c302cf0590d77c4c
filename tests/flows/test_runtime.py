"""The flow runtime, headless: journeys, timeouts on a fake clock, cancel and failures unwind."""

from pathlib import Path

import pytest

from core.clock import FakeClock
from flows import demo
from flows.headless import run, scripted
from flows.runtime import Cancelled, Finished, FlowContext, FlowFailed, FlowRunner
from flows.session import Session
from flows.views import BACK, TIMEOUT, Choose, Entry, Intent, Message, Work
from kiosk.config import load


@pytest.fixture
def ctx(tmp_path: Path) -> FlowContext:
    return FlowContext(clock=FakeClock(), session=Session(tmp_path), config=load(None))


def test_demo_journey_end_to_end(ctx):
    t = run(
        demo.start,
        ctx,
        scripted(Intent("phone"), Intent("ok", "123"), Intent("ok", "13800138000"), Intent("ok")),
    )
    assert isinstance(t.outcome, Finished) and t.outcome.result == "done"
    entries = [v for v in t.views if isinstance(v, Entry)]
    assert str(entries[1].error)  # the short number was refused with a reason
    done = t.views[-1]
    assert isinstance(done, Message) and done.big and "138****8000" in str(done.body)
    assert any(isinstance(s, Work) for s in t.steps)
    assert ctx.session.closed


def test_result_screen_times_out_on_the_injected_clock(ctx):
    t = run(demo.start, ctx, scripted(Intent("phone"), Intent("ok", "13800138000"), None))
    assert isinstance(t.outcome, Finished) and t.outcome.result == "timeout"
    assert ctx.clock.monotonic() >= 1000 + 20


def test_back_on_first_screen_leaves(ctx):
    t = run(demo.start, ctx, scripted(BACK))
    assert t.outcome == Finished("back")


def test_cancel_runs_finally_blocks_and_closes_session(ctx):
    cleaned = []

    def flow(c):
        try:
            yield Choose(options=())
        finally:
            cleaned.append(True)

    runner = FlowRunner(flow(ctx), ctx.session, ctx.clock)
    runner.start()
    assert isinstance(runner.cancel("idle"), Cancelled)
    assert cleaned == [True] and ctx.session.closed


def test_flow_raising_midway_is_failed_not_crash(ctx):
    def flow(c):
        yield Choose(options=())
        raise ValueError("platform said no")

    runner = FlowRunner(flow(ctx), ctx.session, ctx.clock)
    runner.start()
    out = runner.answer(Intent("x"))
    assert isinstance(out, FlowFailed) and "platform said no" in str(out.error)
    assert ctx.session.closed


def test_work_exception_is_thrown_into_flow_which_can_recover(ctx):
    def flow(c):
        try:
            yield Work(lambda: 1 / 0)
        except ZeroDivisionError:
            answer = yield Message(title="失败")
            return answer.name
        return "no"

    t = run(flow, ctx, scripted(Intent("ok")))
    assert t.outcome == Finished("ok")


def test_stale_answer_is_dropped(ctx):
    def flow(c):
        a = yield Choose(options=())
        b = yield Choose(options=())
        return (a.name, b.name)

    runner = FlowRunner(flow(ctx), ctx.session, ctx.clock)
    runner.start()
    seq = runner.seq
    runner.answer(Intent("first"), seq)
    assert runner.answer(Intent("double-tap"), seq) is None  # second tap on the old screen
    assert runner.answer(Intent("second"), runner.seq) == Finished(("first", "second"))


def test_view_timeout_uses_clock(ctx):
    def flow(c):
        a = yield Message(title="x", timeout=10)
        return a

    runner = FlowRunner(flow(ctx), ctx.session, ctx.clock)
    runner.start()
    assert not runner.timed_out()
    ctx.clock.advance(9.9)
    assert not runner.timed_out()
    ctx.clock.advance(0.2)
    assert runner.timed_out()
    assert runner.answer(TIMEOUT) == Finished(TIMEOUT)


def test_flow_yielding_garbage_fails_cleanly(ctx):
    def flow(c):
        yield "not a view"

    runner = FlowRunner(flow(ctx), ctx.session, ctx.clock)
    assert isinstance(runner.start(), FlowFailed)


def test_flows_and_devices_import_no_qt():
    import subprocess
    import sys

    code = (
        "import sys, importlib, pkgutil, flows, devices\n"
        "for pkg in (flows, devices):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        try: importlib.import_module(m.name)\n"
        "        except ImportError: pass\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert r.returncode == 0, r.stdout + r.stderr
