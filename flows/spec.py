"""What the home screen needs of a journey: its spec, and a reference to its code.

Kept apart from flows.runtime (the runner, the view models): the home is drawn from these specs
alone, so the first paint does not wait for the dataclasses of every view a journey may show.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flows.runtime import FlowContext, FlowGen


@dataclass(frozen=True)
class FlowSpec:
    """A service on the home screen: its flow, the devices it cannot finish without, the
    devices it can do without (each with the note home shows while that one is down), and the
    systems we do not own it needs ("platform", "payment"): off with the reason while one is
    unreachable or not configured. The catalog's journeys start through a FlowRef, so
    the home is drawn from their specs without importing their code."""

    key: str
    title: Any  # Text
    detail: Any  # Text
    start: Callable[[FlowContext], FlowGen]
    requires: tuple[str, ...] = ()
    optional: tuple[tuple[str, Any], ...] = ()  # (device, Text note)
    backends: tuple[str, ...] = ()
    # service-level health beyond devices, from the app's services (e.g. the queue store
    # unreachable): None when available, else the reason. Called on the GUI thread: keep it cheap.
    check: Callable[[Mapping[str, Any]], Any] | None = None
    # the kiosk asks for a rating when the journey ends having done something (flows/rating.py)
    rated: bool = True


@dataclass(frozen=True)
class FlowRef:
    """A flow by "module:function", imported when a citizen first starts it."""

    target: str

    def __call__(self, ctx: FlowContext) -> FlowGen:
        from devices.manager import load_object  # the one "module:name" loader

        flow: Callable[[FlowContext], FlowGen] = load_object(self.target)
        return flow(ctx)
