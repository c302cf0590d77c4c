"""The [reissue] config section: fees, limits and the pickup code key of the ID card journey.

Declared once here; kiosk.config adds SECTION to the file's schema. Fees differ by city
(services.md section 1: renewal 20 yuan, loss 40, some counties 20 for both), hence per kind.
"""

from __future__ import annotations

from core.schema import Option, Section

SECTION = Section(
    "reissue",
    "ID card reissue and renewal (flows/reissue.py).",
    (
        Option("fee_renewal_expiry", 2000, "Fee in fen for a renewal at expiry.", min=0, max=100_000),
        Option(
            "fee_renewal_damaged", 2000, "Fee in fen for a renewal of a damaged card.", min=0, max=100_000
        ),
        Option("fee_reissue_lost", 4000, "Fee in fen for a reissue after loss.", min=0, max=100_000),
        Option("photo_retakes", 2, "Retakes allowed after the first photo.", min=0, max=10),
        Option(
            "liveness_seconds",
            5.0,
            "Seconds the liveness check watches for a blink or a move before it calls the face still.",
            min=0,
            max=30,
        ),
        Option("face_tries", 2, "Face comparisons before the citizen is sent to a counter.", min=1, max=5),
        Option(
            "payment_modes",
            ["micropay", "native"],
            "Payment modes offered: micropay (scan the citizen's code), native (show a QR).",
            kind=list,
        ),
        Option("qr_expire_seconds", 300, "How long the payment QR is valid.", min=60, max=1800),
        Option("poll_seconds", 4.0, "Seconds between payment queries while the citizen pays.", min=1, max=15),
        Option(
            "userpaying_wait",
            30.0,
            "Seconds to wait for a confirmation on the phone before reversing.",
            min=10,
        ),
        Option("pickup_days", 15, "Working days until the new card can be collected.", min=1, max=90),
        Option(
            "pickup_place",
            "本大厅 24小时自助服务区 自助取证机",
            "Where the new card is collected.",
            max_len=80,
        ),
        Option(
            "pickup_place_en",
            "",
            "Where the new card is collected, in English (empty: the Chinese in English too).",
            max_len=120,
        ),
        Option(
            "signing_key", "var/data/pickup-signing.pem", "Ed25519 private key (PEM) that signs pickup codes."
        ),
        Option("verify_key", "var/data/pickup-verify.pem", "Its public key (PEM), for the pickup kiosks."),
        Option("generate_key", False, "Make the key pair on first start when missing (simulate, demos)."),
    ),
)
