"""Single entities and documents as plain values, for the dialogs and panes that show one.

Plain frozen values, not ORM objects: they cross threads safely and a widget holding one
cannot write to the case by accident.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import AuditEntry, Blob, Document, Entity


@dataclass(frozen=True)
class EntityRecord:
    id: str
    schema: str
    caption: str
    role: str | None
    properties: dict[str, list[str]]
    row_version: int = 1  # what an editor passes back (db.core.conflicts)

    def values(self, prop: str) -> list[str]:
        return list(self.properties.get(prop, []))


@dataclass(frozen=True)
class DocumentRecord:
    id: str
    title: str
    mime_type: str
    text: str
    pages: list[list[int]] | None
    sha256: str
    size: int
    source_id: str | None
    author: str | None
    published: str | None
    file_name: str | None
    url: str | None


def entity_record(found: Entity) -> EntityRecord:
    return EntityRecord(found.id, found.schema, found.caption, found.role,
                        {k: list(v) for k, v in (found.properties or {}).items()},
                        found.row_version)


def entity(session: Session, entity_id: str) -> EntityRecord | None:
    found = session.get(Entity, entity_id)
    return None if found is None else entity_record(found)


def existing_entities(session: Session, entity_ids: Iterable[str]) -> set[str]:
    """Which of these entities are (still) in the case."""
    ids = list(entity_ids)
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        found.update(session.scalars(select(Entity.id).where(
            Entity.id.in_(ids[start:start + 500]))))
    return found


def document(session: Session, document_id: str) -> DocumentRecord | None:
    found = session.get(Document, document_id)
    if found is None:
        return None
    return DocumentRecord(found.id, found.title, found.mime_type, found.text,
                          [list(p) for p in found.pages] if found.pages else None,
                          found.sha256, found.size, found.source_id, found.author,
                          found.published, found.file_name, found.url)


def document_exists(session: Session, document_id: str) -> bool:
    return session.scalar(select(Document.id).where(Document.id == document_id)) is not None


def blob(session: Session, sha256: str) -> bytes | None:
    """Original bytes stored under this SHA-256."""
    return session.scalar(select(Blob.data).where(Blob.sha256 == sha256))


def document_title(session: Session, document_id: str) -> str | None:
    return session.scalar(select(Document.title).where(Document.id == document_id))



def audit_length(session: Session) -> int:
    """How many changes the case's audit log records."""
    return session.scalar(select(func.count()).select_from(AuditEntry)) or 0
