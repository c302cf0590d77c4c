"""A bus of lock boards on a pty, speaking the configured protocol to the real driver.

Doors spring open when their lock is pulsed and stay open until a person closes them (a panel
button, or by themselves after `auto_close` seconds). Faults: a jammed lock (replies "failed",
door stays shut), a mute board (never answers), a slow board (opens at once, replies late), a
corrupted reply, and the base class's unplug. Variants as boards differ: `sim_unlock_reply` false
is a Kerong board that answers no unlock; 8a boards send a query-all reply as long as their
`channels` need; open-all (lock 00, Kerong 33) opens every door of a board. Replies are paced at
the configured baud rate so timings (the benchmark) include the wire time a real bus would take.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from core.text import tr
from devices.locker.layout import Slot, boards_of, layout_from_settings
from devices.locker.protocol import codec_for
from devices.sim import Control, PtySimulator

OPENS_KEPT = 1000  # open frames remembered for tests; simulate mode runs for days


class LockerSimulator(PtySimulator):
    kind = "locker"

    def __init__(self, port: Path, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(port, settings)
        self.codec = codec_for(
            str(self.settings.get("protocol", "8a")), int(self.settings.get("channels", 24))
        )
        self.slots: tuple[Slot, ...] = layout_from_settings(self.settings)
        self.by_number = {s.number: s for s in self.slots}
        self.baud = int(self.settings.get("baud") or 0) or self.codec.default_baud
        self.reversed = self.settings.get("open_reply_polarity", "normal") == "reversed"
        self.answers_unlock = bool(self.settings.get("sim_unlock_reply", True))
        auto = float(self.settings.get("sim_auto_close", 0) or 0)
        self.auto_close: float | None = auto or None
        self.pace = True  # sleep the wire time of request + reply before answering
        self.boards = set(boards_of(self.slots))
        # (board, lock) -> door closed; unmapped locks on a board read closed
        self.closed: dict[tuple[int, int], bool] = {(s.board, s.lock): True for s in self.slots}
        self.jammed: set[tuple[int, int]] = set()
        self.muted: set[int] = set()
        self.open_reply_delay: dict[int, float] = {}  # board -> seconds its open replies come late
        self._late: list[threading.Timer] = []
        self.corrupt_next = 0  # replies to send with a broken checksum
        self.corrupt_opens = 0  # open replies to send with a broken checksum
        self.opens: list[tuple[int, int]] = []  # the latest open frames received, in order
        self._serial: dict[tuple[int, int], int] = {}
        self._buf = bytearray()

    # ---- the people in front of the wall (thread-safe; called from the panel or tests) ----
    def door_closed(self, number: int) -> bool:
        s = self.by_number[number]
        with self._lock:
            return self.closed.get((s.board, s.lock), True)

    def close_door(self, number: int | str) -> None:
        self._set_door(self.by_number[int(number)], True)

    def force_open(self, number: int | str) -> None:
        """A door found open without a command (pried, or left unlatched while the kiosk was down)."""
        self._set_door(self.by_number[int(number)], False)

    def set_auto_close(self, seconds: float | str | None) -> None:
        value = float(seconds or 0)
        with self._lock:
            self.auto_close = value or None

    def toggle_jam(self, number: int | str) -> bool:
        s = self.by_number[int(number)]
        with self._lock:
            key = (s.board, s.lock)
            if key in self.jammed:
                self.jammed.discard(key)
            else:
                self.jammed.add(key)
            jammed = key in self.jammed
        self.notify("jammed", {"number": s.number, "jammed": jammed})
        return jammed

    def toggle_mute(self, board: int | str) -> bool:
        b = int(board)
        with self._lock:
            if b in self.muted:
                self.muted.discard(b)
            else:
                self.muted.add(b)
            muted = b in self.muted
        self.notify("muted", {"board": b, "muted": muted})
        return muted

    def opens_of(self, number: int) -> int:
        s = self.by_number[number]
        with self._lock:
            return self.opens.count((s.board, s.lock))

    def drop_late_replies(self) -> None:
        """Forget open replies still waiting to be sent (the board was reset)."""
        with self._lock:
            late, self._late = self._late, []
        for t in late:
            t.cancel()

    def stop(self) -> None:
        self.drop_late_replies()
        super().stop()

    def controls(self) -> list[Control]:
        numbers = tuple((str(s.number), tr("{n} 号柜", n=s.number)) for s in self.slots)
        boards = tuple((str(b), tr("锁控板 {b}", b=b)) for b in sorted(self.boards))
        return [
            Control(tr("关上柜门"), self.close_door, numbers),
            Control(tr("柜门被打开"), self.force_open, numbers),
            Control(
                tr("柜门自动关闭"),
                self.set_auto_close,
                (("0", tr("不自动关闭")), ("3", tr("3 秒后")), ("10", tr("10 秒后")), ("30", tr("30 秒后"))),
            ),
            Control(tr("锁卡住（切换）"), self.toggle_jam, numbers, group="faults"),
            Control(tr("锁控板不应答（切换）"), self.toggle_mute, boards, group="faults"),
            *super().controls(),
        ]

    # ---- the boards ----
    def on_bytes(self, data: bytes) -> None:
        self._buf += data
        n = self.codec.request_len
        while len(self._buf) >= n:
            request = self.codec.decode_request(bytes(self._buf[:n]))
            if request is None:  # noise or a bad checksum: a real board ignores it
                del self._buf[0]
                continue
            frame = bytes(self._buf[:n])
            del self._buf[:n]
            self._answer(frame, *request)

    def _answer(self, frame: bytes, kind: str, board: int, lock: int) -> None:
        opened = False
        with self._lock:
            if board not in self.boards or board in self.muted:
                return
            doors = {lk: c for (b, lk), c in self.closed.items() if b == board}
            if kind == "open":
                self.opens.append((board, lock))
                del self.opens[:-OPENS_KEPT]
                opened = (board, lock) not in self.jammed
                reply = self.codec.open_reply(board, lock, opened != self.reversed, doors)
            elif kind == "open_all":
                released = [lk for lk in doors if (board, lk) not in self.jammed]
                self.opens += [(board, lk) for lk in released]
                reply = self.codec.open_all_reply(board, doors)
            elif kind == "query":
                reply = self.codec.query_reply(board, lock, doors)
            else:
                reply = self.codec.query_all_reply(board, doors)
            delay = self.open_reply_delay.get(board, 0.0) if kind == "open" else 0.0
            if self.corrupt_next or (kind == "open" and self.corrupt_opens):
                if kind == "open" and self.corrupt_opens:
                    self.corrupt_opens -= 1
                else:
                    self.corrupt_next -= 1
                reply = reply[:-1] + bytes([reply[-1] ^ 0xFF])
        if kind == "open" and opened:
            slot = next((s for s in self.slots if (s.board, s.lock) == (board, lock)), None)
            if slot is not None:
                self._set_door(slot, False)
        if kind == "open_all":
            for slot in self.slots:
                if slot.board == board and slot.lock in released:
                    self._set_door(slot, False)
        if kind in ("open", "open_all") and not self.answers_unlock:
            return  # a board that pulses the lock and says nothing
        if self.pace:
            time.sleep((len(frame) + len(reply)) * 10 / self.baud)
        if delay:
            t = threading.Timer(delay, self.write, (reply,))
            t.daemon = True
            with self._lock:
                self._late = [x for x in self._late if x.is_alive()]  # sent ones are forgotten
                self._late.append(t)
            t.start()
        else:
            self.write(reply)

    def _set_door(self, slot: Slot, closed: bool) -> None:
        key = (slot.board, slot.lock)
        with self._lock:
            if self.closed.get(key) == closed:
                return
            self.closed[key] = closed
            serial = self._serial[key] = self._serial.get(key, 0) + 1
            auto = self.auto_close
        self.notify("door", {"number": slot.number, "closed": closed})
        if not closed and auto:
            t = threading.Timer(auto, self._auto_close, (slot, serial))
            t.daemon = True
            t.start()

    def _auto_close(self, slot: Slot, serial: int) -> None:
        with self._lock:
            if self._serial.get((slot.board, slot.lock)) != serial:
                return  # closed (and maybe reopened) since this timer was set
        self._set_door(slot, True)
