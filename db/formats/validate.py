"""The last check before an import writes: a batch the case can hold, or one clear line.

Every reader checks its own format as it reads (line numbers, statement ids); this
module checks what all of them produce, in the shape the tables need, so that a file
from someone else can never reach the database as a constraint error with an SQL and
parameter dump. ``check_batch`` raises ``FormatError`` naming the first problem; the
write has not started, so the case is unchanged.

It also holds the bounds every reader applies: the longest value, the deepest nesting,
the largest file.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from db.formats.results import KINDS, FormatError, ImportBatch
from db.schemata import ENTITY_SCHEMATA, LINK_SCHEMATA

MAX_VALUE_CHARS = 100_000  # one property value, one cell, one attribute
MAX_ID_CHARS = 1_000
MAX_NESTING = 64  # JSON levels; real FtM is 4 deep, BODS under 10
MAX_FILE_BYTES = 2 * 1024 ** 3

ENTITY_SCHEMA_SET = frozenset(ENTITY_SCHEMATA)


def too_long(value: str, where: str, what: str = "a value") -> FormatError:
    return FormatError(f"{where}: {what} of {len(value):,} characters is longer than "
                       f"{MAX_VALUE_CHARS:,}")


def check_text(value: Any, where: str, what: str = "a value") -> str:
    """``value`` as bounded text (numbers are written as text); else FormatError."""
    if type(value) is str:
        if len(value) > MAX_VALUE_CHARS:
            raise too_long(value, where, what)
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FormatError(f"{where}: {what} holds a {type(value).__name__}, not text")
    if isinstance(value, float) and not math.isfinite(value):
        raise FormatError(f"{where}: {what} is not a finite number")
    return str(value)


def check_id(value: Any, where: str, what: str = "id") -> str:
    if type(value) is not str or not value.strip():
        raise FormatError(f"{where}: {what} must be non-empty text")
    if len(value) > MAX_ID_CHARS:
        raise FormatError(f"{where}: {what} is longer than {MAX_ID_CHARS:,} characters")
    return value


def depth(value: Any) -> int:
    """How deeply lists and objects nest in ``value`` (iterative: no recursion limit)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        if level > MAX_NESTING:
            return level
        stack.extend((child, level + 1) for child in children)
    return deepest


def check_depth(value: Any, where: str) -> None:
    if depth(value) > MAX_NESTING:
        raise FormatError(f"{where}: nested more than {MAX_NESTING} levels deep")


def check_size(size: int, name: str) -> None:
    if size > MAX_FILE_BYTES:
        raise FormatError(f"{name}: {size:,} bytes is larger than this importer reads "
                          f"({MAX_FILE_BYTES:,})")


def _properties(props: Any, where: str) -> None:
    if type(props) is not dict:
        raise FormatError(f"{where}: properties must map names to lists of values")
    for key, values in props.items():
        check_text(key, where, "a property name")
        if type(values) is not list:
            raise FormatError(f"{where}: property {key!r} must be a list of values")
        for value in values:
            check_text(value, where, f"property {key!r}")


def _share(value: Any, where: str) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
        raise FormatError(f"{where}: share {value!r} is not a percentage from 0 to 100")


def _entity(row: dict[str, Any], where: str) -> None:
    if row["schema"] not in ENTITY_SCHEMA_SET:
        raise FormatError(f"{where}: unknown entity schema {row['schema']!r}")
    check_text(row["caption"], where, "the name")
    _properties(row["properties"], where)


def _link(row: dict[str, Any], where: str) -> None:
    if row["schema"] not in LINK_SCHEMATA:
        raise FormatError(f"{where}: unknown link type {row['schema']!r}")
    check_id(row["source_id"], where, "the source")
    check_id(row["target_id"], where, "the target")
    _share(row.get("share_min"), where)
    _share(row.get("share_max"), where)
    low, high = row.get("share_min"), row.get("share_max")
    if low is not None and high is not None and low > high:
        raise FormatError(f"{where}: share range {low}–{high} runs backwards")
    for key in ("role", "start_date", "end_date", "shares_currency", "origin"):
        if row.get(key) is not None:
            check_text(row[key], where, key.replace("_", " "))
    value = row.get("shares_value")
    if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)
                              or not math.isfinite(value)):
        raise FormatError(f"{where}: shares value {value!r} is not a number")
    _properties(row.get("properties") or {}, where)


def check_batch(batch: ImportBatch) -> None:
    """Raise ``FormatError`` for the first row the case could not hold as read."""
    for kind in KINDS:
        rows = getattr(batch, kind)
        counts = Counter(row.get("id") for row in rows)
        twice = [key for key, n in counts.items() if n > 1]
        if twice:
            raise FormatError(f"{batch.origin}: {len(twice)} id(s) among the {kind.replace('_', ' ')} "
                              f"occur more than once (first: {str(twice[0])[:80]!r})")
        check_rows(batch.origin, kind, rows)


def check_rows(origin: str, kind: str, rows: list[dict[str, Any]]) -> None:
    """Raise ``FormatError`` for the first of ``rows`` (of ``kind``) the case could not hold."""
    for row in rows:
        where = f"{origin}, {kind[:-1].replace('_', ' ')} {str(row.get('id'))[:80]!r}"
        check_id(row.get("id"), where)
        if kind == "entities":
            _entity(row, where)
        elif kind == "links":
            _link(row, where)
