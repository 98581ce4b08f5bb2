"""What an SQLite file's schema holds — every table, index, trigger and view in
``sqlite_master`` — read without executing any of it, and compared with a reference.

A case file from someone else may carry objects our migrations never made: a trigger
that empties ``claims`` after the next audit row, a view that calls ``load_extension``, a
table whose definition was changed. ``differences`` names each one; ``copy_rows`` moves
only the data of the tables we know into a freshly migrated file (the quarantine copy).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Connection

from db.core.seam.sqlite import connect, untrusted

# Tables SQLite itself creates (ANALYZE; AUTOINCREMENT). They hold statistics or
# counters, never code, and are not part of what our migrations describe.
SQLITE_OWN_TABLES = {"sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4",
                     "sqlite_sequence"}


@dataclass(frozen=True)
class SchemaObject:
    """One row of ``sqlite_master``, its SQL with whitespace normalised."""

    type: str  # table, index, trigger, view
    name: str
    table: str
    sql: str | None

    @property
    def key(self) -> tuple[str, str]:
        return (self.type, self.name)

    @property
    def is_plain_table(self) -> bool:
        return self.type == "table" and (self.sql or "").upper().startswith("CREATE TABLE")


class Unreadable(Exception):
    """The file's schema or rows cannot be read: it is damaged. One line."""


def normalised(sql: str | None) -> str | None:
    return " ".join(sql.split()) if sql else None


def schema_objects(connection: sqlite3.Connection) -> dict[tuple[str, str], SchemaObject]:
    """Every object of the main schema, keyed by (type, name). Reads only sqlite_master."""
    rows = connection.execute(
        "SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall()
    objects = {}
    for kind, name, table, sql in rows:
        if kind == "table" and name in SQLITE_OWN_TABLES:
            continue
        item = SchemaObject(str(kind), str(name), str(table), normalised(sql))
        objects[item.key] = item
    return objects


def differences(found: dict[tuple[str, str], SchemaObject],
                expected: dict[tuple[str, str], SchemaObject]) -> list[str]:
    """One short phrase per object that is extra, altered or missing; empty when equal.

    Extra and altered objects come first: they are what could run someone else's code.
    """
    extra = [f"it has {'an' if item.type == 'index' else 'a'} {item.type} {item.name!r} "
             f"that Case File Explorer does not create"
             for key, item in sorted(found.items()) if key not in expected]
    altered = [f"its {item.type} {item.name!r} was altered"
               for key, item in sorted(found.items())
               if key in expected and (item.sql, item.table) != (expected[key].sql,
                                                                 expected[key].table)]
    missing = [f"its {item.type} {item.name!r} is missing"
               for key, item in sorted(expected.items()) if key not in found]
    return extra + altered + missing


def stored_revision(connection: sqlite3.Connection) -> str | None:
    """The Alembic revision a file records, read as data (never through a view)."""
    row = connection.execute("SELECT version_num FROM main.alembic_version").fetchone()
    return str(row[0]) if row else None


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def read_schema(path: Path) -> tuple[dict[tuple[str, str], SchemaObject], str | None]:
    """The objects of an untrusted file and the revision it records (None when its
    ``alembic_version`` is not a plain table). ``Unreadable`` when damaged."""
    try:
        connection = untrusted(path)
        try:
            found = schema_objects(connection)
            plain = found.get(("table", "alembic_version"))
            revision = stored_revision(connection) if plain and plain.is_plain_table else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise Unreadable(_first_line(error)) from None
    return found, revision


def case_identity(path: Path, ignore_wal: bool = False) -> str | None:
    """The ``case_id`` a case records (with or without its -wal folded in); None when
    it has none or cannot say."""
    try:
        connection = untrusted(path, ignore_wal=ignore_wal)
        try:
            row = connection.execute(
                "SELECT value FROM main.case_meta WHERE key = 'case_id'").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row else None


def schema_of(connection: Connection) -> dict[tuple[str, str], SchemaObject]:
    """The objects of the database behind an SQLAlchemy connection."""
    return schema_objects(connection.connection.driver_connection)


def copy_tables(source: Path, target: Path, tables: list[str],
                step: Callable[[int, int, str], None]) -> dict[str, tuple[int, int]]:
    """Copy the stored columns both files share of each plain table in ``tables`` from an
    untrusted ``source`` into ``target``: {table: (rows read, rows written)}."""
    copied: dict[str, tuple[int, int]] = {}
    try:
        reader = untrusted(source)
        writer = connect(target, read_only=False)
        try:
            present = schema_objects(reader)
            for done, table in enumerate(tables):
                step(done, len(tables), table)
                item = present.get(("table", table))
                if item is None or not item.is_plain_table:
                    continue
                available = set(columns(reader, table))
                names = [name for name in columns(writer, table) if name in available]
                copied[table] = copy_rows(reader, writer, table, names,
                                          lambda _n, d=done, t=table: step(d, len(tables), t))
            writer.commit()
        finally:
            reader.close()
            writer.close()
    except sqlite3.DatabaseError as error:
        raise Unreadable(_first_line(error)) from None
    return copied


def columns(connection: sqlite3.Connection, table: str) -> list[str]:
    # table_xinfo lists hidden and generated columns too; only stored ones are copied
    # (hidden = 0), so a generated column's expression is never evaluated.
    rows = connection.execute("SELECT name, hidden FROM pragma_table_xinfo(?)",
                              (table,)).fetchall()
    return [str(name) for name, hidden in rows if hidden == 0]


def copy_rows(source: sqlite3.Connection, target: sqlite3.Connection, table: str,
              names: Iterable[str], on_rows: Callable[[int], None],
              batch: int = 500) -> tuple[int, int]:
    """Copy the named columns of ``table`` from source to target: (rows read, rows
    written). Rows that break the target's constraints are left out, not half-copied."""
    listed = list(names)
    quoted = ", ".join('"' + name.replace('"', '""') + '"' for name in listed)
    marks = ", ".join("?" for _ in listed)
    cursor = source.execute(f'SELECT {quoted} FROM main."{table}"')
    read = written = 0
    while rows := cursor.fetchmany(batch):
        written += target.executemany(
            f'INSERT OR IGNORE INTO main."{table}" ({quoted}) VALUES ({marks})', rows).rowcount
        read += len(rows)
        on_rows(read)
    return read, written
