"""Load only the part of the link graph an analysis needs, as it stood on a date.

A case may hold a million links; the chain of one entity touches a few hundred. The
ancestor subgraph is found by a recursive query that walks links by ``target_id`` (an
indexed column), filtered to the chosen link types and to links in force on the date,
so nothing else is read. Dates are partial ("2022", "2022-09"): the SQL filter compares
ISO text prefixes, which is exactly ``db.partial_date.in_force``; the rows are checked
again with ``in_force`` itself so both can never disagree silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from db.core import seam
from db.models import Claim, ClaimTarget, Document, Source
from db.partial_date import in_force
from db.reads.provenance import provenance_of
from db.reads.queries import Citation
from db.schemata import LINK_SCHEMATA, grade
from db.wording import Stake

_COLUMNS = ("l.id, l.schema, l.source_id, l.target_id, l.share_min, l.share_max, "
            "l.start_date, l.end_date, l.shares_value, l.shares_currency")


class LinkRow(NamedTuple):
    """The columns of a link the analyses use (plain values, safe across threads).

    A named tuple, not an ORM object: a chain reads thousands of these, and building
    each costs one tuple.
    """

    id: str
    schema: str
    source_id: str
    target_id: str
    share_min: float | None
    share_max: float | None
    start_date: str | None
    end_date: str | None
    shares_value: float | None
    shares_currency: str | None

    @property
    def stake(self) -> Stake:
        return Stake.of(self)


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
        return "1 = 1"
    return ("(l.start_date IS NULL OR l.start_date <= :as_of) AND "
            "(l.end_date IS NULL OR l.end_date >= substr(:as_of, 1, length(l.end_date)))")


def _rows(session: Session, sql: str, params: dict, as_of: date | None) -> list[LinkRow]:
    if as_of is not None:
        params = {**params, "as_of": as_of.isoformat()}
    rows = [LinkRow._make(row) for row in _fetch(session, sql, params)]
    if as_of is None:
        return rows
    return [r for r in rows if in_force(r.start_date, r.end_date, as_of)]


def _fetch(session: Session, sql: str, params: dict) -> list[tuple]:
    return seam.of(session).fetch_rows(session, sql, params)


def ancestor_links(session: Session, entity_id: str, link_types: Iterable[str],
                   as_of: date | None = None, *, ended: bool = True) -> list[LinkRow]:
    """Every link of ``link_types`` in force on ``as_of`` that leads up from the entity.

    That is, the links whose target is the entity or one of its ancestors (anything
    that reaches it through such links). UNION (not UNION ALL) makes cycles terminate.
    With no date, ``ended=False`` leaves out links whose end date has passed: the
    holdings of today and of the future, not every stake ever recorded.
    """
    condition = _in_force_sql(as_of)
    if as_of is None and not ended:
        today = date.today().isoformat()
        condition = ("(l.end_date IS NULL OR l.end_date >= "
                     f"substr('{today}', 1, length(l.end_date)))")
    schema_in = _schema_in(session)
    sql = f"""
        WITH RECURSIVE up(id) AS (
            SELECT CAST(:entity AS VARCHAR(64))
            UNION
            SELECT l.source_id FROM links AS l JOIN up ON l.target_id = up.id
            WHERE {schema_in} AND {condition}
        )
        SELECT {_COLUMNS} FROM links AS l JOIN up ON l.target_id = up.id
        WHERE {schema_in} AND {condition}
    """
    return _rows(session, sql, {"entity": entity_id,
                                "types": _ids(session, check_link_types(link_types))}, as_of)


def incident_links(session: Session, entity_ids: Iterable[str], link_types: Iterable[str],
                   as_of: date | None = None) -> list[LinkRow]:
    """Links of ``link_types`` in force on ``as_of`` into or out of any of the entities.

    Two indexed lookups (by source, by target) beat one OR. ``+l.schema`` keeps SQLite
    off the schema index: with it, a lookup by source scanned every link of the type.
    """
    types = _ids(session, check_link_types(link_types))
    ids = _ids(session, entity_ids)
    condition = _in_force_sql(as_of)
    schema_in, ids_in = _schema_in(session), seam.of(session).id_list("ids")
    found: dict[str, LinkRow] = {}
    for column in ("source_id", "target_id"):
        sql = (f"SELECT {_COLUMNS} FROM links AS l "
               f"WHERE l.{column} IN {ids_in} "
               f"AND {schema_in} AND {condition}")
        for link in _rows(session, sql, {"ids": ids, "types": types}, as_of):
            found[link.id] = link
    return list(found.values())


def entity_labels(session: Session, entity_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """id → (caption, schema) for the given entities, in one query."""
    sql = f"SELECT id, caption, schema FROM entities WHERE id IN {seam.of(session).id_list('ids')}"
    return {id_: (caption, schema) for id_, caption, schema
            in _fetch(session, sql, {"ids": _ids(session, entity_ids)})}


def entity_roles(session: Session, entity_ids: Iterable[str]) -> dict[str, str | None]:
    """id → role ("brand", "facility" …) for the given entities, in one query."""
    sql = f"SELECT id, role FROM entities WHERE id IN {seam.of(session).id_list('ids')}"
    return dict(_fetch(session, sql, {"ids": _ids(session, entity_ids)}))


def claim_stances(session: Session, link_ids: Iterable[str]
                  ) -> dict[str, tuple[list[str], list[str]]]:
    """link id → (supporting claim ids, contradicting claim ids); absent when none."""
    stances: dict[str, tuple[list[str], list[str]]] = {}
    rows = _fetch(session, "SELECT link_id, stance, claim_id FROM claim_targets "
                  f"WHERE link_id IN {seam.of(session).id_list('ids')} ORDER BY claim_id",
                  {"ids": _ids(session, link_ids)})
    for link_id, stance, claim_id in rows:
        supporting, contradicting = stances.setdefault(link_id, ([], []))
        (supporting if stance == "supports" else contradicting).append(claim_id)
    return stances


def link_citations(session: Session, link_ids: Iterable[str]) -> dict[str, list[Citation]]:
    """link id → its claims as cited (excerpt, grade, document), in one query."""
    link_ids = list(link_ids)
    citations: dict[str, list[Citation]] = {}
    if not link_ids:
        return citations
    sources = {id_: (name, reliability) for id_, name, reliability
               in session.execute(select(Source.id, Source.name, Source.reliability))}
    ids = bindparam("ids", _ids(session, link_ids))
    rows = session.execute(
        select(ClaimTarget.link_id, ClaimTarget.stance, Claim.id, Claim.excerpt,
               Claim.statement, Claim.status, Claim.reliability, Claim.credibility,
               Claim.span_start, Claim.span_end, Claim.page, Claim.source_id, Document.id,
               Document.title, Document.sha256, Document.source_id, Document.url,
               Document.published, Claim.author, Claim.origin, Claim.created_at)
        .join(Claim, Claim.id == ClaimTarget.claim_id)
        .join(Document, Document.id == Claim.document_id)
        .where(ClaimTarget.link_id.in_(text(seam.of(session).id_list_select("ids"))
                                       .bindparams(ids)))
        .order_by(Document.title, Claim.span_start))
    for (link_id, stance, claim_id, excerpt, statement, status, claim_reliability,
         credibility, span_start, span_end, page, claim_source, document_id, title, sha256,
         document_source, url, published, author, origin, created_at) in rows:
        source = sources.get(claim_source or document_source or "")
        reliability = claim_reliability or (source[1] if source else None)
        citations.setdefault(link_id, []).append(Citation(
            claim_id, stance, excerpt, statement, status, grade(reliability, credibility),
            span_start, span_end, page, document_id, title, sha256,
            source[0] if source else None, url, published,
            provenance_of(session, author, origin, created_at)))
    return citations


def _ids(session: Session, ids: Iterable[str]) -> str:
    """The ids as one bound value (duplicates dropped)."""
    return seam.of(session).id_list_value(dict.fromkeys(ids))


def _schema_in(session: Session) -> str:
    """``l.schema`` is one of the bound ``:types`` (a filter: SQLite kept off the schema
    index, which otherwise made a lookup by source scan every link of the type)."""
    engine = seam.of(session)
    return f"{engine.no_index('l.schema')} IN {engine.id_list('types')}"
