"""The SQLite side of every query that cannot be written in portable SQL.

Reads (``db/reads``) build their SQL from these pieces and call these searches; a
PostgreSQL counterpart offers the same names. ``db.core.seam.of(session)`` picks one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from db.core.seam.sqlite_bulk import (
    existing_ids,
    indexed_entity_rows,
    insert_rows,
    plain_rows,
    update_rows,
)
from db.core.seam.sqlite_fts import fts_query

text_query = fts_query  # what a person typed, as a safe full-text query

__all__ = ["entity_ids_matching", "entity_text_match", "existing_ids", "fetch_rows",
           "id_list", "id_list_select", "id_list_value", "indexed_entity_rows", "insert_rows",
           "insertion_order", "json_first", "json_has_value", "no_index", "nocase", "plain_rows",
           "update_rows",
           "json_values_text", "search_claims", "search_documents", "search_entities",
           "text_query"]


# -- SQL fragments --------------------------------------------------------------------------
def id_list_select(param: str) -> str:
    """SELECT of the ids bound (as ``id_list_value``) to ``:param``."""
    return f"SELECT value FROM json_each(:{param})"


def id_list(param: str) -> str:
    """The same, as a parenthesised sub-query for ``… IN (…)``."""
    return f"({id_list_select(param)})"


def id_list_value(ids: Iterable[str]) -> str:
    """Many ids as one bound value: a JSON array, however many there are."""
    return json.dumps(list(ids))


def json_first(column: str, prop: str) -> str:
    """The first value of a multi-valued property in a JSON column ('' when none)."""
    return f"coalesce(json_extract({column}, '$.{prop}[0]'), '')"


def json_has_value(column: str, prop: str, param: str) -> str:
    """Whether any value of the property, lower-cased, equals ``:param``."""
    return (f"EXISTS (SELECT 1 FROM json_each({column}, '$.{prop}') AS v "
            f"WHERE lower(v.value) = :{param})")


def json_values_text(column: str, prop: str) -> str:
    """All values of the property as one lower-cased text, for LIKE."""
    return f"lower(json_extract({column}, '$.{prop}'))"


def nocase(expression: str) -> str:
    return f"{expression} COLLATE NOCASE"


def no_index(expression: str) -> str:
    """Tell the planner not to use an index on ``expression`` (a filter, not a seek)."""
    return f"+{expression}"


def insertion_order(alias: str) -> str:
    return f"{alias}.rowid"


def entity_text_match(alias: str, param: str) -> str:
    """Entity row ``alias`` has a name or alias matching the full-text query ``:param``."""
    return f"{alias}.rowid IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH :{param})"


# -- plain rows, fast ----------------------------------------------------------------------
def fetch_rows(session: Session, sql: str, params: dict[str, Any]) -> list[tuple]:
    """Plain tuples straight from the driver, in the session's transaction.

    A chain reads thousands of rows; SQLAlchemy's result rows cost as much again as the
    query itself, and these columns need no type conversion.
    """
    cursor = session.connection().connection.cursor()
    try:
        return cursor.execute(sql, params).fetchall()
    finally:
        cursor.close()


# -- full-text search ----------------------------------------------------------------------
# (index, key column, joined table and alias, its title column, the snippet's column)
_SEARCHED = {
    "entities": ("entity_fts", "entity_id", "entities e", "e.caption", None),
    "documents": ("document_fts", "document_id", "documents d", "d.title", 2),
    "claims": ("claim_fts", "claim_id", "claims c", "c.statement", 1),
}


def _search(session: Session, kind: str, query: str, limit: int) -> list[tuple]:
    match = fts_query(query)
    if not match:
        return []
    index, key, joined, title, column = _SEARCHED[kind]
    alias = joined.split()[1]
    third = f"snippet({index}, {column}, '«', '»', '…', 12)" if column else "e.schema"
    return [tuple(r) for r in session.execute(text(
        f"SELECT f.{key}, {title}, {third} FROM {index} f JOIN {joined} "
        f"ON {alias}.id = f.{key} WHERE {index} MATCH :q ORDER BY rank LIMIT :n"),
        {"q": match, "n": limit})]


def search_entities(session: Session, query: str, limit: int) -> list[tuple[str, str, str]]:
    """(id, caption, schema) of entities matching what a person typed, best first."""
    return _search(session, "entities", query, limit)


def search_documents(session: Session, query: str, limit: int) -> list[tuple[str, str, str]]:
    """(id, title, snippet with «marks») of matching documents, best first."""
    return _search(session, "documents", query, limit)


def search_claims(session: Session, query: str, limit: int) -> list[tuple[str, str, str]]:
    """(id, statement, snippet with «marks») of matching claims, best first."""
    return _search(session, "claims", query, limit)


def entity_ids_matching(session: Session, words: Iterable[str], limit: int) -> list[str]:
    """Entities whose names contain any of ``words`` (whole words, any case)."""
    query = " OR ".join(f'"{w.replace(chr(34), " ")}"' for w in sorted(set(words)))
    if not query:
        return []
    return [r[0] for r in session.execute(text(
        "SELECT entity_id FROM entity_fts WHERE entity_fts MATCH :q LIMIT :n"),
        {"q": query, "n": limit})]
