"""The locker wall's map: which board and lock is compartment 1..N, and how big it is."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from devices.locker.protocol import Codec, codec_for

SIZES = ("S", "M", "L")


class LayoutError(ValueError):
    """The configured map is unusable; the message names the entry."""


@dataclass(frozen=True)
class Slot:
    number: int
    board: int
    lock: int
    size: str = "M"


def layout_from_settings(settings: Mapping[str, Any]) -> tuple[Slot, ...]:
    """The configured `compartments` list, or `boards` x `locks_per_board` numbered board by board."""
    codec = codec_for(str(settings.get("protocol", "8a")), int(settings.get("channels", 24)))
    entries = settings.get("compartments") or []
    if entries:
        slots = [
            Slot(int(e["number"]), int(e["board"]), int(e["lock"]), str(e.get("size") or "M"))
            for e in entries
        ]
    else:
        boards = int(settings.get("boards", 1))
        per = int(settings.get("locks_per_board", 16))
        size = str(settings.get("default_size", "M"))
        slots = [
            Slot(i * per + lock, codec.first_board + i, lock, size)
            for i in range(boards)
            for lock in range(1, per + 1)
        ]
    check_layout(slots, codec)
    return tuple(sorted(slots, key=lambda s: s.number))


def check_layout(slots: list[Slot], codec: Codec) -> None:
    if not slots:
        raise LayoutError("the locker wall has no compartments")
    numbers: set[int] = set()
    places: dict[tuple[int, int], int] = {}
    for s in slots:
        where = f"compartment {s.number}"
        if s.number < 1:
            raise LayoutError(f"{where}: numbers start at 1")
        if s.number in numbers:
            raise LayoutError(f"{where} is listed twice")
        try:
            codec.check_address(s.board, s.lock)
        except ValueError as e:
            raise LayoutError(f"{where}: {e}") from None
        if (s.board, s.lock) in places:
            raise LayoutError(
                f"{where}: board {s.board} lock {s.lock} is compartment {places[s.board, s.lock]} too"
            )
        if s.size not in SIZES:
            raise LayoutError(f"{where}: size {s.size!r} is not one of {', '.join(SIZES)}")
        numbers.add(s.number)
        places[s.board, s.lock] = s.number


def boards_of(slots: tuple[Slot, ...]) -> list[int]:
    return sorted({s.board for s in slots})
