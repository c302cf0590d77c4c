"""Device faults the soak injects through the simulators' own fault modes, and how each heals.

A fault is injected on one device at a time and healed a few sessions later (or at once for
one-shot faults such as a burst of garbage), so every journey also meets a device that comes back.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Action = Callable[[Any, random.Random], None]


def _nothing(sim: Any, rng: random.Random) -> None:
    pass


@dataclass(frozen=True)
class Fault:
    device: str
    name: str
    inject: Action
    heal: Action = _nothing

    @property
    def kind(self) -> str:
        return f"{self.device}:{self.name}"


def _garbage(sim: Any, rng: random.Random) -> None:
    sim.write(rng.randbytes(rng.randint(1, 64)))


def _silent(on: bool) -> Action:
    return lambda sim, rng: setattr(sim, "silent", on)


def _pty_faults(device: str) -> list[Fault]:
    return [
        Fault(device, "unplug", lambda s, r: s.unplug(), lambda s, r: s.plug()),
        Fault(device, "garbage", _garbage),
        Fault(device, "silent", _silent(True), _silent(False)),
    ]


def _printer() -> list[Fault]:
    def state(name: str) -> Fault:
        return Fault("printer", name, lambda s, r: s.set_state(name), lambda s, r: s.set_state("ok"))

    return [
        *_pty_faults("printer"),
        *(state(n) for n in ("out", "near_end", "cover_open", "offline", "cutter_error")),
        Fault(
            "printer", "out_mid_receipt", lambda s, r: s.run_out_during_next(), lambda s, r: s.set_state("ok")
        ),
        Fault("printer", "stall", lambda s, r: s.stall(), lambda s, r: s.resume()),
        Fault("printer", "stall_mid_job", lambda s, r: s.stall_during_next(), lambda s, r: s.resume()),
    ]


def _idcard() -> list[Fault]:
    def mode(name: str) -> Fault:
        return Fault("idcard", name, lambda s, r: s.set_fault(name), lambda s, r: s.set_fault("none"))

    return [
        *_pty_faults("idcard"),
        *(mode(n) for n in ("no_card", "noise", "bad_checksum", "truncated", "slow")),
        Fault("idcard", "reset", lambda s, r: s.reset_reader()),
    ]


def _locker(sim: Any) -> list[Fault]:
    numbers = [slot.number for slot in sim.slots]
    boards = sorted(sim.boards)
    picked: dict[str, Any] = {}

    def jam(s: Any, r: random.Random) -> None:
        picked["jam"] = r.choice(numbers)
        s.toggle_jam(picked["jam"])

    def mute(s: Any, r: random.Random) -> None:
        picked["mute"] = r.choice(boards)
        s.toggle_mute(picked["mute"])

    def pried(s: Any, r: random.Random) -> None:
        picked["open"] = r.choice(numbers)
        s.force_open(picked["open"])

    return [
        *_pty_faults("locker"),
        Fault("locker", "jammed_lock", jam, lambda s, r: s.toggle_jam(picked["jam"])),
        Fault("locker", "mute_board", mute, lambda s, r: s.toggle_mute(picked["mute"])),
        Fault("locker", "door_pried_open", pried, lambda s, r: s.close_door(picked["open"])),
        Fault("locker", "corrupt_replies", lambda s, r: setattr(s, "corrupt_next", r.randint(1, 3))),
    ]


def _camera() -> list[Fault]:
    def scene(key: str, value: Any, normal: Any) -> Fault:
        return Fault(
            "camera", f"{key}_{value}", lambda s, r: s.set(key, value), lambda s, r: s.set(key, normal)
        )

    return [
        Fault("camera", "gone", lambda s, r: s.unplug(), lambda s, r: s.plug()),
        scene("scene", "none", "one"),
        scene("scene", "two", "one"),
        scene("light", "dark", "normal"),
        scene("position", "far", "centre"),
    ]


def catalog(simulators: dict[str, Any]) -> list[Fault]:
    """Every fault the running simulators can show."""
    out: list[Fault] = []
    for device, sim in simulators.items():
        if device == "printer":
            out += _printer()
        elif device == "idcard":
            out += _idcard()
        elif device == "locker":
            out += _locker(sim)
        elif device == "camera":
            out += _camera()
        elif hasattr(sim, "silent"):
            out += _pty_faults(device)
    return out


class Injector:
    """Injects random faults and heals them after a random number of sessions."""

    def __init__(self, simulators: dict[str, Any], rng: random.Random, rate: float) -> None:
        self.sims = simulators
        self.rng = rng
        self.rate = rate
        self.faults = catalog(simulators)
        self.active: dict[str, tuple[Fault, int]] = {}  # device -> (fault, heal after session n)
        self.injected: Counter[str] = Counter()

    def maybe_inject(self, session: int, rate: float | None = None) -> None:
        if not self.faults or self.rng.random() >= (self.rate if rate is None else rate):
            return
        fault = self.rng.choice(self.faults)
        if fault.device in self.active:
            return  # one fault per device at a time, so each can be healed cleanly
        fault.inject(self.sims[fault.device], self.rng)
        self.injected[fault.kind] += 1
        if fault.heal is not _nothing:
            self.active[fault.device] = (fault, session + self.rng.randint(0, 3))

    def heal_due(self, session: int) -> None:
        for device, (_fault, due) in list(self.active.items()):
            if session >= due:
                self.heal(device)

    def heal(self, device: str) -> None:
        fault, _ = self.active.pop(device)
        fault.heal(self.sims[device], self.rng)

    def heal_all(self) -> None:
        for device in list(self.active):
            self.heal(device)
