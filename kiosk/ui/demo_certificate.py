"""The certificate journey in `make demo`: the number typed, the face checked on the platform,
a social insurance record for the last 12 months chosen, the preview screen, the printed PDF's
pages as the simulated printer received them (pdftoppm), then that paper's QR decoded (zbarimg)
and checked at the kiosk, and an altered copy refused."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from backends.platform.demo import PEOPLE
from kiosk.ui.demo import click, expect, open_service, skip_rating, visible, wait_for
from kiosk.ui.shell import Shell

WHO = PEOPLE[0].id_number  # eligible, the simulated camera's face, every certificate on file


def _pages(pdf: Path, pages: list[int], folder: Path, dpi: int = 80) -> list[Path]:
    out = []
    for n in pages:
        stem = folder / f"page-{n}-{dpi}"
        one = ["-r", str(dpi), "-f", str(n), "-l", str(n), "-singlefile"]
        subprocess.run(["pdftoppm", "-png", *one, str(pdf), str(stem)], check=True, timeout=60)
        out.append(stem.with_suffix(".png"))
    return out


def _page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True, timeout=60)
    return int(next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:")))


def _qr(png: Path) -> str:
    found = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True, timeout=60)
    return found.stdout.strip()


def walk_certificate(shell: Shell, snap: Callable[[str, str], None]) -> None:
    kiosk = shell.kiosk
    printer = kiosk.simulators.get("a4printer")
    shell.refresh_home()
    if printer is None or not wait_for(lambda: visible(shell, "service_certificate"), 30):
        print("demo: certificate printing is off on this kiosk, not walked")
        return
    shot: Callable[..., None] = snap  # the demo's snap also takes the widget to grab
    open_service(shell, "certificate")
    expect(lambda: visible(shell, "option_number"), "the certificate choices")
    shot("certificate-start", "Certificates: read the ID card, type the number, or check one")
    click(shell, "option_number")
    for c in WHO:
        click(shell, f"key_{c}")
    click(shell, "confirm")
    expect(
        lambda: visible(shell, "option_social_insurance") or visible(shell, "action_retry"),
        "the catalogue after the face check",
    )
    if visible(shell, "action_retry"):
        shot("certificate-face-retry", "Certificates: the face comparison asks for another try")
        click(shell, "action_retry")
        expect(lambda: visible(shell, "option_social_insurance"), "the catalogue after a second face check")
    shot("certificate-catalogue", "Certificates: the platform's catalogue, after the face comparison")
    click(shell, "option_social_insurance")
    expect(lambda: visible(shell, "option_12"), "the period choice")
    shot("certificate-period", "Certificates: a period for monthly records")
    click(shell, "option_12")
    expect(lambda: visible(shell, "action_print"), "the preview")
    shot("certificate-preview", "Certificates: the document as it will print, page by page")
    shell.resize(1920, 1080)
    shot("certificate-preview-landscape", "Certificates: the preview in landscape")
    shell.resize(1080, 1920)
    click(shell, "action_print")
    expect(lambda: visible(shell, "option_1"), "the copies")
    click(shell, "option_1")
    expect(lambda: visible(shell, "action_more"), "the printed certificate")
    shot("certificate-printed", "Certificates: printed on A4, journalled")
    click(shell, "action_ok")
    skip_rating(shell)
    expect(lambda: printer.last_document is not None, "the simulated printer's PDF")
    pdf = Path(printer.last_document)
    with tempfile.TemporaryDirectory() as tmp:
        n = _page_count(pdf)
        pngs = _pages(pdf, sorted({1, n}), Path(tmp))
        for i, png in zip(sorted({1, n}), pngs, strict=True):
            shot(f"certificate-paper-page-{i}", f"The printed PDF, page {i} of {n} (pdftoppm)", _picture(png))
        qr = _qr(_pages(pdf, [1], Path(tmp), dpi=150)[0])  # as a phone sees the paper
    if not qr:
        print("demo: the printed certificate's QR did not decode")
        return
    open_service(shell, "certificate")
    click(shell, "option_check")
    expect(lambda: shell.current_view is not None and "scanned" in shell.current_view.events, "the QR check")
    kiosk.simulators["scanner"].scan(qr)
    expect(lambda: visible(shell, "action_again"), "the QR's verdict")
    shot("certificate-check-genuine", "Check a certificate: the printed QR scanned, verified offline")
    click(shell, "action_again")
    expect(lambda: shell.current_view is not None and "scanned" in shell.current_view.events, "the QR check")
    kiosk.simulators["scanner"].scan(qr.replace("h=360426", "h=110105"))
    expect(lambda: visible(shell, "action_again"), "the altered QR's verdict")
    shot("certificate-check-altered", "Check a certificate: an altered holder ID is refused")
    click(shell, "action_home")
    skip_rating(shell)


def _picture(png: Path) -> QWidget:
    pic = QLabel()
    pic.setPixmap(QPixmap(str(png)))
    pic.resize(pic.pixmap().size())
    return pic
