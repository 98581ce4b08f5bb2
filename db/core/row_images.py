"""Row images that compare equal however a row was written or read back.

The audit records rows as the ORM saw them (``Transaction.add``/``update``), as an
importer built them (bulk inserts of plain dicts) or as the driver returns them. The same
row can therefore arrive as ``100`` or ``100.0``, a partial date as typed or normalised,
JSON with keys in any order. ``normalised`` brings a value to one form per column type,
and ``row_digest`` hashes the columns a bulk insert wrote, so ``casefile check`` can tell
a row that is as recorded from one edited behind the app's back.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Boolean, Float, Integer, Table

from db.models import Base
from db.models.base import PartialDateType
from db.partial_date import PartialDateError, normalise

# Tables the audit does not replay: the log itself, signatures beside it (verified by
# their keys), and blobs (content-addressed: their SHA-256 is their check).
NOT_REPLAYED = frozenset({"audit_log", "signatures", "blobs"})

# Digests are 64-bit BLAKE2b: a second row with the same digest costs ~2^64 tries, and a
# million digests stay a few megabytes in the audit row.
DIGEST_CHARS = 16


def _partial_date(value: Any) -> Any:
    try:
        return normalise(value)
    except (PartialDateError, TypeError, ValueError):
        return value


def _number(cast: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        try:
            return cast(value)
        except (TypeError, ValueError):
            return value
    return convert


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _identity(value: Any) -> Any:
    return value


def converter(column: Any) -> Callable[[Any], Any]:
    """How one column's values are brought to a single comparable form."""
    kind = column.type
    if isinstance(kind, PartialDateType):
        return _partial_date
    if isinstance(kind, Boolean):
        return _number(bool)
    if isinstance(kind, Float):
        return _number(float)
    if isinstance(kind, Integer):
        return _number(int)
    if isinstance(kind, JSON):
        return _json
    return _identity


def table_of(name: str) -> Table:
    return Base.metadata.tables[name]


def key_columns(table: Table) -> list[str]:
    return [column.name for column in table.primary_key.columns]


def row_key(table: Table, row: dict[str, Any]) -> str:
    """The id audit rows use for a row: its primary key, parts joined by "/"."""
    return "/".join(str(row[name]) for name in key_columns(table))


def normalised(table: Table, row: dict[str, Any], columns: Iterable[str] | None = None
               ) -> dict[str, Any]:
    names = list(columns) if columns is not None else [c for c in row if c in table.c]
    return {name: converter(table.c[name])(row.get(name)) for name in names}


def _digest_encoder() -> Callable[[Any], str]:
    encoder = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return encoder.encode
    iterencode = make(None, encoder.default, json.encoder.encode_basestring, None,
                      ":", ",", True, False, True)
    return lambda value: "".join(iterencode(value, 0))


_encode = _digest_encoder()


def digester(table: Table, columns: list[str]) -> Callable[[dict[str, Any]], str]:
    """A function giving the digest of a row over ``columns`` (sorted), normalised.

    Runs once per imported row, so it does as little as it can in Python: one
    ``itemgetter`` for all columns, converters only where a type needs one (text columns
    need none), one C-level JSON encode and one hash."""
    converted = [(position, converter(table.c[name])) for position, name in enumerate(columns)
                 if converter(table.c[name]) is not _identity]
    pick = itemgetter(*columns) if columns else (lambda row: ())
    single = len(columns) == 1
    blake2b = hashlib.blake2b
    size = DIGEST_CHARS // 2

    def digest(row: dict[str, Any]) -> str:
        try:
            picked = pick(row)
        except KeyError:  # a row without some column: it stands as None
            picked = tuple(row.get(name) for name in columns) if not single else row.get(
                columns[0])
        values: Any = [picked] if single else picked  # a tuple encodes as a JSON array
        if converted:
            values = list(values)
            for position, convert in converted:
                values[position] = convert(values[position])
        return blake2b(_encode(values).encode("utf-8"), digest_size=size).hexdigest()

    return digest


def bulk_image(table_name: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """What the audit keeps of a bulk insert: each row's key and digest, and the columns
    the digests cover — enough for a replay to verify every row, at a fraction of the
    cost of full images."""
    table = table_of(table_name)
    columns = sorted(name for name in rows[0] if name in table.c) if rows else []
    # A million small lists and strings would each wake the cyclic collector, which then
    # walks every row held in memory: hold it (as imports do) and collect nothing cyclic.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _bulk_image(table, columns, rows)
    finally:
        if was_enabled:
            gc.enable()


def _bulk_image(table: Table, columns: list[str], rows: list[dict[str, Any]]
                ) -> dict[str, Any]:
    digest = digester(table, columns)
    keys = key_columns(table)
    if len(keys) == 1:
        name = keys[0]
        ids = [str(row[name]) for row in rows]
    else:
        ids = ["/".join(str(row[k]) for k in keys) for row in rows]
    return {"inserted": ids, "columns": columns, "digests": [digest(row) for row in rows]}


def bulk_update_image(table_name: str, befores: list[dict[str, Any]],
                      afters: list[dict[str, Any]]) -> dict[str, Any]:
    """A bulk update's audit image: each row's key, the digest of the row after (what a
    replay then expects) and, before, digests over each column set the history's bulk
    writes use — every column, and every column but those the database fills (imports
    leave ``row_version`` to it) — so the replay can compare the row as it last recorded
    it, however that row was written."""
    image = bulk_image(table_name, afters)
    table = table_of(table_name)
    filled = {c.name for c in table.columns if c.server_default is not None}
    befores_by_columns = {}
    for columns in (image["columns"], [c for c in image["columns"] if c not in filled]):
        key = ",".join(columns)
        if key not in befores_by_columns:
            digest = digester(table, columns)
            befores_by_columns[key] = [digest(row) for row in befores]
    return {"updated": image.pop("inserted"), "columns": image["columns"],
            "digests": image["digests"], "before_digests": befores_by_columns}
