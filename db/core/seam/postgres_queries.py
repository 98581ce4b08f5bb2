"""The PostgreSQL side of every query that cannot be written in portable SQL: the same names
as ``sqlite_queries``, for team cases that live in a PostgreSQL database.

Full-text search uses ``tsvector`` columns that PostgreSQL itself keeps in step with every
write (generated columns with GIN indexes, made by the migrations — see
``postgres_fts``), so undo, redo, imports and merges stay searchable as they do on
SQLite through its triggers. Its configuration matches SQLite's ``unicode61`` tokenizer: words in any
language, no stemming, accents folded where the server has ``unaccent``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from db.core.seam.sqlite_queries import id_list_value  # the same JSON array on both

__all__ = ["entity_ids_matching", "entity_text_match", "existing_ids", "fetch_rows",
           "id_list", "id_list_select", "id_list_value", "indexed_entity_rows", "insert_rows",
           "insertion_order", "json_first", "json_has_value", "no_index", "nocase",
           "json_values_text", "search_claims", "search_documents", "search_entities",
           "text_query"]

from db.core.seam.postgres_fts import CONFIG as _CONFIG

CONFIG = f"'{_CONFIG}'"


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", " ").replace("'", "''") + "'"


def text_query(typed: str) -> str:
    """What a person typed as a safe ``to_tsquery`` text: every word, as a prefix, all of
    them required (as on SQLite). Operators typed by the user are searched for, not run."""
    words = [w for w in typed.replace('"', " ").split() if w]
    return " & ".join(f"{_lexeme(w)}:*" for w in words)


def _any_word(words: Iterable[str]) -> str:
    return " | ".join(_lexeme(w) for w in sorted(set(words)) if w.strip())


# -- SQL fragments --------------------------------------------------------------------------
def id_list_select(param: str) -> str:
    return f"SELECT value FROM json_array_elements_text(CAST(:{param} AS json)) AS value"


def id_list(param: str) -> str:
    return f"({id_list_select(param)})"


def json_first(column: str, prop: str) -> str:
    return f"coalesce({column} -> '{prop}' ->> 0, '')"


def json_has_value(column: str, prop: str, param: str) -> str:
    return (f"EXISTS (SELECT 1 FROM json_array_elements_text("
            f"CASE WHEN json_typeof({column} -> '{prop}') = 'array' "
            f"THEN {column} -> '{prop}' ELSE '[]'::json END) AS v "
            f"WHERE lower(v) = :{param})")


def json_values_text(column: str, prop: str) -> str:
    return f"lower(({column} -> '{prop}')::text)"


def nocase(expression: str) -> str:
    return f"lower({expression})"


def no_index(expression: str) -> str:
    return expression


def insertion_order(alias: str) -> str:
    # No rowid: rows that record when they were made are ordered by it, then by id.
    return f"{alias}.created_at, {alias}.id"


def entity_text_match(alias: str, param: str) -> str:
    return f"{alias}.search_vector @@ to_tsquery({CONFIG}, :{param})"


# -- plain rows ----------------------------------------------------------------------------
def fetch_rows(session: Session, sql: str, params: dict[str, Any]) -> list[tuple]:
    return [tuple(row) for row in session.execute(text(sql), params)]


# -- full-text search ----------------------------------------------------------------------
# (table and alias, its title column, the snippet's source or None for the schema)
_SEARCHED = {
    "entities": ("entities e", "e.caption", None),
    "documents": ("documents d", "d.title", "coalesce(d.text, '')"),
    "claims": ("claims c", "c.statement", "c.excerpt"),
}


def _search(session: Session, kind: str, typed: str, limit: int) -> list[tuple]:
    query = text_query(typed)
    if not query:
        return []
    joined, title, snippet_of = _SEARCHED[kind]
    alias = joined.split()[1]
    third = (f"ts_headline({CONFIG}, {snippet_of}, q, "
             "'StartSel=«, StopSel=», MaxWords=12, MinWords=4, FragmentDelimiter=…')"
             if snippet_of else "e.schema")
    return [tuple(r) for r in session.execute(text(
        f"SELECT {alias}.id, {title}, {third} FROM {joined}, to_tsquery({CONFIG}, :q) q "
        f"WHERE {alias}.search_vector @@ q "
        f"ORDER BY ts_rank({alias}.search_vector, q) DESC, {alias}.id LIMIT :n"),
        {"q": query, "n": limit})]


def search_entities(session: Session, query: str, limit: int) -> list[tuple[str, str, str]]:
    return _search(session, "entities", query, limit)


def search_documents(session: Session, query: str, limit: int) -> list[tuple[str, str, str]]:
    return _search(session, "documents", query, limit)


def search_claims(session: Session, query: str, limit: int) -> list[tuple[str, str, str]]:
    return _search(session, "claims", query, limit)


def entity_ids_matching(session: Session, words: Iterable[str], limit: int) -> list[str]:
    query = _any_word(words)
    if not query:
        return []
    return [r[0] for r in session.execute(text(
        f"SELECT id FROM entities WHERE search_vector @@ to_tsquery({CONFIG}, :q) LIMIT :n"),
        {"q": query, "n": limit})]


# -- many rows -------------------------------------------------------------------------------
@contextmanager
def indexed_entity_rows(connection: Connection, rows: list[dict[str, Any]]) -> Iterator[None]:
    """Nothing to defer: the generated search column is computed as each row goes in."""
    yield


def existing_ids(session: Any, model: type, ids: Iterable[str]) -> set[str]:
    ids = list(ids)
    found: set[str] = set()
    for start in range(0, len(ids), 100_000):
        found.update(row[0] for row in session.execute(
            text(f"SELECT id FROM {model.__table__.name} WHERE id IN {id_list('ids')}"),
            {"ids": id_list_value(ids[start:start + 100_000])}))
    return found


def insert_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Many rows through Core's executemany (psycopg batches it)."""
    if rows:
        connection.execute(insert(table), rows)


def plain_rows(connection: Connection, table: Table) -> list[dict[str, Any]]:
    """Every row of ``table`` as a dict of column values (the driver decodes JSON)."""
    return [dict(row._mapping) for row in connection.execute(select(table))]


def update_rows(connection: Connection, table: Table, afters: list[dict[str, Any]],
                columns: list[str], where: list[tuple[str, list[Any]]]) -> int:
    """One executemany UPDATE through Core; the rows changed, or -1 when the driver cannot
    tell for an executemany (the caller then checks the rows themselves)."""
    statement = update(table).where(
        *(table.c[name] == bindparam(f"k_{name}") for name, _ in where)).values(
        {name: bindparam(f"v_{name}", type_=table.c[name].type) for name in columns})
    params = [{**{f"v_{name}": row.get(name) for name in columns},
               **{f"k_{name}": values[index] for name, values in where}}
              for index, row in enumerate(afters)]
    result = connection.execute(statement, params)
    return result.rowcount if connection.dialect.supports_sane_multi_rowcount else -1
