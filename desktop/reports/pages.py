"""Lay a QTextDocument out page by page onto a printer or PDF writer, painting each
page's header and footer ourselves: the marking at top and bottom, "Page n of m".

QTextDocument.print() cannot put a marking on every page, so the document is laid out
against the device (``documentLayout().setPaintDevice``, page size in device pixels —
the same thing Qt's own print() does) and each page is drawn with a translated painter
and a clip rectangle between our header and footer bands.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QPen,
    QTextDocument,
)

from db.core import NO_PROGRESS, Progress
from desktop.reports.fonts import report_font
from desktop.reports.markup import tr

HEADER_MM = 11.0
FOOTER_MM = 11.0


@dataclass(frozen=True)
class PageDecor:
    """What every page's header and footer carry."""

    title: str
    marking: str
    generated: str


def body_rect(device: QPagedPaintDevice) -> QRectF:
    """Where the document's pages go on the device (device pixels)."""
    mm = device.logicalDpiY() / 25.4
    return QRectF(0, HEADER_MM * mm, device.width(),
                  device.height() - (HEADER_MM + FOOTER_MM) * mm)


def prepare(document: QTextDocument, device: QPagedPaintDevice) -> QRectF:
    """Lay ``document`` out for ``device``; returns the body rectangle."""
    body = body_rect(device)
    document.documentLayout().setPaintDevice(device)
    document.setDocumentMargin(4)  # CSS pixels: Qt scales frame margins to the device
    document.setPageSize(QSizeF(body.width(), body.height()))
    return body


def paint_pages(document: QTextDocument, device: QPagedPaintDevice, decor: PageDecor,
                progress: Progress = NO_PROGRESS) -> int:
    """Paint every page; returns the number of pages."""
    body = body_rect(device)
    if (document.documentLayout().paintDevice() is not device
            or document.pageSize() != body.size()):
        prepare(document, device)
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(tr("cannot write to the printer or file"))
    try:
        layout = document.documentLayout()
        for index in range(pages):
            progress.step(index, pages, tr("Printing page {n} of {m}").format(
                n=index + 1, m=pages))
            if index:
                device.newPage()
            _decorate(painter, device, body, decor, index + 1, pages)
            painter.save()
            painter.translate(body.left(), body.top() - index * body.height())
            clip = QRectF(0, index * body.height(), body.width(), body.height())
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            layout.draw(painter, context)
            painter.restore()
    finally:
        painter.end()
    return pages


def _decorate(painter: QPainter, device: QPagedPaintDevice, body: QRectF, decor: PageDecor,
              number: int, total: int) -> None:
    mm = device.logicalDpiY() / 25.4
    width = device.width()
    small = report_font(7.5)
    marking = report_font(8.5)
    marking.setBold(True)
    painter.save()
    painter.setPen(QPen(QColor("#9aa5b1"), max(1.0, 0.25 * mm)))
    header_line = body.top() - 2.5 * mm
    footer_line = body.bottom() + 2.5 * mm
    painter.drawLine(0, round(header_line), width, round(header_line))
    painter.drawLine(0, round(footer_line), width, round(footer_line))
    header = QRectF(0, 0, width, header_line - 1.2 * mm)
    footer = QRectF(0, footer_line + 1.2 * mm, width, device.height() - footer_line - 1.2 * mm)
    bottom = Qt.AlignmentFlag.AlignBottom
    top = Qt.AlignmentFlag.AlignTop
    painter.setFont(small)
    painter.setPen(QColor("#5f6b78"))
    title = QFontMetricsF(small, device).elidedText(decor.title, Qt.TextElideMode.ElideRight,
                                                   width * 0.78)
    painter.drawText(header, int(Qt.AlignmentFlag.AlignLeft | bottom), title)
    painter.drawText(footer, int(Qt.AlignmentFlag.AlignLeft | top), decor.generated)
    painter.setPen(QColor("#1a1a1a"))
    painter.drawText(footer, int(Qt.AlignmentFlag.AlignRight | top),
                     tr("Page {n} of {m}").format(n=number, m=total))
    if decor.marking:
        painter.setFont(marking)
        painter.setPen(QColor("#b91c1c"))
        painter.drawText(header, int(Qt.AlignmentFlag.AlignRight | bottom), decor.marking)
        painter.drawText(footer, int(Qt.AlignmentFlag.AlignHCenter | top), decor.marking)
    painter.restore()
