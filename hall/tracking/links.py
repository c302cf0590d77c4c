"""The tracking link printed in a ticket's QR code: day, number and a MAC, never guessable.

The MAC is HMAC-SHA256 under a key derived from the queue's install key (which every machine of
a hall shares), so the hall server checks a link without a table of links, and nobody can walk
A001, A002 ... to watch other people's tickets: a page is found only with the ticket in hand.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import date

TOKEN_CHARS = 16  # base32: 80 bits


class TicketLinks:
    def __init__(self, queue_key: bytes, base_url: str) -> None:
        self._key = hmac.new(queue_key, b"hall.tracking link key", hashlib.sha256).digest()
        self.base_url = base_url.rstrip("/")

    def token(self, day: date, number: str) -> str:
        mac = hmac.new(self._key, f"{day.isoformat()}|{number.upper()}".encode(), hashlib.sha256).digest()
        return base64.b32encode(mac).decode("ascii")[:TOKEN_CHARS].lower()

    def path(self, day: date, number: str) -> str:
        return f"/t/{day.isoformat()}/{number.upper()}/{self.token(day, number)}"

    def url(self, day: date, number: str) -> str:
        """The page's address, or "" when no base URL is configured."""
        return self.base_url + self.path(day, number) if self.base_url else ""

    def valid(self, day: date, number: str, token: str) -> bool:
        return hmac.compare_digest(self.token(day, number), token.lower())
