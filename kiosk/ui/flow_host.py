"""Runs a flow under Qt: views to screens, Work to a thread pool, answers back on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject

from core.text import Text
from flows.runtime import Cancelled, FlowContext, FlowFailed, FlowGen, FlowRunner, FlowSpec, Outcome
from flows.views import TIMEOUT, Intent, View, Work, watched_device
from kiosk.ui.bridge import channel

log = logging.getLogger(__name__)

#: event kind -> the earlier event it cancels
UNDOES = {"card_removed": "card_inserted"}


class FlowHost(QObject):
    """Steps one flow at a time. `shell` renders views and is told when the flow ends;
    `on_end(service key, "completed" | "abandoned" | "failed")` hears how each one ended."""

    def __init__(self, shell: Any, on_end: Callable[[str, str], None] | None = None) -> None:
        super().__init__()
        self.shell = shell
        self.on_end = on_end
        self.runner: FlowRunner | None = None
        self.spec: FlowSpec | None = None
        self.ctx: FlowContext | None = None
        self._result: Any = _UNSET  # what the journey returned, before its rating was asked
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="flow-work")
        # (seq, result, exception) from the pool's threads, run on the GUI thread
        self._work_done = channel(self._on_work_done)
        # an event no view waited for, kept until it is undone (a card placed before its screen)
        self._sticky: dict[str, Any] = {}

    @property
    def active(self) -> bool:
        return self.runner is not None

    @property
    def at_stake(self) -> Text | None:
        """What leaving the journey now would throw away (None: nothing, leave at once)."""
        return self.ctx.at_stake if self.runner is not None and self.ctx is not None else None

    @property
    def working(self) -> bool:
        return self.runner is not None and isinstance(self.runner.current, Work)

    def start(self, spec: FlowSpec, ctx: FlowContext) -> None:
        if self.runner is not None:
            return  # a second tap on home while the first flow starts
        self.spec, self.ctx = spec, ctx
        self._result = _UNSET
        log.info("flow %s started (session %s)", spec.key, ctx.session.id)
        from flows import rating  # a journey's code, like the journeys: loaded on first use

        noted = replace(spec, start=lambda c: _noting(spec.start(c), self._noted))
        try:
            gen = rating.journey(noted, ctx)  # the journey, then its rating
        except Exception as e:
            ctx.session.close()
            log.exception("flow %s could not start", spec.key)
            self._ended(FlowFailed(e))
            self.shell.flow_failed(e)
            return
        self.runner = FlowRunner(gen, ctx.session, ctx.clock)
        self._handle(self.runner.start())

    def answer(self, intent: Intent, seq: int) -> None:
        if self.runner is None:
            return
        step = self.runner.answer(intent, seq)
        if step is not None:
            self._handle(step)

    def deliver_event(self, kind: str, payload: Any) -> None:
        """A device event reaches the current view if it waits for that kind."""
        if kind in UNDOES:
            self._sticky.pop(UNDOES[kind], None)
        view = self.runner.current if self.runner is not None else None
        if self.runner is not None and isinstance(view, View) and kind in view.events:
            self._sticky.pop(kind, None)
            self.answer(Intent(kind, payload), self.runner.seq)
        elif kind in UNDOES.values():
            self._sticky[kind] = payload

    def tick(self) -> None:
        if self.runner is not None and self.runner.timed_out():
            self.answer(TIMEOUT, self.runner.seq)

    def cancel(self, reason: str) -> None:
        runner, self.runner = self.runner, None
        self._sticky.clear()
        if runner is not None:
            self._ended(runner.cancel(reason))
            log.info("flow %s cancelled: %s", self.spec.key if self.spec else "?", reason)

    def _noted(self, result: Any) -> None:
        self._result = result
        if self.ctx is not None:  # the journey is over: its rating holds nothing to lose
            self.ctx.at_stake = None

    def _ended(self, outcome: Outcome) -> None:
        """Tell on_end how the journey ended: by what it returned when it got that far (a
        citizen who leaves at the rating did finish the journey), else by how the run ended."""
        if self.on_end is None or self.spec is None:
            return
        from kiosk.journey_log import outcome_of

        if self._result is not _UNSET:
            said = outcome_of(self._result)
        elif isinstance(outcome, FlowFailed):
            said = "failed"
        elif isinstance(outcome, Cancelled):
            said = "abandoned"
        else:
            said = outcome_of(outcome.result)
        self.on_end(self.spec.key, said)

    def shutdown(self) -> None:
        self.cancel("shutdown")
        self._work_done.close()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _handle(self, step: Any) -> None:
        runner = self.runner
        if runner is None:
            return
        if isinstance(step, View):
            seq = runner.seq
            self.shell.show_view(step, lambda intent: self.answer(intent, seq))
            waiting = [k for k in step.events if k in self._sticky]
            if waiting:
                self.answer(Intent(waiting[0], self._sticky.pop(waiting[0])), seq)
            elif (known := self._already_so(step)) is not None:
                self.answer(known, seq)
        elif isinstance(step, Work):
            seq = runner.seq
            self.shell.show_view(step.busy, None)
            fut = self._pool.submit(step.fn)
            fut.add_done_callback(lambda f: self._work_done.send((seq, *_outcome(f))))
        else:
            self.runner = None
            self._sticky.clear()  # a card left on the reader is not the next citizen's
            self._ended(step)
            self.shell.flow_ended(step)

    def _already_so(self, view: View) -> Intent | None:
        """The view waits to hear that a device went down (or came back), and it already has:
        the event came before the view and would never reach it (a camera unplugged on the
        confirm screen, then 重新拍摄: a black preview and a shutter that did nothing)."""
        devices = self.ctx.devices if self.ctx is not None else None
        if devices is None:
            return None
        for kind in view.events:
            watched = watched_device(kind)
            if watched is not None and (status := devices.status(watched[0])).usable == watched[1]:
                return Intent(kind, status)
        return None

    def _on_work_done(self, done: tuple[int, Any, BaseException | None]) -> None:
        seq, result, exc = done
        if self.runner is None:
            return
        step = self.runner.fail(exc, seq) if exc is not None else self.runner.answer(result, seq)
        if step is not None:
            self._handle(step)


_UNSET = object()


def _noting(gen: FlowGen, note: Callable[[Any], None]) -> FlowGen:
    """The journey as it is, telling `note` what it returned."""
    result = yield from gen
    note(result)
    return result


def _outcome(fut: Any) -> tuple[Any, BaseException | None]:
    exc = fut.exception()
    return (None, exc) if exc is not None else (fut.result(), None)
