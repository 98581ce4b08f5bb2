"""Index a bulk import's entities for full-text search once, from the rows in memory.

``db.core.seam.sqlite.deferred_entity_fts`` drops the per-row trigger during an import and
indexes the new rows with one ``INSERT … SELECT`` whose four ``json_each`` sub-queries
re-parse every row's properties JSON. The importer already holds those properties as
Python lists, so ``indexed_entity_rows`` builds the same searchable text (caption, then
the values of ``name``, ``alias``, ``previousName``, ``registrationNumber``, space-joined)
in Python and hands SQLite only the FTS5 insert. Same transaction, trigger restored
(SQLite DDL is transactional: a rollback restores it too). When the new rows' rowids are
not the contiguous run SQLite normally assigns, it falls back to the SQL indexing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.engine import Connection

from db.core.seam.sqlite import FTS_COLUMNS, NAME_PROPERTIES, deferred_entity_fts

__all__ = ["deferred_entity_fts", "entity_names", "indexed_entity_rows"]



def _values(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value if v is not None]
    return [str(value)]


def entity_names(row: dict[str, Any]) -> str:
    """The text FTS indexes for an entity row: its caption and name-like values."""
    props = row["properties"] or {}
    parts = [row["caption"]]
    for prop in NAME_PROPERTIES:
        value = props.get(prop)
        if not value:
            continue
        if type(value) is list:
            try:
                parts.append(" ".join(value))
                continue
            except TypeError:  # a value that is not text
                pass
        parts.append(" ".join(_values(value)))
    return " ".join(parts)


def _trigger_sql(connection: Connection) -> str | None:
    return connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'entities_fts_ai'"
    ).scalar()


@contextmanager
def indexed_entity_rows(connection: Connection, rows: list[dict[str, Any]]) -> Iterator[None]:
    """Insert ``rows`` (and only them) into ``entities`` inside the block; index them after."""
    if connection.dialect.name != "sqlite" or _trigger_sql(connection) is None:
        with deferred_entity_fts(connection):
            yield
        return
    trigger = _trigger_sql(connection)
    high = connection.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM entities").scalar()
    connection.exec_driver_sql("DROP TRIGGER entities_fts_ai")
    yield
    top, count = connection.exec_driver_sql(
        "SELECT max(rowid), count(*) FROM entities WHERE rowid > ?", (high,)).one()
    columns = FTS_COLUMNS["entity_fts"]
    if count == len(rows) and top == high + count:
        # SQLite gave the rows high+1 … high+n in insertion order: index from memory.
        connection.exec_driver_sql(
            f"INSERT INTO entity_fts(rowid, entity_id, {columns}) VALUES (?, ?, ?)",
            [(high + number, row["id"], entity_names(row))
             for number, row in enumerate(rows, 1)])
    else:
        from db.core.seam.sqlite import _entity_names  # the SQL form of the same text
        connection.exec_driver_sql(
            f"INSERT INTO entity_fts(rowid, entity_id, {columns}) "
            f"SELECT rowid, id, {_entity_names('entities')} FROM entities WHERE rowid > ?",
            (high,))
    connection.exec_driver_sql(trigger)
