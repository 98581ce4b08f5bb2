"""Add many documents at once: PDF, HTML, plain text, Markdown, e-mail.

One transaction for the whole batch (one undoable step; Cancel leaves nothing behind).
Each file gets its own outcome — added, duplicate (same SHA-256 as a document already
in the case or earlier in the batch) or failed with a one-line reason — so one broken
PDF does not stop the other ninety-nine.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.core.commands import Command
from db.core.progress import NO_PROGRESS, Progress
from db.core.transaction import Transaction
from db.extract import ExtractionError
from db.services.evidence import add_document, find_document_by_hash, sha256_of

if TYPE_CHECKING:
    from db.core.casefile import CaseFile

SUPPORTED = (".pdf", ".html", ".htm", ".txt", ".text", ".md", ".markdown", ".eml")


@dataclass
class FileOutcome:
    path: str
    status: str  # "added", "duplicate" or "failed"
    document_id: str | None = None  # the new document, or the one it duplicates
    reason: str | None = None


@dataclass
class DocumentsResult:
    files: list[FileOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    def to_dict(self) -> dict[str, Any]:
        return {"added": self.count("added"), "duplicate": self.count("duplicate"),
                "failed": self.count("failed"), "files": [asdict(f) for f in self.files]}


def _add_all(tx: Transaction, paths: list[Path], progress: Progress,
             source_id: str | None) -> DocumentsResult:
    result = DocumentsResult()
    seen: dict[str, str] = {}
    for number, path in enumerate(paths):
        progress.step(number, len(paths), f"Adding {path.name}")
        if path.suffix.lower() not in SUPPORTED:
            result.files.append(FileOutcome(str(path), "failed", reason=(
                f"{path.suffix or 'files without an extension'} is not a supported type "
                "(PDF, HTML, TXT, MD, EML)")))
            continue
        try:
            data = path.read_bytes()
        except OSError as error:
            result.files.append(FileOutcome(str(path), "failed",
                                            reason=f"cannot read: {error.strerror}"))
            continue
        digest = sha256_of(data)
        duplicate = seen.get(digest) or find_document_by_hash(tx.session, digest)
        if duplicate:
            result.files.append(FileOutcome(str(path), "duplicate", duplicate,
                                            "same content (SHA-256) as a document in the case"))
            continue
        try:
            document_id = add_document(tx, path.name, data, source_id=source_id)
        except ExtractionError as error:
            result.files.append(FileOutcome(str(path), "failed", reason=str(error)))
            continue
        seen[digest] = document_id
        result.files.append(FileOutcome(str(path), "added", document_id))
    progress.step(len(paths), len(paths), "Done")
    return result


def add_documents_command(paths: list[str | Path], progress: Progress = NO_PROGRESS,
                          source_id: str | None = None) -> Command:
    """The batch as one undoable command; its ``result`` is a ``DocumentsResult``."""
    files = [Path(p) for p in paths]
    label = f"Add {len(files)} documents" if len(files) != 1 else f"Add {files[0].name}"
    return Command(label, lambda tx: _add_all(tx, files, progress, source_id))


def add_documents(case: CaseFile, paths: list[str | Path], progress: Progress = NO_PROGRESS,
                  source_id: str | None = None) -> DocumentsResult:
    """Add ``paths`` in one transaction; raises ``Cancelled`` (nothing written) on cancel."""
    command = add_documents_command(paths, progress, source_id)
    command.do(case)
    return command.result
