"""The entity list and its filter, as the entities pane reads them.

On a case of 100,000 entities and 250,000 links, ordering or filtering the whole list is
a full scan (hundreds of milliseconds in SQLite), so it is split in two: ``ordered_ids``
answers only the ids in the chosen order (the pane runs it off the GUI thread), and
``entity_rows`` reads the rows of one page, link and claim counts included, by primary
key — a few milliseconds whatever the size of the case.

Filtering happens in SQL: every word typed must match a name or alias (a substring of
the caption, or a word prefix in the full-text index, which folds case and diacritics),
a schema or role, or a country code; ``country:ru`` and ``schema:Person`` narrow to one
field.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import NamedTuple

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from db.core import seam
from db.models import ClaimTarget, Entity
from db.reads import graph, queries
from db.reads.queries import Citation
from db.wording import Stake, about_text, fact_text, link_label

SORT_NAME, SORT_TYPE, SORT_COUNTRY, SORT_LINKS, SORT_CLAIMS = (
    "name", "type", "country", "links", "claims")

# Whole-case counts for sorting by a count column: one grouped pass, not one per row.
_LINK_COUNTS = ("SELECT id, count(*) AS n FROM (SELECT source_id AS id FROM links "
                "UNION ALL SELECT target_id FROM links) AS ends GROUP BY id")
_CLAIM_COUNTS = (
    "SELECT id, count(DISTINCT claim_id) AS n FROM ("
    "SELECT entity_id AS id, claim_id FROM claim_targets WHERE entity_id IS NOT NULL "
    "UNION ALL SELECT l.source_id, ct.claim_id FROM claim_targets ct "
    "JOIN links l ON l.id = ct.link_id "
    "UNION ALL SELECT l.target_id, ct.claim_id FROM claim_targets ct "
    "JOIN links l ON l.id = ct.link_id) AS ends GROUP BY id")

SORT_KEYS = (SORT_NAME, SORT_TYPE, SORT_COUNTRY, SORT_LINKS, SORT_CLAIMS)


def _order(engine: ModuleType, sort: str) -> tuple[str, str]:
    """(the ORDER BY key, the join it needs) for a sort column."""
    if sort == SORT_TYPE:
        return "coalesce(e.role, e.schema)", ""
    if sort == SORT_COUNTRY:
        return engine.json_first("e.properties", "country"), ""
    if sort == SORT_LINKS:
        return "coalesce(n.n, 0)", f"LEFT JOIN ({_LINK_COUNTS}) n ON n.id = e.id"
    if sort == SORT_CLAIMS:
        return "coalesce(n.n, 0)", f"LEFT JOIN ({_CLAIM_COUNTS}) n ON n.id = e.id"
    return engine.nocase("e.caption"), ""


class EntityRow(NamedTuple):
    """A row of the list (a plain ``tuple(row)`` of it is what a long list should keep:
    CPython's garbage collector stops tracking plain tuples of plain values, not
    subclasses)."""

    id: str
    caption: str
    schema: str
    role: str | None
    country: str
    links: int
    claims: int


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filter_clause(engine: ModuleType, filter_text: str) -> tuple[str, dict[str, str]]:
    """SQL condition over entity row "e" for what the person typed, and its parameters."""
    conditions: list[str] = []
    params: dict[str, str] = {}
    for number, word in enumerate(filter_text.split()):
        key = f"w{number}"
        field, _, value = word.partition(":")
        if value and field.lower() in ("country", "schema", "type"):
            params[key] = value.lower()
            if field.lower() == "country":
                conditions.append(engine.json_has_value("e.properties", "country", key))
            else:
                conditions.append(f"(lower(e.schema) = :{key} OR lower(e.role) = :{key})")
            continue
        params[key] = f"%{_escape_like(word)}%"
        params[f"{key}p"] = f"{_escape_like(word)}%"
        alternatives = [f"e.caption LIKE :{key} ESCAPE '\\'",
                        f"e.schema LIKE :{key}p ESCAPE '\\'",
                        f"e.role LIKE :{key}p ESCAPE '\\'"]
        if len(word) in (2, 3) and word.isalpha():
            params[f"{key}c"] = f'%"{word.lower()}"%'
            alternatives.append(f"{engine.json_values_text('e.properties', 'country')} "
                                f"LIKE :{key}c")
        match = engine.text_query(word)
        if match:
            params[f"{key}f"] = match
            alternatives.append(engine.entity_text_match("e", f"{key}f"))
        conditions.append("(" + " OR ".join(alternatives) + ")")
    return (" AND ".join(conditions) or "1 = 1"), params


def ordered_ids(session: Session, filter_text: str = "", sort: str = SORT_NAME,
                descending: bool = False) -> list[str]:
    """Ids of the entities matching ``filter_text``, in list order (a full scan)."""
    engine = seam.of(session)
    key, join = _order(engine, sort)
    direction = "DESC" if descending else "ASC"
    where, params = filter_clause(engine, filter_text)
    return list(session.scalars(text(
        f"SELECT e.id FROM entities e {join} WHERE {where} "
        f"ORDER BY {key} {direction}, e.caption {direction}, e.id {direction}"), params))


def matching(session: Session, filter_text: str, entity_ids: list[str]) -> set[str]:
    """Which of ``entity_ids`` exist and match ``filter_text``."""
    where, params = filter_clause(seam.of(session), filter_text)
    found: set[str] = set()
    for start in range(0, len(entity_ids), 500):
        chunk = {f"i{n}": value for n, value in enumerate(entity_ids[start:start + 500])}
        found.update(session.scalars(text(
            f"SELECT e.id FROM entities e WHERE e.id IN ({', '.join(':' + k for k in chunk)}) "
            f"AND {where}"), dict(params, **chunk)))
    return found


def _rows_sql(engine: ModuleType):
    country = engine.json_first("e.properties", "country")
    return text(f"SELECT e.id, e.caption, e.schema, e.role, {country} FROM entities e "
                f"WHERE e.id IN :ids").bindparams(bindparam("ids", expanding=True))


_PAGE_LINK_COUNTS = text(
    "SELECT id, count(*) FROM (SELECT source_id AS id FROM links WHERE source_id IN :ids "
    "UNION ALL SELECT target_id FROM links WHERE target_id IN :ids) AS ends GROUP BY id"
).bindparams(bindparam("ids", expanding=True))
_PAGE_CLAIM_COUNTS = text(
    "SELECT id, count(DISTINCT claim_id) FROM ("
    "SELECT entity_id AS id, claim_id FROM claim_targets WHERE entity_id IN :ids "
    "UNION ALL SELECT l.source_id, ct.claim_id FROM links l "
    "JOIN claim_targets ct ON ct.link_id = l.id WHERE l.source_id IN :ids "
    "UNION ALL SELECT l.target_id, ct.claim_id FROM links l "
    "JOIN claim_targets ct ON ct.link_id = l.id WHERE l.target_id IN :ids) AS ends GROUP BY id"
).bindparams(bindparam("ids", expanding=True))


def listed_after_change(session: Session, filter_text: str, entity_ids: set[str],
                        link_ids: list[str]) -> tuple[set[str], set[str]]:
    """(entities a change touched, those of them that match the list's filter now)."""
    affected = set(entity_ids) | link_endpoints(session, link_ids)
    return affected, matching(session, filter_text, list(affected))


def entity_rows(session: Session, entity_ids: list[str]) -> list[EntityRow]:
    """The list rows of these entities, in the order given (missing ids left out).

    Counts come from grouped queries over just these ids (indexed), not one per row.
    """
    found: list[EntityRow] = []
    rows_sql = _rows_sql(seam.of(session))
    for start in range(0, len(entity_ids), 500):
        chunk = entity_ids[start:start + 500]
        params = {"ids": chunk}
        links = dict(session.execute(_PAGE_LINK_COUNTS, params).all())
        claims = dict(session.execute(_PAGE_CLAIM_COUNTS, params).all())
        by_id = {row[0]: tuple(row) for row in session.execute(rows_sql, params)}
        found += [EntityRow(*by_id[i], links.get(i, 0), claims.get(i, 0))
                  for i in chunk if i in by_id]
    return found


def link_endpoints(session: Session, link_ids: list[str]) -> set[str]:
    """Entities at either end of these links (their counts change with the links)."""
    found: set[str] = set()
    for start in range(0, len(link_ids), 500):
        chunk = {f"i{n}": value for n, value in enumerate(link_ids[start:start + 500])}
        rows = session.execute(text(
            f"SELECT source_id, target_id FROM links "
            f"WHERE id IN ({', '.join(':' + k for k in chunk)})"), chunk)
        for source, target in rows:
            found.update((source, target))
    return found


# -- the detail of one entity --------------------------------------------------------------
@dataclass(frozen=True)
class LinkLine:
    """One link of an entity as the detail shows it, with its best evidence."""

    link_id: str
    schema: str
    label: str  # "Rosatom controls Enertech"
    outgoing: bool
    counterpart_id: str
    counterpart: str
    role: str | None
    stake: Stake
    supporting: int
    contradicting: int
    best_source: str | None  # source name of the best-graded supporting claim
    best_grade: str | None
    # whose the supporting claims are: "Anna K. · Kama notes" … (and the hover text)
    by: tuple[str, ...] = ()
    by_text: tuple[str, ...] = ()
    disputed: bool = False  # a supporting claim is disputed (colleagues disagree)


@dataclass(frozen=True)
class EntityDetail:
    id: str
    caption: str
    schema: str
    role: str | None
    properties: dict[str, list[str]]
    links: list[LinkLine]
    claims: list[Citation]  # about its facts and its links, each claim once
    claim_about: dict[str, str]  # claim id → what it is about ("Rosatom controls Enertech")



def entity_detail(session: Session, entity_id: str, me: str = "") -> EntityDetail | None:
    """``me``: who "you" is in the provenance texts.

    The claims of all its links come in one query (``graph.link_citations``), not one per
    link: an entity with hundreds of links is read in a few queries."""
    entity = session.get(Entity, entity_id)
    if entity is None:
        return None
    links = queries.links_of(session, entity_id)
    others = {e.id: e.caption for e in session.scalars(select(Entity).where(Entity.id.in_(
        {x for link in links for x in (link.source_id, link.target_id)})))}
    lines: list[LinkLine] = []
    claims: dict[str, Citation] = {}
    about: dict[str, str] = {}
    cited = graph.link_citations(session, [link.id for link in links])
    for link in links:
        label = link_label(link.schema, others.get(link.source_id, "?"),
                           others.get(link.target_id, "?"))
        citations = cited.get(link.id, [])
        supporting = [c for c in citations if c.stance == "supports"]
        best = min(supporting, key=lambda c: c.grade, default=None)
        outgoing = link.source_id == entity_id
        counterpart = link.target_id if outgoing else link.source_id
        lines.append(LinkLine(
            link.id, link.schema, label, outgoing, counterpart, others.get(counterpart, "?"),
            link.role, Stake.of(link), len(supporting),
            len(citations) - len(supporting), best.source_name if best else None,
            best.grade if best else None,
            tuple(dict.fromkeys(c.provenance.badge() for c in supporting)),
            tuple(dict.fromkeys(c.provenance.text(me) for c in supporting)),
            any(c.status == "disputed" for c in supporting)))
        for citation in citations:
            claims.setdefault(citation.claim_id, citation)
            about.setdefault(citation.claim_id, about_text(citation.stance, label))
    facts = {claim_id: (stance, prop, value) for claim_id, stance, prop, value in session.execute(
        select(ClaimTarget.claim_id, ClaimTarget.stance, ClaimTarget.prop, ClaimTarget.value)
        .where(ClaimTarget.entity_id == entity_id))}
    for citation in queries.entity_citations(session, entity_id):
        claims.setdefault(citation.claim_id, citation)
        stance, prop, value = facts.get(citation.claim_id, (citation.stance, None, None))
        fact = fact_text(entity.caption, prop, value) if prop else entity.caption
        about.setdefault(citation.claim_id, about_text(stance, fact))
    lines.sort(key=lambda line: (not line.outgoing, line.schema, line.counterpart.casefold()))
    ordered = sorted(claims.values(), key=lambda c: (c.grade, c.document_title, c.span_start))
    return EntityDetail(entity.id, entity.caption, entity.schema, entity.role,
                        {k: list(v) for k, v in (entity.properties or {}).items()},
                        lines, ordered, about)
