"""Pickup locker lock boards (8A/80 or Kerong protocol)."""

from kiosk.schema import Option

DRIVERS = {"lockboard": "devices.locker.driver:LockBoard"}
SIMULATOR = "devices.locker.simulator:LockerSimulator"

OPTIONS = (
    Option("driver", "none", "Driver name.", choices=("none", *DRIVERS)),
    Option("port", "/dev/ttyUSB2", "pyserial URL of the RS485 bus."),
    Option("baud", 9600, "Serial speed.", choices=(9600, 19200, 38400, 57600, 115200)),
)
