"""Second-generation ID card reader (SAM serial protocol)."""

from core.schema import Option

DRIVERS = {"sam-serial": "devices.idcard.driver:SamSerialReader"}
SIMULATOR = "devices.idcard.simulator:IdCardSimulator"

OPTIONS = (
    Option("driver", "sam-serial", "Driver name.", choices=("none", *DRIVERS)),
    Option("port", "/dev/ttyUSB0", "pyserial URL of the reader: /dev/ttyUSB0, hwgrep://VID:PID, spy://..."),
    Option("baud", 115200, "Serial speed.", choices=(9600, 19200, 38400, 57600, 115200)),
    Option("poll_interval", 1.0, "Seconds between looks for a card placed on the reader.", min=0.1, max=10),
    Option("read_fingerprint", False, "Also read the fingerprint templates (command 30 10) of each card."),
    Option("read_address", False, "Also read the additional address (command 30 03) of each card."),
    Option(
        "photo_decoder",
        "",
        "Path of the licensed vendor library that decodes the card's WLT photo (e.g. libwlt.so); "
        "empty: none, records say the photo is not decodable.",
    ),
    Option(
        "timeout_scale",
        1.0,
        "Multiplies the per-command reply timeouts (find 0.1 s, read 2 s...) for slow USB adapters.",
        min=0.5,
        max=10,
    ),
)
