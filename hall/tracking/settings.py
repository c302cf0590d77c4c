"""The [tracking] config section: where citizens' phones find a ticket's progress page."""

from __future__ import annotations

from core.schema import Option, Section


def check_base_url(value: str) -> str | None:
    if value and not value.startswith(("http://", "https://")):
        return "empty, or a URL starting with http:// or https:// (the hall server as phones reach it)"
    return None


SECTION = Section(
    "tracking",
    "Ticket tracking: the ticket's QR code opens a read-only progress page served by the hall.",
    (
        Option(
            "base_url",
            "",
            "The tracking page's address as citizens' phones reach it, e.g. https://hall.example.cn/q "
            "(empty: the QR code holds only the number; simulate mode starts a page on loopback).",
            check=check_base_url,
        ),
        Option("host", "0.0.0.0", "Address `python -m hall.tracking serve` listens on."),
        Option("port", 8090, "Port `python -m hall.tracking serve` listens on.", min=1, max=65535),
        Option("refresh", 15, "Seconds between refreshes of an open page.", min=5, max=300),
    ),
)
