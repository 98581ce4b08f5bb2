"""SQLite's full-text search (FTS5): the index tables, the triggers that keep them in
step with every write, safe queries from what people type, and deferring the entity
index during a bulk import."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Connection

FTS_TABLES = {
    "document_fts": "CREATE VIRTUAL TABLE IF NOT EXISTS document_fts USING fts5("
    "document_id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')",
    "entity_fts": "CREATE VIRTUAL TABLE IF NOT EXISTS entity_fts USING fts5("
    "entity_id UNINDEXED, names, tokenize='unicode61 remove_diacritics 2')",
    "claim_fts": "CREATE VIRTUAL TABLE IF NOT EXISTS claim_fts USING fts5("
    "claim_id UNINDEXED, excerpt, statement, tokenize='unicode61 remove_diacritics 2')",
}

FTS_COLUMNS = {
    "document_fts": "title, text",
    "entity_fts": "names",
    "claim_fts": "excerpt, statement",
}


# The entity properties whose values are searchable as names (besides the caption).
NAME_PROPERTIES = ("name", "alias", "previousName", "registrationNumber")


def _entity_names(row: str) -> str:
    """SQL for the searchable names of an entity row: caption, names, aliases."""
    parts = [f"{row}.caption"] + [
        f"coalesce((SELECT group_concat(value, ' ') FROM json_each({row}.properties, "
        f"'$.{prop}')), '')"
        for prop in NAME_PROPERTIES
    ]
    return " || ' ' || ".join(parts)


# (table, fts table, key column, SQL of the indexed values for row alias "new"/"old")
_FTS_SOURCES = (
    ("documents", "document_fts", "document_id", lambda r: f"{r}.title, {r}.text"),
    ("entities", "entity_fts", "entity_id", _entity_names),
    ("claims", "claim_fts", "claim_id", lambda r: f"{r}.excerpt, {r}.statement"),
)


def create_fts(connection: Connection) -> None:
    """FTS5 tables, triggers that keep them in step with every write, initial fill.

    Triggers (not services) keep the index right, so undo, redo, imports through Core and
    merges all stay searchable without each remembering to.
    """
    for ddl in FTS_TABLES.values():
        connection.exec_driver_sql(ddl)
    for table, fts, key, values in _FTS_SOURCES:
        insert_new = (f"INSERT INTO {fts}(rowid, {key}, {FTS_COLUMNS[fts]}) "
                      f"VALUES (new.rowid, new.id, {values('new')});")
        delete_old = f"DELETE FROM {fts} WHERE rowid = old.rowid;"
        connection.exec_driver_sql(
            f"CREATE TRIGGER IF NOT EXISTS {table}_fts_ai AFTER INSERT ON {table} "
            f"BEGIN {insert_new} END")
        connection.exec_driver_sql(
            f"CREATE TRIGGER IF NOT EXISTS {table}_fts_ad AFTER DELETE ON {table} "
            f"BEGIN {delete_old} END")
        connection.exec_driver_sql(
            f"CREATE TRIGGER IF NOT EXISTS {table}_fts_au AFTER UPDATE ON {table} "
            f"BEGIN {delete_old} {insert_new} END")
        connection.exec_driver_sql(
            f"INSERT INTO {fts}(rowid, {key}, {FTS_COLUMNS[fts]}) "
            f"SELECT rowid, id, {values(table)} FROM {table}")


def drop_fts(connection: Connection) -> None:
    for table, _fts, _key, _values in _FTS_SOURCES:
        for suffix in ("ai", "ad", "au"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
    for name in FTS_TABLES:
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")


def fts_query(text: str) -> str:
    """Turn what a person types into a safe FTS5 query: every word, as a prefix.

    Quotes are doubled so that operators typed by the user are searched for, not run.
    """
    words = [w for w in text.replace('"', " ").split() if w]
    return " ".join(f'"{w}"*' for w in words)


# -- bulk imports index entity names once, not once per row ----------------------------
# The entities_fts_ai trigger evaluates four json_each sub-queries per inserted entity;
# for a million-row import that dominates. Within the import's own transaction the
# trigger is dropped, the rows inserted, indexed with one INSERT … SELECT, and the
# trigger recreated. SQLite DDL is transactional: a rollback restores the trigger too.
def _trigger_sql(connection: Connection) -> str | None:
    return connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'entities_fts_ai'"
    ).scalar()


@contextmanager
def deferred_entity_fts(connection: Connection) -> Iterator[None]:
    """Index entities inserted inside the block in one statement at its end."""
    if connection.dialect.name != "sqlite":
        yield
        return
    trigger = _trigger_sql(connection)
    if trigger is None:
        yield
        return
    high = connection.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM entities").scalar()
    connection.exec_driver_sql("DROP TRIGGER entities_fts_ai")
    yield
    names = _entity_names("entities")
    connection.exec_driver_sql(
        f"INSERT INTO entity_fts(rowid, entity_id, {FTS_COLUMNS['entity_fts']}) "
        f"SELECT rowid, id, {names} FROM entities WHERE rowid > ?", (high,))
    connection.exec_driver_sql(trigger)
