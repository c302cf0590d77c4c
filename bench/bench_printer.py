"""Receipt printer: bytes per queue ticket (native against raster QR) and time to write one.

The time is the whole job through the real driver over the simulator's pty (status check,
rendering, sending, status check after), as a ratio to what the serial link itself needs for
those bytes (bytes x 10 / baud). A pty has no baud rate, and the job time includes the simulator
drawing the receipt before it answers the status query after the job, so it is an upper bound on
the software's share: a ratio well below 1 means the wire is the limit on a real printer.
"""

from __future__ import annotations

import tempfile
import time
from datetime import datetime
from pathlib import Path

from devices.printer import layout as L
from devices.printer.driver import EscposPrinter
from devices.printer.simulator import PrinterSimulator

TICKET = {
    "number": "A023",
    "service_name": "社保业务",
    "waiting_ahead": 5,
    "estimated_wait_min": 15,
    "issued_at": datetime(2026, 1, 5, 9, 30),
    "hall": "政务服务中心 24小时自助服务区",
    "qr": "https://q.example.gov.cn/t/A023",
}
BAUDS = (9600, 115200)
RUNS = 20


def ticket_bytes(opts: L.PaperOptions) -> int:
    return len(L.job_bytes(L.load_layout("queue_ticket"), TICKET, opts))


def time_render(opts: L.PaperOptions) -> float:
    """Median seconds to turn the layout and data into ESC/POS bytes (no I/O)."""
    layout = L.load_layout("queue_ticket")
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        L.job_bytes(layout, TICKET, opts)
        times.append(time.perf_counter() - t0)
    return sorted(times)[len(times) // 2]


def time_jobs(opts: L.PaperOptions, folder: Path) -> float:
    """Median seconds for one ticket through the driver over a pty."""
    settings = {"paper_width_mm": opts.paper_width_mm, "chinese": opts.chinese, "native_qr": opts.native_qr}
    sim = PrinterSimulator(folder / "printer", {**settings, "sim_receipts_dir": str(folder / "r")}).start()
    drv = EscposPrinter({**settings, **sim.settings_overrides()}, lambda kind, payload: None)
    drv.open()
    times = []
    try:
        for _ in range(RUNS):
            t0 = time.perf_counter()
            result = drv.print_layout("queue_ticket", TICKET)
            times.append(time.perf_counter() - t0)
            assert result.completed
    finally:
        drv.close()
        sim.stop()
    return sorted(times)[len(times) // 2]


def main() -> None:
    variants = {
        "80 mm, GB18030, native QR": L.PaperOptions(80, "gb18030", True),
        "80 mm, GB18030, raster QR": L.PaperOptions(80, "gb18030", False),
        "58 mm, GB18030, native QR": L.PaperOptions(58, "gb18030", True),
        "58 mm, GB18030, raster QR": L.PaperOptions(58, "gb18030", False),
        "58 mm, bitmap Chinese, raster QR": L.PaperOptions(58, "bitmap", False),
    }
    print("bench_printer: one queue ticket")
    sizes = {name: ticket_bytes(opts) for name, opts in variants.items()}
    for width in (80, 58):
        native, raster = sizes[f"{width} mm, GB18030, native QR"], sizes[f"{width} mm, GB18030, raster QR"]
        print(
            f"  {width} mm: native QR {native} bytes, raster QR {raster} bytes,"
            f" raster/native {raster / native:.1f}x"
        )
    header = f"  {'variant':34} {'bytes':>6} {'render s':>8} {'job s':>7}"
    header += "".join(f" {f'link s @{b}':>14} {'job/link':>9}" for b in BAUDS)
    print(header)
    with tempfile.TemporaryDirectory() as tmp:
        for i, (name, opts) in enumerate(variants.items()):
            n = sizes[name]
            t = time_jobs(opts, Path(tmp) / str(i))
            row = f"  {name:34} {n:6d} {time_render(opts):8.4f} {t:7.3f}"
            for baud in BAUDS:
                link = n * 10 / baud
                row += f" {link:14.3f} {t / link:9.2f}"
            print(row)


if __name__ == "__main__":
    main()
