"""Adding many documents at once: per-file outcomes, duplicates, cancel."""

from __future__ import annotations

import pytest

from db.core.progress import Cancelled, Progress
from db.models import Document
from db.reads import queries
from db.services.documents import add_documents, add_documents_command


@pytest.fixture
def files(tmp_path):
    (tmp_path / "a.txt").write_text("Renera bought a stake in JSC Kama.")
    (tmp_path / "b.md").write_text("# Note\n\nRosatom controls Enertech.")
    (tmp_path / "c.html").write_text("<html><head><title>Page</title></head>"
                                     "<body><p>Mosgortrans</p></body></html>")
    (tmp_path / "copy.txt").write_text("Renera bought a stake in JSC Kama.")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "mail.eml").write_text("From: a@example.org\nTo: b@example.org\n"
                                       "Subject: Batteries\n\nShipment delayed.\n")
    return [tmp_path / n for n in ("a.txt", "b.md", "c.html", "copy.txt", "broken.pdf",
                                   "image.png", "mail.eml", "missing.txt")]


def test_outcome_per_file(new_case, files):
    result = add_documents(new_case, files)
    status = {f.path.rsplit("/", 1)[1]: f.status for f in result.files}
    assert status == {"a.txt": "added", "b.md": "added", "c.html": "added",
                      "copy.txt": "duplicate", "broken.pdf": "failed", "image.png": "failed",
                      "mail.eml": "added", "missing.txt": "failed"}
    reasons = {f.path.rsplit("/", 1)[1]: f.reason for f in result.files}
    assert reasons["broken.pdf"].startswith("the PDF could not be read")
    assert reasons["image.png"] == ".png is not a supported type (PDF, HTML, TXT, MD, EML)"
    assert reasons["missing.txt"] == "cannot read: No such file or directory"
    assert result.files[3].document_id == result.files[0].document_id
    with new_case.session() as session:
        assert queries.counts(session).documents == 4
        titles = sorted(d.title for d in session.query(Document))
        assert titles == ["Batteries", "Page", "a", "b"]
    again = add_documents(new_case, files[:3])
    assert [f.status for f in again.files] == ["duplicate"] * 3


def test_cancel_writes_nothing(new_case, files):
    sha = new_case.file_sha256()
    calls = []
    progress = Progress(lambda *a: calls.append(a), lambda: len(calls) >= 2)
    with pytest.raises(Cancelled):
        add_documents(new_case, files, progress)
    assert new_case.file_sha256() == sha


def test_batch_is_one_undoable_step(new_case, files):
    command = add_documents_command(files[:3])
    command.do(new_case)
    command.undo(new_case)
    with new_case.session() as session:
        assert queries.counts(session).documents == 0


def test_add_documents_flow_is_one_undo_step(qtbot, sample, files):
    from PySide6.QtWidgets import QMainWindow

    from desktop.flows import sharing
    from desktop.shell.context import CaseContext

    window = QMainWindow()  # the flows need only a parent, a status bar and the context
    qtbot.addWidget(window)
    window.context = CaseContext(sample, window)

    def documents():
        with sample.session() as session:
            return queries.counts(session).documents

    sharing.add_documents(window, [str(p) for p in files[:3]])
    qtbot.waitUntil(lambda: documents() == 4, timeout=20000)
    qtbot.waitUntil(lambda: window.context.undo_stack.count() == 1, timeout=5000)
    assert window.statusBar().currentMessage() == "Added 3, duplicates 0, failed 0."
    window.context.undo_stack.undo()
    assert documents() == 1
