"""Everything SQLite-specific, in one place, so the models can run on PostgreSQL.

The case file is an SQLite file marked with our ``application_id``; full-text search
uses FTS5. On another database these functions are the ones to replace.
"""

from __future__ import annotations

import sqlite3
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

# "CFEX" — marks a file as a Case File Explorer case in its SQLite header.
APPLICATION_ID = 0x43464558
SQLITE_MAGIC = b"SQLite format 3\x00"

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


@dataclass(frozen=True)
class Header:
    """What the 100-byte SQLite header says, read without opening the database."""

    page_size: int
    page_count: int
    user_version: int
    application_id: int


def read_header(path: Path) -> Header | None:
    """The header of an SQLite file, or None when the file is not SQLite at all."""
    with open(path, "rb") as handle:
        raw = handle.read(100)
    if len(raw) < 100 or not raw.startswith(SQLITE_MAGIC):
        return None
    page_size = struct.unpack(">H", raw[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    page_count = struct.unpack(">I", raw[28:32])[0]
    user_version = struct.unpack(">I", raw[60:64])[0]
    application_id = struct.unpack(">I", raw[68:72])[0]
    return Header(page_size, page_count, user_version, application_id)


def quick_check(path: Path) -> str | None:
    """Run SQLite's quick_check read-only; None when fine, else the first problem.

    Without a -wal file beside it the database is opened ``immutable``, so checking a
    file creates no -wal/-shm files next to it; with one, read-only mode reads the WAL.
    """
    wal = path.with_name(path.name + "-wal")
    uri = f"file:{path}?mode=ro" if wal.exists() else f"file:{path}?mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    problems = [row[0] for row in rows if row[0] != "ok"]
    return problems[0] if problems else None


def integrity_check(connection: Connection) -> list[str]:
    rows = connection.exec_driver_sql("PRAGMA integrity_check").fetchall()
    return [row[0] for row in rows if row[0] != "ok"]


def install_pragmas(engine: Engine) -> None:
    """Foreign keys on and WAL journal for every connection of this engine."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.close()


def mark_case_file(connection: Connection, schema_version: int) -> None:
    connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.exec_driver_sql(f"PRAGMA user_version = {int(schema_version)}")


def enable_wal(connection: Connection) -> None:
    connection.exec_driver_sql("PRAGMA journal_mode = WAL")


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
