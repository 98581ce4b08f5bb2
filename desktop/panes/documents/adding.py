"""Adding files as documents: read, hash, refuse duplicates and unreadable files, store.

Runs in a worker (``desktop.shell.worker.run_task``): reading and extracting a large PDF can
take seconds. Every refused file gets a one-line reason; the accepted ones are stored by
ONE command, done in the worker, which the pane pushes on the undo stack so that Ctrl+Z
removes them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from db.core.casefile import CaseFile
from db.core.commands import Command
from db.core.progress import NO_PROGRESS, Progress
from db.extract import ExtractionError, extract
from db.models import Document
from db.services.evidence import add_document, find_document_by_hash, sha256_of

MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass
class AddOutcome:
    command: Command | None = None
    added: list[str] = field(default_factory=list)  # document ids, in order
    refused: list[str] = field(default_factory=list)  # "name: reason", one line each


def add_files(case: CaseFile, paths: list[str], label: str,
              progress: Progress = NO_PROGRESS) -> AddOutcome:
    """Store the readable, new files among ``paths`` as documents (one command)."""
    outcome = AddOutcome()
    accepted = []
    seen: set[str] = set()
    total = len(paths)
    for number, path in enumerate(paths):
        name = Path(path).name
        progress.step(number, total, name)
        try:
            size = Path(path).stat().st_size
            if size > MAX_FILE_BYTES:
                raise ExtractionError(f"larger than {MAX_FILE_BYTES // 2**20} MB")
            data = Path(path).read_bytes()
        except OSError as error:
            outcome.refused.append(f"{name}: {error.strerror or error}")
            continue
        except ExtractionError as error:
            outcome.refused.append(f"{name}: {error}")
            continue
        digest = sha256_of(data)
        with case.session() as session:
            existing = find_document_by_hash(session, digest)
            existing_title = session.get(Document, existing).title if existing else None
        if existing_title is not None or digest in seen:
            outcome.refused.append(f"{name}: already in the case"
                                   + (f" as “{existing_title}”" if existing_title else ""))
            continue
        try:
            extracted = extract(name, data)
        except ExtractionError as error:
            outcome.refused.append(f"{name}: {error}")
            continue
        if not extracted.text.strip():
            outcome.refused.append(f"{name}: no text could be extracted (a scanned image?)")
            continue
        seen.add(digest)
        accepted.append((name, data, extracted))
    progress.step(total, total, "")
    if not accepted:
        return outcome

    def store(tx) -> list[str]:  # noqa: ANN001
        ids = []
        for name, data, extracted in accepted:
            document_id = add_document(tx, name, data, text=extracted.text,
                                       mime_type=extracted.mime_type,
                                       title=extracted.title or None)
            if extracted.pages:
                tx.update(tx.session.get(Document, document_id), pages=extracted.pages)
            ids.append(document_id)
        return ids

    command = Command(label, store)
    command.do(case)
    outcome.command = command
    outcome.added = list(command.result)
    return outcome
