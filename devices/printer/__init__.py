"""ESC/POS receipt printer."""

from kiosk.schema import Option

DRIVERS = {"escpos": "devices.printer.driver:EscposPrinter"}
SIMULATOR = "devices.printer.simulator:PrinterSimulator"

OPTIONS = (
    Option("driver", "escpos", "Driver name.", choices=("none", *DRIVERS)),
    Option("port", "/dev/ttyUSB1", "pyserial URL of the printer."),
    Option("baud", 115200, "Serial speed.", choices=(9600, 19200, 38400, 57600, 115200)),
)
