"""Second-generation ID card reader (SAM serial protocol)."""

from kiosk.schema import Option

DRIVERS = {"sam-serial": "devices.idcard.driver:SamSerialReader"}
SIMULATOR = "devices.idcard.simulator:IdCardSimulator"

OPTIONS = (
    Option("driver", "sam-serial", "Driver name.", choices=("none", *DRIVERS)),
    Option("port", "/dev/ttyUSB0", "pyserial URL of the reader: /dev/ttyUSB0, hwgrep://VID:PID, spy://..."),
    Option("baud", 115200, "Serial speed.", choices=(9600, 19200, 38400, 57600, 115200)),
)
