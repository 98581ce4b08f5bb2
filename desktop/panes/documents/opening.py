"""Reading a document to open off the GUI thread: the first document of a big case.

On opening a case the documents pane shows the first listed document. Its text, its
claims (the highlights) and its family are read here, on the worker, while the other
panes load; the GUI thread only lays the text out. A newer request or a close makes an
older answer stale (a generation number).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from db.reads import documents as views
from db.reads.document_family import document_family
from desktop.shell.worker import run_task


@dataclass(frozen=True)
class ReadDocument:
    """What the viewer shows of one document, read in one go."""

    document_id: str
    view: object  # views.DocumentView
    family: object  # db.reads.document_family's answer


def read_document(case, document_id: str) -> ReadDocument | None:
    """The document's view and family (None: it is gone)."""
    view = case.read(views.document_view, document_id)
    if view is None:
        return None
    return ReadDocument(document_id, view, case.read(document_family, document_id))


class DocumentReader(QObject):
    """Runs ``read_document`` on the worker; ``sig_read`` brings the answer back."""

    sig_read = Signal(object)  # ReadDocument | None

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pending: str | None = None  # the document being read
        self._generation = 0

    def read(self, case, document_id: str) -> None:
        self._generation += 1
        generation = self._generation
        self.pending = document_id
        run_task(None, "", lambda _progress: read_document(case, document_id),
                 lambda result: self._done(generation, result),
                 on_error=lambda _message: self._done(generation, None),
                 show_progress=False)

    def cancel(self) -> None:
        self._generation += 1
        self.pending = None

    def _done(self, generation: int, result: ReadDocument | None) -> None:
        if generation != self._generation:
            return
        self.pending = None
        self.sig_read.emit(result)
