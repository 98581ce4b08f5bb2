"""Adding documents from the GUI: File ▸ Add Documents, the documents pane's button and
files dropped on it all come here, and all go through ``db.services.documents.add_files``
— the same rules (size limit, duplicates, what can be read) wherever they start.

The files are read and stored on the thread pool with progress and Cancel; the one
command that stored them goes on the undo stack. What was not added is said once, one
line per file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from db.core import Progress
from db.services.documents import FAILED, DocumentsResult, add_files, files_in
from desktop.shell import settings
from desktop.shell.shell import Shell
from desktop.shell.worker import run_task

DOCUMENT_FILTER = ("Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.docx *.xlsx *.eml *.mbox "
                   "*.mht *.mhtml *.warc *.warc.gz *.html *.htm *.txt *.md *.markdown);;"
                   "All files (*)")
REPORT_SHOWN = 20  # files named in the report; the rest are counted


def tr(text: str) -> str:
    return QCoreApplication.translate("Documents", text)


def add_documents(shell: Shell, paths: list[str] | None = None) -> None:
    """Store ``paths`` (asked for when None) as documents of the open case."""
    if shell.context is None:
        return
    if not paths:
        paths, _ = QFileDialog.getOpenFileNames(
            shell.dialog_parent(), tr("Add Documents"),
            settings.LAST_FOLDER.get() or str(Path.home()), tr(DOCUMENT_FILTER))
        if not paths:
            return
    settings.LAST_FOLDER.set(str(Path(paths[0]).parent))
    context = shell.context
    label = (tr("Add document {name}").format(name=Path(paths[0]).name) if len(paths) == 1
             else tr("Add {n} documents").format(n=len(paths)))

    languages = settings.OCR_LANGUAGES.get().split("+")

    def add(progress: Progress) -> DocumentsResult:
        return add_files(context.case, files_in(paths), progress, label=label,
                         ocr_languages=languages)

    def done(result: DocumentsResult) -> None:
        if result.command is not None and context is shell.context:
            context.push_done(result.command)
            shell.coordinator.show_document(result.added[-1], -1, -1)
        report(shell, result)

    run_task(shell.dialog_parent(), tr("Adding documents…"), add, done,
             lambda message: shell.show_warning(tr("Add Documents"), message),
             lambda: shell.show_status(tr("Adding documents cancelled; nothing was changed.")))


def choose_ocr_languages(shell: Shell) -> None:
    """File ▸ OCR Languages…: the languages scans are read in, remembered."""
    from desktop.dialogs.ocr_languages import OcrLanguagesDialog

    dialog = OcrLanguagesDialog(settings.OCR_LANGUAGES.get().split("+"), shell.dialog_parent())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def chosen() -> None:
        settings.OCR_LANGUAGES.set("+".join(dialog.chosen()))
        shell.show_status(tr("Scans will be read in: {languages}").format(
            languages=", ".join(dialog.chosen())))

    dialog.accepted.connect(chosen)
    dialog.open()


def report_lines(result: DocumentsResult) -> list[str]:
    lines = [tr("Added {added}, duplicates {duplicate}, failed {failed}.").format(
        added=len(result.added), duplicate=result.count("duplicate"),
        failed=result.count(FAILED))]
    refused = result.refused
    lines += [tr("Not added: {reason}").format(reason=f.line()) for f in refused[:REPORT_SHOWN]]
    if len(refused) > REPORT_SHOWN:
        lines.append(tr("… and {n} more").format(n=len(refused) - REPORT_SHOWN))
    return lines


def report(shell: Shell, result: DocumentsResult) -> None:
    """Everything added: a status line. Something refused: a box that says which and why
    (not modal: the person may go on working while reading it)."""
    lines = report_lines(result)
    shell.show_status(lines[0])
    if not result.refused:
        return
    box = QMessageBox(QMessageBox.Icon.Information, tr("Add Documents"), "\n".join(lines),
                      parent=shell.dialog_parent())
    box.setObjectName("add_documents_report")
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names are data, not markup
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
