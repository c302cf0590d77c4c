"""What the inventory needs from the lock boards, and the two ways to reach them."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any, Protocol


class Boards(Protocol):
    def open(self, number: int) -> None:
        """Open once; LockJammed if it did not, another DeviceError when the outcome is unknown."""

    def door_states(self, numbers: Iterable[int]) -> dict[int, bool | None]:
        """number -> door closed, None where the board did not answer."""


class DeviceBoards:
    """Boards through the supervised Device (the kiosk's way): calls run on its worker thread."""

    def __init__(self, device: Any, timeout: float = 5.0) -> None:
        self.device = device
        self.timeout = timeout

    def open(self, number: int) -> None:
        self.device.call(lambda d: d.open_compartment(number), self.timeout)

    def door_states(self, numbers: Iterable[int]) -> dict[int, bool | None]:
        wanted = list(numbers)
        result: dict[int, bool | None] = self.device.call(lambda d: d.doors(wanted), self.timeout)
        return result


class DriverBoards:
    """Boards through a bare, already opened driver (CLI tools, benchmarks, single-thread tests)."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver
        self._lock = threading.Lock()

    def open(self, number: int) -> None:
        with self._lock:
            self.driver.open_compartment(number)

    def door_states(self, numbers: Iterable[int]) -> dict[int, bool | None]:
        with self._lock:
            result: dict[int, bool | None] = self.driver.doors(list(numbers))
            return result
