"""Everything SQLite-specific, in one place, so the models can run on PostgreSQL.

The case file is an SQLite file marked with our ``application_id``; full-text search
uses FTS5. On another database these functions are the ones to replace.
"""

from __future__ import annotations

import sqlite3
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

# "CFEX" — marks a file as a Case File Explorer case in its SQLite header.
APPLICATION_ID = 0x43464558
SQLITE_MAGIC = b"SQLite format 3\x00"
# How long one statement waits for another process's lock before SQLite gives up.
BUSY_TIMEOUT_MS = 5000
# How long one attempt to start a write waits before the wait is reported.
WRITE_POLL_MS = 250

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


def uri(path: Path, *, read_only: bool, immutable: bool = False, create: bool = False) -> str:
    """An SQLite URI for ``path``: read-only (and ``immutable``: no -wal/-shm ever made
    beside it), read-write (never creating a missing file), or read-write-create."""
    mode = "ro" if read_only else ("rwc" if create else "rw")
    text = f"file:{quote(str(path.absolute()))}?mode={mode}"
    return text + "&immutable=1" if immutable else text


def connect(path: Path, *, read_only: bool, immutable: bool = False,
            create: bool = False) -> sqlite3.Connection:
    """A driver connection with the defensive settings every connection gets."""
    connection = sqlite3.connect(uri(path, read_only=read_only, immutable=immutable,
                                     create=create), uri=True, check_same_thread=False)
    harden(connection)
    return connection


def harden(connection: sqlite3.Connection) -> None:
    """No extension loading, cell sizes checked on every page read.

    ``trusted_schema`` stays ON on working connections: SQLite 3.40's FTS5 is not marked
    innocuous, so with it OFF our own full-text triggers stop working. Working connections
    are only made after ``sqlite_schema.differences`` found the file's schema to be
    exactly the one our migrations create; everything that reads a file *before* that
    (and the quarantine copy) uses ``untrusted`` connections with ``trusted_schema=OFF``.
    Python 3.11's sqlite3 does not expose ``sqlite3_db_config``, so
    SQLITE_DBCONFIG_DEFENSIVE cannot be set from here.
    """
    if hasattr(connection, "enable_load_extension"):
        connection.enable_load_extension(False)
    connection.execute("PRAGMA cell_size_check = ON")


def untrusted(path: Path, ignore_wal: bool = False) -> sqlite3.Connection:
    """A read-only connection to a file nobody has vouched for yet.

    Without a -wal file beside it (or ``ignore_wal``) the database is opened
    ``immutable``, so reading it creates no -wal/-shm files next to it; with one,
    read-only mode reads the WAL too.
    """
    wal = path.with_name(path.name + "-wal")
    connection = connect(path, read_only=True, immutable=ignore_wal or not wal.exists())
    connection.execute("PRAGMA trusted_schema = OFF")
    return connection


def quick_check(path: Path) -> str | None:
    """Run SQLite's quick_check read-only; None when fine, else the first problem.

    Reads the whole file: for ``casefile check`` and for a -wal file of unknown origin,
    never on an ordinary open.
    """
    try:
        connection = untrusted(path)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    problems = [row[0] for row in rows if row[0] != "ok"]
    return problems[0] if problems else None


def damage(error: BaseException) -> str | None:
    """The first line of a driver error that means the file is damaged, else None."""
    cause = getattr(error, "orig", None) or error
    if not isinstance(cause, sqlite3.DatabaseError) or \
            isinstance(cause, sqlite3.OperationalError) and "locked" in str(cause):
        return None
    text = str(cause)
    words = ("malformed", "not a database", "corrupt", "disk image", "file is not",
             "vtable constructor")
    return text.splitlines()[0] if any(word in text for word in words) else None


def integrity_check(connection: Connection) -> list[str]:
    if connection.dialect.name != "sqlite":
        return []  # a team case's server keeps its own pages; there is no file to check
    rows = connection.exec_driver_sql("PRAGMA integrity_check").fetchall()
    return [row[0] for row in rows if row[0] != "ok"]


def install_pragmas(engine: Engine) -> None:
    """Foreign keys on, a busy timeout and the defensive settings on every connection."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.close()


def mark_case_file(connection: Connection, schema_version: int) -> None:
    connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.exec_driver_sql(f"PRAGMA user_version = {int(schema_version)}")


def enable_wal(connection: Connection) -> None:
    if connection.exec_driver_sql("PRAGMA journal_mode").scalar() != "wal":
        connection.exec_driver_sql("PRAGMA journal_mode = WAL")


class WriterBusy(Exception):
    """Another connection kept the write lock for longer than we were willing to wait."""


def begin_write(connection: Connection, waiting: Callable[[float], None],
                patience_s: float) -> None:
    """Start the write transaction now (BEGIN IMMEDIATE), waiting for another writer.

    A deferred transaction that reads first and writes later fails at once with
    "database is locked" when another process committed in between (WAL snapshots cannot
    be upgraded); taking the write lock first makes every write wait its turn instead.
    ``waiting(seconds_waited)`` is called between attempts (it may raise to give up).
    """
    raw = connection.connection.driver_connection
    started = time.monotonic()
    raw.execute(f"PRAGMA busy_timeout = {WRITE_POLL_MS}")
    try:
        while True:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) and "busy" not in str(error):
                    raise
            waited = time.monotonic() - started
            if waited > patience_s:
                raise WriterBusy(f"waited {waited:.0f} s")
            waiting(waited)
    finally:
        raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def checkpoint(connection: Connection) -> None:
    """Fold the -wal file back into the database: the case is one file again."""
    connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def companions(path: Path) -> list[Path]:
    """The files SQLite keeps beside a database while it is open."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]
