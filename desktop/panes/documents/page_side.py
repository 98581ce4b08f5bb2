"""The Pages side of the viewer: vet the file, then draw it with its claims on it.

Kept apart from the pane so that the pane says *when* (a document opened, claims
changed) and this says *how*: bytes → vetting on the thread pool → QtPdf or decoded
images, geometry and claim rectangles from the case, and the original file exported
as it is when it could not be shown safely.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from db.extract import IMAGE_MIMES, PAGED_MIMES
from db.reads.document_bytes import original_bytes
from db.reads.document_pages import claim_rects, page_geometry
from db.reads.records import DocumentRecord
from desktop.panes.documents.pdf_view import PdfPageView
from desktop.panes.documents.vetting import Verdict, vet


class PageSide(QObject):
    def __init__(self, view: PdfPageView, parent: QObject):
        super().__init__(parent)
        self.view = view
        self.context = None
        self.record: DocumentRecord | None = None
        self.data: bytes | None = None
        self.verdict: Verdict | None = None
        view.sig_export_requested.connect(self.export_original)

    @staticmethod
    def shows(mime_type: str) -> bool:
        return mime_type in PAGED_MIMES

    def open(self, context, record: DocumentRecord, text: str,
             data: bytes | None = None) -> None:
        """Start showing ``record``'s pages: vetting first, drawing when it passed."""
        self.context, self.record, self.verdict = context, record, None
        self.view.set_text(text)
        self.data = data if data is not None else context.case.read(original_bytes,
                                                                     record.id)
        self.view.show_checking()
        vet(self.view, record.sha256, record.mime_type, self.data, self._vetted)

    def close(self) -> None:
        self.record, self.data, self.verdict = None, None, None
        self.view.clear()

    def _vetted(self, verdict: Verdict) -> None:
        record = self.record
        if record is None or verdict.sha256 != record.sha256 or self.context is None:
            return  # another document was opened meanwhile
        self.verdict = verdict
        if not verdict.safe:
            self.view.show_unsafe(verdict.reason, record.sha256)
            return
        pages = self.context.case.read(page_geometry, record.id)
        if record.mime_type in IMAGE_MIMES:
            self.view.load_images(verdict.images, pages)
        elif not self.view.load_pdf(self.data or b"", pages):
            self.view.show_unsafe(self.tr("QtPdf could not read it"), record.sha256)
            return
        self.reload_claims()

    def reload_claims(self, current: str | None = None) -> None:
        if self.record is not None and self.context is not None and self.verdict:
            self.view.set_claims(self.context.case.read(claim_rects, self.record.id),
                                 current)

    def export_original(self) -> None:
        """Save the stored bytes exactly as they came in (nothing parses them)."""
        if self.record is None or self.data is None:
            return
        name = self.record.file_name or f"{self.record.sha256}.bin"
        path, _ = QFileDialog.getSaveFileName(self.view, self.tr("Export Original File"),
                                              str(Path.home() / name))
        if path:
            Path(path).write_bytes(self.data)
