"""What can go wrong reading a card, as DeviceError subclasses with reasons fit for staff."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.text import Text, TextLike
from devices.base import DeviceError

if TYPE_CHECKING:
    from devices.idcard.record import IdCard


class ReaderTimeout(DeviceError):
    """The reader did not answer a command in time (slow, reset, or a reply cut short)."""


class ReaderProtocolError(DeviceError):
    """The reader answered with a damaged frame or refused our frame (checksum, length)."""


class NoCardError(DeviceError):
    """No card on the reader."""


class CardReadError(DeviceError):
    """A card is there but could not be read (moved away mid-read, damaged chip, SAM refused it)."""


class InvalidCardError(DeviceError):
    """The card was read but its data are inconsistent (e.g. a wrong check digit)."""

    def __init__(self, reason: TextLike, *, reasons: list[Text] | None = None, card: IdCard | None = None):
        super().__init__(reason)
        self.reasons = reasons or [self.reason]
        self.card = card
