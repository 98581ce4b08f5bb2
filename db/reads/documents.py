"""Read queries of the documents pane and the new-claim dialog.

The row a document has in the list (``document_list`` reads them a page at a time), the
claims located in one document (for highlighting), the sources to choose from and the
links between the entities a passage names (to attach a claim to an existing link).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from db.models import Claim, Document, Entity, Link, Source
from db.reads import records
from db.reads.records import DocumentRecord
from db.schemata import grade, link_schema

PDF_MIME = "application/pdf"


@dataclass(frozen=True)
class DocumentRow:
    id: str
    title: str
    source: str
    published: str
    reliability: str
    claims: int
    mime_type: str
    file_name: str
    size: int


@dataclass(frozen=True)
class ClaimSpan:
    id: str
    start: int
    end: int
    status: str
    statement: str
    grade: str
    source: str


def claim_spans(session: Session, document_id: str) -> list[ClaimSpan]:
    """The claims quoting a document, in text order, with their grade and source."""
    document = session.get(Document, document_id)
    default_source = session.get(Source, document.source_id) if document and \
        document.source_id else None
    sources = {s.id: s for s in session.scalars(select(Source).where(Source.id.in_(
        select(Claim.source_id).where(Claim.document_id == document_id))))}
    spans = []
    for claim in session.scalars(select(Claim).where(Claim.document_id == document_id)
                                 .order_by(Claim.span_start)):
        source = sources.get(claim.source_id or "") or default_source
        reliability = claim.reliability or (source.reliability if source else None)
        spans.append(ClaimSpan(claim.id, claim.span_start, claim.span_end, claim.status,
                               claim.statement, grade(reliability, claim.credibility),
                               source.name if source else ""))
    return spans


@dataclass(frozen=True)
class DocumentView:
    """What the viewer needs to open a document: the record, its claims, and for a PDF
    its original bytes (the page view renders them)."""

    document: DocumentRecord
    claims: list[ClaimSpan]
    pdf_bytes: bytes | None


def document_view(session: Session, document_id: str) -> DocumentView | None:
    document = records.document(session, document_id)
    if document is None:
        return None
    data = records.blob(session, document.sha256) if document.mime_type == PDF_MIME else None
    return DocumentView(document, claim_spans(session, document_id), data)


def document_of_claim(session: Session, claim_id: str) -> tuple[str, int, int] | None:
    row = session.execute(select(Claim.document_id, Claim.span_start, Claim.span_end)
                          .where(Claim.id == claim_id)).first()
    return None if row is None else (row[0], row[1], row[2])


def sources(session: Session) -> list[tuple[str, str, str]]:
    """(id, name, reliability) of every source, by name."""
    return [tuple(r) for r in session.execute(
        select(Source.id, Source.name, Source.reliability).order_by(Source.name))]


@dataclass(frozen=True)
class LinkChoice:
    id: str
    schema: str
    source_id: str
    target_id: str
    text: str  # "Renera owns JSC Kama (2022–)"


def links_between(session: Session, entity_ids: list[str], limit: int = 50
                  ) -> list[LinkChoice]:
    """Links touching the given entities; links between two of them first."""
    if not entity_ids:
        return []
    source, target = aliased(Entity), aliased(Entity)
    rows = session.execute(
        select(Link.id, Link.schema, Link.source_id, Link.target_id, source.caption,
               target.caption, Link.start_date,
               Link.end_date, Link.source_id.in_(entity_ids) & Link.target_id.in_(entity_ids))
        .join(source, source.id == Link.source_id).join(target, target.id == Link.target_id)
        .where(or_(Link.source_id.in_(entity_ids), Link.target_id.in_(entity_ids)))
        .limit(limit)).all()
    rows.sort(key=lambda r: (not r[8], r[4], r[5]))
    result = []
    for link_id, schema, source_id, target_id, a, b, start, end, _both in rows:
        dates = f" ({start or '…'}–{end or ''})" if start or end else ""
        result.append(LinkChoice(link_id, schema, source_id, target_id,
                                 f"{a} {link_schema(schema).label} {b}{dates}"))
    return result

