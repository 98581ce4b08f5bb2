"""Documents inside documents: the container a document came in (an e-mail, an mbox, a
web archive) and the documents it holds (attachments, messages, captured pages)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Document

MAX_LISTED = 50


@dataclass(frozen=True)
class Family:
    parent: tuple[str, str] | None  # (id, title)
    children: list[tuple[str, str]]  # (id, title), by file name
    more_children: int  # beyond those listed


def document_family(session: Session, document_id: str) -> Family:
    parent_id = session.scalar(select(Document.parent_id).where(Document.id == document_id))
    parent = None
    if parent_id:
        title = session.scalar(select(Document.title).where(Document.id == parent_id))
        parent = (parent_id, title or "")
    rows = session.execute(select(Document.id, Document.title)
                           .where(Document.parent_id == document_id)
                           .order_by(Document.file_name, Document.id)
                           .limit(MAX_LISTED + 1)).all()
    children = [(r[0], r[1]) for r in rows[:MAX_LISTED]]
    more = 0
    if len(rows) > MAX_LISTED:
        more = (session.scalar(select(func.count()).select_from(Document)
                               .where(Document.parent_id == document_id)) or 0) - MAX_LISTED
    return Family(parent, children, more)
