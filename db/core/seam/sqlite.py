"""Everything SQLite-specific, in one place, so the models can run on PostgreSQL.

The case file is an SQLite file marked with our ``application_id``; full-text search
uses FTS5. On another database these functions are the ones to replace.
"""

from __future__ import annotations

import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

# "CFEX" — marks a file as a Case File Explorer case in its SQLite header.
APPLICATION_ID = 0x43464558
SQLITE_MAGIC = b"SQLite format 3\x00"

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
    if connection.dialect.name != "sqlite":
        return []  # a team case's server keeps its own pages; there is no file to check
    rows = connection.exec_driver_sql("PRAGMA integrity_check").fetchall()
    return [row[0] for row in rows if row[0] != "ok"]


def install_pragmas(engine: Engine) -> None:
    """Foreign keys on and WAL journal for every connection of this engine."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.close()


def mark_case_file(connection: Connection, schema_version: int) -> None:
    connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.exec_driver_sql(f"PRAGMA user_version = {int(schema_version)}")


def enable_wal(connection: Connection) -> None:
    connection.exec_driver_sql("PRAGMA journal_mode = WAL")


def checkpoint(connection: Connection) -> None:
    """Fold the -wal file back into the database: the case is one file again."""
    connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
