"""Everything specific to one database engine, behind one seam.

The case file is SQLite (``sqlite``: the file's header, pragmas and WAL;
``sqlite_fts``: FTS5 full-text search and its triggers; ``sqlite_bulk``: fast bulk
inserts; ``sqlite_queries``: the SQL pieces and searches reads cannot write portably).
Nothing outside this package speaks to the driver or writes engine-specific SQL — a test
(tests/db/test_layering.py) holds every other module of ``db/`` to that.

``of(bind)`` answers the queries module for a session's or connection's engine; a
PostgreSQL counterpart offers the same names.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from db.core.seam import sqlite_queries


def of(bind: Any) -> ModuleType:
    """The engine-specific queries for a Session, Connection or Engine."""
    get_bind = getattr(bind, "get_bind", None)
    engine = get_bind() if get_bind is not None else bind
    name = engine.dialect.name
    if name == "sqlite":
        return sqlite_queries
    raise NotImplementedError(f"no database seam for {name!r}")
