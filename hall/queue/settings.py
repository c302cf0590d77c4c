"""The [queue] config section: the hall's services and the rules of its ticket machine.

Declared once here; kiosk.config adds SECTION to the file's schema. The database is the app's
[db] url and "today" is [kiosk] timezone, so neither is repeated here.
"""

from __future__ import annotations

from core.schema import Option, Section

WEEKDAYS = [1, 2, 3, 4, 5]

# A real hall's counters, as a demo: ID cards open Saturday morning too, counter 9 is a combined
# window that serves both social insurance and tax.
DEMO_SERVICES = [
    {
        "code": "idcard",
        "prefix": "A",
        "name_zh": "身份证办理",
        "name_en": "ID cards",
        "counters": ["1", "2"],
        "hours": "08:30-12:00,13:30-17:30",
        "days": [1, 2, 3, 4, 5, 6],
        "daily_limit": 200,
        "real_name": True,
        "avg_service_min": 8.0,
    },
    {
        "code": "social",
        "prefix": "B",
        "name_zh": "社保业务",
        "name_en": "Social insurance",
        "counters": ["3", "4", "9"],
        "hours": "08:30-17:30",
        "days": WEEKDAYS,
        "daily_limit": 300,
        "real_name": False,
        "avg_service_min": 10.0,
    },
    {
        "code": "property",
        "prefix": "C",
        "name_zh": "不动产登记",
        "name_en": "Real estate registration",
        "counters": ["5", "6"],
        "hours": "09:00-12:00,13:30-17:00",
        "days": WEEKDAYS,
        "daily_limit": 80,
        "real_name": True,
        "avg_service_min": 20.0,
    },
    {
        "code": "tax",
        "prefix": "D",
        "name_zh": "税务",
        "name_en": "Tax",
        "counters": ["7", "8", "9"],
        "hours": "08:30-17:30",
        "days": WEEKDAYS,
        "daily_limit": 150,
        "real_name": False,
        "avg_service_min": 12.0,
    },
]

SERVICE_OPTIONS = (
    Option("code", None, "Short code used by staff and scripts, e.g. 'tax'.", kind=str),
    Option("prefix", None, "Capital letter in front of the ticket number (A for A001).", kind=str),
    Option("name_zh", None, "Name on the button and the ticket, in Chinese.", kind=str),
    Option("name_en", "", "Name in English (empty: the Chinese name)."),
    Option("counters", [], 'Counters (windows) that serve it, e.g. ["3", "4"].', kind=list),
    Option("hours", "08:30-17:30", "Opening hours in the hall's time zone; several ranges split by commas."),
    Option("days", WEEKDAYS, "Weekdays it opens, 1 = Monday ... 7 = Sunday.", kind=list),
    Option("daily_limit", 200, "Tickets per day at most (0: no limit).", min=0),
    Option("real_name", False, "Only with an ID card (a real-name ticket, one per person per day)."),
    Option("avg_service_min", 10.0, "Minutes per citizen assumed before real service times exist.", min=0.5),
)

SECTION = Section(
    "queue",
    "The entrance ticket machine: services, opening hours, limits and priority rules.",
    (
        Option(
            "services",
            DEMO_SERVICES,
            "The hall's services, in the order shown.",
            kind=list,
            item=SERVICE_OPTIONS,
        ),
        Option(
            "elderly_age",
            65,
            "Citizens this old or older get a priority ticket (0: no elderly priority).",
            min=0,
            max=120,
        ),
        Option(
            "appointments",
            "table",
            "Where appointment check-in looks bookings up: 'table' is the "
            "queue_appointment table the booking system (or `python -m kiosk.queue_admin book`) fills; "
            "'off' hides check-in.",
            choices=("off", "table"),
        ),
        Option("appointment_early_min", 60, "Minutes before the booked time that check-in opens.", min=0),
        Option("appointment_late_min", 30, "Minutes after the booked time that check-in still works.", min=0),
        Option(
            "closed_dates", [], "Extra days the hall is closed (public holidays), as YYYY-MM-DD.", kind=list
        ),
        Option(
            "working_dates",
            [],
            "Weekend days the hall works like a Monday (make-up days), as YYYY-MM-DD.",
            kind=list,
        ),
        Option("always_open", False, "Ignore hours and days (demo and training only)."),
        Option("recent_samples", 20, "Latest service times that set the estimated wait.", min=1, max=500),
        Option(
            "id_key_file",
            "",
            "Secret key that hashes ID numbers for the one-ticket-per-day rule (empty: "
            "data_dir/queue-id.key, made on first start). Machines sharing one queue need the same file.",
        ),
    ),
)
