"""A4 printer for certificates (CUPS)."""

from core.schema import Option

DRIVERS = {"cups": "devices.a4printer.driver:CupsPrinter"}
SIMULATOR = "devices.a4printer.simulator:A4Simulator"

OPTIONS = (
    Option("driver", "none", "Driver name.", choices=("none", *DRIVERS)),
    Option("printer", "", "CUPS printer name (empty: the default destination)."),
    Option("media", "A4", "Paper size asked of CUPS (lp -o media=...)."),
    Option(
        "lp_command", "lp", "The lp program that submits jobs (simulate mode points it at the simulator)."
    ),
    Option("lpstat_command", "lpstat", "The lpstat program that reports the printer's state."),
    Option(
        "ipptool_command",
        "ipptool",
        "The ipptool program (Debian: cups-ipp-utils) that reads each job's IPP job-state.",
    ),
    Option("cancel_command", "cancel", "The cancel program that removes a job (staff, maintenance mode)."),
    Option("status_interval", 5.0, "Seconds between printer state queries.", min=1, max=300),
    Option("command_timeout", 10.0, "Seconds an lp or lpstat call may take.", min=1, max=120),
    Option("sim_output_dir", "", "Simulate mode: folder of printed PDFs (empty: <runtime>/sim/a4)."),
    Option(
        "sim_preserve_files",
        False,
        "Simulate mode: the scheduler keeps finished jobs' files (CUPS PreserveJobFiles Yes).",
    ),
)
