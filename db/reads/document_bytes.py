"""A document's original bytes, for viewers that show the file as it was (not its text).

The extracted ``Document.text`` is what claims point into; the original file (kept once
in ``Blob`` by its SHA-256) is what a rendered view shows: a PDF's pages, an HTML page.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.extract import decode_text
from db.models import Blob, Document


def original_bytes(session: Session, document_id: str) -> bytes:
    """The bytes the document was added from; LookupError when there is no such document."""
    data = session.execute(
        select(Blob.data).join(Document, Document.sha256 == Blob.sha256)
        .where(Document.id == document_id)).scalar_one_or_none()
    if data is None:
        raise LookupError(f"no stored file for document {document_id}")
    return data


def original_text(session: Session, document_id: str) -> str:
    """The original file decoded as text (encoding detected as when it was extracted)."""
    return decode_text(original_bytes(session, document_id))
