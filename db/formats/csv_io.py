"""Spreadsheets in (with a column mapping) and out (entities, links, claims).

A ``CsvMapping`` says which columns hold an entity (name, schema, id, country,
identifiers) and which a link (source, target, type, share, start, end, role). A row
may describe an entity, a link, or both (an "owner, company, share" sheet creates the
two entities by name and the stake between them). Entities named in link columns are
found by id or by name among the file's rows, else created; ids are derived from the
names, so importing the same sheet twice adds nothing. The mapping is a small JSON
file for the command line (``--mapping``) and is remembered per header signature by
the GUI.

Export writes three files — ``entities.csv``, ``links.csv``, ``claims.csv`` — into a
folder, or into a ``.zip`` when the output name ends in ``.zip``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from sqlalchemy import select

from db.core.progress import NO_PROGRESS, Progress
from db.formats.batch import clean_date, entity_row, link_row
from db.formats.bods import stable_id
from db.formats.results import FormatError, ImportBatch
from db.formats.validate import MAX_VALUE_CHARS, check_size, too_long
from db.models import Claim, ClaimTarget, Document, Entity, Link, Source, utc_now
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
    delimiter: str | None = None  # None: detected

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
            elif value is not None and not isinstance(value, str):
                raise FormatError(f"mapping: {key} must be a column name (text)")
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


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise FormatError(f"{name}: not a text file (byte {error.start})") from None


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
    return read_csv_bytes(path.read_bytes(), path.name, mapping, progress)


def _rows(text: str, mapping: CsvMapping, name: str) -> tuple[list[str], list[tuple[int, Any]]]:
    """The header and (line, row) pairs; csv's own errors as one line naming the line."""
    reader = csv.DictReader(io.StringIO(text, newline=""),
                            dialect=_dialect(text, mapping.delimiter))
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
    text = _decode(data, name)
    header, rows = _rows(text, mapping, name)
    for role, column in mapping.columns().items():
        if column not in header:
            raise FormatError(f"{name}: column {column!r} (mapped as {role.replace('_', ' ')}) "
                              f"is not in the header")
    batch = ImportBatch(label=f"Import {name} (CSV)", origin=name)
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

        if get(mapping.entity_name):
            schema = get(mapping.entity_schema) or mapping.default_schema
            if schema not in ENTITY_SCHEMATA:
                raise FormatError(f"{where}: unknown entity schema {schema!r}")
            caption = get(mapping.entity_name)
            props: dict[str, list[str]] = {"name": [caption]}
            if get(mapping.entity_country):
                props["country"] = [get(mapping.entity_country).lower()]
            for prop, column in mapping.entity_identifiers.items():
                if get(column):
                    props[prop] = [get(column)]
            key = normalise_name(caption) or caption
            entity_id = get(mapping.entity_id) or by_name.get(key) or stable_id("csv-entity", key)
            entities[entity_id] = entity_row(entity_id, schema, caption, props, origin=name,
                                             now=now)
            by_name.setdefault(key, entity_id)
        if get(mapping.link_source) and get(mapping.link_target):
            schema = get(mapping.link_type) or mapping.default_link_type
            if schema not in LINK_SCHEMATA:
                raise FormatError(f"{where}: unknown link type {schema!r}")
            dates = {}
            for key_name, column in (("start_date", mapping.link_start),
                                     ("end_date", mapping.link_end)):
                if get(column):
                    dates[key_name] = clean_date(get(column))
                    if dates[key_name] is None:
                        raise FormatError(f"{where}: {get(column)!r} is not a date")
            low, high = _share(get(mapping.link_share), where)
            source = entity(get(mapping.link_source), mapping.link_entity_schema)
            target = entity(get(mapping.link_target), mapping.link_entity_schema)
            if source == target:
                raise FormatError(f"{where}: a link needs two different entities")
            batch.links.append(link_row(
                schema, source, target, link_id=stable_id("csv-link", name, str(line),
                                                          source, target),
                role=get(mapping.link_role) or None, share_min=low, share_max=high,
                origin=name, now=now, **dates))
    batch.entities = list(entities.values())
    return batch


# -- export ---------------------------------------------------------------------------------
ENTITY_COLUMNS = ("id", "schema", "caption", "role", "country", "registrationNumber",
                  "properties", "origin", "created_by")
LINK_COLUMNS = ("id", "schema", "source_id", "source", "target_id", "target", "role",
                "start_date", "end_date", "share_min", "share_max", "shares_value",
                "shares_currency", "properties", "origin", "created_by")
CLAIM_COLUMNS = ("id", "document", "document_sha256", "excerpt", "span_start", "span_end",
                 "page", "statement", "source", "reliability", "credibility", "status",
                 "supports", "contradicts", "author", "origin")


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A cell a spreadsheet will show, never run: text starting like a formula (``=``,
    ``+``, ``-``, ``@``, tab, CR — OWASP's list) gets a leading apostrophe. Numbers stay
    numbers; the apostrophe is visible in a text editor, which is the point."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _tables(case: Any, progress: Progress) -> dict[str, list[list[Any]]]:
    cell = spreadsheet_safe

    with case.session() as session:
        captions = dict(session.execute(select(Entity.id, Entity.caption)).all())
        entities = [[cell(v) for v in (
            e.id, e.schema, e.caption, e.role, ";".join(e.values("country")),
            ";".join(e.values("registrationNumber")),
            json.dumps(e.properties, ensure_ascii=False, sort_keys=True), e.origin,
            e.created_by)] for e in session.scalars(select(Entity).order_by(Entity.caption))]
        progress.step(1, 3, "Writing links")
        links = [[cell(v) for v in (
            x.id, x.schema, x.source_id, captions.get(x.source_id), x.target_id,
            captions.get(x.target_id), x.role, x.start_date, x.end_date, x.share_min,
            x.share_max, x.shares_value, x.shares_currency,
            json.dumps(x.properties, ensure_ascii=False, sort_keys=True), x.origin,
            x.created_by)] for x in session.scalars(select(Link).order_by(Link.id))]
        progress.step(2, 3, "Writing claims")
        sources = dict(session.execute(select(Source.id, Source.name)).all())
        documents = {d.id: d for d in session.scalars(select(Document))}
        targets: dict[str, dict[str, list[str]]] = {}
        for t in session.scalars(select(ClaimTarget)):
            what = f"link:{t.link_id}" if t.link_id else (
                f"event:{t.event_id}" if t.event_id else f"entity:{t.entity_id}"
                + (f".{t.prop}={t.value}" if t.prop else ""))
            targets.setdefault(t.claim_id, {}).setdefault(t.stance, []).append(what)
        claims = []
        for c in session.scalars(select(Claim).order_by(Claim.document_id, Claim.span_start)):
            document = documents[c.document_id]
            claims.append([cell(v) for v in (
                c.id, document.title, document.sha256, c.excerpt, c.span_start, c.span_end,
                c.page, c.statement, sources.get(c.source_id or document.source_id),
                c.reliability, c.credibility, c.status,
                " ".join(targets.get(c.id, {}).get("supports", [])),
                " ".join(targets.get(c.id, {}).get("contradicts", [])), c.author, c.origin)])
    return {"entities.csv": [list(ENTITY_COLUMNS)] + entities,
            "links.csv": [list(LINK_COLUMNS)] + links,
            "claims.csv": [list(CLAIM_COLUMNS)] + claims}


def export_csv(case: Any, out: Path, progress: Progress = NO_PROGRESS, *,
               bom: bool = False) -> dict[str, int]:
    """entities.csv, links.csv and claims.csv into folder ``out`` (or ``out``.zip).

    ``bom``: start each file with a UTF-8 byte-order mark, which Excel needs to read
    UTF-8 (without it Excel garbles Cyrillic as cp1252)."""
    progress.step(0, 3, "Writing entities")
    tables = _tables(case, progress)
    texts = {}
    for file_name, rows in tables.items():
        buffer = io.StringIO(newline="")
        csv.writer(buffer).writerows(rows)
        texts[file_name] = ("\ufeff" if bom else "") + buffer.getvalue()
    if out.suffix.lower() == ".zip":
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for file_name, text in texts.items():
                archive.writestr(file_name, text)
    else:
        out.mkdir(parents=True, exist_ok=True)
        for file_name, text in texts.items():
            (out / file_name).write_text(text, encoding="utf-8", newline="")
    return {name.removesuffix(".csv"): len(rows) - 1 for name, rows in tables.items()}
