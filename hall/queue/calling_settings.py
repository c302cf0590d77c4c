"""The [calling] config section: which roles this machine plays in the hall, the counter it is,
and the rules of calling and the display board. kiosk.config adds SECTION to the file's schema."""

from __future__ import annotations

from core.schema import Option, Section

ROLES = ("kiosk", "counter", "display")

SECTION = Section(
    "calling",
    "Counters and the hall's display board: roles of this machine, calling rules, announcements.",
    (
        Option(
            "roles",
            ["kiosk"],
            "What this machine shows: the self-service kiosk, a counter terminal, the hall's display "
            "board, or several at once (a small hall on one SQLite file); run_kiosk.py --role overrides.",
            kind=list,
            choices=ROLES,
        ),
        Option("counter", "", "The counter (window) a counter terminal logs in as, e.g. '2' (empty: ask)."),
        Option(
            "counter_services",
            [],
            "Services the counter calls (empty: every service that names this counter).",
            kind=list,
        ),
        Option(
            "rating_pad",
            True,
            "A rating pad window beside the counter terminal: the citizen rates each finished service.",
        ),
        Option(
            "no_show_after", 3, "Calls without the citizen coming before a no-show may be recorded.", min=1
        ),
        Option("hold_minutes", 5, "Minutes a held ticket waits before it is called again, first.", min=1),
        Option("board_recent", 5, "Recent calls listed on the display board.", min=1, max=20),
        Option("board_poll", 0.5, "Seconds between reads of the board without PostgreSQL's push.", min=0.1),
        Option("announce_times", 2, "How often the board speaks each call.", min=1, max=3),
        Option(
            "announce_max_age",
            60,
            "Seconds after which a call is no longer spoken (calls read late after an outage).",
            min=5,
        ),
    ),
)
