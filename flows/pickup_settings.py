"""The [pickup] config section: how the locker kiosk takes reissue slips (flows/pickup.py).

The code's key is the reissue journey's ([reissue] verify_key): one key pair per hall."""

from __future__ import annotations

from core.schema import Option, Section

SECTION = Section(
    "pickup",
    "Collecting a new ID card from the locker (flows/pickup.py).",
    (
        Option("code_valid_days", 180, "Days a slip's pickup code stays valid after it was issued.", min=1),
        Option(
            "hall_kiosks",
            [],
            "Kiosk ids whose slips this locker serves (empty: any kiosk signed with the hall's key).",
            kind=list,
        ),
        Option("face_tries", 2, "Face comparisons before the citizen is sent to a counter.", min=1, max=5),
        Option(
            "door_close_wait",
            90.0,
            "Seconds the screen waits for the citizen to shut the door (staff are alerted later).",
            min=1,
            max=600,
        ),
        Option(
            "wall_rows", 6, "Doors one above the other in a column of the wall (the map on screen).", min=1
        ),
        Option("max_code_length", 300, "Longer scans are refused unread (a slip's code is ~150).", min=64),
    ),
)
