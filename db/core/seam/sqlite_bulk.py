"""Index a bulk import's entities for full-text search once, from the rows in memory.

``db.core.seam.sqlite.deferred_entity_fts`` drops the per-row trigger during an import and
indexes the new rows with one ``INSERT … SELECT`` whose four ``json_each`` sub-queries
re-parse every row's properties JSON. The importer already holds those properties as
Python lists, so ``indexed_entity_rows`` builds the same searchable text (caption, then
the values of ``name``, ``alias``, ``previousName``, ``registrationNumber``, space-joined)
in Python and hands SQLite only the FTS5 insert. Same transaction, trigger restored
(SQLite DDL is transactional: a rollback restores it too). When the new rows' rowids are
not the contiguous run SQLite normally assigns, it falls back to the SQL indexing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Table, TypeDecorator
from sqlalchemy.engine import Connection

from db.core.seam.sqlite_fts import FTS_COLUMNS, NAME_PROPERTIES, deferred_entity_fts


def _values(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value if v is not None]
    return [str(value)]


def entity_names(row: dict[str, Any]) -> str:
    """The text FTS indexes for an entity row: its caption and name-like values."""
    props = row["properties"] or {}
    parts = [row["caption"]]
    for prop in NAME_PROPERTIES:
        value = props.get(prop)
        if not value:
            continue
        if type(value) is list:
            try:
                parts.append(" ".join(value))
                continue
            except TypeError:  # a value that is not text
                pass
        parts.append(" ".join(_values(value)))
    return " ".join(parts)


def _trigger_sql(connection: Connection) -> str | None:
    return connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'entities_fts_ai'"
    ).scalar()


@contextmanager
def indexed_entity_rows(connection: Connection, rows: list[dict[str, Any]]) -> Iterator[None]:
    """Insert ``rows`` (and only them) into ``entities`` inside the block; index them after."""
    if connection.dialect.name != "sqlite" or _trigger_sql(connection) is None:
        with deferred_entity_fts(connection):
            yield
        return
    trigger = _trigger_sql(connection)
    high = connection.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM entities").scalar()
    connection.exec_driver_sql("DROP TRIGGER entities_fts_ai")
    yield
    top, count = connection.exec_driver_sql(
        "SELECT max(rowid), count(*) FROM entities WHERE rowid > ?", (high,)).one()
    columns = FTS_COLUMNS["entity_fts"]
    if count == len(rows) and top == high + count:
        # SQLite gave the rows high+1 … high+n in insertion order: index from memory.
        connection.exec_driver_sql(
            f"INSERT INTO entity_fts(rowid, entity_id, {columns}) VALUES (?, ?, ?)",
            [(high + number, row["id"], entity_names(row))
             for number, row in enumerate(rows, 1)])
    else:
        from db.core.seam.sqlite_fts import _entity_names  # the SQL form of the same text
        connection.exec_driver_sql(
            f"INSERT INTO entity_fts(rowid, entity_id, {columns}) "
            f"SELECT rowid, id, {_entity_names('entities')} FROM entities WHERE rowid > ?",
            (high,))
    connection.exec_driver_sql(trigger)


# -- inserting and finding many rows --------------------------------------------------
def _json_encoder() -> Callable[[Any], str]:
    """``json.dumps(value, ensure_ascii=False)`` without building an encoder per call.

    ``json.dumps`` with keyword arguments constructs a ``JSONEncoder`` (and its C
    encoder) for every value; reusing one C encoder is about three times faster, which
    matters at a million rows. Falls back to a reused ``JSONEncoder`` without the C one.
    """
    encoder = json.JSONEncoder(ensure_ascii=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return encoder.encode
    iterencode = make(None, encoder.default, json.encoder.encode_basestring, None,
                      encoder.key_separator, encoder.item_separator, False, False, True)

    def encode(value: Any) -> str:
        if isinstance(value, str):
            return encoder.encode(value)
        return "".join(iterencode(value, 0))

    return encode


dump_json = _json_encoder()


def existing_ids(session: Any, model: type, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` are rows of ``model`` already.

    An empty table holds none of them; otherwise one query per 100,000 ids, the ids
    passed as one JSON array instead of 500 bound parameters a query.
    """
    ids = list(ids)
    if not ids:
        return set()
    connection = session.connection()
    table = model.__table__.name
    if connection.exec_driver_sql(f"SELECT 1 FROM {table} LIMIT 1").first() is None:
        return set()
    found: set[str] = set()
    for start in range(0, len(ids), 100_000):
        found.update(row[0] for row in connection.exec_driver_sql(
            f"SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
            (dump_json(ids[start:start + 100_000]),)))
    return found


def _cells(connection: Connection, table: Table, rows: list[dict[str, Any]],
           names: list[str]) -> list[list[Any]]:
    """The values of ``names`` over ``rows``, a column at a time, as the driver takes them."""
    values = []
    for name in names:
        column = table.c[name]
        cells = list(map(itemgetter(name), rows))
        if isinstance(column.type, JSON):
            cells = [None if v is None else dump_json(v) for v in cells]
        elif isinstance(column.type, TypeDecorator):  # partial dates: checked, normalised
            process, dialect = column.type.process_bind_param, connection.dialect
            cells = [process(v, dialect) for v in cells]
        values.append(cells)
    return values


def insert_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) straight through the driver.

    SQLAlchemy's per-row bind processing costs more than SQLite's insert itself, so
    parameters are built a column at a time (C-level ``map``/``zip``), JSON columns
    serialised once each with a reused encoder, typed columns (partial dates) through
    their own bind processing, and handed to ``executemany``.
    """
    if not rows:
        return
    names = [c.name for c in table.columns if c.name in rows[0]]
    sql = (f"INSERT INTO {table.name} ({', '.join(names)}) "
           f"VALUES ({', '.join('?' * len(names))})")
    connection.exec_driver_sql(sql, list(zip(*_cells(connection, table, rows, names),
                                             strict=True)))


def update_rows(connection: Connection, table: Table, afters: list[dict[str, Any]],
                columns: list[str], where: list[tuple[str, list[Any]]]) -> int:
    """``UPDATE table SET columns = the afters' values WHERE each (column, values) pair
    matches``, one executemany; returns the rows changed. Many entities: their search
    text is indexed from memory, as ``indexed_entity_rows`` does for inserts."""
    sql = (f"UPDATE {table.name} SET {', '.join(f'{c} = ?' for c in columns)} "
           f"WHERE {' AND '.join(f'{c} = ?' for c, _ in where)}")
    params = list(zip(*_cells(connection, table, afters, columns),
                      *(values for _, values in where), strict=True))
    trigger = None
    if table.name == "entities" and len(afters) > 1000:
        trigger = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'entities_fts_au'"
        ).scalar()
    if trigger is None:
        return connection.exec_driver_sql(sql, params).rowcount
    connection.exec_driver_sql("DROP TRIGGER entities_fts_au")
    changed = connection.exec_driver_sql(sql, params).rowcount
    ids = dump_json([row["id"] for row in afters])
    rowids = dict(connection.exec_driver_sql(
        "SELECT id, rowid FROM entities WHERE id IN (SELECT value FROM json_each(?))",
        (ids,)).all())
    connection.exec_driver_sql(
        "DELETE FROM entity_fts WHERE rowid IN (SELECT value FROM json_each(?))",
        (dump_json(list(rowids.values())),))
    connection.exec_driver_sql(
        f"INSERT INTO entity_fts(rowid, entity_id, {FTS_COLUMNS['entity_fts']}) "
        "VALUES (?, ?, ?)", [(rowids[row["id"]], row["id"], entity_names(row))
                             for row in afters if row["id"] in rowids])
    connection.exec_driver_sql(trigger)
    return changed


def plain_rows(connection: Connection, table: Table) -> list[dict[str, Any]]:
    """Every row of ``table`` as a dict of column values (JSON decoded), straight from the
    driver: what SQLAlchemy's row processing would give, at a fraction of its cost."""
    names = [column.name for column in table.columns]
    decoded = [index for index, column in enumerate(table.columns)
               if isinstance(column.type, JSON)]
    decode = _json_decoder()
    rows = []
    for values in connection.exec_driver_sql(f"SELECT {', '.join(names)} FROM {table.name}"):
        if decoded:
            values = list(values)
            for index in decoded:
                if values[index] is not None:
                    values[index] = decode(values[index])
        rows.append(dict(zip(names, values, strict=True)))
    return rows


def _json_decoder() -> Callable[[str], Any]:
    """``json.loads`` without its two Python-level calls per value: the C scanner first,
    ``json.loads`` for whatever it does not take whole (surrounding blanks, errors)."""
    scan, loads = json.JSONDecoder().scan_once, json.loads

    def decode(text: str) -> Any:
        try:
            value, end = scan(text, 0)
        except (StopIteration, ValueError):
            return loads(text)
        return value if end == len(text) else loads(text)

    return decode
