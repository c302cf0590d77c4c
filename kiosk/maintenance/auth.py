"""Who may enter maintenance mode: argon2id hashes of PINs and staff ID numbers, and a lockout
whose delay doubles with each further wrong PIN (GB/T 22239 login-failure handling).

argon2id is slow and salted on purpose: a PIN has few digits, so a fast hash in a copied config
would be read back by trying them all; argon2's memory cost makes each try expensive.
"""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from core.clock import Clock

_HASHER = PasswordHasher()


def normalise(id_number: str) -> str:
    """An ID number as enrolled: the check letter X in capitals, no spaces."""
    return id_number.strip().upper()


def hash_secret(secret: str, hasher: PasswordHasher = _HASHER) -> str:
    return hasher.hash(secret)


def _matches(hashed: str, secret: str) -> bool:
    try:
        return _HASHER.verify(hashed, secret)
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class Attempt:
    staff: str | None  # who got in, None when refused
    locked_for: float  # seconds until the next try is allowed (0: not locked)


class StaffAuth:
    """Checks PINs and cards against the [staff] section; one lockout for both ways in."""

    def __init__(self, settings: Mapping[str, Any], clock: Clock) -> None:
        self.pins: Sequence[Mapping[str, str]] = settings["pins"]
        self.cards: Sequence[Mapping[str, str]] = settings["cards"]
        self.free = int(settings["free_attempts"])
        self.base = float(settings["lockout"])
        self.cap = float(settings["lockout_max"])
        self.clock = clock
        self.failures = 0
        self._locked_until = 0.0

    def restore(self, failures: int, last_failure: datetime | None) -> None:
        """Take up the count and lockout a restart would otherwise forget (from the audit)."""
        self.failures = max(self.failures, failures)
        if last_failure is not None:
            left = self.lockout_after(self.failures) - (self.clock.now() - last_failure).total_seconds()
            self._locked_until = max(self._locked_until, self.clock.monotonic() + left)

    @property
    def enabled(self) -> bool:
        return bool(self.pins or self.cards)

    def locked_for(self) -> float:
        return max(0.0, self._locked_until - self.clock.monotonic())

    def lockout_after(self, failures: int) -> float:
        """Seconds locked after this many consecutive failures: none for the free ones, then
        base, 2*base, 4*base ... up to the cap."""
        over = failures - self.free
        return 0.0 if over < 0 else min(self.cap, self.base * 2**over)

    def check_pin(self, pin: str) -> Attempt:
        return self._check(self.pins, pin)

    def check_card(self, id_number: str) -> Attempt:
        """A citizen's card laid on the home screen is not an attack: it never adds to the
        lockout (a card cannot be guessed at speed anyway), but a lockout still applies."""
        return self._check(self.cards, normalise(id_number), counts=False)

    def _check(self, table: Sequence[Mapping[str, str]], secret: str, counts: bool = True) -> Attempt:
        if self.locked_for() > 0:
            return Attempt(None, self.locked_for())
        staff = next((e["id"] for e in table if secret and _matches(e["hash"], secret)), None)
        if staff is not None:
            self.failures = 0
            return Attempt(staff, 0.0)
        if not counts:
            return Attempt(None, 0.0)
        self.failures += 1
        self._locked_until = self.clock.monotonic() + self.lockout_after(self.failures)
        return Attempt(None, self.locked_for())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Make a [staff] entry: the argon2id hash of a PIN or ID number.")
    ap.add_argument("what", choices=("pin", "card"))
    ap.add_argument("staff_id", help="the staff member's identifier (shown in the audit table)")
    args = ap.parse_args(argv)
    secret = getpass.getpass("PIN: " if args.what == "pin" else "ID number: ").strip()
    if args.what == "card":
        secret = normalise(secret)
    table = "pins" if args.what == "pin" else "cards"
    print(f'[staff]\n{table} = [{{ id = "{args.staff_id}", hash = "{hash_secret(secret)}" }}]')


if __name__ == "__main__":
    main()
