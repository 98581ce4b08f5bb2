"""Print, print preview and PDF export of evidence summaries (File menu, entity menus).

Builds the report for the whole case or for one entity, renders it off the GUI thread
where it is big, and hands it to QPrintDialog / QPrintPreviewDialog / a PDF file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("Reporting", text)


def _not_yet(window: MainWindow) -> None:
    QMessageBox.information(window, tr("Evidence summary"), tr("Reports are not available yet."))


def print_summary(window: MainWindow, entity_id: str | None = None) -> None:
    _not_yet(window)


def preview_summary(window: MainWindow, entity_id: str | None = None) -> None:
    _not_yet(window)


def export_summary_pdf(window: MainWindow, entity_id: str | None = None) -> None:
    _not_yet(window)
