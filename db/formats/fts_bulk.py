"""Bulk imports index entity names once, not once per row (SQLite FTS5 seam).

The ``entities_fts_ai`` trigger (``db/sqlite_seam.py``) evaluates four ``json_each``
sub-queries for every inserted entity; for a million-row import that dominates. Within
the import's own transaction, ``deferred_entity_fts`` drops the trigger, lets the bulk
insert run, indexes the new rows with one ``INSERT … SELECT`` and recreates the trigger.
SQLite DDL is transactional, so a rollback (failure, Cancel) restores the trigger too.
Undo and redo replay rows with the trigger in place, so the index stays right.

This belongs in ``db/sqlite_seam.py`` (it is SQLite-specific); it lives here until the
lead moves it. On another database it should be a no-op context manager.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Connection

from db import sqlite_seam


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
    names = sqlite_seam._entity_names("entities")  # noqa: SLF001 - same seam, moving there
    connection.exec_driver_sql(
        f"INSERT INTO entity_fts(rowid, entity_id, {sqlite_seam.FTS_COLUMNS['entity_fts']}) "
        f"SELECT rowid, id, {names} FROM entities WHERE rowid > ?", (high,))
    connection.exec_driver_sql(trigger)
