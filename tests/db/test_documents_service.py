"""Adding documents — the one path every caller takes: per-file outcomes, duplicates,
cancel, one undoable step."""

from __future__ import annotations

import pytest

from db.core.progress import Cancelled, Progress
from db.models import Document
from db.reads import queries
from db.services.documents import MAX_FILE_BYTES, add_files

# Service-level: each test runs on a case file and on a team case (PostgreSQL).
pytestmark = pytest.mark.backends("sqlite", "postgresql")


def test_outcome_per_file(new_case, files):
    result = add_files(new_case, files)
    status = {f.path.rsplit("/", 1)[1]: f.status for f in result.files}
    assert status == {"a.txt": "added", "b.md": "added", "c.html": "added",
                      "copy.txt": "duplicate", "broken.pdf": "failed", "image.png": "failed",
                      "mail.eml": "added", "missing.txt": "failed"}
    reasons = {f.path.rsplit("/", 1)[1]: f.reason for f in result.files}
    assert reasons["broken.pdf"].startswith("the PDF could not be read")
    assert reasons["image.png"] == "the image could not be read (broken, or of an unknown kind)"
    assert reasons["copy.txt"] == "the same file as a.txt"
    assert reasons["missing.txt"] == "cannot read: No such file or directory"
    assert result.files[3].document_id == result.files[0].document_id
    with new_case.session() as session:
        assert queries.counts(session).documents == 4
        titles = sorted(d.title for d in session.query(Document))
        assert titles == ["Batteries", "Page", "a", "b"]
    again = add_files(new_case, files[:3])
    assert [f.status for f in again.files] == ["duplicate"] * 3
    assert again.command is None and again.files[0].reason == "already in the case as “a”"


def test_cancel_writes_nothing(new_case, files):
    sha = new_case.file_sha256()
    calls = []
    progress = Progress(lambda *a: calls.append(a), lambda: len(calls) >= 2)
    with pytest.raises(Cancelled):
        add_files(new_case, files, progress)
    assert new_case.file_sha256() == sha


def test_batch_is_one_undoable_step(new_case, files):
    result = add_files(new_case, files[:3])
    assert result.command.label == "Add 3 documents"
    result.command.undo(new_case)
    assert new_case.read(queries.counts).documents == 0
    result.command.do(new_case)  # redo brings back the same documents
    assert new_case.read(queries.counts).documents == 3


def test_empty_scanned_and_oversized_files_are_refused(new_case, tmp_path, monkeypatch):
    import db.services.documents as documents

    (tmp_path / "blank.txt").write_text("   \n")
    (tmp_path / "big.txt").write_text("x" * (3 * 2**20))
    monkeypatch.setattr(documents, "MAX_FILE_BYTES", 2**20)
    result = add_files(new_case, [tmp_path / "blank.txt", tmp_path / "big.txt"])
    assert [f.reason for f in result.files] == [
        "no text could be extracted (a scanned image?)",
        "3 MB: larger than the 1 MB a document may have"]
    assert result.command is None and MAX_FILE_BYTES == 200 * 1024 * 1024


