"""Print, print preview and PDF export of evidence summaries (File menu, entity menus).

The summary's content is gathered by ``db.reporting`` on the thread pool (with progress
and Cancel). Print and preview then render on the GUI thread, as QPrinter requires; a
PDF export renders in the worker too (QTextDocument, QImage and QPdfWriter are safe
off the GUI thread), so nothing big blocks the shell.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog

from db.core import Progress
from db.reads import records
from db.reporting import build_case_summary, build_entity_summary
from desktop.reports import print_summary as render_summary
from desktop.reports import write_pdf
from desktop.reports.document import Summary, page_layout
from desktop.shell import settings
from desktop.shell.shell import Shell
from desktop.shell.worker import run_task


def tr(text: str) -> str:
    return QCoreApplication.translate("Reporting", text)


def _gather_function(shell: Shell, entity_id: str | None,
                     as_of: date | None) -> Callable[[Progress], Summary]:
    case = shell.context.case
    if entity_id:
        return lambda progress: build_entity_summary(case, entity_id, as_of, progress)
    return lambda progress: build_case_summary(case, progress, as_of)


def ask_options(shell: Shell, entity_id: str | None, ask_scope: bool,
                then: Callable[[str | None, date | None], None]) -> None:
    """Ask of what and as of when (window-modal, not blocking), then ``then(entity_id or
    None for the whole case, as_of)``."""
    from desktop.dialogs.summary_options import SummaryOptionsDialog

    if ask_scope and entity_id is None:
        entity_id = shell.coordinator.current_entity or None
    name = None
    if entity_id:
        entity = shell.context.case.read(records.entity, entity_id)
        name = entity.caption if entity is not None else None
    dialog = SummaryOptionsDialog(shell.dialog_parent(), name, ask_scope, shell.context.as_of)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: then(None if dialog.whole_case() else entity_id,
                                         dialog.chosen_as_of()))
    dialog.open()
    shell.summary_options_dialog = dialog  # tests find it here


def _failed(shell: Shell, message: str) -> None:
    shell.show_warning(tr("Evidence summary"), message)


def _gather(shell: Shell, entity_id: str | None, then: Callable[[Summary], None]) -> None:
    """Ask of what and as of when (the File menu asks entity or whole case; an entity's
    own "Print evidence summary" asks only the date), then gather it off the GUI thread."""
    if shell.context is None:
        return

    def chosen(entity: str | None, as_of: date | None) -> None:
        run_task(shell.dialog_parent(), tr("Preparing the evidence summary…"),
                 _gather_function(shell, entity, as_of), then,
                 lambda message: _failed(shell, message))

    ask_options(shell, entity_id, entity_id is None, chosen)


def _printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    return printer


def preview_summary(shell: Shell, entity_id: str | None = None) -> None:
    """File ▸ Print Preview, and "Print evidence summary" on an entity."""
    def show(summary: Summary) -> None:
        printer = _printer()
        dialog = QPrintPreviewDialog(printer, shell.dialog_parent())
        dialog.setObjectName("summary_preview")
        dialog.setWindowTitle(tr("Print Preview — {title}").format(title=summary.title))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.paintRequested.connect(lambda device: render_summary(summary, device))
        dialog.printer_ = printer  # the dialog does not own it; keep it alive with it
        dialog.resize(900, 1000)
        dialog.open()

    _gather(shell, entity_id, show)


def print_summary(shell: Shell, entity_id: str | None = None) -> None:
    """File ▸ Print…: the system print dialog, then the summary on the chosen printer."""
    def ask(summary: Summary) -> None:
        printer = _printer()
        dialog = QPrintDialog(printer, shell.dialog_parent())
        dialog.setObjectName("summary_print")
        dialog.setWindowTitle(tr("Print — {title}").format(title=summary.title))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.printer_ = printer

        def accepted() -> None:
            try:
                pages = render_summary(summary, printer)
            except OSError as error:
                _failed(shell, str(error))
                return
            shell.show_status(tr("Printed {n} pages").format(n=pages), 5000)

        dialog.accepted.connect(accepted)
        dialog.open()

    _gather(shell, entity_id, ask)


def default_file_name(shell: Shell, entity_id: str | None) -> str:
    name = shell.context.case.name
    if entity_id:
        entity = shell.context.case.read(records.entity, entity_id)
        name = entity.caption if entity is not None else name
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name).strip() or "case"
    return f"{safe} — evidence summary.pdf"


def export_summary_pdf(shell: Shell, entity_id: str | None = None) -> None:
    """File ▸ Export Summary as PDF…: of the selected entity or the whole case, as of a
    chosen date, then where to save it."""
    if shell.context is None:
        return
    ask_options(shell, entity_id, entity_id is None,
                lambda entity, as_of: _export_to(shell, entity, as_of))


def _export_to(shell: Shell, entity_id: str | None, as_of: date | None) -> None:
    start = Path(settings.LAST_FOLDER.get() or str(Path.home())) / default_file_name(shell,
                                                                                      entity_id)
    path, _ = QFileDialog.getSaveFileName(shell.dialog_parent(), tr("Export Summary as PDF"), str(start),
                                          tr("PDF files (*.pdf)"))
    if not path:
        return
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    gather = _gather_function(shell, entity_id, as_of)

    def work(progress: Progress) -> int:
        return write_pdf(gather(progress), path, progress)

    def done(pages: int) -> None:
        shell.show_status(
            tr("Saved {n}-page summary to {path}").format(n=pages, path=path), 10000)

    run_task(shell.dialog_parent(), tr("Exporting the evidence summary…"), work, done,
             lambda message: _failed(shell, message))
