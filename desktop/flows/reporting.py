"""Print, print preview and PDF export of evidence summaries (File menu, entity menus).

The summary's content is gathered by ``db.reporting`` on the thread pool (with progress
and Cancel). Print and preview then render on the GUI thread, as QPrinter requires; a
PDF export renders in the worker too (QTextDocument, QImage and QPdfWriter are safe
off the GUI thread), so nothing big blocks the window.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox

from db.core.progress import Progress
from db.reporting import build_case_summary, build_entity_summary
from desktop.reports import print_summary as render_summary
from desktop.reports import write_pdf
from desktop.reports.document import Summary, page_layout
from desktop.shell import settings
from desktop.shell.worker import run_task

if TYPE_CHECKING:
    from desktop.shell.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("Reporting", text)


def _gather_function(window: MainWindow, entity_id: str | None) -> Callable[[Progress], Summary]:
    case = window.context.case
    as_of = window.context.as_of
    if entity_id:
        return lambda progress: build_entity_summary(case, entity_id, as_of, progress)
    return lambda progress: build_case_summary(case, progress)


def _failed(window: MainWindow, message: str) -> None:
    QMessageBox.warning(window, tr("Evidence summary"), message)


def _gather(window: MainWindow, entity_id: str | None, then: Callable[[Summary], None]) -> None:
    if window.context is None:
        return
    run_task(window, tr("Preparing the evidence summary…"), _gather_function(window, entity_id),
             then, lambda message: _failed(window, message))


def _printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    return printer


def preview_summary(window: MainWindow, entity_id: str | None = None) -> None:
    """File ▸ Print Preview, and "Print evidence summary" on an entity."""
    def show(summary: Summary) -> None:
        printer = _printer()
        dialog = QPrintPreviewDialog(printer, window)
        dialog.setObjectName("summary_preview")
        dialog.setWindowTitle(tr("Print Preview — {title}").format(title=summary.title))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.paintRequested.connect(lambda device: render_summary(summary, device))
        dialog.printer_ = printer  # the dialog does not own it; keep it alive with it
        dialog.resize(900, 1000)
        dialog.open()

    _gather(window, entity_id, show)


def print_summary(window: MainWindow, entity_id: str | None = None) -> None:
    """File ▸ Print…: the system print dialog, then the summary on the chosen printer."""
    def ask(summary: Summary) -> None:
        printer = _printer()
        dialog = QPrintDialog(printer, window)
        dialog.setObjectName("summary_print")
        dialog.setWindowTitle(tr("Print — {title}").format(title=summary.title))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.printer_ = printer

        def accepted() -> None:
            try:
                pages = render_summary(summary, printer)
            except OSError as error:
                _failed(window, str(error))
                return
            window.statusBar().showMessage(tr("Printed {n} pages").format(n=pages), 5000)

        dialog.accepted.connect(accepted)
        dialog.open()

    _gather(window, entity_id, ask)


def default_file_name(window: MainWindow, entity_id: str | None) -> str:
    name = window.context.case.name
    if entity_id:
        from db.models import Entity

        with window.context.case.session() as session:
            entity = session.get(Entity, entity_id)
            name = entity.caption if entity is not None else name
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name).strip() or "case"
    return f"{safe} — evidence summary.pdf"


def export_summary_pdf(window: MainWindow, entity_id: str | None = None) -> None:
    """File ▸ Export Summary as PDF…"""
    if window.context is None:
        return
    start = Path(settings.LAST_FOLDER.get() or str(Path.home())) / default_file_name(window,
                                                                                      entity_id)
    path, _ = QFileDialog.getSaveFileName(window, tr("Export Summary as PDF"), str(start),
                                          tr("PDF files (*.pdf)"))
    if not path:
        return
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    gather = _gather_function(window, entity_id)

    def work(progress: Progress) -> int:
        return write_pdf(gather(progress), path, progress)

    def done(pages: int) -> None:
        window.statusBar().showMessage(
            tr("Saved {n}-page summary to {path}").format(n=pages, path=path), 10000)

    run_task(window, tr("Exporting the evidence summary…"), work, done,
             lambda message: _failed(window, message))
