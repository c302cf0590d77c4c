"""The [backends] config section: where the platform and the payment gateway are, and how
patiently the kiosk talks to them. Declared here once; kiosk/config.py includes it."""

from __future__ import annotations

from core.schema import Option, Section


def check_url(value: str) -> str | None:
    if value and not value.startswith(("http://", "https://")):
        return "empty (not configured) or an http:// or https:// URL"
    return None


SECTION = Section(
    "backends",
    "Systems the kiosk does not own; --simulate starts reference servers and points these at them.",
    (
        Option("platform_url", "", "Government service platform (empty: not configured).", check=check_url),
        Option("payment_url", "", "Payment gateway (empty: not configured).", check=check_url),
        Option("timeout", 8.0, "Seconds to wait for an answer to one call.", min=0.5, max=120),
        Option("connect_timeout", 2.0, "Seconds to wait for a connection.", min=0.2, max=60),
        Option(
            "probe_interval",
            15.0,
            "Seconds between reachability probes (services that need a system are off while it is down).",
            min=1,
        ),
        Option(
            "reconcile_every",
            300.0,
            "Seconds between rounds of the journal's reconciler (it also runs at start).",
            min=10,
        ),
    ),
)
