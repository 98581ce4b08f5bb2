"""Is the full-text index what the rows say it should be? And rebuild it when it is not.

The FTS5 tables are derived data kept in step by triggers; written directly (with
``sqlite3``) they can hide an entity from search or make a document findable by words it
does not hold. ``fts_differences`` recomputes every indexed text from its row — the same
SQL the triggers use — and walks both in rowid order; FTS5's own ``integrity-check``
catches an index whose internal structure no longer matches its stored text.
``rebuild_fts`` recomputes all three indexes from the rows (``casefile check --repair``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from db.core.seam.sqlite_fts import _FTS_SOURCES, FTS_COLUMNS


def _squeezed(values: tuple) -> tuple:
    # Python and SQL build the same names with different runs of spaces: compare words.
    return tuple(" ".join(str(v or "").split()) for v in values)


def _walk(connection: Connection, sql: str) -> Iterator[tuple]:
    for row in connection.exec_driver_sql(sql):
        yield tuple(row)


def fts_damaged(connection: Connection) -> list[str]:
    """The FTS tables whose internal structure does not match their stored text.

    FTS5's check is an INSERT: it takes the write lock, so it runs on a connection of its
    own that is rolled back at once, not inside a long read."""
    damaged: list[str] = []
    if connection.dialect.name != "sqlite":
        return damaged  # PostgreSQL computes its search column from the row
    for _table, fts, _key, _values in _FTS_SOURCES:
        try:
            connection.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
        except DBAPIError:
            damaged.append(fts)
        connection.rollback()
    return damaged


def fts_differences(connection: Connection, step: Callable[[str], None] = lambda _: None
                    ) -> list[tuple[str, str, str]]:
    """(fts table, row id, problem) for every indexed row that is not what its row says;
    ``step(fts table)`` is called every 20,000 rows (progress, and the chance to cancel)."""
    problems: list[tuple[str, str, str]] = []
    if connection.dialect.name != "sqlite":
        return problems  # PostgreSQL computes its search column from the row: it cannot drift
    for table, fts, key, values in _FTS_SOURCES:
        walked = 0
        expected = _walk(connection, f"SELECT rowid, id, {values(table)} FROM {table} "
                                     f"ORDER BY rowid")
        actual = _walk(connection, f"SELECT rowid, {key}, {FTS_COLUMNS[fts]} FROM {fts} "
                                   f"ORDER BY rowid")
        want, have = next(expected, None), next(actual, None)
        while want is not None or have is not None:
            walked += 1
            if walked % 20_000 == 0:
                step(fts)
            if have is None or (want is not None and want[0] < have[0]):
                problems.append((fts, str(want[1]), "is missing from the search index"))
                want = next(expected, None)
            elif want is None or have[0] < want[0]:
                problems.append((fts, str(have[1]),
                                 "is in the search index but not in the case"))
                have = next(actual, None)
            else:
                if want[1] != have[1]:
                    problems.append((fts, str(want[1]),
                                     f"its search index entry names {have[1]} instead"))
                elif _squeezed(want[2:]) != _squeezed(have[2:]):
                    problems.append((fts, str(want[1]),
                                     "is indexed for search under other words than it holds"))
                want, have = next(expected, None), next(actual, None)
    return problems


def rebuild_fts(connection: Connection) -> None:
    """Recompute every full-text index from the rows (derived data: not audited)."""
    if connection.dialect.name != "sqlite":
        return
    for table, fts, key, values in _FTS_SOURCES:
        connection.exec_driver_sql(f"DELETE FROM {fts}")
        connection.exec_driver_sql(
            f"INSERT INTO {fts}(rowid, {key}, {FTS_COLUMNS[fts]}) "
            f"SELECT rowid, id, {values(table)} FROM {table}")
        connection.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")
