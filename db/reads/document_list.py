"""The documents list as the documents pane reads it: ordered ids, then a page of rows.

A case may hold tens of thousands of documents. Ordering them all (by source name or by
how many claims quote them) is a full scan, so, as for the entity list, the work is split:
``ordered_document_ids`` answers only the ids in the chosen order — sorted by SQL, run
off the GUI thread by the pane — and ``document_rows_by_id`` reads one page of rows by
primary key (claim counts grouped over just those ids), a few milliseconds at any size.
"""

from __future__ import annotations

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from db.models import Claim, Document, Source
from db.reads.documents import DocumentRow
from db.wording import translate

SORT_TITLE, SORT_SOURCE, SORT_PUBLISHED, SORT_GRADE, SORT_CLAIMS, SORT_KIND = (
    "title", "source", "published", "grade", "claims", "kind")
SORT_KEYS = (SORT_TITLE, SORT_SOURCE, SORT_PUBLISHED, SORT_GRADE, SORT_CLAIMS, SORT_KIND)

KINDS = {"application/pdf": "PDF", "text/html": "HTML", "message/rfc822": "E-mail",
         "application/mbox": "Mailbox", "multipart/related": "MHTML",
         "application/warc": "Web archive",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel"}
PAGE = 500  # ids per IN (…) query


def kind_of(mime_type: str) -> str:
    """What kind of document a MIME type is, in one word (the list's Kind column)."""
    if mime_type.startswith("image/"):
        return "Scan"
    return KINDS.get(mime_type, "Text")


def kind_text(mime_type: str) -> str:
    """The kind as shown, in the interface's language ("Scan", "Text" …); sorting uses
    ``kind_of``'s English word."""
    return translate("DocumentKind", kind_of(mime_type))


def document_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Document)) or 0


def _sort_key(sort: str):
    if sort == SORT_TITLE:
        return func.lower(Document.title), None
    if sort == SORT_SOURCE:
        return func.lower(func.coalesce(Source.name, "")), Source
    if sort == SORT_GRADE:
        return func.coalesce(Source.reliability, ""), Source
    if sort == SORT_CLAIMS:
        counts = (select(Claim.document_id, func.count().label("n"))
                  .group_by(Claim.document_id).subquery())
        return func.coalesce(counts.c.n, 0), counts
    if sort == SORT_KIND:
        mime = func.coalesce(Document.mime_type, "")
        return case((mime.like("image/%"), "Scan"),
                    *((mime == m, kind) for m, kind in KINDS.items()), else_="Text"), None
    return func.coalesce(Document.published, ""), None


def ordered_document_ids(session: Session, sort: str = SORT_PUBLISHED,
                         descending: bool = True) -> list[str]:
    """Every document's id in list order: by ``sort``, then newest published, then title
    (a full scan: run it off the GUI thread on a big case)."""
    key, join = _sort_key(sort)
    query = select(Document.id)
    if join is Source:
        query = query.outerjoin(Source, Source.id == Document.source_id)
    elif join is not None:
        query = query.outerjoin(join, join.c.document_id == Document.id)
    ordered = key.desc() if descending else key.asc()
    published = func.coalesce(Document.published, "")
    return list(session.scalars(query.order_by(
        ordered, published.desc(), func.lower(Document.title), Document.id)))


def document_rows_by_id(session: Session, document_ids: list[str]) -> list[DocumentRow]:
    """The list rows of these documents, in the order given (deleted ones left out)."""
    found: list[DocumentRow] = []
    for start in range(0, len(document_ids), PAGE):
        chunk = document_ids[start:start + PAGE]
        claims = dict(session.execute(
            select(Claim.document_id, func.count()).where(Claim.document_id.in_(chunk))
            .group_by(Claim.document_id)).all())
        rows = {r[0]: r for r in session.execute(
            select(Document.id, Document.title, Source.name, Document.published,
                   Source.reliability, Document.mime_type, Document.file_name, Document.size)
            .outerjoin(Source, Source.id == Document.source_id)
            .where(Document.id.in_(chunk)))}
        found += [DocumentRow(r[0], r[1], r[2] or "", r[3] or "", r[4] or "",
                              claims.get(r[0], 0), r[5] or "", r[6] or "", r[7] or 0)
                  for r in (rows.get(i) for i in chunk) if r is not None]
    return found
