"""A4 printer for certificates (CUPS)."""

from kiosk.schema import Option

DRIVERS = {"cups": "devices.a4printer.driver:CupsPrinter"}
SIMULATOR = "devices.a4printer.simulator:A4Simulator"

OPTIONS = (
    Option("driver", "none", "Driver name.", choices=("none", *DRIVERS)),
    Option("printer", "", "CUPS printer name (empty: the default destination)."),
)
