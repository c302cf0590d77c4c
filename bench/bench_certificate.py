"""Certificates: laying out and rendering a 1-page and a 20-page certificate to PDF, the
preview of a page, and the issuer's seal (sign, verify, content digest).

Rendering is compared with the printer it feeds: an office A4 laser prints about 30 pages a
minute, so 2 s a page; the kiosk's share of a page should be a small part of that (the first
page's wait is what a citizen feels). The seal is compared with the SM3 digest it signs over.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from backends.platform import demo, seal
from backends.platform.api import Certificate
from kiosk.ui.certificate_doc import CertificateDocument, layout
from kiosk.ui.documents import ensure_gui_app

PRINTER_PAGE_S = 2.0  # 30 pages a minute
RUNS = 5


def _certificate(pages: int) -> Certificate:
    """A social insurance record filling exactly `pages` pages (rows from the demo generator)."""
    person = next(p for p in demo.PEOPLE if p.records_since < "2000-01")
    rows = demo.records(person, "social_insurance", "2026-10")
    kind = demo.CERTIFICATE_TYPES["social_insurance"]
    base = Certificate(
        "social_insurance",
        "SO20261201000001",
        kind.name,
        kind.issuer,
        person.name,
        "320102********0093",
        "2026-12-01T09:30:00+08:00",
        demo.summary("social_insurance", rows),
        "1990-01 至 2026-10",
        kind.columns,
        (),
    )
    lo, hi = 1, len(rows)
    while lo < hi:  # the fewest rows that make one page more: one row less fills `pages`
        mid = (lo + hi) // 2
        if len(layout(replace(base, records=rows[:mid])).pages) > pages:
            hi = mid
        else:
            lo = mid + 1
    cert = replace(base, records=rows[: lo - 1])
    signer = seal.Ed25519Signer()
    return replace(cert, qr=seal.qr_text("https://verify.example.gov.cn/c", seal.seal(signer, cert)))


def _timed(fn: object, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ensure_gui_app()
    with tempfile.TemporaryDirectory() as tmp:
        for pages in (1, 20):
            cert = _certificate(pages)
            doc = CertificateDocument(cert, "2026年12月01日 09:30")
            assert doc.page_count == pages
            t_layout = _timed(lambda cert=cert: layout(cert))
            pdf = Path(tmp) / f"c{pages}.pdf"
            t_pdf = _timed(lambda doc=doc, pdf=pdf: doc.write_pdf(pdf))
            t_preview = _timed(lambda doc=doc: doc.page_image(0, 1000))
            per_page = (t_layout + t_pdf) / pages
            print(
                f"{pages:2d} page(s), {len(cert.records):4d} rows: layout {t_layout * 1000:7.1f} ms, "
                f"PDF {t_pdf * 1000:7.1f} ms ({pdf.stat().st_size // 1024} KiB), "
                f"per page {per_page * 1000:6.1f} ms = {per_page / PRINTER_PAGE_S:.1%} of the printer's "
                f"{PRINTER_PAGE_S:.0f} s a page; preview of a page {t_preview * 1000:.1f} ms"
            )
        signer = seal.Ed25519Signer()
        verifier = signer.verifier()
        cert = _certificate(20)
        t_digest = _timed(lambda: seal.content_digest(cert), 50)
        t_sign = _timed(lambda: seal.seal(signer, cert), 50)
        qr = seal.qr_text("https://verify.example.gov.cn/c", seal.seal(signer, cert))
        t_verify = _timed(lambda: seal.verify_qr(qr, verifier), 50)
        t_check = _timed(lambda: seal.verify_certificate(replace(cert, qr=qr), verifier), 50)
        print(
            f"seal ({len(cert.records)} rows): SM3 content digest {t_digest * 1e3:.2f} ms, "
            f"seal (digest + Ed25519 sign) {t_sign * 1e3:.2f} ms = {t_sign / t_digest:.1f}x the digest; "
            f"QR verify (offline) {t_verify * 1e3:.3f} ms; "
            f"content check before printing {t_check * 1e3:.2f} ms"
        )


if __name__ == "__main__":
    main()
