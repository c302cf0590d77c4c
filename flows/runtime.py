"""The flow runtime: a flow is a generator that yields steps and receives answers.

    def my_flow(ctx):
        choice = yield Choose(title=tr("..."), options=...)     # -> Intent from the citizen
        result = yield Work(lambda: ctx.devices["printer"].call(...))  # -> fn's return value
        return "done"

`yield View` shows it and waits for an Intent; `yield Work` runs fn off the GUI thread and sends
back its result (or throws its exception into the flow, where the flow may catch it).
Cancelling (home button, idle timeout, shutdown) closes the generator, so its `finally` blocks
run; the runner then closes the session. A flow that raises ends in FlowFailed for the error
screen. Hosts (the Qt shell, the headless driver) only move steps and answers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field
from typing import Any

from core.clock import Clock
from core.text import Bilingual, Text
from flows.session import Session
from flows.spec import FlowRef as FlowRef  # re-exported: journeys find the spec beside the runtime
from flows.spec import FlowSpec as FlowSpec
from flows.views import Intent, View, Work

log = logging.getLogger(__name__)

Step = View | Work
FlowGen = Generator[Step, Any, Any]


@dataclass
class FlowContext:
    """What a flow may use: devices and services are plain objects, all calls blocking."""

    clock: Clock
    session: Session
    config: Mapping[str, Any]
    devices: Any = None  # devices.manager.DeviceManager
    services: dict[str, Any] = field(default_factory=dict)
    elderly: bool = False
    # the citizen's language now ("zh" or "en"): a receipt is printed in it
    language: Callable[[], str] = field(default=lambda: "zh")
    # a Text in that language, as the screen shows it (the UI's translator; str() is the Chinese)
    translate: Callable[[Text], str] = field(default=str)
    # what leaving now would throw away, set by a journey while it holds the citizen's work (a
    # photo, fingerprints): the kiosk asks before its 首页 button ends the journey
    at_stake: Text | None = None

    def hall_name(self) -> str:
        """The hall's name as the screen shows it (the Chinese where no English one is set)."""
        kcfg = self.config["kiosk"]
        return self.translate(Bilingual(kcfg["hall_name"], (), kcfg["hall_name_en"]))

    def usable(self, device: str) -> bool:
        """The device is configured and working now."""
        return self.devices is not None and self.devices.status(device).usable


@dataclass(frozen=True)
class Finished:
    result: Any


@dataclass(frozen=True)
class FlowFailed:
    error: BaseException


@dataclass(frozen=True)
class Cancelled:
    reason: str


Outcome = Finished | FlowFailed | Cancelled


class FlowRunner:
    """Steps one flow. Not thread-safe: the host calls it from one thread."""

    def __init__(self, gen: FlowGen, session: Session, clock: Clock) -> None:
        self._gen = gen
        self.session = session
        self.clock = clock
        self.current: Step | None = None
        self.outcome: Outcome | None = None
        self.shown_at = 0.0
        self.seq = 0  # increments per step: answers for an old step are dropped

    def start(self) -> Step | Outcome:
        return self._advance(lambda: next(self._gen))

    def answer(self, value: Any, seq: int | None = None) -> Step | Outcome | None:
        """Send the answer to the current step; None if it was stale (a double tap)."""
        if self.outcome is not None or (seq is not None and seq != self.seq):
            return None
        if isinstance(self.current, View) and not isinstance(value, Intent):
            raise TypeError("a view must be answered with an Intent")
        return self._advance(lambda: self._gen.send(value))

    def fail(self, exc: BaseException, seq: int | None = None) -> Step | Outcome | None:
        """Work raised: throw it into the flow at its yield."""
        if self.outcome is not None or (seq is not None and seq != self.seq):
            return None
        return self._advance(lambda: self._gen.throw(exc))

    def cancel(self, reason: str) -> Cancelled:
        if self.outcome is None:
            try:
                self._gen.close()
            except Exception:
                log.exception("flow raised while unwinding after %s", reason)
            self._finish(Cancelled(reason))
        assert isinstance(self.outcome, Cancelled | Finished | FlowFailed)
        return self.outcome  # type: ignore[return-value]

    def timed_out(self) -> bool:
        """True when the current view's own timeout has passed on the clock."""
        view = self.current
        return (
            isinstance(view, View)
            and view.timeout is not None
            and self.clock.monotonic() - self.shown_at >= view.timeout
        )

    def _advance(self, resume: Callable[[], Step]) -> Step | Outcome:
        try:
            step = resume()
        except StopIteration as stop:
            return self._finish(Finished(stop.value))
        except Exception as e:
            log.exception("flow failed")
            return self._finish(FlowFailed(e))
        if not isinstance(step, View | Work):
            self._gen.close()
            return self._finish(FlowFailed(TypeError(f"flow yielded {step!r}, not a View or Work")))
        self.current = step
        self.seq += 1
        self.shown_at = self.clock.monotonic()
        return step

    def _finish(self, outcome: Outcome) -> Outcome:
        self.outcome = outcome
        self.current = None
        self.session.close()
        return outcome
