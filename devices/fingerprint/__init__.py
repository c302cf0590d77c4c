"""Fingerprint scanner (EF 01 serial module, or the Ministry of Public Security livescan library)."""

from core.schema import Option

DRIVERS = {
    "uart": "devices.fingerprint.uart:UartFingerprint",
    "livescan": "devices.fingerprint.livescan:LivescanFingerprint",
}
SIMULATOR = "devices.fingerprint.simulator:FingerprintSimulator"

OPTIONS = (
    Option("driver", "none", "Driver name.", choices=("none", *DRIVERS)),
    Option("port", "/dev/ttyUSB3", "uart: pyserial URL of the EF 01 module."),
    Option("baud", 57600, "uart: serial speed (N x 9600).", choices=(9600, 19200, 38400, 57600, 115200)),
    Option("address", "FFFFFFFF", "uart: the module's 4-byte address in hex."),
    Option("password", 0, "uart: the module's password (VfyPwd), 0 on a new module.", min=0),
    Option("reply_timeout", 1.0, "uart: seconds to wait for each packet of a reply.", min=0.1, max=10),
    Option(
        "library",
        "",
        "livescan: path of the capture library with the LIVESCAN_* interface (GA/T 1011); empty: none.",
    ),
    Option("channel", 0, "livescan: capture channel.", min=0, max=15),
    Option("place_timeout", 10.0, "Seconds to wait for a finger on the sensor before moving on.", min=1),
    Option(
        "quality_threshold",
        55,
        "Lowest image quality (0-100: share of the window with clear ridges) a print is taken at.",
        min=0,
        max=100,
    ),
    Option("tries_per_finger", 5, "Captures of one finger before falling back to the next.", min=1, max=20),
    Option(
        "fallback",
        True,
        "When a thumb cannot be taken, try the index, middle, ring and little finger of that hand.",
    ),
    Option("poll_interval", 2.0, "Seconds between health checks.", min=0.2),
)
