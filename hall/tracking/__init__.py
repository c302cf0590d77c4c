"""Ticket tracking: the ticket's QR code opens a read-only progress page on the citizen's phone.

`TicketLinks` (no web imports) makes and checks the links; hall.tracking.server is the page
(Starlette), `python -m hall.tracking serve` runs it on the hall server.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hall.tracking.links import TicketLinks


def __getattr__(name: str) -> Any:
    # loaded on first use: the kiosk's config reads hall.tracking.settings before its first paint
    if name == "TicketLinks":
        from hall.tracking.links import TicketLinks

        return TicketLinks
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["TicketLinks"]
