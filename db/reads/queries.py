"""Read-side queries the panes, reports and commands share (all SQL stays in db/)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from db.models import Claim, ClaimTarget, Document, Entity, Event, Link, Source
from db.reads.provenance import NO_PROVENANCE, Provenance, provenance_of
from db.reads.records import EntityRecord, entity_record
from db.schemata import grade


@dataclass(frozen=True)
class Counts:
    entities: int
    links: int
    documents: int
    claims: int
    sources: int
    events: int
    unsourced_links: int


def counts(session: Session) -> Counts:
    def count(model) -> int:
        return session.scalar(select(func.count()).select_from(model)) or 0

    return Counts(count(Entity), count(Link), count(Document), count(Claim), count(Source),
                  count(Event), unsourced_link_count(session))


def _supported_links():
    return select(ClaimTarget.link_id).where(ClaimTarget.link_id.is_not(None),
                                             ClaimTarget.stance == "supports")


def unsourced_link_count(session: Session) -> int:
    """How many links no claim supports, counted in SQL (the status bar asks after
    every edit; a case of 250,000 links must not be listed to count them)."""
    return session.scalar(select(func.count()).select_from(Link)
                          .where(Link.id.not_in(_supported_links()))) or 0


def unsourced_link_ids(session: Session) -> list[str]:
    """Links that no claim supports — shown as "unsourced" everywhere."""
    return list(session.scalars(select(Link.id).where(Link.id.not_in(_supported_links()))))


def links_of(session: Session, entity_id: str) -> list[Link]:
    """Links in and out of an entity."""
    return list(session.scalars(select(Link).where(
        or_(Link.source_id == entity_id, Link.target_id == entity_id))))


@dataclass(frozen=True)
class Citation:
    """A claim as cited: its excerpt, where it is, its grade and its document's hash."""

    claim_id: str
    stance: str
    excerpt: str
    statement: str
    status: str
    grade: str
    span_start: int
    span_end: int
    page: int | None
    document_id: str
    document_title: str
    document_sha256: str
    source_name: str | None
    url: str | None
    published: str | None
    provenance: Provenance = NO_PROVENANCE  # who made the claim, from which case, when


def _citation(stance: str, claim: Claim, document: Document, session: Session) -> Citation:
    source_id = claim.source_id or document.source_id
    source = session.get(Source, source_id) if source_id else None
    reliability = claim.reliability or (source.reliability if source else None)
    return Citation(claim.id, stance, claim.excerpt, claim.statement, claim.status,
                    grade(reliability, claim.credibility), claim.span_start, claim.span_end,
                    claim.page, document.id, document.title, document.sha256,
                    source.name if source else None, document.url, document.published,
                    provenance_of(session, claim.author, claim.origin, claim.created_at))


def _citations(session: Session, condition) -> list[Citation]:
    rows = session.execute(
        select(ClaimTarget.stance, Claim, Document)
        .join(Claim, Claim.id == ClaimTarget.claim_id)
        .join(Document, Document.id == Claim.document_id)
        .where(condition)
        .order_by(Document.title, Claim.span_start))
    return [_citation(stance, claim, document, session) for stance, claim, document in rows]


def link_citations(session: Session, link_id: str) -> list[Citation]:
    return _citations(session, ClaimTarget.link_id == link_id)


def entity_citations(session: Session, entity_id: str) -> list[Citation]:
    """Claims about an entity's own facts (not its links)."""
    return _citations(session, ClaimTarget.entity_id == entity_id)


def claim_citation(session: Session, claim_id: str) -> Citation | None:
    row = session.execute(select(Claim, Document).join(Document, Document.id == Claim.document_id)
                          .where(Claim.id == claim_id)).first()
    return None if row is None else _citation("supports", row[0], row[1], session)


def find_entities(session: Session, name_or_id: str) -> list[EntityRecord]:
    """Entities whose id is ``name_or_id`` or whose name/alias equals it (any case)."""
    return [entity_record(e) for e in _find_entities(session, name_or_id)]


def _find_entities(session: Session, name_or_id: str) -> list[Entity]:
    entity = session.get(Entity, name_or_id)
    if entity is not None:
        return [entity]
    wanted = name_or_id.strip().casefold()
    if not wanted:
        return []
    # LIKE narrows quickly (ASCII case-insensitive); casefold decides, for any script.
    candidates = list(session.scalars(select(Entity).where(
        cast(Entity.properties, String).like(f"%{name_or_id.strip()}%"))))
    found = [e for e in candidates if wanted in {n.casefold() for n in e.names}]
    if found:
        return found
    return [e for e in session.scalars(select(Entity))
            if wanted in {n.casefold() for n in e.names}]


def suggest_entities(session: Session, text: str, limit: int = 30) -> list[tuple[str, str, str, str | None]]:
    """(id, caption, schema, role) of entities whose caption or alias starts with or
    contains ``text`` — prefix matches first. Fast on 100k entities (indexed caption)."""
    text = text.strip()
    if not text:
        rows = session.execute(select(Entity.id, Entity.caption, Entity.schema, Entity.role)
                               .order_by(Entity.caption).limit(limit))
        return [tuple(r) for r in rows]
    pattern = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    prefix = session.execute(
        select(Entity.id, Entity.caption, Entity.schema, Entity.role)
        .where(Entity.caption.like(f"{pattern}%", escape="\\"))
        .order_by(Entity.caption).limit(limit)).all()
    seen = {r[0] for r in prefix}
    more = session.execute(
        select(Entity.id, Entity.caption, Entity.schema, Entity.role)
        .where(or_(Entity.caption.like(f"%{pattern}%", escape="\\"),
                   cast(Entity.properties, String).like(f"%{pattern}%", escape="\\")))
        .order_by(Entity.caption).limit(limit)).all()
    return [tuple(r) for r in prefix] + [tuple(r) for r in more if r[0] not in seen][
        : max(0, limit - len(prefix))]
