"""ESC/POS receipt printer."""

from core.schema import Option

DRIVERS = {"escpos": "devices.printer.driver:EscposPrinter"}
SIMULATOR = "devices.printer.simulator:PrinterSimulator"

OPTIONS = (
    Option("driver", "escpos", "Driver name.", choices=("none", *DRIVERS)),
    Option(
        "transport", "serial", "How the printer is connected.", choices=("serial", "usb", "network", "file")
    ),
    Option(
        "port",
        "/dev/ttyUSB1",
        "Serial: pyserial URL of the printer (/dev/ttyUSB1, hwgrep://VID:PID, socket://host:9100). "
        "File: device file (/dev/usb/lp0).",
    ),
    Option("baud", 115200, "Serial speed.", choices=(9600, 19200, 38400, 57600, 115200)),
    Option("usb_vendor", 0, "USB: vendor id (e.g. 0x0416 is 1046).", min=0, max=0xFFFF),
    Option("usb_product", 0, "USB: product id.", min=0, max=0xFFFF),
    Option("host", "", "Network: printer address (raw TCP, port 9100)."),
    Option("paper_width_mm", 80, "Paper roll width.", choices=(58, 80)),
    Option("profile", "default", "python-escpos printer profile (capabilities), e.g. TM-T88V, POS-5890."),
    Option(
        "native_qr",
        True,
        "Print QR codes with the printer's GS ( k command (raster image when false "
        "or when the profile has no native QR).",
    ),
    Option(
        "chinese",
        "gb18030",
        "Chinese text: GB18030 in the printer's Chinese mode, or drawn as bitmaps "
        "for printers without a Chinese font.",
        choices=("gb18030", "bitmap"),
    ),
    Option(
        "gs_r_status", False, "Also read paper sensors with GS r 1 (printers whose DLE EOT 4 is unreliable)."
    ),
    Option("status_interval", 2.0, "Seconds between status queries while idle.", min=0.2, max=60),
    Option(
        "reply_timeout",
        1.0,
        "Seconds to wait for a status reply before the printer counts as gone.",
        min=0.1,
        max=10,
    ),
    Option("stall_timeout", 5.0, "Seconds the printer may refuse data before it counts as stalled.", min=0.5),
    Option("layouts_dir", "", "Folder of receipt layout templates (empty: the built-in resources/receipts)."),
    Option(
        "sim_chinese_at_power_up",
        False,
        "Simulate mode: the simulated printer's profile has Chinese mode on at power-up (and after"
        " ESC @), so GB18030 bytes print as Chinese without FS &, as on many Chinese printers.",
    ),
    Option(
        "sim_receipts_dir",
        "",
        "Simulate mode: folder of rendered receipt PNGs (empty: <runtime>/sim/receipts).",
    ),
)
