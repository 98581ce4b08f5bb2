"""Everything specific to one database engine, behind one seam.

The case file is SQLite (``sqlite``: the file's header, pragmas and WAL;
``sqlite_fts``: FTS5 full-text search and its triggers; ``sqlite_bulk``: fast bulk
inserts; ``sqlite_queries``: the SQL pieces and searches reads cannot write portably).
Nothing outside this package speaks to the driver or writes engine-specific SQL — a test
(tests/db/test_layering.py) holds every other module of ``db/`` to that.

Team cases live in PostgreSQL (``postgres_queries``, ``postgres_fts``: the same names,
with ``tsvector`` search). ``of(bind)`` answers the queries module for a session's or
connection's engine.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from db.core.seam import postgres_queries, sqlite_queries


def of(bind: Any) -> ModuleType:
    """The engine-specific queries for a Session, Connection or Engine."""
    get_bind = getattr(bind, "get_bind", None)
    engine = get_bind() if get_bind is not None else bind
    name = engine.dialect.name
    if name == "sqlite":
        return sqlite_queries
    if name == "postgresql":
        return postgres_queries
    raise NotImplementedError(f"no database seam for {name!r}")


def after_copy(connection: Any, table: Any) -> None:
    """After rows were copied in with their own keys: PostgreSQL's sequences must move past
    them (SQLite's autoincrement needs nothing)."""
    if connection.dialect.name != "postgresql":
        return
    from sqlalchemy import Integer, text

    keys = list(table.primary_key.columns)
    if len(keys) == 1 and isinstance(keys[0].type, Integer) and keys[0].autoincrement is True:
        connection.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{keys[0].name}'), "
            f"coalesce((SELECT max({keys[0].name}) FROM {table.name}), 0) + 1, false)"))
