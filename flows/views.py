"""View models: what a flow asks the UI to show. Small frozen dataclasses, no Qt.

Each view carries its spoken `prompt`, and may carry `help`: what Help says about this step
(otherwise Help explains the kind of screen). A view that waits for a device event names it in
`events`; a view with `timeout` gets a "timeout" intent when the citizen does nothing for that
long (measured on the injected clock).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.text import Text, TextLike, as_text, tr


@dataclass(frozen=True)
class View:
    title: Text = Text("")
    prompt: Text = Text("")
    timeout: float | None = None
    events: tuple[str, ...] = ()
    can_go_back: bool = True
    help: Text | None = None
    # the citizen waits for us (a printer paused until staff come): the idle watch does not end
    # the journey; the view's own timeout and the flow bound the wait
    waiting_on_us: bool = False


@dataclass(frozen=True)
class Option:
    key: str
    label: Text
    detail: Text = Text("")
    enabled: bool = True
    reason: Text = Text("")  # why it is off


@dataclass(frozen=True)
class Choose(View):
    """Pick one of several large buttons."""

    options: tuple[Option, ...] = ()


@dataclass(frozen=True)
class Message(View):
    """Information with one or more actions (action key -> label)."""

    body: Text = Text("")
    actions: tuple[tuple[str, Text], ...] = (("ok", tr("确定")),)
    tone: str = "info"  # info, success, warning, error
    big: str = ""  # a large figure, e.g. a ticket number
    qr: str = ""  # data for a QR code to show
    image: str = ""  # a picture file to show (a resource, or a file in the session's temp folder)


@dataclass(frozen=True)
class Entry(View):
    """Type digits (and X) on the on-screen keypad."""

    label: Text = Text("")
    min_length: int = 1
    max_length: int = 18
    allowed: str = "0123456789"
    error: Text = Text("")
    # "id_number": the GB 11643 check character is checked as the 18th character is typed
    check: str = ""


@dataclass(frozen=True)
class Capture(View):
    """Live camera preview with spoken guidance; answers Intent("captured", frame) when the
    guidance takes the picture (after a steady 3-2-1) or the citizen presses the shutter."""

    events: tuple[str, ...] = ("captured",)


@dataclass(frozen=True)
class Busy(View):
    """Shown while the flow waits for work off the GUI thread."""

    can_go_back: bool = False


@dataclass(frozen=True)
class Payment(Busy):
    """Paying the fee: the amount, a visible countdown, and either the QR the citizen scans with
    the phone (`qr`) or where to hold the phone's payment code (`qr` empty: the kiosk scans).
    A Busy too, so the screen stays put while the flow asks the gateway between countdowns."""

    amount: str = ""  # "40.00"
    qr: str = ""
    seconds_left: int = 0
    status: Text = Text("")
    actions: tuple[tuple[str, Text], ...] = ()


@dataclass(frozen=True)
class Preview(View):
    """One page of a document as it will print (an image in the session's folder), with page
    turning ("prev", "next" intents) and actions below."""

    image: str = ""
    page: int = 1  # 1-based
    pages: int = 1
    note: Text = Text("")
    actions: tuple[tuple[str, Text], ...] = ()


@dataclass(frozen=True)
class LockerDoor(Busy):
    """Which locker door is open: its number, big, and a small map of the wall with that door
    lit. `cells` are (number, column, row) from the top left. A Busy, shown while the flow
    waits for the door to be shut again."""

    number: int = 0
    cells: tuple[tuple[int, int, int], ...] = ()
    body: Text = Text("")


@dataclass(frozen=True)
class Pick(View):
    """Tick one option (or several, `multiple`) and/or write a line of text, then submit:
    answers Intent("ok", Picked). `text_label` empty: no text field. `required`: submit stays
    off until something is ticked or written."""

    options: tuple[Option, ...] = ()
    multiple: bool = True
    text_label: Text = Text("")
    text_max: int = 200
    required: bool = True
    submit: Text = tr("提交")
    # what was ticked and written when the citizen came back to this step from the next
    earlier: Picked | None = None


@dataclass(frozen=True)
class Picked:
    keys: tuple[str, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class Intent:
    """What the citizen (or a device) did: a button key, typed value, event, or timeout."""

    name: str
    value: Any = None


TIMEOUT = Intent("timeout")
BACK = Intent("back")


def offline(device: str) -> str:
    """The event a view names in `events` to hear that a device it waits on went down."""
    return f"{device}_offline"


def online(device: str) -> str:
    """The event a view names in `events` to hear that a device it offers no choice of while
    it is down is working again (the view is drawn again with the choice on)."""
    return f"{device}_online"


def watched_device(event: str) -> tuple[str, bool] | None:
    """(device, whether the event is its coming back) for `offline()`/`online()` events."""
    for suffix, up in (("_offline", False), ("_online", True)):
        if event.endswith(suffix):
            return event.removesuffix(suffix), up
    return None


@dataclass(frozen=True)
class Work:
    """Ask the runtime to run fn() off the GUI thread while showing `busy`; its result is sent back."""

    fn: Any  # Callable[[], Any]
    busy: Busy = field(default_factory=lambda: Busy(title=tr("请稍候"), prompt=tr("正在处理，请稍候")))


def message(title: TextLike, body: TextLike = "", **kw: Any) -> Message:
    return Message(title=as_text(title), body=as_text(body), prompt=kw.pop("prompt", as_text(title)), **kw)
