"""The certificate document as printed: A4 pages from a real issued certificate, read back with
poppler (pdfinfo, pdftotext, pdftoppm) and the QR on every page decoded with OpenCV and verified
with the issuer's key; a long record spans pages with its header repeated and no row lost; rare
characters are drawn from the CJK font, not as empty boxes."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter

from backends.platform import seal
from backends.platform.client import PlatformClient
from backends.platform.demo import PEOPLE
from kiosk.ui import certificate_doc
from kiosk.ui.certificate_doc import FOOTER_H, MARGIN, PAGE_H, CertificateDocument, render
from kiosk.ui.documents import ensure_gui_app
from tests.backends.support import WANG, servers

RARE = next(p for p in PEOPLE if "rare characters" in p.case)


@pytest.fixture(scope="module")
def issued() -> Iterator[tuple[PlatformClient, seal.Verifier]]:
    ensure_gui_app()
    with servers() as s:
        client = PlatformClient(s.platform_url, timeout=10.0)
        yield client, seal.load_verifier(client.issuer_key())
        client.close()


def text(pdf: Path, page: int) -> str:
    """The page's text layer, folded as tests/flows/test_certificate_flow.py explains."""
    pages = ["-f", str(page), "-l", str(page)]
    out = subprocess.run(["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True, check=True)
    return unicodedata.normalize("NFKC", out.stdout).replace("⻚", "页").replace(" ", "")


def page_png(pdf: Path, page: int, out: Path) -> Path:
    pages = ["-f", str(page), "-l", str(page)]
    subprocess.run(["pdftoppm", "-r", "150", "-png", *pages, "-singlefile", str(pdf), str(out)], check=True)
    return out.with_suffix(".png")


def qr_of(png: Path) -> str:
    """The page's QR codes as zbar (a phone app's decoder) reads them from the picture."""
    found = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True).stdout
    codes = found.split()
    assert len(codes) == 1, codes
    return codes[0]


def test_a_long_record_spans_pages_with_repeated_headers_and_a_qr_on_each(issued, tmp_path):
    client, verifier = issued
    cert = client.certificate("social_insurance", RARE.id_number)
    pdf = tmp_path / "long.pdf"
    doc = render(cert, "2026年12月01日 09:30", pdf)
    n = doc.pages
    assert n > 50 and len(cert.records) > 2000
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(rf"Pages:\s+{n}\b", info) and "(A4)" in info
    pages = doc.document.layout.pages
    # every record placed once, in order, and every page's table ends above the footer
    assert sum(len(p.rows) for p in pages) == len(cert.records)
    for p in pages:
        assert MARGIN + certificate_doc.HEADER_H + sum(r.height for r in p.rows) < PAGE_H - MARGIN - FOOTER_H
    first_of = 0
    for i in (1, 2, n // 2, n):
        t = text(pdf, i)
        assert f"第{i}页/共{n}页" in t and cert.serial in t and "缴费年月" in t and "320102********" in t
        if pages[i - 1].rows:
            first_of = sum(len(p.rows) for p in pages[: i - 1])
            month, insurance = cert.records[first_of][:2]
            assert month in t and insurance in t
        img = page_png(pdf, i, tmp_path / f"p{i}")
        sealed = seal.verify_qr(qr_of(img), verifier)
        assert sealed.serial == cert.serial and sealed.digest == seal.content_digest(cert)
    assert "特此证明" in text(pdf, n) and "特此证明" not in text(pdf, 1)


@pytest.mark.parametrize("code", ["social_insurance", "income_tax", "housing_fund", "property_record"])
def test_each_kind_is_one_titled_page_or_more_with_issuer_and_seal(issued, tmp_path, code):
    client, verifier = issued
    cert = client.certificate(code, WANG)
    doc = render(cert, "2026年12月01日 09:30", tmp_path / f"{code}.pdf")
    first, last = text(doc.pdf, 1), text(doc.pdf, doc.pages)
    assert cert.title in first and "王小明" in first and "360426********0071" in first
    assert cert.issuer in last and "特此证明" in last
    # the header as laid out (a narrow column wraps, which the text layer interleaves)
    assert ["".join(lines) for lines in doc.document.layout.header.lines] == list(cert.columns)
    assert unicodedata.normalize("NFKC", cert.columns[0]).replace(" ", "") in first.replace("\n", "")
    preview = tmp_path / "preview.png"
    doc.preview(0, preview, 1000)
    img = QImage(str(preview))
    assert img.width() == 1000 and abs(img.height() - round(1000 * PAGE_H / certificate_doc.PAGE_W)) <= 1
    assert seal.verify_qr(qr_of(page_png(doc.pdf, 1, tmp_path / "p1")), verifier).kind == code
    assert seal.verify_qr(qr_of(preview), verifier).serial == cert.serial  # the preview's scans too


def glyph(ch: str) -> QImage:
    """`ch` drawn in the document's body font, large, black on white."""
    img = QImage(120, 120, QImage.Format.Format_Grayscale8)
    img.fill(QColor("white"))
    p = QPainter(img)
    f = certificate_doc.BODY
    f = type(f)(f)
    f.setPixelSize(90)
    p.setFont(f)
    p.setPen(QColor("black"))
    p.drawText(QPointF(10, 100), ch)
    p.end()
    return img


def ink(img: QImage) -> np.ndarray:
    ptr = img.constBits()
    return np.frombuffer(ptr, np.uint8).reshape(img.height(), img.bytesPerLine())[:, : img.width()] < 128


@pytest.mark.parametrize("ch", ["䶮", "𠇔"])
def test_rare_characters_are_drawn_as_themselves(ch):
    """A character the fonts lack comes out as the same empty box as any other missing one;
    a rare name's characters must each have ink of their own."""
    ensure_gui_app()
    missing = ink(glyph("\U000f0000"))  # a private-use character no font here has
    drawn = ink(glyph(ch))
    assert drawn.sum() > 200
    assert (drawn != missing).sum() > 200
    assert (drawn != ink(glyph("口"))).sum() > 200


def test_layout_is_the_same_for_the_preview_and_the_pdf(issued, tmp_path):
    client, _ = issued
    cert = client.certificate("income_tax", RARE.id_number)
    doc = CertificateDocument(cert, "2026年12月01日 09:30")
    assert doc.write_pdf(tmp_path / "t.pdf") == doc.page_count
    # the preview paints from the same pagination: its last page has the closing statement
    last = doc.page_image(doc.page_count - 1, 600)
    assert not last.isNull() and doc.layout.pages[-1].closing
