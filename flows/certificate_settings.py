"""The [certificate] config section: copies, periods and the issuer key of the certificate journey.

Declared once here; kiosk.config adds SECTION to the file's schema.
"""

from __future__ import annotations

from core.schema import Option, Section

SECTION = Section(
    "certificate",
    "Certificate printing on A4 (flows/certificate.py).",
    (
        Option("max_copies", 3, "Copies a citizen may print of one certificate.", min=1, max=10),
        Option(
            "periods",
            [12, 36],
            "Periods offered for monthly records, in months up to last month (all records: always).",
            kind=list,
            check=lambda v: (
                None
                if v and all(isinstance(m, int) and 1 <= m <= 600 for m in v)
                else "a list of whole numbers of months from 1 to 600"
            ),
        ),
        Option(
            "issuer_key",
            "",
            "The certificate issuer's public key (PEM) that checks scanned QRs (empty: ask the platform).",
        ),
        Option(
            "print_wait",
            180.0,
            "Seconds a job may wait in CUPS (no paper, offline) before it is withdrawn.",
            min=10,
        ),
        Option("poll_seconds", 2.0, "Seconds between job state queries while printing.", min=0.5, max=30),
        Option("preview_width", 1000, "Width in pixels of the on-screen page preview.", min=400, max=2400),
    ),
)
