"""Run a flow with no window: for tests, the demo and soak runs.

A `citizen` callable looks at each view and answers with an Intent (or None to do nothing, which
advances the fake clock to the view's timeout). Work runs inline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from core.clock import FakeClock
from flows.runtime import Cancelled, FlowContext, FlowGen, FlowRunner, Outcome, Step
from flows.views import TIMEOUT, Intent, View, Work

Citizen = Callable[[View], Intent | None]
#: (step number from 0, the step, "before" or "after" it is answered): benchmarks time steps
#: with it, and crash tests end the process at one
StepHook = Callable[[int, Step, str], None]


@dataclass
class Transcript:
    steps: list[Step] = field(default_factory=list)
    outcome: Outcome | None = None

    @property
    def views(self) -> list[View]:
        return [s for s in self.steps if isinstance(s, View)]


def run(
    start: Callable[[FlowContext], FlowGen],
    ctx: FlowContext,
    citizen: Citizen,
    *,
    max_steps: int = 200,
    on_step: StepHook | None = None,
) -> Transcript:
    runner = FlowRunner(start(ctx), ctx.session, ctx.clock)
    transcript = Transcript()
    step: Any = runner.start()
    hook: StepHook = on_step or (lambda n, s, phase: None)
    for n in range(max_steps):
        if not isinstance(step, View | Work):
            transcript.outcome = step
            return transcript
        transcript.steps.append(step)
        hook(n, step, "before")
        if isinstance(step, Work):
            try:
                result = step.fn()
            except Exception as e:
                hook(n, step, "after")
                step = runner.fail(e)
                continue
            hook(n, step, "after")
            step = runner.answer(result)
            continue
        intent = citizen(step)
        if intent is None:
            if step.timeout is None:
                transcript.outcome = runner.cancel("idle")
                return transcript
            if isinstance(ctx.clock, FakeClock):
                ctx.clock.advance(step.timeout)
            intent = TIMEOUT
        hook(n, step, "after")
        step = runner.answer(intent)
    transcript.outcome = runner.cancel("too many steps")
    return transcript


def scripted(*answers: Intent | None) -> Citizen:
    """A citizen that gives these answers in order, then walks away."""
    queue = list(answers)

    def citizen(view: View) -> Intent | None:
        return queue.pop(0) if queue else None

    return citizen


__all__ = ["Cancelled", "Transcript", "run", "scripted"]
