"""Import, export, merge and add-documents flows (File menu).

Each flow: ask for the file(s) with a dialog, show a preview / mapping / review dialog
(``desktop/dialogs/``), then run the db work off the GUI thread with
``desktop.worker.run_task`` (progress + Cancel), and push the resulting
``db.commands.Command`` with ``window.context.push_done(command)`` so it is one undoable
step. Messages for the person: one line, through ``QMessageBox`` or the status bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("Sharing", text)


def _not_yet(window: MainWindow, what: str) -> None:
    QMessageBox.information(window, what, tr("{what} is not available yet.").format(what=what))


def import_file(window: MainWindow) -> None:
    _not_yet(window, tr("Import"))


def export_case(window: MainWindow) -> None:
    _not_yet(window, tr("Export"))


def merge_case(window: MainWindow) -> None:
    _not_yet(window, tr("Merge"))


def add_documents(window: MainWindow, paths: list[str] | None = None) -> None:
    _not_yet(window, tr("Add documents"))
