"""QR and barcode scanner (serial line scanner, keyboard-mode scanner via evdev, or the camera)."""

from core.schema import Option

DRIVERS = {
    "serial": "devices.scanner.driver:SerialScanner",
    "evdev": "devices.scanner.driver:EvdevScanner",
    "camera": "devices.scanner.driver:CameraQrScanner",
}
SIMULATOR = "devices.scanner.simulator:ScannerSimulator"

OPTIONS = (
    Option("driver", "none", "Driver name.", choices=("none", *DRIVERS)),
    Option("port", "/dev/ttyACM0", "serial: pyserial URL of the scanner (USB CDC)."),
    Option("baud", 9600, "serial: serial speed.", choices=(9600, 19200, 38400, 57600, 115200)),
    Option(
        "input_device",
        "",
        "evdev: the keyboard-mode scanner's input device, e.g. /dev/input/by-id/usb-...-event-kbd.",
    ),
    Option("camera_source", "0", "camera: device index, file or URL the QR codes are read from."),
    Option("camera_interval", 0.2, "camera: seconds between decoded frames.", min=0.05, max=5),
    Option(
        "setup_command",
        "",
        'serial: bytes sent when the port opens, in hex ("16 4D 0D ...") or quoted text ("\'$$$$\'");'
        " empty: none.",
    ),
    Option(
        "trigger_command",
        "",
        'serial: bytes that start one read in trigger mode, e.g. Honeywell "16 54 0D"; empty:'
        " presentation mode (the scanner reads by itself).",
    ),
    Option(
        "repeat_window", 2.0, "Seconds in which the same code again is dropped as a repeat.", min=0, max=60
    ),
    Option("max_length", 2048, "Longest code accepted; longer lines are rejected whole.", min=16, max=65536),
    Option("poll_interval", 0.02, "Seconds between reads of the scanner's input.", min=0.005, max=1),
)
