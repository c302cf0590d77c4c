"""The SAM serial reader driver: find -> select -> read, one event per card placed."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping
from typing import Any

from core.text import Text, join, tr
from devices.base import ConnectionLost, DeviceError, DeviceStatus, Driver, Emit, State
from devices.idcard import codec
from devices.idcard.errors import (
    CardReadError,
    InvalidCardError,
    NoCardError,
    ReaderProtocolError,
    ReaderTimeout,
)
from devices.idcard.link import SamLink
from devices.idcard.photo import load_decoder
from devices.idcard.record import IdCard, validate
from devices.serial_port import open_port

log = logging.getLogger(__name__)

#: Polls in a row that failed before the status shows it (one glitch must not flicker the UI).
ERRORS_BEFORE_FAULT = 2
#: Polls in a row with no answer at all before the link counts as lost (reopened with backoff).
TIMEOUTS_BEFORE_LOST = 3
#: Failed reads of one card before it is reported unreadable instead of retried.
READS_BEFORE_GIVING_UP = 3


class SamSerialReader(Driver):
    """Second-generation ID card reader on a serial port (or any pyserial URL)."""

    def __init__(self, settings: Mapping[str, Any], emit: Emit) -> None:
        super().__init__(settings, emit)
        self.poll_interval = float(settings.get("poll_interval", 1.0))
        self.url = str(settings.get("port", ""))
        self.baud = int(settings.get("baud", 115200))
        self.read_fingerprint = bool(settings.get("read_fingerprint", False))
        self.read_address = bool(settings.get("read_address", False))
        self.timeout_scale = float(settings.get("timeout_scale", 1.0))
        self.decoder = load_decoder(str(settings.get("photo_decoder", "")))
        self.link: SamLink | None = None
        self._reported = False  # the card now on the reader has had its event
        self._failed_reads = 0
        self._errors = 0
        self._timeouts = 0
        self._last_error: Text = Text("")
        self._sam_problem: Text | None = None

    # ---- lifecycle ----
    def open(self) -> None:
        port = open_port(self.url, tr("读卡器"), baudrate=self.baud, timeout=0.02, write_timeout=2)
        self.link = SamLink(port, self.timeout_scale)
        try:
            self._check_sam()
        except ReaderTimeout as e:
            self.close()
            raise ConnectionLost(tr("读卡器无应答（{port}）", port=self.url)) from e
        except ReaderProtocolError as e:
            self.close()
            raise ConnectionLost(e.reason) from e

    def close(self) -> None:
        # A reopened link starts with no memory of the card: keep inserted/removed paired, so a
        # card swapped while the reader was away is never mistaken for the one reported before.
        if self._reported:
            self._reported = False
            self.emit("card_removed", None)
        if self.link is not None:
            self.link.close()
            self.link = None

    # ---- supervision ----
    def poll(self) -> DeviceStatus:
        try:
            if self._sam_problem is not None:
                self._check_sam()
            else:
                self._watch_card()
        except ReaderTimeout as e:
            self._timeouts += 1
            self._failed(e.reason)
            if self._timeouts >= TIMEOUTS_BEFORE_LOST:
                raise ConnectionLost(tr("读卡器无应答：{err}", err=e.reason)) from e
        except (ReaderProtocolError, CardReadError) as e:
            self._timeouts = 0
            self._failed(e.reason)
        else:
            self._errors = self._timeouts = 0
        return self.health()

    def health(self) -> DeviceStatus:
        if self._sam_problem is not None:
            return DeviceStatus(State.FAULT, self._sam_problem)
        if self._errors >= ERRORS_BEFORE_FAULT:
            return DeviceStatus(State.FAULT, self._last_error)
        present = {"card_present": self._reported}  # while it polls cards, it knows (kiosk/left_card.py)
        if str(self.decoder.problem):
            return DeviceStatus(State.DEGRADED, self.decoder.problem, detail=present)
        return DeviceStatus(State.OK, detail=present)

    def _failed(self, reason: Text) -> None:
        self._errors += 1
        self._last_error = reason
        log.warning("id card reader: %s", reason)

    def _check_sam(self) -> None:
        rep = self._link().exchange(codec.SAM_STATUS)
        if rep.sw3 == codec.SW_OK:
            self._sam_problem = None
        else:  # SAM self-test failed, not authorised...: staff must look
            self._sam_problem = tr("安全模块异常：{err}", err=codec.StatusError(rep.sw3).reason)

    def _watch_card(self) -> None:
        present = self._find()
        if not present and self._reported:
            present = self._find()  # one RF glitch must not look like a removal
        if not present:
            if self._reported:
                self._reported = False
                self.emit("card_removed", None)
            self._failed_reads = 0
            return
        if self._reported:
            return  # the same card is still there: it was read once, that is enough
        try:
            card = self._read_present(self.read_fingerprint, self.read_address)
        except InvalidCardError as e:
            self._reported = True
            self.emit("card_invalid", e.reason)
            return
        except (CardReadError, ReaderTimeout) as e:
            self._failed_reads += 1
            log.info("card read failed (%d): %s", self._failed_reads, e.reason)
            if self._failed_reads >= READS_BEFORE_GIVING_UP:
                self._reported = True
                self.emit("card_invalid", tr("无法读取此卡：{err}", err=e.reason))
            return
        self._reported = True
        self.emit("card_inserted", card)

    # ---- protocol steps ----
    def _link(self) -> SamLink:
        if self.link is None:
            raise ConnectionLost(tr("读卡器未连接"))
        return self.link

    def _ask(self, command: tuple[int, int], data: bytes = b"") -> codec.Reply:
        """One exchange, repeated once if a frame was damaged on the way (either direction)."""
        try:
            rep = self._link().exchange(command, data)
        except ReaderProtocolError:
            return self._link().exchange(command, data)
        if rep.sw3 in (codec.SW_CHECKSUM, codec.SW_LENGTH):  # the reader got our frame damaged
            rep = self._link().exchange(command, data)
        return rep

    def _find(self) -> bool:
        rep = self._ask(codec.FIND)
        if rep.sw3 == codec.SW_FIND_OK:
            return True
        if rep.sw3 == codec.SW_NO_CARD:
            return False
        raise CardReadError(codec.StatusError(rep.sw3).reason)

    def _read_present(self, fingerprint: bool, address: bool) -> IdCard:
        """Select the card that find saw and read it; validation failures raise InvalidCardError."""
        rep = self._ask(codec.SELECT)
        if rep.sw3 != codec.SW_OK:
            raise CardReadError(codec.StatusError(rep.sw3).reason)
        rep = self._ask(codec.READ_FINGERPRINT if fingerprint else codec.READ)
        if rep.sw3 != codec.SW_OK:
            raise CardReadError(codec.StatusError(rep.sw3).reason)
        try:
            card = codec.decode_card(rep.data, with_fingerprint=fingerprint)
        except codec.CodecError as e:
            raise InvalidCardError(tr("证件信息无法识别：{err}", err=e.reason), reasons=[e.reason]) from e
        extra = self._read_extra_address() if address else ""
        bmp = self.decoder.decode(card.photo_wlt)
        card = dataclasses.replace(
            card, extra_address=extra, photo_bmp=bmp, photo_note="" if bmp else self.decoder.note()
        )
        reasons = validate(card)
        if reasons:
            raise InvalidCardError(tr("证件校验未通过：{why}", why=join(reasons)), reasons=reasons, card=card)
        return card

    def _read_extra_address(self) -> str:
        try:
            rep = self._ask(codec.READ_ADDRESS)
            if rep.sw3 == codec.SW_OK:
                return codec.decode_address(rep.data)
            if rep.sw3 != codec.SW_NO_CONTENT:
                log.warning("additional address: %s", codec.status_meaning(rep.sw3))
        except (ReaderTimeout, ReaderProtocolError, codec.CodecError) as e:
            # the main record is good; a missing endorsement must not lose it
            log.warning("additional address not read: %s", e)
        return ""

    # ---- calls (through Device.call) ----
    def read_card(self, fingerprint: bool | None = None, address: bool | None = None) -> IdCard:
        """Read the card on the reader now; NoCardError, CardReadError, InvalidCardError, ReaderTimeout."""
        if not self._find():
            raise NoCardError(tr("读卡器上没有身份证"))
        return self._read_present(
            self.read_fingerprint if fingerprint is None else fingerprint,
            self.read_address if address is None else address,
        )

    def sam_id(self, digits: int = 9) -> str:
        rep = self._ask(codec.SAM_ID)
        if rep.sw3 != codec.SW_OK:
            raise DeviceError(codec.StatusError(rep.sw3).reason)
        return codec.format_sam_id(rep.data, digits)

    def reset(self) -> None:
        rep = self._ask(codec.RESET)
        if rep.sw3 != codec.SW_OK:
            raise DeviceError(codec.StatusError(rep.sw3).reason)
        self._reported = False
