"""Pickup locker lock boards (8A/80 or Kerong protocol)."""

from core.schema import Option

DRIVERS = {"lockboard": "devices.locker.driver:LockBoard"}
SIMULATOR = "devices.locker.simulator:LockerSimulator"

COMPARTMENT = (
    Option("number", None, "Compartment number shown to citizens and staff (1..N).", kind=int, min=1),
    Option("board", None, "Board address on the bus (8a: 1-32, kerong: 0-15).", kind=int, min=0, max=32),
    Option("lock", None, "Lock number on that board, from 1.", kind=int, min=1, max=128),
    Option("size", "M", "Compartment size.", choices=("S", "M", "L")),
)

OPTIONS = (
    Option("driver", "none", "Driver name.", choices=("none", *DRIVERS)),
    Option(
        "protocol",
        "8a",
        "Lock-board protocol: 8A/80 boards or Kerong KR-CU16 style.",
        choices=("8a", "kerong"),
    ),
    Option("port", "/dev/ttyUSB2", "pyserial URL of the RS485 bus."),
    Option(
        "channels",
        24,
        "8a: channels (locks) each board has: 12, 16, 24 or more. Query-all replies of ceil(channels/8)"
        " + 4 bytes and the fixed 7 bytes many boards send are both accepted.",
        min=1,
        max=128,
    ),
    Option(
        "unlock_reply",
        "auto",
        "Whether boards answer an unlock: auto = wait for the answer and, when none comes, settle the"
        " open with a status query (works with both kinds of Kerong board); none = do not wait, query at"
        " once (boards known never to answer).",
        choices=("auto", "none"),
    ),
    Option(
        "baud",
        0,
        "Serial speed; 0 means the protocol's usual one (8a 9600, kerong 19200).",
        choices=(0, 9600, 19200, 38400, 57600, 115200),
    ),
    Option(
        "open_reply_polarity",
        "normal",
        "How the board reports an open: normal = as documented (8a status 00 opened, 11 failed;"
        " kerong lock bit clear), reversed = the opposite, for boards whose lock feedback is wired the"
        " other way round.",
        choices=("normal", "reversed"),
    ),
    Option(
        "compartments",
        [],
        "The wall's map, one table per compartment; empty means boards x locks_per_board, numbered board"
        " by board from the first address (8a 1, kerong 0).",
        kind=list,
        item=COMPARTMENT,
    ),
    Option("boards", 1, "Boards on the bus when no compartments map is given.", min=1, max=32),
    Option("locks_per_board", 16, "Locks used on each board when no map is given.", min=1, max=128),
    Option("default_size", "M", "Size of every compartment when no map is given.", choices=("S", "M", "L")),
    Option("reply_timeout", 0.5, "Seconds to wait for a board's reply to one command.", min=0.05, max=10),
    Option("query_retries", 1, "Extra tries of a door query that got no (or a bad) reply.", min=0, max=5),
    Option("poll_interval", 2.0, "Seconds between health checks that query every board.", min=0.2),
    Option("door_poll_interval", 0.5, "Seconds between door checks while a door is open.", min=0.1, max=5),
    Option(
        "door_open_alert_s",
        120.0,
        "A door left open this many seconds raises a staff alert (and is still watched).",
        min=5,
    ),
    Option(
        "open_confirm_s",
        3.0,
        "After a reply of 'opened', the door must be seen open within this many seconds or the"
        " compartment is marked faulty.",
        min=0.5,
        max=60,
    ),
    Option(
        "sim_unlock_reply",
        True,
        "Simulate mode only: the simulated boards answer an unlock (false: a Kerong board that does not).",
    ),
    Option(
        "sim_auto_close",
        8.0,
        "Simulate mode only: doors close by themselves this many seconds after opening (0: only from"
        " the simulator panel).",
        min=0,
    ),
)
