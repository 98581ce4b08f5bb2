"""FtM lines in: JSON lines or one JSON array, each object checked before it is used.

Every value is bounded text, ids are text, the app's own ``"casefile"`` context holds only
what our exporter writes, and FtM's statement metadata (``datasets``, ``first_seen``,
``last_seen``, ``last_change``, ``referents``) has the types FtM gives it. A file that
breaks any of this is refused with the line at fault (``FormatError``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from db.core.progress import NO_PROGRESS, Progress
from db.formats.results import FormatError
from db.formats.validate import (
    MAX_ID_CHARS,
    MAX_NESTING,
    MAX_VALUE_CHARS,
    check_id,
    check_size,
    check_text,
)

# FtM's top-level statement metadata → the app property that keeps it on the entity.
METADATA = {"datasets": "ftmDatasets", "first_seen": "ftmFirstSeen",
            "last_seen": "ftmLastSeen", "last_change": "ftmLastChange",
            "referents": "mergedIds"}


def iter_objects(data: bytes, name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each FtM entity in JSON lines or a JSON array.

    Lines are split on ``\n`` only: JSON text may hold U+2028 and other characters that
    ``str.splitlines`` would also break at.
    """
    check_size(len(data), name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FormatError(f"{name}: not UTF-8 text (byte {error.start})") from None
    if text.lstrip().startswith("["):
        yield from _array_objects(text, name)
        return
    if "\r" in text:  # CRLF files: a raw CR is only ever whitespace between JSON tokens
        text = text.replace("\r\n", "\n")
    parse = _line_parser(name)
    for number, line in enumerate(text.split("\n"), 1):
        item = parse(line, number)
        if item is not None:
            yield number, item


def iter_file_objects(path: Path, name: str | None = None, progress: Progress = NO_PROGRESS,
                      text: str = "", *, ids_only: bool = False
                      ) -> Iterator[tuple[int, dict[str, Any]]]:
    """As ``iter_objects``, reading ``path`` a line at a time: JSON lines never hold more
    than one line in memory, whatever the file's size. (A JSON array is one value: it is
    read whole, as ``iter_objects`` reads it.) ``progress`` hears of bytes read.

    ``ids_only``: each line is valid JSON with a text ``id`` and ``schema``, the rest
    unchecked — for a first pass whose second pass checks everything."""
    name = name or path.name
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, also when abandoned
    except OSError as error:
        raise FormatError(f"{name}: cannot read ({error.strerror})") from None
    with handle:
        size = os.fstat(handle.fileno()).st_size
        check_size(size, name)
        head = handle.read(4096)
        if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
            yield from iter_objects(head + handle.read(), name)
            return
        handle.seek(0)
        parse = _line_parser(name, ids_only)
        offset = 0
        for number, raw in enumerate(handle, 1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw, offset = raw[3:], 3
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise FormatError(f"{name}: not UTF-8 text (byte {offset + error.start})"
                                  ) from None
            offset += len(raw)
            if number % 20_000 == 0:  # in KiB: a progress bar counts in 32-bit integers
                progress.step(offset >> 10, max(size >> 10, 1), text)
            if line.endswith("\n"):
                line = line[:-2] if line.endswith("\r\n") else line[:-1]
            item = parse(line, number)
            if item is not None:
                yield number, item


def _array_objects(text: str, name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        items = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(f"{name}, line {error.lineno}: not valid JSON ({error.msg})") from None
    except RecursionError:
        raise FormatError(f"{name}: nested more than {MAX_NESTING} levels deep") from None
    for index, item in enumerate(items, 1):
        yield index, _check_object(item, name, f"item {index}")


def _line_parser(name: str, ids_only: bool = False
                 ) -> Callable[[str, int], dict[str, Any] | None]:
    """A function (line, its number) → the checked object, or None for a blank line.

    Each line goes to the C scanner directly (``json.loads`` adds two Python calls per
    line); anything it does not take whole — surrounding blanks, an error — is handed to
    ``json.loads`` for its verdict and message.
    """
    scan = json.JSONDecoder().scan_once
    loads = json.loads

    def parse(line: str, number: int) -> dict[str, Any] | None:
        try:
            item, end = scan(line, 0)
            if end != len(line):
                raise StopIteration
        except (StopIteration, json.JSONDecodeError, RecursionError):
            if not line.strip():
                return None
            try:
                item = loads(line)
            except json.JSONDecodeError as error:
                raise FormatError(f"{name}, line {number}: not valid JSON ({error.msg})") from None
            except RecursionError:
                raise FormatError(f"{name}, line {number}: nested more than {MAX_NESTING} "
                                  "levels deep") from None
        if ids_only:
            return _check_ids(item, f"{name}, line {number}")
        return _check_object(item, name, f"line {number}")

    return parse


def _check_values(props: Any, where: str) -> dict[str, list[str]]:
    """FtM properties: names → lists of text (numbers become text), each value bounded."""
    if type(props) is not dict:
        raise FormatError(f"{where}: \"properties\" must map names to lists of values")
    for key, values in props.items():
        if type(values) is not list:
            raise FormatError(f"{where}: \"properties\" must map names to lists of values")
        if len(key) > MAX_ID_CHARS:
            raise FormatError(f"{where}: a property name is longer than {MAX_ID_CHARS:,} "
                              "characters")
        for value in values:
            if type(value) is not str or len(value) > MAX_VALUE_CHARS:
                props[key] = [check_text(x, where, f"property {key!r}") for x in values]
                break
    return props


def _check_context(context: Any, where: str) -> dict[str, Any]:
    """The app's own "casefile" object: only the keys and types our exporter writes."""
    if context is None:
        return {}
    if type(context) is not dict:
        raise FormatError(f"{where}: \"casefile\" must be an object")
    for key in ("role", "origin", "created_by", "schema", "source_id"):
        if context.get(key) is not None:
            check_text(context[key], where, f"casefile {key}")
            context[key] = str(context[key])
    if context.get("properties") is not None:
        _check_values(context["properties"], f"{where}, casefile")
    for key in ("share_min", "share_max"):
        value = context.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)
                                  or not 0 <= value <= 100):
            raise FormatError(f"{where}: casefile {key} {value!r} is not a percentage "
                              "from 0 to 100")
    if None not in (context.get("share_min"), context.get("share_max")) and \
            context["share_min"] > context["share_max"]:
        raise FormatError(f"{where}: casefile share range runs backwards")
    return context


def _check_ids(item: Any, where: str) -> dict[str, Any]:
    if not isinstance(item, dict) or not item.get("id") or not item.get("schema"):
        raise FormatError(f"{where}: an FtM entity needs \"id\" and \"schema\"")
    item["id"] = check_id(item["id"] if type(item["id"]) is not int else str(item["id"]),
                          where, "\"id\"")
    check_id(item["schema"], where, "\"schema\"")
    return item


def _check_object(item: Any, name: str, where: str) -> dict[str, Any]:
    where = f"{name}, {where}"
    _check_ids(item, where)
    _check_values(item.get("properties") or {}, where)
    if "casefile" in item:
        item["casefile"] = _check_context(item["casefile"], where)
    if item.get("caption") is not None:
        item["caption"] = check_text(item["caption"], where, "\"caption\"")
    for key in METADATA:
        value = item.get(key)
        if value is None:
            continue
        values = value if type(value) is list else [value]
        if key in ("datasets", "referents") and type(value) is not list:
            raise FormatError(f"{where}: \"{key}\" must be a list")
        item[key] = [check_text(v, where, f"\"{key}\"") for v in values]
    return item


READ_FIELDS = frozenset({"id", "schema", "properties", "caption", "casefile", *METADATA})


def unread_fields(item: dict[str, Any]) -> list[str]:
    """Top-level fields of an FtM object the reader does not take (OpenSanctions'
    ``target`` flag, a tool's own additions): counted in the report, not kept."""
    return [key for key in item if key not in READ_FIELDS]


def metadata(item: dict[str, Any]) -> dict[str, list[str]]:
    """The object's statement metadata as app properties (checked by _check_object)."""
    return {prop: item[key] for key, prop in METADATA.items() if item.get(key)}


