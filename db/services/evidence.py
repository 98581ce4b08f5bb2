"""Sources, documents and claims: the evidence a case rests on."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy import select

from db.anchors import quote_selector
from db.core.transaction import Transaction
from db.extract import extract_safely
from db.models import Claim, ClaimTarget, Document, Entity, Event, Link, Source
from db.partial_date import normalise
from db.reads.document_pages import passage_rects
from db.schemata import CLAIM_STATUSES, RELIABILITY_GRADES, STANCES


def _check_reliability(value: str | None) -> None:
    if value is not None and value not in RELIABILITY_GRADES:
        raise ValueError(f"reliability is a grade A–F, not {value!r}")


def _check_credibility(value: int) -> None:
    if value not in range(1, 7):
        raise ValueError(f"credibility is a grade 1–6, not {value!r}")


# -- sources -------------------------------------------------------------------------------
def create_source(tx: Transaction, name: str, *, reliability: str = "F",
                  kind: str | None = None, url: str | None = None,
                  entity_id: str | None = None, notes: str | None = None,
                  source_id: str | None = None, origin: str | None = None) -> str:
    if not name.strip():
        raise ValueError("a source needs a name")
    _check_reliability(reliability)
    source = Source(name=name.strip(), reliability=reliability, kind=kind, url=url,
                    entity_id=entity_id, notes=notes, created_by=tx.author, origin=origin)
    if source_id:
        source.id = source_id
    tx.add(source)
    return source.id


def edit_source(tx: Transaction, source_id: str, **values: Any) -> str:
    source = tx.session.get(Source, source_id)
    if source is None:
        raise LookupError(f"no source with id {source_id}")
    _check_reliability(values.get("reliability"))
    tx.update(source, **values)
    return source_id


# -- documents ----------------------------------------------------------------------------
def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_document_by_hash(session, sha256: str) -> str | None:
    return session.scalar(select(Document.id).where(Document.sha256 == sha256).limit(1))


def add_document(tx: Transaction, file_name: str, data: bytes, *, title: str | None = None,
                 source_id: str | None = None, author: str | None = None,
                 published: str | None = None, retrieved: str | None = None,
                 url: str | None = None, text: str | None = None,
                 mime_type: str | None = None, document_id: str | None = None,
                 origin: str | None = None, pages: list[list[int]] | None = None,
                 properties: dict[str, Any] | None = None,
                 parent_id: str | None = None) -> str:
    """Store a document's original bytes, hash them and extract the text.

    ``text`` may be given when the text is known (a colleague's case); otherwise it is
    extracted in a limited child process (``db.extract.extract_safely``), raising
    ``ExtractionError`` with the reason.
    """
    published, retrieved = normalise(published), normalise(retrieved)
    digest = sha256_of(data)
    extracted_title = None
    if text is None:
        extracted = extract_safely(file_name, data)
        text, pages, mime_type = extracted.text, extracted.pages, extracted.mime_type
        extracted_title = extracted.title
    tx.add_blob(digest, data)
    document = Document(title=title or extracted_title or Path(file_name).stem,
                        source_id=source_id, author=author, published=published,
                        retrieved=retrieved, url=url, file_name=Path(file_name).name,
                        mime_type=mime_type or "text/plain", sha256=digest, size=len(data),
                        text=text, pages=pages, created_by=tx.author, origin=origin,
                        properties=properties or None, parent_id=parent_id)
    if document_id:
        document.id = document_id
    tx.add(document)
    return document.id


def edit_document(tx: Transaction, document_id: str, **values: Any) -> str:
    document = tx.session.get(Document, document_id)
    if document is None:
        raise LookupError(f"no document with id {document_id}")
    allowed = {"title", "source_id", "author", "published", "retrieved", "url"}
    if set(values) - allowed:
        raise ValueError(f"cannot edit {', '.join(sorted(set(values) - allowed))}")
    for key in ("published", "retrieved"):
        if key in values:
            values[key] = normalise(values[key])
    tx.update(document, **values)
    return document_id


def delete_document(tx: Transaction, document_id: str) -> str:
    document = tx.session.get(Document, document_id)
    if document is None:
        raise LookupError(f"no document with id {document_id}")
    tx.delete(document)
    return document_id


def page_of(document: Document, position: int) -> int | None:
    """1-based page holding character ``position``, for documents with pages."""
    for number, (start, end) in enumerate(document.pages or (), start=1):
        if start <= position <= end:
            return number
    return None


# -- claims -------------------------------------------------------------------------------
def create_claim(tx: Transaction, document_id: str, span_start: int, span_end: int, *,
                 statement: str = "", credibility: int = 6, reliability: str | None = None,
                 status: str = "unverified", rects: list[Any] | None = None,
                 source_id: str | None = None, claim_id: str | None = None, origin: str | None = None,
                 author: str | None = None) -> str:
    """A claim over an exact span of a document's text; the excerpt is cut from it.

    Cutting the excerpt from the stored text (rather than trusting what was typed) is
    what guarantees the quote is verbatim.
    """
    document = tx.session.get(Document, document_id)
    if document is None:
        raise LookupError(f"no document with id {document_id}")
    if not 0 <= span_start < span_end <= len(document.text):
        raise ValueError(f"span {span_start}–{span_end} is outside the document's text")
    excerpt = document.text[span_start:span_end]
    if not excerpt.strip():
        raise ValueError("the selected passage is empty")
    _check_credibility(credibility)
    _check_reliability(reliability)
    if status not in CLAIM_STATUSES:
        raise ValueError(f"status must be one of {', '.join(CLAIM_STATUSES)}")
    if rects is None:  # a passage on a PDF page or a scan: its rectangles, from word boxes
        rects = passage_rects(tx.session, document_id, span_start, span_end)
    claim = Claim(document_id=document_id, excerpt=excerpt, span_start=span_start,
                  span_end=span_end, page=page_of(document, span_start), rects=rects,
                  selector=quote_selector(document.text, span_start, span_end),
                  statement=statement, credibility=credibility, reliability=reliability,
                  status=status, source_id=source_id, author=author or tx.author,
                  origin=origin)
    if claim_id:
        claim.id = claim_id
    tx.add(claim)
    return claim.id


def create_claim_for_excerpt(tx: Transaction, document_id: str, excerpt: str,
                             occurrence: int = 0, **kwargs: Any) -> str:
    """A claim over the ``occurrence``-th place where ``excerpt`` appears verbatim."""
    document = tx.session.get(Document, document_id)
    if document is None:
        raise LookupError(f"no document with id {document_id}")
    start = -1
    for _ in range(occurrence + 1):
        start = document.text.find(excerpt, start + 1)
        if start < 0:
            raise ValueError(f"excerpt not found in {document.title!r}: {excerpt[:60]!r}")
    return create_claim(tx, document_id, start, start + len(excerpt), **kwargs)


def edit_claim(tx: Transaction, claim_id: str, expected_version: int | None = None,
               **values: Any) -> str:
    """Change a claim's statement, grades, status or source; ``expected_version`` is the
    row version the editor showed (``db.core.conflicts``)."""
    claim = tx.session.get(Claim, claim_id)
    if claim is None:
        raise LookupError(f"no claim with id {claim_id}")
    allowed = {"statement", "credibility", "reliability", "status", "source_id"}
    if set(values) - allowed:
        raise ValueError(f"cannot edit {', '.join(sorted(set(values) - allowed))} of a claim")
    if "credibility" in values:
        _check_credibility(values["credibility"])
    _check_reliability(values.get("reliability"))
    if "status" in values and values["status"] not in CLAIM_STATUSES:
        raise ValueError(f"status must be one of {', '.join(CLAIM_STATUSES)}")
    tx.update(claim, expected_version, **values)
    return claim_id


def delete_claim(tx: Transaction, claim_id: str) -> str:
    claim = tx.session.get(Claim, claim_id)
    if claim is None:
        raise LookupError(f"no claim with id {claim_id}")
    tx.delete(claim)
    return claim_id


def attach_claim(tx: Transaction, claim_id: str, *, link_id: str | None = None,
                 entity_id: str | None = None, prop: str | None = None,
                 value: str | None = None, event_id: str | None = None,
                 stance: str = "supports", target_id: str | None = None) -> str:
    """Say that a claim supports (or contradicts) a link, an entity fact or an event."""
    if stance not in STANCES:
        raise ValueError(f"stance must be one of {', '.join(STANCES)}")
    if sum(x is not None for x in (link_id, entity_id, event_id)) != 1:
        raise ValueError("a claim is attached to exactly one link, entity fact or event")
    if tx.session.get(Claim, claim_id) is None:
        raise LookupError(f"no claim with id {claim_id}")
    for model, key in ((Link, link_id), (Entity, entity_id), (Event, event_id)):
        if key is not None and tx.session.get(model, key) is None:
            raise LookupError(f"no {model.__tablename__[:-1]} with id {key}")
    target = ClaimTarget(claim_id=claim_id, stance=stance, link_id=link_id,
                         entity_id=entity_id, prop=prop, value=value, event_id=event_id)
    if target_id:
        target.id = target_id
    tx.add(target)
    return target.id


def detach_claim(tx: Transaction, target_id: str) -> str:
    target = tx.session.get(ClaimTarget, target_id)
    if target is None:
        raise LookupError(f"no claim attachment with id {target_id}")
    tx.delete(target)
    return target_id
