"""Spreadsheets in: CSV or XLSX (first sheet), read through a column mapping.

A ``CsvMapping`` says which columns hold an entity (name, schema, id, country,
identifiers) and which a link (source, target, type, share, start, end, role). A row
may describe an entity, a link, or both (an "owner, company, share" sheet creates the
two entities by name and the stake between them). Entities named in link columns are
found by id or by name among the file's rows, else created; ids are derived from the
names, so importing the same sheet twice adds nothing. The mapping is a small JSON
file for the command line (``--mapping``) and is remembered per header signature by
the GUI. Text in another encoding than UTF-8, Excel's ``sep=`` line and local date
formats are handled in ``db/formats/spreadsheet.py``; columns the mapping does not
name are kept as properties of the row's entity (or link) and counted in the report,
or listed as not imported (``keep_unmapped``). The export is ``csv_export.py``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from db.core.progress import NO_PROGRESS, Progress
from db.formats.batch import entity_row, link_row
from db.formats.bods import stable_id
from db.formats.ftm_model import country_code
from db.formats.maltego import schema_of
from db.formats.results import FormatError, ImportBatch
from db.formats.spreadsheet import (
    DATE_FORMATS,
    decode_table,
    parse_date,
    split_sep_line,
    xlsx_rows,
)
from db.formats.validate import MAX_VALUE_CHARS, check_size, too_long
from db.models import utc_now
from db.schemata import ENTITY_SCHEMATA, IDENTIFIER_PROPERTIES, LINK_SCHEMATA
from db.services.merge import normalise_name


@dataclass
class CsvMapping:
    """Which column holds what; None means "not in this sheet"."""

    entity_name: str | None = None
    entity_schema: str | None = None
    entity_id: str | None = None
    entity_country: str | None = None
    # FtM identifier property → column, e.g. {"registrationNumber": "Company number"}
    entity_identifiers: dict[str, str] = field(default_factory=dict)
    default_schema: str = "Company"
    link_source: str | None = None
    link_target: str | None = None
    link_type: str | None = None
    link_share: str | None = None
    link_start: str | None = None
    link_end: str | None = None
    link_role: str | None = None
    default_link_type: str = "Ownership"
    # Schema of entities created only because a link names them.
    link_entity_schema: str = "LegalEntity"
    delimiter: str | None = None  # None: Excel's "sep=" line, else detected
    # How dates are written ("DD.MM.YYYY" …; see spreadsheet.DATE_FORMATS); None: ISO
    date_format: str | None = None
    # Columns mapped to nothing: kept as properties (True) or listed as not imported
    keep_unmapped: bool = True

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CsvMapping:
        if not isinstance(data, dict):
            raise FormatError("mapping: a JSON object is expected")
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise FormatError(f"mapping: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        for key, value in data.items():
            if key == "entity_identifiers":
                if not isinstance(value, dict) or not all(
                        isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
                    raise FormatError("mapping: entity_identifiers must map property names "
                                      "to column names")
            elif key == "keep_unmapped":
                if not isinstance(value, bool):
                    raise FormatError("mapping: keep_unmapped must be true or false")
            elif value is not None and not isinstance(value, str):
                raise FormatError(f"mapping: {key} must be a column name (text)")
        if data.get("date_format") not in (None, *DATE_FORMATS):
            raise FormatError(f"mapping: unknown date format {data['date_format']!r} "
                              f"({', '.join(DATE_FORMATS)})")
        if data.get("delimiter") is not None and len(data["delimiter"]) != 1 or \
                data.get("delimiter") in ("\r", "\n", '"'):
            raise FormatError("mapping: the delimiter must be one character (not a quote or "
                              "a line break)")
        mapping = cls(**data)
        for schema in (mapping.default_schema, mapping.link_entity_schema):
            if schema not in ENTITY_SCHEMATA:
                raise FormatError(f"mapping: unknown entity schema {schema!r}")
        if mapping.default_link_type not in LINK_SCHEMATA:
            raise FormatError(f"mapping: unknown link type {mapping.default_link_type!r}")
        for prop in mapping.entity_identifiers:
            if prop not in IDENTIFIER_PROPERTIES:
                raise FormatError(f"mapping: {prop!r} is not an identifier property "
                                  f"({', '.join(IDENTIFIER_PROPERTIES)})")
        if not mapping.entity_name and not (mapping.link_source and mapping.link_target):
            raise FormatError("mapping: map an entity name column, or link source and "
                              "target columns")
        return mapping

    @classmethod
    def load(cls, path: str | Path) -> CsvMapping:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise FormatError(f"mapping {Path(path).name}: {error}") from None
        if not isinstance(data, dict):
            raise FormatError(f"mapping {Path(path).name}: a JSON object is expected")
        return cls.from_dict(data)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def columns(self) -> dict[str, str]:
        """Mapped role → column name, for checking against the header."""
        out = {f.name: getattr(self, f.name) for f in fields(self)
               if f.name.startswith(("entity_", "link_")) and isinstance(getattr(self, f.name), str)
               and f.name != "link_entity_schema"}
        out.update({f"identifier {p}": c for p, c in self.entity_identifiers.items()})
        return out


def header_signature(columns: list[str]) -> str:
    """A key for remembering a mapping: the same header gives the same signature."""
    return hashlib.sha256("\x1f".join(c.strip().casefold() for c in columns)
                          .encode("utf-8")).hexdigest()[:16]


def read_header(path: str | Path) -> list[str]:
    text = _decode(Path(path).read_bytes(), Path(path).name)
    return next(csv.reader(io.StringIO(text), _dialect(text, None)), [])


def table_text(data: bytes, name: str) -> tuple[str, str | None, list[str]]:
    """(text without a ``sep=`` line, the delimiter that line names, warnings)."""
    text, warnings = decode_table(data, name)
    text, sep = split_sep_line(text)
    return text, sep, warnings


def _decode(data: bytes, name: str) -> str:
    return table_text(data, name)[0]


def _dialect(text: str, delimiter: str | None) -> Any:
    if delimiter:
        class Chosen(csv.excel):
            pass
        Chosen.delimiter = delimiter
        return Chosen
    try:
        # The header alone decides: a ragged data row must not fool the sniffer.
        return csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def _share(value: str, where: str) -> tuple[float | None, float | None]:
    text = value.strip().rstrip("%").strip().replace(",", ".")
    if not text:
        return None, None
    parts = [p.strip() for p in text.split("-")] if "-" in text[1:] else [text]
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        raise FormatError(f"{where}: share {value!r} is not a percentage") from None
    if not all(0 <= n <= 100 for n in numbers) or numbers[0] > numbers[-1]:
        raise FormatError(f"{where}: share {value!r} is not a percentage from 0 to 100")
    return numbers[0], numbers[-1]


def read_csv(path: str | Path, mapping: CsvMapping,
             progress: Progress = NO_PROGRESS) -> ImportBatch:
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return read_xlsx_bytes(path.read_bytes(), path.name, mapping, progress)
    return read_csv_bytes(path.read_bytes(), path.name, mapping, progress)


def _rows(text: str, delimiter: str | None, name: str) -> tuple[list[str], list[tuple[int, Any]]]:
    """The header and (line, row) pairs; csv's own errors as one line naming the line."""
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=_dialect(text, delimiter))
    try:
        header = reader.fieldnames or []
        rows = list(enumerate(reader, 2))
    except csv.Error as error:
        line = reader.reader.line_num
        if "field larger than field limit" in str(error):
            raise FormatError(f"{name}, line {line}: a cell is longer than "
                              f"{csv.field_size_limit():,} characters") from None
        raise FormatError(f"{name}, line {line}: not readable as CSV ({error})") from None
    return header, rows


def read_csv_bytes(data: bytes, name: str, mapping: CsvMapping,
                   progress: Progress = NO_PROGRESS) -> ImportBatch:
    check_size(len(data), name)
    text, sep, warnings = table_text(data, name)
    header, rows = _rows(text, mapping.delimiter or sep, name)
    return _read_rows(header, rows, mapping, name, "CSV", warnings, progress)


def read_xlsx_bytes(data: bytes, name: str, mapping: CsvMapping,
                    progress: Progress = NO_PROGRESS) -> ImportBatch:
    """The first sheet of a workbook, through the same column mapping as a CSV file."""
    check_size(len(data), name)
    others: list[str] = []
    table = xlsx_rows(data, name, others)
    if not table:
        raise FormatError(f"{name}: the first sheet is empty")
    warnings = [f"only the first sheet is read; {len(others)} other sheet(s) not read: "
                + ", ".join(others[:20])] if others else []
    header = [c.strip() for c in table[0]]
    rows = []
    for line, cells in enumerate(table[1:], 2):
        if len(cells) > len(header) and any(cells[len(header):]):
            raise FormatError(f"{name}, row {line}: more cells than the header has columns")
        rows.append((line, dict(zip(header, cells, strict=False))))
    return _read_rows(header, rows, mapping, name, "XLSX", warnings, progress)


def _read_rows(header: list[str], rows: list[tuple[int, Any]], mapping: CsvMapping,
               name: str, kind: str, warnings: list[str],
               progress: Progress) -> ImportBatch:
    for role, column in mapping.columns().items():
        if column not in header:
            raise FormatError(f"{name}: column {column!r} (mapped as {role.replace('_', ' ')}) "
                              f"is not in the header")
    unmapped = [c for c in header if c and c not in mapping.columns().values()]
    batch = ImportBatch(label=f"Import {name} ({kind})", origin=name)
    batch.warnings.extend(warnings)
    if unmapped and not mapping.keep_unmapped:
        batch.warnings.append(f"{len(unmapped)} column(s) not imported: "
                              + ", ".join(unmapped[:20]))
    now = utc_now()
    entities: dict[str, dict[str, Any]] = {}
    by_name: dict[str, str] = {}

    def entity(value: str, schema: str) -> str:
        value = value.strip()
        if value in entities:
            return value
        key = normalise_name(value) or value
        if key in by_name:
            return by_name[key]
        entity_id = stable_id("csv-entity", key)
        entities[entity_id] = entity_row(entity_id, schema, value, {"name": [value]},
                                         origin=name, now=now)
        by_name[key] = entity_id
        return entity_id

    merged = 0
    for count, (line, row) in enumerate(rows):
        if count % 10_000 == 0:
            progress.step(count, len(rows), f"Reading {name}")
        where = f"{name}, line {line}"
        if None in row:
            raise FormatError(f"{where}: more cells than the header has columns")

        def get(column: str | None, row: dict[str, Any] = row, where: str = where) -> str:
            value = (row.get(column) or "").strip() if column else ""
            if len(value) > MAX_VALUE_CHARS:
                raise too_long(value, where, f"column {column!r}")
            return value

        has_link = bool(get(mapping.link_source) and get(mapping.link_target))
        if not has_link and (get(mapping.link_source) or get(mapping.link_target)):
            batch.skipped["links with only one end (source or target empty)"] += 1
        if not get(mapping.entity_name) and not has_link:
            if any(get(c) for c in header if c):
                batch.skipped["rows with no entity name and no link (source and target)"] += 1
            continue
        extra = {c: [get(c)] for c in unmapped if get(c)} if mapping.keep_unmapped else {}
        for column in extra:
            batch.unknown_properties[f"column {column}"] += 1
        if get(mapping.entity_name):
            schema = get(mapping.entity_schema) or mapping.default_schema
            schema = schema_of(schema) or schema  # a Maltego sheet's "maltego.Person"
            if schema not in ENTITY_SCHEMATA:
                raise FormatError(f"{where}: unknown entity schema {schema!r}")
            caption = get(mapping.entity_name)
            props: dict[str, list[str]] = {"name": [caption]}
            if get(mapping.entity_country):
                country = get(mapping.entity_country)
                props["country"] = [country_code(country) or country.lower()]
            for prop, column in mapping.entity_identifiers.items():
                if get(column):
                    props[prop] = [get(column)]
            key = normalise_name(caption) or caption
            entity_id = get(mapping.entity_id) or by_name.get(key) or stable_id("csv-entity", key)
            props.update({k: v for k, v in extra.items() if k not in props})
            if entity_id in entities:  # named again: one entity, every value kept once
                merged += 1
                for prop, values in entities[entity_id]["properties"].items():
                    have = props.setdefault(prop, [])
                    have[:0] = [v for v in values if v not in have]
            entities[entity_id] = entity_row(entity_id, schema, caption, props, origin=name,
                                             now=now)
            by_name.setdefault(key, entity_id)
            extra = {}  # the row's other columns belong to its entity
        if has_link:
            schema = get(mapping.link_type) or mapping.default_link_type
            if schema not in LINK_SCHEMATA:
                raise FormatError(f"{where}: unknown link type {schema!r}")
            dates = {}
            for key_name, column in (("start_date", mapping.link_start),
                                     ("end_date", mapping.link_end)):
                if get(column):
                    dates[key_name] = parse_date(get(column), mapping.date_format)
                    if dates[key_name] is None:
                        raise FormatError(f"{where}: {get(column)!r} is not a date"
                                          + (f" in the format {mapping.date_format}"
                                             if mapping.date_format else
                                             " (choose its date format in the mapping)"))
            low, high = _share(get(mapping.link_share), where)
            source = entity(get(mapping.link_source), mapping.link_entity_schema)
            target = entity(get(mapping.link_target), mapping.link_entity_schema)
            if source == target:
                raise FormatError(f"{where}: a link needs two different entities")
            batch.links.append(link_row(
                schema, source, target, link_id=stable_id("csv-link", name, str(line),
                                                          source, target),
                role=get(mapping.link_role) or None, share_min=low, share_max=high,
                properties=extra, origin=name, now=now, **dates))
    batch.entities = list(entities.values())
    if merged:
        batch.warnings.append(f"{merged} row(s) named an entity already read; its values "
                              "were combined into one entity")
    return batch
