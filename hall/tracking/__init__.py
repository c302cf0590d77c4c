"""Ticket tracking: the ticket's QR code opens a read-only progress page on the citizen's phone.

`TicketLinks` (no web imports) makes and checks the links; hall.tracking.server is the page
(Starlette), `python -m hall.tracking serve` runs it on the hall server.
"""

from __future__ import annotations

from hall.tracking.links import TicketLinks

__all__ = ["TicketLinks"]
