"""A4 documents (certificates) rendered to PDF with Qt, for devices.a4printer to send to CUPS.

QTextDocument lays out simple HTML; QPdfWriter makes an A4 PDF of it. The verification QR code is
drawn with `qrcode` and added as an image resource. Qt needs a QGuiApplication for fonts: the
kiosk has one; command-line tools and tests call ensure_gui_app() first (from the main thread).
Rendering itself may run on a worker thread, so a long document does not freeze the screen.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

QR_URL = QUrl("kiosk://verification-qr")


def ensure_gui_app() -> QGuiApplication:
    # a QApplication (not a bare QGuiApplication), so widgets can still be made in this process
    app = QGuiApplication.instance()
    if app is None:
        app = QApplication([])
    assert isinstance(app, QGuiApplication)
    return app


def _qr_image(text: str) -> QImage:
    import qrcode  # on first use, like kiosk.ui.widgets.qr_pixmap

    code = qrcode.QRCode(box_size=8, border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    buf = io.BytesIO()
    code.make_image().save(buf)
    img = QImage()
    img.loadFromData(buf.getvalue(), "PNG")
    return img


def certificate_html(
    title: str,
    rows: Sequence[tuple[str, str]],
    *,
    issuer: str,
    issued_at: str,
    serial: str,
    note: str = "",
    with_qr: bool = True,
) -> str:
    """A certificate page: title, a table of label/value rows, issuer, date, serial and QR code."""
    e = html.escape
    body = "".join(
        f'<tr><td width="32%" style="padding:6px;background:#f2f2f2">{e(k)}</td>'
        f'<td style="padding:6px">{e(v)}</td></tr>'
        for k, v in rows
    )
    qr = f'<p align="right"><img src="{QR_URL.toString()}" width="110" height="110"></p>' if with_qr else ""
    return (
        "<html><body style=\"font-family:'Noto Sans CJK SC','Noto Serif CJK SC',sans-serif;font-size:11pt\">"
        f'<h1 align="center" style="font-size:20pt">{e(title)}</h1>'
        f'<p align="right" style="font-size:9pt">编号：{e(serial)}</p>'
        f'<table width="100%" border="1" cellspacing="0" style="border-collapse:collapse">{body}</table>'
        + (f"<p>{e(note)}</p>" if note else "")
        + f'<p align="right">{e(issuer)}</p><p align="right">{e(issued_at)}</p>'
        + qr
        + '<p align="right" style="font-size:8pt">扫描二维码核验本证明真伪</p></body></html>'
    )


def render_pdf(path: Path, document_html: str, *, title: str = "", qr: str | None = None) -> int:
    """Write an A4 PDF of the HTML to path; returns the page count."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("kiosk")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    doc = QTextDocument()
    if qr is not None:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QR_URL, _qr_image(qr))
    doc.setHtml(document_html)
    # lay out on the printable area in points, so font sizes in pt come out at their size on paper
    rect = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    doc.print_(writer)
    pages = doc.pageCount()
    del writer  # finishes the file
    return pages
