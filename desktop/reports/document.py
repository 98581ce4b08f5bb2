"""Turn a summary (``db.reporting``) into a printable QTextDocument and print it to a
QPrinter or a PDF file. Must run where QtGui may be used (a QGuiApplication exists)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import (
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)

from db.core import NO_PROGRESS, Progress
from db.reporting.content import CaseSummary, EntitySummary
from desktop.reports.case_html import case_html
from desktop.reports.entity_html import entity_html
from desktop.reports.figure import figure_size, paint_chain_figure
from desktop.reports.fonts import report_font
from desktop.reports.markup import FIGURE_URL, PASSAGE_URL, tr
from desktop.reports.metadata import set_pdf_metadata
from desktop.reports.pages import PageDecor, body_rect, paint_pages, prepare

Summary = EntitySummary | CaseSummary
MARGINS_MM = QMarginsF(18, 12, 18, 12)


def page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       MARGINS_MM, QPageLayout.Unit.Millimeter)


def build_document(summary: Summary, device: QPagedPaintDevice) -> QTextDocument:
    """The summary as a document laid out for ``device``'s page."""
    document = QTextDocument()
    # Lay out once, for this device's page: fonts measured at its resolution. Tables'
    # <thead> rows become header rows that Qt repeats on every page a table spans.
    prepare(document, device)
    document.setDefaultFont(report_font())
    option = QTextOption()
    # Hashes and URLs have no spaces; let them break anywhere rather than widen a table.
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    if isinstance(summary, EntitySummary):
        size = None
        if summary.owners:
            # CSS pixels (96 per inch) across the body of the page.
            body = body_rect(device)
            width = int(body.width() / device.logicalDpiX() * 96) - 24
            size = figure_size(summary.figure, width)
            height_limit = int(body.height() / device.logicalDpiY() * 96 * 0.8)
            image = paint_chain_figure(summary.figure, width)
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(FIGURE_URL),
                                 image)
            if size[1] > height_limit:  # a very tall chain shrinks to fit one page
                size = (int(size[0] * height_limit / size[1]), height_limit)
        add_passage_images(document, summary)
        document.setHtml(entity_html(summary, size))
    else:
        add_passage_images(document, summary)
        document.setHtml(case_html(summary))
    return document


def add_passage_images(document: QTextDocument, summary: Summary) -> None:
    """The annex's cropped passages (PNG made by the isolated child) as resources."""
    for entry in summary.annex:
        for excerpt in entry.excerpts:
            if excerpt.passage:
                document.addResource(QTextDocument.ResourceType.ImageResource,
                                     QUrl(PASSAGE_URL.format(excerpt.claim_id)),
                                     QImage.fromData(excerpt.passage, "PNG"))


def decor(summary: Summary) -> PageDecor:
    header = summary.header
    kind = tr("Evidence summary") if isinstance(summary, EntitySummary) else tr("Case summary")
    return PageDecor(f"{header.name} — {kind}: {summary.title}"
                     if isinstance(summary, EntitySummary) else f"{header.name} — {kind}",
                     header.marking,
                     tr("Generated {when} · v{version}").format(
                         when=header.generated, version=header.app_version))


def print_summary(summary: Summary, device: QPagedPaintDevice,
                  progress: Progress = NO_PROGRESS) -> int:
    """Lay out and paint ``summary`` on a QPrinter or QPdfWriter; returns the page count."""
    document = build_document(summary, device)
    return paint_pages(document, device, decor(summary), progress)


def write_pdf(summary: Summary, path: str | Path, progress: Progress = NO_PROGRESS) -> int:
    """Write ``summary`` as a PDF file; returns the page count. OSError when the file
    cannot be written."""
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setPageLayout(page_layout())
    writer.setResolution(600)
    header = summary.header
    writer.setTitle(decor(summary).title)
    writer.setAuthor(header.prepared_by or header.author)
    writer.setCreator(f"Case File Explorer {header.app_version}")
    try:
        pages = print_summary(summary, writer, progress)
    except BaseException:
        del writer
        path.unlink(missing_ok=True)  # no half-written summary left behind
        raise
    del writer  # the file is finished when the writer goes away
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"{path}: the PDF could not be written")
    set_pdf_metadata(path, summary)
    return pages
