"""Adding files as documents — the one path every caller takes: File ▸ Add Documents,
the documents pane's button and drops, batch folders, and the CLI.

Each file is read, hashed and its text extracted *before* anything is written (reading a
large PDF can take seconds, and a write transaction should not wait on it); then every
accepted file is stored by ONE command, so Ctrl+Z removes them all and Cancel leaves
nothing behind. Every file gets its own outcome — added, duplicate (same SHA-256 as a
document already in the case or earlier in the batch) or failed with a one-line reason —
so one broken PDF does not stop the other ninety-nine.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.core.commands import Command
from db.core.progress import NO_PROGRESS, Progress
from db.core.transaction import Transaction
from db.extract import (
    Attached,
    Extracted,
    ExtractionError,
    Limits,
    extract_safely,
)
from db.extract.isolated import DEFAULT_LIMITS
from db.extract.ocr import DEFAULT_LANGUAGES, recognise
from db.models import Document, DocumentPage
from db.services.evidence import add_document, find_document_by_hash, sha256_of

if TYPE_CHECKING:
    from db.core.casefile import CaseFile

MAX_FILE_BYTES = 200 * 1024 * 1024
ADDED, DUPLICATE, FAILED = "added", "duplicate", "failed"


@dataclass
class FileOutcome:
    path: str
    status: str  # ADDED, DUPLICATE or FAILED
    document_id: str | None = None  # the new document, or the one it duplicates
    reason: str | None = None

    @property
    def name(self) -> str:
        return Path(self.path).name

    def line(self) -> str:
        """"name: reason" — what to tell the person about a file not added."""
        return f"{self.name}: {self.reason}"


@dataclass
class DocumentsResult:
    files: list[FileOutcome] = field(default_factory=list)
    # The undoable command that stored the added files; None when nothing was added.
    command: Command | None = None
    copies: list[tuple[FileOutcome, FileOutcome]] = field(default_factory=list, repr=False)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def added(self) -> list[str]:
        """Ids of the new documents, in the order the files were given."""
        return [f.document_id for f in self.files if f.status == ADDED and f.document_id]

    @property
    def refused(self) -> list[FileOutcome]:
        return [f for f in self.files if f.status != ADDED]

    def to_dict(self) -> dict[str, Any]:
        return {"added": self.count(ADDED), "duplicate": self.count(DUPLICATE),
                "failed": self.count(FAILED),
                "files": [asdict(f) for f in self.files]}


@dataclass
class _Accepted:
    outcome: FileOutcome
    data: bytes
    extracted: Extracted


def _read(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ExtractionError(f"{size / 2**20:.0f} MB: larger than the "
                              f"{MAX_FILE_BYTES / 2**20:.0f} MB a document may have")
    return path.read_bytes()


@dataclass
class _Intake:
    """How files are read: the child's limits and the languages OCR reads scans in."""

    limits: Limits = DEFAULT_LIMITS
    ocr_languages: tuple[str, ...] = DEFAULT_LANGUAGES


class _PageProgress(Progress):
    """OCR's page steps shown as the text of the batch's current file step."""

    def __init__(self, outer: Progress, number: int, total: int):
        super().__init__()
        self.outer, self.number, self.total = outer, number, total

    def step(self, done: int, total: int, text: str = "") -> None:
        self.outer.step(self.number, self.total, text)


def _read_text(path: Path, data: bytes, intake: _Intake, progress: Progress) -> Extracted:
    """The file's text, read in the isolated child; a scan is OCR'd page by page."""
    extracted = extract_safely(path.name, data, intake.limits)
    if extracted.needs_ocr:
        try:
            extracted = recognise(path.name, data, extracted, list(intake.ocr_languages),
                                  progress)
        except ExtractionError as error:
            if extracted.text.strip():  # some pages have text: keep them, say what was not
                extracted.properties["ocrNotDone"] = [str(error)]
                return extracted
            raise ExtractionError(f"a scan without a text layer: {error}") from error
        if not extracted.text.strip():
            raise ExtractionError("a scan in which OCR found no text "
                                  f"(languages {'+'.join(intake.ocr_languages)})")
    return extracted


def _prepare(case: CaseFile, paths: list[Path], progress: Progress,
             result: DocumentsResult, intake: _Intake) -> list[_Accepted]:
    accepted: list[_Accepted] = []
    seen: dict[str, FileOutcome] = {}
    copies: list[tuple[FileOutcome, FileOutcome]] = []  # (a later copy, the first one)
    for number, path in enumerate(paths):
        progress.step(number, len(paths), f"Reading {path.name}")
        outcome = FileOutcome(str(path), FAILED)
        result.files.append(outcome)
        try:
            data = _read(path)
        except OSError as error:
            outcome.reason = f"cannot read: {error.strerror or error}"
            continue
        except ExtractionError as error:
            outcome.reason = str(error)
            continue
        digest = sha256_of(data)
        with case.session() as session:
            existing = find_document_by_hash(session, digest)
            title = session.get(Document, existing).title if existing else None
        if existing or digest in seen:
            outcome.status, outcome.document_id = DUPLICATE, existing
            if title:
                outcome.reason = f"already in the case as “{title}”"
            else:
                outcome.reason = f"the same file as {seen[digest].name}"
                copies.append((outcome, seen[digest]))
            continue
        try:
            extracted = _read_text(path, data, intake,
                                   _PageProgress(progress, number, len(paths)))
        except ExtractionError as error:
            outcome.reason = str(error)
            continue
        if not extracted.text.strip():
            outcome.reason = "no text could be extracted (a scanned image?)"
            continue
        seen[digest] = outcome
        accepted.append(_Accepted(outcome, data, extracted))
    progress.step(len(paths), len(paths), "")
    result.copies = copies
    return accepted


def _store(tx: Transaction, accepted: list[_Accepted], source_id: str | None) -> list[str]:
    ids = []
    for item in accepted:
        item.outcome.document_id = store_extracted(
            tx, Attached(item.outcome.name, item.data, item.extracted), source_id)
        item.outcome.status = ADDED
        ids.append(item.outcome.document_id)
    return ids


def store_extracted(tx: Transaction, item: Attached, source_id: str | None,
                    parent_id: str | None = None) -> str:
    """One document, its pages' geometry, and the documents inside it (attachments,
    captured pages) linked to it by ``parent_id``; a copy of a document already in the
    case is not stored twice."""
    extracted = item.extracted
    document_id = add_document(
        tx, item.file_name, item.data, text=extracted.text, mime_type=extracted.mime_type,
        pages=extracted.pages, title=extracted.title or None, source_id=source_id,
        url=item.url, retrieved=item.retrieved, properties=extracted.properties or None,
        parent_id=parent_id)
    for page in extracted.geometry:
        tx.add(DocumentPage(document_id=document_id, page=page.page, width=page.width,
                            height=page.height, source=page.source, boxes=page.boxes))
    for child in extracted.children:
        if not child.extracted.text.strip():
            continue
        if find_document_by_hash(tx.session, sha256_of(child.data)) is None:
            store_extracted(tx, child, source_id, document_id)
    return document_id


def files_in(paths: list[str | Path]) -> list[Path]:
    """The files named, with the folders named replaced by the files inside them (a batch
    folder), in name order, hidden files skipped."""
    found: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            found += sorted(p for p in given.rglob("*") if p.is_file()
                            and not any(part.startswith(".")
                                        for part in p.relative_to(given).parts))
        else:
            found.append(given)
    return found


def add_files(case: CaseFile, paths: list[str | Path], progress: Progress = NO_PROGRESS,
              source_id: str | None = None, label: str | None = None,
              ocr_languages: list[str] | tuple[str, ...] | None = None,
              limits: Limits = DEFAULT_LIMITS) -> DocumentsResult:
    """Store the readable, new files among ``paths`` as documents, in one command.

    Every file is parsed in a limited child process (``limits``); a scan without a text
    layer is read by OCR in ``ocr_languages`` (Tesseract names: "eng", "rus", …).

    Raises ``Cancelled`` (nothing written) when the person cancels. The result's
    ``command`` is done already: the GUI pushes it on the undo stack.
    """
    files = [Path(p) for p in paths]
    result = DocumentsResult()
    intake = _Intake(limits, tuple(ocr_languages or DEFAULT_LANGUAGES))
    accepted = _prepare(case, files, progress, result, intake)
    if not accepted:
        return result
    if label is None:
        label = (f"Add document {accepted[0].outcome.name}" if len(accepted) == 1
                 else f"Add {len(accepted)} documents")
    command = Command(label, lambda tx: _store(tx, accepted, source_id))
    command.do(case)
    result.command = command
    for copy, first in result.copies:
        copy.document_id = first.document_id  # a later copy in the batch names the stored one
    return result
