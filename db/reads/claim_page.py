"""The claims list as the claims pane reads it: ordered, filtered ids, then a page of rows.

A case may hold hundreds of thousands of claims. As for the documents list, the work is
split: ``ordered_claim_ids`` answers only the ids in the chosen order that pass the
pane's filters — sorted and filtered by SQL, run off the GUI thread by the pane — and
``claim_rows_by_id`` reads one page of rows by primary key (``claim_list.claim_rows``
over just those ids), a few milliseconds at any size.

Text filtering is SQL ``lower(…) LIKE``: every word must occur in the excerpt, statement,
source, document, status, grade, author or a caption of what the claim is about. SQLite's
``lower`` folds ASCII letters only, so a word in another script is also tried as typed
and capitalised ("ренера" finds "Ренера"; PostgreSQL's ``lower`` folds every script).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import String, cast, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from db.models import Claim, ClaimTarget, Document, Entity, Event, Link, Source
from db.reads.claim_list import (
    ClaimRow,
    claim_rows,
    sources,
    unsourced_count,
    unsourced_links,
)

(SORT_EXCERPT, SORT_STATEMENT, SORT_SOURCE, SORT_RELIABILITY, SORT_CREDIBILITY, SORT_GRADE,
 SORT_STATUS, SORT_ABOUT, SORT_DOCUMENT, SORT_AUTHOR) = (
    "excerpt", "statement", "source", "reliability", "credibility", "grade", "status",
    "about", "document", "author")
SORT_KEYS = (SORT_EXCERPT, SORT_STATEMENT, SORT_SOURCE, SORT_RELIABILITY, SORT_CREDIBILITY,
             SORT_GRADE, SORT_STATUS, SORT_ABOUT, SORT_DOCUMENT, SORT_AUTHOR)
PAGE = 500  # ids per IN (…) query


@dataclass(frozen=True)
class ClaimFilter:
    """The pane's filters: words of text, only disputed/refuted, one source, one author
    (``None``: anyone; ``""``: claims with no author recorded)."""

    text: str = ""
    disputed_only: bool = False
    source_id: str | None = None
    author: str | None = None


def claim_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Claim)) or 0


def claim_authors(session: Session) -> list[str]:
    """Everyone who made a claim ("" for claims with no author), by name."""
    names = {name or "" for name in session.scalars(select(Claim.author).distinct())}
    return sorted(names, key=str.casefold)


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _patterns(word: str) -> list[str]:
    """LIKE patterns for a typed word, matched against ``lower(column)``."""
    forms = dict.fromkeys((word.casefold(), word, word[:1].upper() + word[1:].casefold()))
    return [f"%{_escape_like(form)}%" for form in forms]


def _matches(column, patterns: list[str]):
    lowered = func.lower(func.coalesce(column, ""))
    return or_(*(lowered.like(pattern, escape="\\") for pattern in patterns))


def _about_captions(patterns: list[str]):
    """Whether something the claim supports or contradicts has the word in its caption."""
    src, dst, fact = aliased(Entity), aliased(Entity), aliased(Entity)
    return exists(
        select(ClaimTarget.id)
        .outerjoin(Link, Link.id == ClaimTarget.link_id)
        .outerjoin(src, src.id == Link.source_id).outerjoin(dst, dst.id == Link.target_id)
        .outerjoin(fact, fact.id == ClaimTarget.entity_id)
        .outerjoin(Event, Event.id == ClaimTarget.event_id)
        .where(ClaimTarget.claim_id == Claim.id, or_(*(
            _matches(column, patterns)
            for column in (src.caption, dst.caption, fact.caption, Event.title,
                           ClaimTarget.value, Link.schema, ClaimTarget.stance)))))


def _about_key():
    """What the Supports column sorts by: the first of "stance caption" of its targets."""
    src, fact = aliased(Entity), aliased(Entity)
    caption = func.coalesce(src.caption, fact.caption, Event.title, "")
    return (select(func.min(func.lower(ClaimTarget.stance + " " + caption)))
            .outerjoin(Link, Link.id == ClaimTarget.link_id)
            .outerjoin(src, src.id == Link.source_id)
            .outerjoin(fact, fact.id == ClaimTarget.entity_id)
            .outerjoin(Event, Event.id == ClaimTarget.event_id)
            .where(ClaimTarget.claim_id == Claim.id).scalar_subquery())


def ordered_claim_ids(session: Session, sort: str = SORT_DOCUMENT, descending: bool = False,
                      filters: ClaimFilter = ClaimFilter()) -> list[str]:
    """The ids of the claims that pass ``filters``, in list order: by ``sort``, then by
    document and place in it (a full scan: run it off the GUI thread on a big case)."""
    own, doc_source = aliased(Source), aliased(Source)
    source_id = func.coalesce(own.id, doc_source.id)
    source_name = func.coalesce(own.name, doc_source.name, "")
    reliability = func.coalesce(Claim.reliability, own.reliability, doc_source.reliability, "F")
    grade = reliability + cast(func.coalesce(Claim.credibility, 6), String)
    author = func.coalesce(Claim.author, "")
    title = func.lower(Document.title)
    query = (select(Claim.id).join(Document, Document.id == Claim.document_id)
             .outerjoin(own, own.id == Claim.source_id)
             .outerjoin(doc_source, doc_source.id == Document.source_id))
    if filters.disputed_only:
        query = query.where(Claim.status.in_(("disputed", "refuted")))
    if filters.source_id:
        query = query.where(source_id == filters.source_id)
    if filters.author is not None:
        query = query.where(author == filters.author)
    for word in filters.text.split():
        patterns = _patterns(word)
        query = query.where(or_(*(
            _matches(column, patterns)
            for column in (Claim.excerpt, Claim.statement, source_name, Document.title,
                           Claim.status, grade, author)),
            _about_captions(patterns)))
    about = _about_key()
    key = {SORT_EXCERPT: func.lower(Claim.excerpt),
           SORT_STATEMENT: func.lower(func.coalesce(Claim.statement, "")),
           SORT_SOURCE: func.lower(source_name), SORT_RELIABILITY: reliability,
           SORT_CREDIBILITY: func.coalesce(Claim.credibility, 6), SORT_GRADE: grade,
           SORT_STATUS: Claim.status, SORT_ABOUT: func.coalesce(about, ""),
           SORT_AUTHOR: func.lower(author)}.get(sort, title)
    ordered = key.desc() if descending else key.asc()
    return list(session.scalars(query.order_by(ordered, title, Claim.span_start, Claim.id)))


def claim_rows_by_id(session: Session, claim_ids: list[str]) -> list[ClaimRow]:
    """The list rows of these claims, in the order given (deleted ones left out)."""
    found: list[ClaimRow] = []
    for start in range(0, len(claim_ids), PAGE):
        chunk = claim_ids[start:start + PAGE]
        rows = {row.id: row for row in claim_rows(session, chunk)}
        found += [rows[i] for i in chunk if i in rows]
    return found


def pane_choices(session: Session, with_links: bool, links_shown: int) -> tuple:
    """What the claims pane offers beside its (lazily read) claims: who made claims, the
    sources and (when asked) the unsourced links, capped at ``links_shown``, with their
    total."""
    authors, listed = claim_authors(session), sources(session)
    if not with_links:
        return authors, listed, None, 0
    return (authors, listed, unsourced_links(session, links_shown), unsourced_count(session))
