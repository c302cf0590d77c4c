"""The [staff] section: how staff get in. Only argon2 hashes of PINs and ID numbers are stored,
so a copied config file gives no way in (make them with `python -m kiosk.maintenance.auth`)."""

from __future__ import annotations

from typing import Any

from core.schema import Option, Section


def check_hash(value: Any) -> str | None:
    if not isinstance(value, str) or not value.startswith("$argon2id$"):
        return "an argon2id hash made by `python -m kiosk.maintenance.auth hash`, never the PIN itself"
    return None


def check_command(value: Any) -> str | None:
    if not all(isinstance(part, str) and part for part in value):
        return "a program and its arguments, each a non-empty string"
    return None


def _hashed(what: str) -> tuple[Option, ...]:
    return (
        Option("id", None, "The staff member's identifier in the audit table.", kind=str, max_len=40),
        Option("hash", None, f"argon2id hash of the {what}.", kind=str, check=check_hash),
    )


SECTION = Section(
    "staff",
    "Maintenance mode for hall staff: a hidden gesture then a PIN, or a staff ID card.",
    (
        Option("pins", [], "Staff PINs, one table per staff member.", kind=list, item=_hashed("PIN")),
        Option(
            "cards",
            [],
            "Staff enrolled by ID card, one table per member.",
            kind=list,
            item=_hashed("ID number"),
        ),
        Option(
            "gesture_corner",
            "top_left",
            "Screen corner of the hidden gesture (top left is the hall name: no button there).",
            choices=("top_left", "top_right", "bottom_left", "bottom_right"),
        ),
        Option("gesture_taps", 5, "Taps in the corner that open the PIN keypad.", min=3, max=10),
        Option("gesture_window", 3.0, "Seconds within which the taps must fall.", min=1, max=10),
        Option("gesture_size_mm", 20, "Side of the corner square that counts (millimetres).", min=10, max=60),
        Option(
            "idle_timeout", 120, "Seconds without a touch before the staff session ends.", min=20, max=900
        ),
        Option("free_attempts", 3, "Wrong PINs allowed before entry is locked.", min=1, max=10),
        Option(
            "lockout", 30.0, "Seconds entry is locked after the first lockout; doubles after each.", min=5
        ),
        Option("lockout_max", 900.0, "Longest lockout in seconds.", min=30),
        Option("allow_restart", True, "Staff may restart the kiosk application from maintenance mode."),
        Option(
            "shutdown_command",
            [],
            'Command that powers the machine off for the night, e.g. ["systemctl", "poweroff"] '
            "(polkit must allow the kiosk user); empty: staff are not offered a shutdown.",
            kind=list,
            check=check_command,
        ),
        Option(
            "finger_wait",
            20.0,
            "Seconds the fingerprint check in maintenance mode waits for a finger (staff may cancel).",
            min=2,
            max=120,
        ),
        Option(
            "journal_grace",
            10.0,
            "Minutes after its last step before an open payment is listed for staff (a citizen may "
            "still be at the screen).",
            min=0,
            max=240,
        ),
    ),
)
