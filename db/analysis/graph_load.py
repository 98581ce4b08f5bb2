"""Load only the part of the link graph an analysis needs, as it stood on a date.

A case may hold a million links; the chain of one entity touches a few hundred. The
ancestor subgraph is found by a recursive query that walks links by ``target_id`` (an
indexed column), filtered to the chosen link types and to links in force on the date,
so nothing else is read. Dates are partial ("2022", "2022-09"): the SQL filter compares
ISO text prefixes, which is exactly ``db.partial_date.in_force``; the rows are checked
again with ``in_force`` itself so both can never disagree silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from db.models import Claim, ClaimTarget, Document, Entity, Source
from db.partial_date import in_force
from db.queries import Citation
from db.schemata import LINK_SCHEMATA, grade

_CHUNK = 500  # ids per IN (...) list: well under SQLite's variable limit

_COLUMNS = ("l.id, l.schema, l.source_id, l.target_id, l.share_min, l.share_max, "
            "l.start_date, l.end_date")


@dataclass(frozen=True)
class LinkRow:
    """The columns of a link the analyses use (plain values, safe across threads)."""

    id: str
    schema: str
    source_id: str
    target_id: str
    share_min: float | None
    share_max: float | None
    start_date: str | None
    end_date: str | None


def check_link_types(link_types: Iterable[str]) -> tuple[str, ...]:
    """The link type names, sorted; ValueError naming the first unknown one."""
    names = tuple(sorted(set(link_types)))
    for name in names:
        if name not in LINK_SCHEMATA:
            known = ", ".join(LINK_SCHEMATA)
            raise ValueError(f"unknown link type: {name!r} (known: {known})")
    if not names:
        raise ValueError("choose at least one link type")
    return names


def _in_force_sql(as_of: date | None) -> str:
    """SQL twin of ``in_force``: a partial start/end compares as its ISO prefix."""
    if as_of is None:
        return "1"
    return ("(l.start_date IS NULL OR l.start_date <= :as_of) AND "
            "(l.end_date IS NULL OR l.end_date >= substr(:as_of, 1, length(l.end_date)))")


def _rows(session: Session, sql: str, params: dict, as_of: date | None) -> list[LinkRow]:
    statement = text(sql).bindparams(bindparam("types", expanding=True))
    if as_of is not None:
        params = {**params, "as_of": as_of.isoformat()}
    rows = [LinkRow(*row) for row in session.execute(statement, params)]
    return [r for r in rows if in_force(r.start_date, r.end_date, as_of)]


def ancestor_links(session: Session, entity_id: str, link_types: Iterable[str],
                   as_of: date | None = None) -> list[LinkRow]:
    """Every link of ``link_types`` in force on ``as_of`` that leads up from the entity.

    That is, the links whose target is the entity or one of its ancestors (anything
    that reaches it through such links). UNION (not UNION ALL) makes cycles terminate.
    """
    condition = _in_force_sql(as_of)
    sql = f"""
        WITH RECURSIVE up(id) AS (
            SELECT :entity
            UNION
            SELECT l.source_id FROM links AS l JOIN up ON l.target_id = up.id
            WHERE l.schema IN :types AND {condition}
        )
        SELECT {_COLUMNS} FROM links AS l JOIN up ON l.target_id = up.id
        WHERE l.schema IN :types AND {condition}
    """
    return _rows(session, sql, {"entity": entity_id,
                                "types": list(check_link_types(link_types))}, as_of)


def incident_links(session: Session, entity_ids: Iterable[str], link_types: Iterable[str],
                   as_of: date | None = None) -> list[LinkRow]:
    """Links of ``link_types`` in force on ``as_of`` into or out of any of the entities."""
    types = list(check_link_types(link_types))
    condition = _in_force_sql(as_of)
    found: dict[str, LinkRow] = {}
    for chunk in _chunks(entity_ids):
        for column in ("source_id", "target_id"):  # two indexed lookups beat one OR
            sql = (f"SELECT {_COLUMNS} FROM links AS l WHERE l.{column} IN :ids "
                   f"AND l.schema IN :types AND {condition}")
            statement_params = {"ids": chunk, "types": types}
            statement = text(sql).bindparams(bindparam("ids", expanding=True),
                                             bindparam("types", expanding=True))
            if as_of is not None:
                statement_params["as_of"] = as_of.isoformat()
            for row in session.execute(statement, statement_params):
                link = LinkRow(*row)
                if in_force(link.start_date, link.end_date, as_of):
                    found[link.id] = link
    return list(found.values())


def entity_labels(session: Session, entity_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """id → (caption, schema) for the given entities."""
    labels: dict[str, tuple[str, str]] = {}
    for chunk in _chunks(entity_ids):
        for id_, caption, schema in session.execute(
                select(Entity.id, Entity.caption, Entity.schema).where(Entity.id.in_(chunk))):
            labels[id_] = (caption, schema)
    return labels


def claim_stances(session: Session, link_ids: Iterable[str]
                  ) -> dict[str, tuple[list[str], list[str]]]:
    """link id → (supporting claim ids, contradicting claim ids); absent when none."""
    stances: dict[str, tuple[list[str], list[str]]] = {}
    for chunk in _chunks(link_ids):
        rows = session.execute(
            select(ClaimTarget.link_id, ClaimTarget.stance, ClaimTarget.claim_id)
            .where(ClaimTarget.link_id.in_(chunk)).order_by(ClaimTarget.claim_id))
        for link_id, stance, claim_id in rows:
            supporting, contradicting = stances.setdefault(link_id, ([], []))
            (supporting if stance == "supports" else contradicting).append(claim_id)
    return stances


def link_citations(session: Session, link_ids: Iterable[str]) -> dict[str, list[Citation]]:
    """link id → its claims as cited (excerpt, grade, document), in a few queries."""
    citations: dict[str, list[Citation]] = {}
    sources = {s.id: s for s in session.scalars(select(Source))}
    for chunk in _chunks(link_ids):
        rows = session.execute(
            select(ClaimTarget.link_id, ClaimTarget.stance, Claim, Document)
            .join(Claim, Claim.id == ClaimTarget.claim_id)
            .join(Document, Document.id == Claim.document_id)
            .where(ClaimTarget.link_id.in_(chunk))
            .order_by(Document.title, Claim.span_start))
        for link_id, stance, claim, document in rows:
            source = sources.get(claim.source_id or document.source_id or "")
            reliability = claim.reliability or (source.reliability if source else None)
            citations.setdefault(link_id, []).append(Citation(
                claim.id, stance, claim.excerpt, claim.statement, claim.status,
                grade(reliability, claim.credibility), claim.span_start, claim.span_end,
                claim.page, document.id, document.title, document.sha256,
                source.name if source else None, document.url, document.published))
    return citations


def _chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    ids = list(dict.fromkeys(ids))
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]
