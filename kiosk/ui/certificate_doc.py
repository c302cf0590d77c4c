"""A certificate as an official A4 document, painted with QPainter onto QPdfWriter (what CUPS
prints) and onto QImage (the on-screen preview, page for page the same drawing).

Every page: title, serial and print time, the holder (name, masked ID), the records table with its
header repeated, "page x of y" and the verification QR (drawn as vector squares, so it scans at
any printer's resolution). The first page adds the summary; the last the issuer's statement and
seal. Pagination is measured once (font metrics in points, hinting off) and then painted on any
device, so the preview and the PDF break pages in the same places; long cells wrap, thousands of
rows simply make more pages. Needs a QGuiApplication (documents.ensure_gui_app); painting may run
on a worker thread.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QPolygonF,
)

from backends.platform.api import Certificate

PAGE_W, PAGE_H = 595.28, 841.89  # A4 in points
MARGIN = 48.0
CONTENT_W = PAGE_W - 2 * MARGIN
# Latin and digits from DejaVu: Noto CJK's digits after a Latin letter (the serial "SO2026...")
# reach the PDF without a Unicode mapping, so the serial could not be searched or copied
SANS = ["DejaVu Sans", "Noto Sans CJK SC"]
SERIF = ["Noto Serif CJK SC"]
QR_SIZE = 76.0  # 27 mm: scans from a phone held at reading distance
FOOTER_H = QR_SIZE + 14
HEADER_H = 92.0  # title, serial line, holder line, rule
CLOSING_H = 120.0
CELL_PAD = 3.0
RED = QColor(200, 30, 30)
LINE = QColor(60, 60, 60)
HEAD_BG = QColor(232, 232, 232)


def _font(families: list[str], pt: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(families)
    f.setPointSizeF(pt)
    f.setBold(bold)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    f.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return f


# fonts by role, sized in points
TITLE, SUB, BODY, CELL, HEAD, SMALL = (
    _font(SERIF, 20, True),
    _font(SANS, 8.5),
    _font(SANS, 10.5),
    _font(SANS, 8.5),
    _font(SANS, 8.5, True),
    _font(SANS, 7.5),
)


def _measure_device() -> QImage:
    """Metrics are taken at 720 dpi, where one point is ten pixels: fine enough that they agree
    with the PDF's 300 dpi and the screen's preview to well under a character."""
    img = QImage(8, 8, QImage.Format.Format_RGB32)
    dpm = round(720 / 0.0254)
    img.setDotsPerMeterX(dpm)
    img.setDotsPerMeterY(dpm)
    return img


def _scaled(font: QFont, device: QPaintDevice) -> QFont:
    """The font for a painter scaled to points: Qt sizes fonts by the device's dpi, and the
    painter's scale would apply that a second time."""
    f = QFont(font)
    f.setPointSizeF(font.pointSizeF() * 72.0 / device.logicalDpiY())
    return f


def _wrap(text: str, fm: QFontMetricsF, width: float) -> list[str]:
    """Greedy line breaking by character (Chinese has no spaces to break at)."""
    if fm.horizontalAdvance(text) <= width:
        return [text]
    lines, line = [], ""
    for ch in text:
        if line and fm.horizontalAdvance(line + ch) > width:
            lines.append(line)
            line = ch.lstrip()
        else:
            line += ch
    return [*lines, line] if line else lines


@dataclass(frozen=True)
class Row:
    lines: tuple[tuple[str, ...], ...]  # per column, the wrapped lines
    height: float


@dataclass
class Page:
    rows: list[Row] = field(default_factory=list)
    first: bool = False
    closing: bool = False


@dataclass
class Layout:
    columns: tuple[float, ...]  # widths, points
    header: Row
    pages: list[Page]
    summary_h: float


def _column_widths(
    columns: Sequence[str], records: Sequence[Sequence[str]], fm: QFontMetricsF
) -> tuple[float, ...]:
    """Natural width of each column's longest text (a sample of the rows), scaled to the table."""
    sample = list(records[:400])
    natural = []
    for i, name in enumerate(columns):
        longest = max([fm.horizontalAdvance(name) * 0.75] + [fm.horizontalAdvance(r[i]) for r in sample])
        natural.append(min(longest, CONTENT_W * 0.45) + 2 * CELL_PAD + 2)
    total = sum(natural) or 1.0
    return tuple(w * CONTENT_W / total for w in natural)


def layout(cert: Certificate) -> Layout:
    device = _measure_device()
    cell = QFontMetricsF(_scaled(CELL, device), device)
    head = QFontMetricsF(_scaled(HEAD, device), device)
    body = QFontMetricsF(_scaled(BODY, device), device)
    cols = cert.columns or ("项目", "内容")
    records = cert.records if cert.columns else cert.rows
    widths = _column_widths(cols, records, cell)

    def row(texts: Sequence[str], fm: QFontMetricsF) -> Row:
        lines = tuple(tuple(_wrap(t, fm, w - 2 * CELL_PAD)) for t, w in zip(texts, widths, strict=True))
        return Row(lines, max(len(x) for x in lines) * fm.lineSpacing() + 2 * CELL_PAD)

    header = row(cols, head)
    summary_lines = math.ceil(len(cert.rows) / 2) if cert.columns else 0
    summary_h = 2 * body.lineSpacing() + 6 + summary_lines * (body.lineSpacing() + 4) + 10
    top, bottom = MARGIN + HEADER_H, PAGE_H - MARGIN - FOOTER_H
    pages = [Page(first=True)]
    y = top + summary_h + header.height
    for rec in records:
        r = row(rec, cell)
        if y + r.height > bottom:
            pages.append(Page())
            y = top + header.height
        pages[-1].rows.append(r)
        y += r.height
    if y + CLOSING_H > bottom:
        pages.append(Page())
    pages[-1].closing = True
    return Layout(widths, header, pages, summary_h)


class CertificateDocument:
    """One certificate, laid out; paints any page onto a PDF or an image."""

    def __init__(self, cert: Certificate, printed_at: str) -> None:
        self.cert = cert
        self.printed_at = printed_at  # "2026年12月01日 09:30"
        self.layout = layout(cert)
        self._qr = _qr_matrix(cert.qr) if cert.qr else []

    @property
    def page_count(self) -> int:
        return len(self.layout.pages)

    def write_pdf(self, path: Path) -> int:
        """The whole document as an A4 PDF; returns the page count."""
        writer = QPdfWriter(str(path))
        writer.setTitle(self.cert.title)
        writer.setCreator("kiosk")
        writer.setResolution(300)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
                QPageLayout.Unit.Point,
            )
        )
        painter = QPainter(writer)
        try:
            for i in range(self.page_count):
                if i:
                    writer.newPage()
                self.paint(painter, writer, i)
        finally:
            painter.end()
        return self.page_count

    def page_image(self, index: int, width_px: int) -> QImage:
        """Page `index` (0-based) as a white image `width_px` wide: the on-screen preview."""
        scale = width_px / PAGE_W
        img = QImage(width_px, round(PAGE_H * scale), QImage.Format.Format_RGB32)
        img.fill(QColor("white"))
        dpm = round(scale * 72 / 0.0254)
        img.setDotsPerMeterX(dpm)
        img.setDotsPerMeterY(dpm)
        painter = QPainter(img)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            self.paint(painter, img, index)
        finally:
            painter.end()
        return img

    # ---- painting, in points ----
    def paint(self, p: QPainter, device: QPaintDevice, index: int) -> None:
        k = device.logicalDpiX() / 72.0
        p.save()
        p.scale(k, k)
        page = self.layout.pages[index]
        y = self._header(p, device)
        if page.first:
            y = self._summary(p, device, y)
        if page.rows or page.first:
            y = self._table(p, device, y, page.rows)
        if page.closing:
            self._closing(p, device, y + 16)
        self._footer(p, device, index)
        p.restore()

    def _text(
        self,
        p: QPainter,
        device: QPaintDevice,
        font: QFont,
        rect: QRectF,
        text: str,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        p.setFont(_scaled(font, device))
        p.setPen(QColor("black"))
        p.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text)

    def _header(self, p: QPainter, device: QPaintDevice) -> float:
        c = self.cert
        x, y = MARGIN, MARGIN
        self._text(p, device, TITLE, QRectF(x, y, CONTENT_W, 30), c.title, Qt.AlignmentFlag.AlignHCenter)
        y += 36
        self._text(p, device, SUB, QRectF(x, y, CONTENT_W, 14), f"编号：{c.serial}")
        right = Qt.AlignmentFlag.AlignRight
        self._text(p, device, SUB, QRectF(x, y, CONTENT_W, 14), f"打印时间：{self.printed_at}", right)
        y += 18
        holder = f"姓名：{c.holder_name}　　公民身份号码：{c.id_masked}"
        self._text(p, device, BODY, QRectF(x, y, CONTENT_W, 18), holder)
        if c.period:
            self._text(p, device, SUB, QRectF(x, y, CONTENT_W, 18), f"查询期间：{c.period}", right)
        y += 24
        p.setPen(QPen(LINE, 1.2))
        p.drawLine(QPointF(x, y), QPointF(x + CONTENT_W, y))
        p.setPen(QPen(LINE, 0.4))
        p.drawLine(QPointF(x, y + 2.5), QPointF(x + CONTENT_W, y + 2.5))
        return MARGIN + HEADER_H

    def _summary(self, p: QPainter, device: QPaintDevice, y: float) -> float:
        c = self.cert
        body = QFontMetricsF(_scaled(BODY, device), device)
        line = body.lineSpacing()
        intro = (
            f"经查询，{c.holder_name}（公民身份号码 {c.id_masked}）的{c.title.removesuffix('证明')}信息如下："
        )
        self._text(p, device, BODY, QRectF(MARGIN, y, CONTENT_W, line * 2), intro)
        y += 2 * line + 6
        if c.columns:
            half = CONTENT_W / 2
            for i, (label, value) in enumerate(c.rows):
                col, r = i % 2, i // 2
                rect = QRectF(MARGIN + col * half, y + r * (line + 4), half, line + 4)
                self._text(p, device, BODY, rect, f"{label}：{value}")
        return MARGIN + HEADER_H + self.layout.summary_h

    def _table(self, p: QPainter, device: QPaintDevice, y: float, rows: Sequence[Row]) -> float:
        y = self._row(p, device, y, self.layout.header, HEAD, HEAD_BG)
        for r in rows:
            y = self._row(p, device, y, r, CELL, None)
        return y

    def _row(
        self, p: QPainter, device: QPaintDevice, y: float, row: Row, font: QFont, bg: QColor | None
    ) -> float:
        f = _scaled(font, device)
        line = QFontMetricsF(f, device).lineSpacing()
        x = MARGIN
        p.setFont(f)
        for w, lines in zip(self.layout.columns, row.lines, strict=True):
            rect = QRectF(x, y, w, row.height)
            if bg is not None:
                p.fillRect(rect, bg)
            p.setPen(QPen(LINE, 0.5))
            p.drawRect(rect)
            p.setPen(QColor("black"))
            for j, text in enumerate(lines):
                p.drawText(
                    QRectF(x + CELL_PAD, y + CELL_PAD + j * line, w - 2 * CELL_PAD, line),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    text,
                )
            x += w
        return y + row.height

    def _closing(self, p: QPainter, device: QPaintDevice, y: float) -> None:
        c = self.cert
        self._text(p, device, BODY, QRectF(MARGIN, y, CONTENT_W, 18), "特此证明。")
        right = QRectF(MARGIN + CONTENT_W - 240, y + 40, 240, 18)
        self._text(p, device, BODY, right, c.issuer, Qt.AlignmentFlag.AlignHCenter)
        self._text(
            p,
            device,
            BODY,
            right.translated(0, 22),
            _chinese_date(c.issued_at),
            Qt.AlignmentFlag.AlignHCenter,
        )
        self._seal(p, device, QPointF(right.center().x(), right.center().y() + 8), c.issuer)

    def _seal(self, p: QPainter, device: QPaintDevice, centre: QPointF, issuer: str) -> None:
        """The issuer's electronic seal as printed: a red ring, its name round the top, a star."""
        r = 42.0
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(RED, 2.2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(centre, r, r)
        star = QPolygonF(
            [
                QPointF(
                    centre.x() + (11 if i % 2 == 0 else 4.4) * math.sin(i * math.pi / 5),
                    centre.y() - (11 if i % 2 == 0 else 4.4) * math.cos(i * math.pi / 5),
                )
                for i in range(10)
            ]
        )
        p.setBrush(RED)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawPolygon(star)
        p.setFont(_scaled(_font(SANS, 7.5, True), device))
        p.setPen(RED)
        span = min(240.0, 22.0 * len(issuer))
        for i, ch in enumerate(issuer):
            angle = -span / 2 + span * (i + 0.5) / len(issuer)
            p.save()
            p.translate(centre)
            p.rotate(angle)
            p.drawText(QRectF(-6, -r + 3, 12, 11), int(Qt.AlignmentFlag.AlignCenter), ch)
            p.restore()
        p.setFont(_scaled(_font(SANS, 6.5), device))
        p.drawText(
            QRectF(centre.x() - 30, centre.y() + 14, 60, 10), int(Qt.AlignmentFlag.AlignCenter), "证明专用章"
        )
        p.restore()

    def _footer(self, p: QPainter, device: QPaintDevice, index: int) -> None:
        top = PAGE_H - MARGIN - QR_SIZE
        p.setPen(QPen(LINE, 0.4))
        p.drawLine(QPointF(MARGIN, top - 8), QPointF(MARGIN + CONTENT_W, top - 8))
        if self._qr:
            _paint_qr(p, self._qr, QRectF(MARGIN, top, QR_SIZE, QR_SIZE))
        x = MARGIN + QR_SIZE + 10
        notes = (
            "扫描左侧二维码核验本证明真伪：二维码含编号、证明类型、持证人（脱敏）、出具时间和内容摘要，",
            "并经出具机构电子签名；任何改动均无法通过核验。本证明经自助终端打印，涂改无效。",
            f"出具机构：{self.cert.issuer}　编号：{self.cert.serial}",
        )
        for i, note in enumerate(notes):
            self._text(p, device, SMALL, QRectF(x, top + 4 + i * 12, CONTENT_W - QR_SIZE - 10, 12), note)
        self._text(
            p,
            device,
            SUB,
            QRectF(x, top + QR_SIZE - 16, CONTENT_W - QR_SIZE - 10, 16),
            f"第 {index + 1} 页 / 共 {self.page_count} 页",
            Qt.AlignmentFlag.AlignRight,
        )


def _chinese_date(iso: str) -> str:
    return f"{iso[:4]}年{int(iso[5:7])}月{int(iso[8:10])}日" if len(iso) >= 10 else iso


def _qr_matrix(text: str) -> list[list[bool]]:
    import qrcode  # on first use, as everywhere on the kiosk's start path

    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    return [[bool(x) for x in row] for row in code.get_matrix()]


def _paint_qr(p: QPainter, matrix: list[list[bool]], rect: QRectF) -> None:
    """Dark modules as filled squares, a run per row (vector, crisp on paper)."""
    n = len(matrix)
    m = rect.width() / n
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("black"))
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for y, row in enumerate(matrix):
        x = 0
        while x < n:
            if row[x]:
                start = x
                while x < n and row[x]:
                    x += 1
                p.drawRect(QRectF(rect.x() + start * m, rect.y() + y * m, (x - start) * m, m))
            else:
                x += 1
    p.restore()


@dataclass
class RenderedCertificate:
    """What the journey holds (flows.certificate.Rendered): the PDF, its pages, and previews."""

    document: CertificateDocument
    pdf: Path
    pages: int

    def preview(self, index: int, path: Path, width_px: int) -> Path:
        if not self.document.page_image(index, width_px).save(str(path)):  # PNG, by the suffix
            raise OSError(f"could not write the preview {path.name}")
        return path


def render(cert: Certificate, printed_at: str, pdf: Path) -> RenderedCertificate:
    """The journey's renderer: lay out, write the PDF, keep the layout for previews."""
    doc = CertificateDocument(cert, printed_at)
    pages = doc.write_pdf(pdf)
    return RenderedCertificate(doc, pdf, pages)
