"""What a lock-board call can fail with; light, so the inventory can import it without pyserial."""

from __future__ import annotations

from core.text import tr
from devices.base import DeviceError


class BoardSilent(DeviceError):
    """A board did not answer in time; the others on the bus may still work."""

    def __init__(self, board: int) -> None:
        self.board = board
        super().__init__(tr("锁控板 {board} 无应答", board=board))


class BoardBadReply(DeviceError):
    """A board answered with a frame that fails its checks (noise, wrong board, bad checksum)."""

    def __init__(self, board: int, detail: str) -> None:
        self.board = board
        super().__init__(tr("锁控板 {board} 应答错误：{detail}", board=board, detail=detail))


class LockJammed(DeviceError):
    """The board reports that the lock did not open, and the door is still shut."""

    def __init__(self, board: int, lock: int, number: int | None = None) -> None:
        self.board, self.lock, self.number = board, lock, number
        if number is None:
            super().__init__(tr("锁控板 {board} 的 {lock} 号锁未能打开", board=board, lock=lock))
        else:
            super().__init__(tr("{number} 号柜门未能打开", number=number))


class UnknownCompartment(DeviceError):
    def __init__(self, number: int) -> None:
        self.number = number
        super().__init__(tr("没有 {number} 号柜", number=number))
