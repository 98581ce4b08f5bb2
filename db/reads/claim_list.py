"""The claims table, the unsourced-links list and the claim editor's look-ups.

A claim's grade joins its own reliability override (or its source's, or its document's
source's) with its credibility; what it supports is spelled out ("supports: Rosatom
controls Enertech") so the table reads without opening anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from db.models import Claim, ClaimTarget, Document, Entity, Event, Link, Source
from db.reads.provenance import Provenance, provenance_book
from db.schemata import grade
from db.wording import Stake, about_text, fact_text, link_label


@dataclass(frozen=True)
class ClaimRow:
    id: str
    excerpt: str
    statement: str
    source_id: str | None
    source: str | None
    reliability: str  # effective: the override, else the source's; "F" when unknown
    reliability_override: str | None
    credibility: int
    grade: str
    status: str
    about: tuple[str, ...]  # "supports: Rosatom controls Enertech", …
    document_id: str
    document: str
    span_start: int
    span_end: int
    provenance: Provenance = Provenance("", "", None)  # who made it, from which case
    row_version: int = 1  # what an editor passes back (db.core.conflicts)

    @property
    def by(self) -> str:
        return self.provenance.author


@dataclass(frozen=True)
class TargetRow:
    """One thing a claim is attached to."""

    id: str  # the ClaimTarget id (detach by it)
    stance: str
    text: str


@dataclass(frozen=True)
class LinkRow:
    id: str
    schema: str
    label: str
    source_id: str
    target_id: str
    stake: Stake


def _link_rows(session: Session, condition, limit: int | None = None) -> list[LinkRow]:
    src, dst = aliased(Entity), aliased(Entity)
    rows = session.execute(
        select(Link, src.caption, dst.caption)
        .join(src, src.id == Link.source_id).join(dst, dst.id == Link.target_id)
        .where(condition).order_by(src.caption, Link.schema, dst.caption).limit(limit))
    return [LinkRow(link.id, link.schema, link_label(link.schema, a, b), link.source_id,
                    link.target_id, Stake.of(link))
            for link, a, b in rows]


def target_texts(session: Session, claim_ids: list[str] | None = None) -> dict[str, list[TargetRow]]:
    """claim id → what it supports or contradicts, as readable lines."""
    src, dst = aliased(Entity), aliased(Entity)
    fact = aliased(Entity)
    query = (select(ClaimTarget, Link.schema, src.caption, dst.caption, fact.caption, Event.title)
             .outerjoin(Link, Link.id == ClaimTarget.link_id)
             .outerjoin(src, src.id == Link.source_id).outerjoin(dst, dst.id == Link.target_id)
             .outerjoin(fact, fact.id == ClaimTarget.entity_id)
             .outerjoin(Event, Event.id == ClaimTarget.event_id))
    if claim_ids is not None:
        query = query.where(ClaimTarget.claim_id.in_(claim_ids))
    found: dict[str, list[TargetRow]] = {}
    for target, schema, a, b, entity, event in session.execute(query):
        if target.link_id:
            text = link_label(schema, a, b)
        elif target.entity_id:
            text = fact_text(entity, target.prop, target.value) if target.prop else entity
        else:
            text = event or ""
        found.setdefault(target.claim_id, []).append(TargetRow(target.id, target.stance, text))
    return found


def claim_rows(session: Session, claim_ids: list[str] | None = None) -> list[ClaimRow]:
    """All claims (or these), in document order."""
    own, doc_source = aliased(Source), aliased(Source)
    query = (select(Claim, Document.title, own, doc_source)
             .join(Document, Document.id == Claim.document_id)
             .outerjoin(own, own.id == Claim.source_id)
             .outerjoin(doc_source, doc_source.id == Document.source_id)
             .order_by(Document.title, Claim.span_start))
    if claim_ids is not None:
        query = query.where(Claim.id.in_(claim_ids))
    targets = target_texts(session, claim_ids)
    book = provenance_book(session)
    rows: list[ClaimRow] = []
    for claim, title, source_own, source_doc in session.execute(query):
        source = source_own or source_doc
        reliability = claim.reliability or (source.reliability if source else None) or "F"
        about = tuple(about_text(t.stance, t.text) for t in targets.get(claim.id, ()))
        rows.append(ClaimRow(claim.id, claim.excerpt, claim.statement or "",
                             source.id if source else None, source.name if source else None,
                             reliability, claim.reliability, claim.credibility,
                             grade(reliability, claim.credibility), claim.status, about,
                             claim.document_id, title, claim.span_start, claim.span_end,
                             book.of(claim.author, claim.origin, claim.created_at),
                             claim.row_version))
    return rows


def _supported():
    return select(ClaimTarget.link_id).where(ClaimTarget.link_id.is_not(None),
                                             ClaimTarget.stance == "supports")


def unsourced_links(session: Session, limit: int | None = None) -> list[LinkRow]:
    """Links no claim supports: what still needs sourcing (the first ``limit``)."""
    return _link_rows(session, Link.id.not_in(_supported()), limit)


def unsourced_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Link)
                          .where(Link.id.not_in(_supported()))) or 0


def links_between(session: Session, first_id: str, second_id: str) -> list[LinkRow]:
    """Links either way between two entities (to attach a claim to one of them)."""
    return _link_rows(session, or_(
        and_(Link.source_id == first_id, Link.target_id == second_id),
        and_(Link.source_id == second_id, Link.target_id == first_id)))


def sources(session: Session) -> list[tuple[str, str, str]]:
    """(id, name, reliability) of every source, by name."""
    return [tuple(r) for r in session.execute(
        select(Source.id, Source.name, Source.reliability).order_by(Source.name))]
