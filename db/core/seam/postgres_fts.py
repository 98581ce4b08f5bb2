"""PostgreSQL's full-text search for team cases: a generated ``tsvector`` column per searched
table, computed by the server on every insert and update, with a GIN index.

The same text as SQLite's FTS5 tables holds: an entity's caption and name-like property
values (``sqlite_fts.NAME_PROPERTIES``), a document's title and text, a claim's excerpt
and statement. A document's text is indexed up to its first ``DOCUMENT_CHARS``
characters (a ``tsvector`` is limited to 1 MB).

Words are folded as SQLite's ``remove_diacritics`` folds them ("Ålias" is found as
"alias") through the ``casefile_search`` configuration: ``simple`` with PostgreSQL's
``unaccent`` dictionary (a trusted extension: a database owner may create it). Where the
server lacks it, the configuration is plain ``simple`` and accents must be typed.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from db.core.seam.sqlite_fts import NAME_PROPERTIES

DOCUMENT_CHARS = 200_000


def _joined(*parts: str) -> str:
    return " || ' ' || ".join(f"coalesce({part}, '')" for part in parts)


_VECTORS = {
    "entities": _joined("caption", *(f"properties ->> '{p}'" for p in NAME_PROPERTIES)),
    "documents": _joined("title", f"left(text, {DOCUMENT_CHARS})"),
    "claims": _joined("excerpt", "statement"),
}


CONFIG = "casefile_search"


def _create_config(connection: Connection) -> None:
    connection.exec_driver_sql(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple)")
    savepoint = connection.begin_nested()
    try:
        connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
        connection.exec_driver_sql(
            f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR "
            "asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, "
            "hword_part, hword_numpart "
            "WITH unaccent, simple")
        savepoint.commit()
    except Exception:  # no unaccent here: words are matched as typed
        savepoint.rollback()


def create_fts(connection: Connection) -> None:
    _create_config(connection)
    for table, source in _VECTORS.items():
        connection.exec_driver_sql(
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
            f"GENERATED ALWAYS AS (to_tsvector('{CONFIG}', {source})) STORED")
        connection.exec_driver_sql(
            f"CREATE INDEX ix_{table}_search_vector ON {table} USING gin (search_vector)")


def drop_fts(connection: Connection) -> None:
    for table in _VECTORS:
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS ix_{table}_search_vector")
        connection.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
    connection.exec_driver_sql(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")
