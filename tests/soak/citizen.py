"""A random citizen for the soak: answers any view by what it offers, not by which flow shows it.

It looks only at the generic shape of a view (options, actions, a keypad, the device events it
waits for, can_go_back, timeout), so a step added to a flow later is walked without changes here.
Device events are provoked on the simulators (a card placed, a card taken back, a frame
captured) and then awaited from the real drivers, as the Qt shell would receive them.
"""

from __future__ import annotations

import queue
import random
import time
from collections.abc import Callable
from typing import Any

from backends.platform.demo import PEOPLE
from devices.base import DeviceError, DeviceEvent
from flows.views import BACK, Intent, View

#: card presets that read as valid, and those the driver refuses (card_invalid)
GOOD_CARDS = ("resident", "elderly", "rare_name", "hmt", "foreign2017", "foreign2023")
BAD_CARDS = ("bad_check_digit",)
EVENT_WAIT = 4.0  # real seconds to wait for a provoked device event before giving up
#: how a finger lands on the fingerprint module (None: not placed, the screen times out)
PLACEMENTS = (("good", 0.7), ("poor", 0.12), ("lift", 0.06), (None, 0.12))
GIVING_UP = frozenset({"back", "cancel", "home", "no", "skip", "other_finger", "retake", "reprint"})
# starting over ("print another", "check another"): a determined citizen finishes instead, or a
# session of theirs would go round the journey until the step limit
ANOTHER = frozenset({"more", "again"})
PAY_CODE = "134567890123456789"
FINGER_WAIT = (
    20.0  # real seconds for a placed finger's capture to end  # a payment code as the scanner reads it
)


class Citizen:
    """One per soak; `begin()` before each session. Callable as a headless citizen."""

    def __init__(self, kiosk: Any, rng: random.Random, on_step: Callable[[str], None]) -> None:
        self.kiosk = kiosk
        self.rng = rng
        self.on_step = on_step  # the watchdog's heartbeat, with what is being done
        self.events: queue.Queue[DeviceEvent] = queue.Queue()
        self.faults_mid_journey: Callable[[], None] = lambda: None
        self.counts: dict[str, int] = {}
        self.determined = False
        self._unsubscribe = [d.subscribe(self._on_event) for d in kiosk.devices]

    def close(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()

    def _on_event(self, ev: DeviceEvent) -> None:
        if ev.kind not in ("frame", "status"):  # frames come 30 a second; status is not an intent
            self.events.put(ev)

    def _count(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1

    # ---- one session ----
    def begin(self) -> None:
        self._drain()
        # some come to get it done: they do not turn back, cancel or walk away while they can go
        # on, so the long journeys (the reissue's twenty screens) are walked to their end too
        self.determined = self.rng.random() < 0.4

    def end(self) -> None:
        """The citizen leaves (a finger is not left on the module); most take their card with them."""
        module = self.kiosk.simulators.get("fingerprint")
        if module is not None:
            module.lift()
        reader = self.kiosk.simulators.get("idcard")
        if reader is not None and reader.card is not None and self.rng.random() < 0.9:
            reader.remove()

    def __call__(self, view: View) -> Intent | None:
        self.on_step(type(view).__name__)
        self.faults_mid_journey()
        if view.events:
            got = self._provoke(view)
            if got is not None:
                return got
        return self._choose(view)

    # ---- the generic chooser ----
    def _choose(self, view: View) -> Intent | None:
        moves: list[Intent | None] = []
        options = getattr(view, "options", ())
        moves += [Intent(o.key) for o in options if o.enabled]
        moves += [Intent(key) for key, _label in getattr(view, "actions", ())]
        if hasattr(view, "min_length") and hasattr(view, "allowed"):
            moves += [self._typed(view)] * 3
        weights = [1.0] * len(moves)
        forward = [m for m in moves if m.name not in GIVING_UP | ANOTHER]
        if self.determined and forward:
            move = self.rng.choice(forward)
            self._count(type(view).__name__)
            return move
        if view.can_go_back:
            moves.append(BACK)
            weights.append(0.15 * max(1, len(weights)))
        if view.timeout is not None or not moves:
            moves.append(None)  # walk away: the view's timeout (or the idle cancel) ends it
            weights.append(0.1 * max(1, len(weights)))
        move = self.rng.choices(moves, weights)[0]
        self._count("timeout" if move is None else "back" if move == BACK else type(view).__name__)
        return move

    def _typed(self, view: Any) -> Intent:
        if getattr(view, "check", "") == "id_number" and self.rng.random() < 0.6:
            return Intent("ok", self.rng.choice(PEOPLE).id_number)  # someone the platform knows
        n = self.rng.randint(view.min_length, view.max_length)
        allowed = view.allowed
        # mostly digits that look like real input (a phone number starts with 1), sometimes noise
        first = "1" if "1" in allowed and self.rng.random() < 0.7 else self.rng.choice(allowed)
        digits = first + "".join(self.rng.choice(allowed) for _ in range(n - 1))
        return Intent("ok", digits)

    # ---- device events ----
    def _provoke(self, view: View) -> Intent | None:
        """Make the awaited event happen on a simulator and return it as the shell would."""
        wanted = set(view.events)
        if "captured" in wanted:
            frame = self._frame()
            if frame is not None:
                self._count("captured")
                return Intent("captured", frame)
        if "finger_done" in wanted:
            return self._finger(wanted)
        scanner = self.kiosk.simulators.get("scanner")
        if scanner is not None and "scanned" in wanted and self.rng.random() < 0.7:
            scanner.scan(PAY_CODE if self.rng.random() < 0.85 else "https://example.org/not-a-pay-code")
            return self._await(wanted)
        reader = self.kiosk.simulators.get("idcard")
        acts = self.rng.random() < 0.85  # the others wait: the step must time out and go on
        if reader is not None and acts and wanted & {"card_inserted", "card_invalid"}:
            self._place_card(reader)
        elif reader is not None and acts and "card_removed" in wanted and reader.card is not None:
            reader.remove()
        else:  # nothing provoked: take an event already on its way, else answer the view
            return self._await(wanted, 0.3)
        return self._await(wanted)

    def _place_card(self, reader: Any) -> None:
        if reader.card is not None:  # the last citizen's card: take it off
            reader.remove()
        # a new card placed before the reader saw the old one go would pass for the old one
        device = self.kiosk.devices.get("idcard")
        deadline = time.monotonic() + EVENT_WAIT
        while device is not None and device.status.detail.get("card_present") and time.monotonic() < deadline:
            self.on_step("waiting for the reader to see the card go")
            time.sleep(0.05)
        preset = self.rng.choice(BAD_CARDS if self.rng.random() < 0.1 else GOOD_CARDS)
        reader.insert(preset)
        if self.rng.random() < 0.05:  # snatched back while the reader works on it
            time.sleep(self.rng.uniform(0.0, 0.6))
            reader.remove()
            self._count("fault:idcard:removed_mid_read")

    def _finger(self, wanted: set[str]) -> Intent | None:
        """A finger on the module (or none: then cancel, pass on, or let the screen time out);
        the screen hears the module say it is placed or done."""
        module = self.kiosk.simulators.get("fingerprint")
        placement = self.rng.choices([p for p, _ in PLACEMENTS], [w for _, w in PLACEMENTS])[0]
        if module is None or placement is None:
            return self._await(wanted, 0.3)
        module.place(placement)
        self._count("finger:" + placement)
        # a capture sends its image at the module's wire speed (some 7 s at 57600 baud)
        return self._await(wanted, FINGER_WAIT)

    def _await(self, wanted: set[str], wait: float = EVENT_WAIT) -> Intent | None:
        deadline = time.monotonic() + wait
        while (left := deadline - time.monotonic()) > 0:
            self.on_step("waiting for " + "/".join(sorted(wanted)))
            try:
                ev = self.events.get(timeout=min(left, 0.5))
            except queue.Empty:
                continue
            if ev.kind in wanted:
                self._count("event:" + ev.kind)
                return Intent(ev.kind, ev.payload)
        return None

    def _frame(self) -> Any:
        camera = self.kiosk.devices.get("camera")
        if camera is None:
            return None
        try:
            return camera.call(lambda d: d.latest(), timeout=5)
        except DeviceError:
            return None

    def _drain(self) -> None:
        while True:
            try:
                self.events.get_nowait()
            except queue.Empty:
                return
