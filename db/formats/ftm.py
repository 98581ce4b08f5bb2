"""FollowTheMoney (FtM) entities in and out: JSON lines, or one JSON array.

FtM is what OCCRP Aleph and OpenSanctions speak. Our entity schemata are FtM's, so
entities come in with their ids and every property value kept (multi-valued lists).
Interval schemata (Ownership, Payment, Directorship …) become links between their two
edge entities. What the case does not model — other schemata, properties outside the
app's registry — is counted in the batch's report, never silently dropped.

On export, what FtM has no place for (an entity's role, a share range, the app's own
properties such as ``mergedIds``, the kind of a ``Control``/``Contract`` link exported
as ``UnknownLink``) travels in a top-level ``"casefile"`` object beside ``id``,
``schema`` and ``properties``: FtM keeps such context untouched, and our importer reads
it back so FtM → case → FtM → case is lossless.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from db.core.progress import NO_PROGRESS, Progress
from db.formats.batch import clean_date, link_row, paused_gc
from db.formats.results import FormatError, ImportBatch
from db.formats.validate import (
    MAX_ID_CHARS,
    MAX_NESTING,
    MAX_VALUE_CHARS,
    check_id,
    check_size,
    check_text,
)
from db.models import utc_now
from db.schemata import ENTITY_PROPERTIES, ENTITY_ROLES, ENTITY_SCHEMATA, LINK_SCHEMATA

# FtM schema → our link schema, for the schemata that map one-to-one.
LINK_BY_FTM = {s.ftm_schema: s.name for s in LINK_SCHEMATA.values()
               if s.ftm_schema == s.name}
# The FtM property that holds a link's role, per FtM schema (None: it has none).
ROLE_PROPERTY = {"Ownership": "role", "Directorship": "role", "Membership": "role",
                 "Employment": "role", "Representation": "role", "Succession": "role",
                 "UnknownLink": "role", "Family": "relationship",
                 "Associate": "relationship", "Payment": "purpose", "Sanction": "reason",
                 "Debt": None}
LEGAL_ENTITIES = {"Company", "Organization", "PublicBody", "LegalEntity"}
PERSON_ONLY = {"birthDate", "nationality"}
THING_PROPERTIES = {"name", "alias", "previousName", "country", "address", "notes"}
REGISTERED_THINGS = {"RealEstate", "Vehicle", "Airplane", "Vessel", "Security"}
MODELLED = frozenset(ENTITY_PROPERTIES)
ENTITY_SCHEMA_SET = frozenset(ENTITY_SCHEMATA)
# Properties that exist only in this app; exported in the "casefile" context.
APP_PROPERTIES = {"mergedIds"}


def is_app_property(name: str) -> bool:
    return name in APP_PROPERTIES or name.startswith("bods")


def _ftm_valid(schema: str, prop: str) -> bool:
    """Whether one of our registry's properties exists on an FtM schema."""
    if is_app_property(prop):
        return False
    if prop not in MODELLED or schema == "Person":
        return True  # not ours: it came from FtM for this schema
    if schema in LEGAL_ENTITIES:
        return prop not in PERSON_ONLY
    if schema in REGISTERED_THINGS and prop == "registrationNumber":
        return True
    return prop in THING_PROPERTIES


# -- reading --------------------------------------------------------------------------------
def iter_objects(data: bytes, name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each FtM entity in JSON lines or a JSON array.

    Lines are split on ``\n`` only: JSON text may hold U+2028 and other characters that
    ``str.splitlines`` would also break at. Each line goes to the C scanner directly
    (``json.loads`` adds two Python calls per line); anything it does not take whole —
    surrounding blanks, an error — is handed to ``json.loads`` for its verdict and message.
    """
    check_size(len(data), name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FormatError(f"{name}: not UTF-8 text (byte {error.start})") from None
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as error:
            raise FormatError(f"{name}, line {error.lineno}: not valid JSON ({error.msg})") from None
        except RecursionError:
            raise FormatError(f"{name}: nested more than {MAX_NESTING} levels deep") from None
        for index, item in enumerate(items, 1):
            yield index, _check_object(item, name, f"item {index}")
        return
    if "\r" in text:  # CRLF files: a raw CR is only ever whitespace between JSON tokens
        text = text.replace("\r\n", "\n")
    scan = json.JSONDecoder().scan_once
    loads = json.loads
    for number, line in enumerate(text.split("\n"), 1):
        try:
            item, end = scan(line, 0)
            if end != len(line):
                raise StopIteration
        except (StopIteration, json.JSONDecodeError, RecursionError):
            if not line.strip():
                continue
            try:
                item = loads(line)
            except json.JSONDecodeError as error:
                raise FormatError(f"{name}, line {number}: not valid JSON ({error.msg})") from None
            except RecursionError:
                raise FormatError(f"{name}, line {number}: nested more than {MAX_NESTING} "
                                  "levels deep") from None
        yield number, _check_object(item, name, f"line {number}")


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


def _check_object(item: Any, name: str, where: str) -> dict[str, Any]:
    where = f"{name}, {where}"
    if not isinstance(item, dict) or not item.get("id") or not item.get("schema"):
        raise FormatError(f"{where}: an FtM entity needs \"id\" and \"schema\"")
    item["id"] = check_id(item["id"] if type(item["id"]) is not int else str(item["id"]),
                          where, "\"id\"")
    check_id(item["schema"], where, "\"schema\"")
    _check_values(item.get("properties") or {}, where)
    if "casefile" in item:
        item["casefile"] = _check_context(item["casefile"], where)
    if item.get("caption") is not None:
        check_text(item["caption"], where, "\"caption\"")
    return item


def _caption(schema: str, props: dict[str, list[str]], entity_id: str) -> str:
    for key in ("name", "full", "title", "alias", "registrationNumber"):
        if props.get(key):
            return props[key][0]
    return entity_id


def _share(text: str) -> float | None:
    try:
        value = float(str(text).strip().rstrip("%").replace(",", "."))
    except ValueError:
        return None
    return value if 0 <= value <= 100 else None


def _number(text: str) -> float | None:
    try:
        value = float(str(text).replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _merge_values(into: dict[str, list[str]], more: dict[str, list[str]]) -> None:
    """FtM's merge of two fragments of one entity: every property's values, once each."""
    for key, values in more.items():
        have = into.setdefault(key, [])
        have.extend(v for v in values if v not in have)


def read_ftm(path: str | Path, progress: Progress = NO_PROGRESS) -> ImportBatch:
    path = Path(path)
    return read_ftm_bytes(path.read_bytes(), path.name, progress)


def read_ftm_bytes(data: bytes, name: str, progress: Progress = NO_PROGRESS) -> ImportBatch:
    with paused_gc():
        return _read_ftm_bytes(data, name, progress)


def _read_ftm_bytes(data: bytes, name: str, progress: Progress) -> ImportBatch:
    batch = ImportBatch(label=f"Import {name} (FtM)", origin=name)
    now = utc_now()
    pending_links: list[tuple[int, str, dict[str, Any], dict[str, Any]]] = []
    total = max(1, data.count(b"\n"))
    entities = batch.entities
    # id → (line, schema, entity row or pending link): FtM streams may repeat an id
    # (fragments of one entity); FtM merges them, and so do we.
    seen: dict[str, tuple[int, str, Any]] = {}
    merged = 0
    for count, (number, item) in enumerate(iter_objects(data, name)):
        if count % 20_000 == 0:
            progress.step(number, total, f"Reading {name}")
        schema = item["schema"]
        props = item.get("properties") or {}
        if not all(props.values()):
            props = {k: v for k, v in props.items() if v}
        context = item.get("casefile") or {}
        entity_id = item["id"]
        if entity_id in seen:
            _merge_fragment(seen[entity_id], number, schema, props, name)
            merged += 1
            continue
        if schema in ENTITY_SCHEMA_SET:
            if context:
                if context.get("properties"):
                    props.update({k: list(v) for k, v in context["properties"].items()})
                role = context.get("role")
                role = role if role in ENTITY_ROLES else None
                origin = context.get("origin") or name
                created_by = context.get("created_by")
            else:
                role = created_by = None
                origin = name
            caption = _caption(schema, props, entity_id)[:500] or entity_id
            # entity_row(), inlined: one dict per entity, built once.
            row = {"id": entity_id, "schema": schema, "caption": caption, "role": role,
                   "properties": props, "origin": origin, "created_by": created_by,
                   "created_at": now, "updated_at": now}
            entities.append(row)
            seen[entity_id] = (number, schema, row)
        elif schema in LINK_BY_FTM or schema == "Sanction":
            pending = (number, schema, props, context | {"id": entity_id})
            pending_links.append(pending)
            seen[entity_id] = (number, schema, pending)
        else:
            batch.unknown_schemata[schema] += 1
            seen[entity_id] = (number, schema, None)
    if merged:
        batch.warnings.append(f"{merged} repeated id(s) merged into one entity each, "
                              "their properties combined (as FtM merges fragments)")
    for row in entities:
        for prop in row["properties"].keys() - MODELLED:
            if not is_app_property(prop):
                batch.unknown_properties[f"{row['schema']}.{prop}"] += 1
    names = {}
    for row in batch.entities:
        names.setdefault(row["caption"], row["id"])
    for number, schema, props, context in pending_links:
        row = _link_from_ftm(batch, number, schema, props, context, names, name, now)
        if row is not None:
            batch.links.append(row)
    return batch


def _merge_fragment(first: tuple[int, str, Any], number: int, schema: str,
                    props: dict[str, list[str]], name: str) -> None:
    line, first_schema, target = first
    if schema != first_schema:
        raise FormatError(f"{name}, lines {line} and {number}: one id with two schemata "
                          f"({first_schema}, {schema})")
    if target is None:
        return
    _merge_values(target["properties"] if isinstance(target, dict) else target[2], props)


def _link_from_ftm(batch: ImportBatch, number: int, schema: str, props: dict[str, list[str]],
                   context: dict[str, Any], names: dict[str, str], name: str,
                   now: str) -> dict[str, Any] | None:
    ours = context.get("schema") if context.get("schema") in LINK_SCHEMATA else None
    if schema == "Sanction":
        ours = "Sanction"
        targets = props.pop("entity", [])
        authority = props.pop("authority", [])
        source = context.get("source_id") or (names.get(authority[0]) if authority else None)
        if not targets or not source:
            batch.skipped["Sanction whose authority is not an entity in the file"] += 1
            props["authority"] = authority
            return None
        sources = [source]
    else:
        ours = ours or LINK_BY_FTM[schema]
        spec = LINK_SCHEMATA[LINK_BY_FTM[schema]]
        sources = props.pop(spec.source_prop, [])
        targets = props.pop(spec.target_prop, [])
    if not sources or not targets:
        batch.skipped[f"{schema} without both ends"] += 1
        return None
    if len(sources) > 1 or len(targets) > 1:
        batch.warnings.append(f"{name}, line {number}: {schema} with several ends; "
                              "the first of each is used")
    values: dict[str, Any] = {}
    role_prop = ROLE_PROPERTY.get(schema)
    if role_prop and props.get(role_prop):
        values["role"] = props.pop(role_prop)[0] if len(props[role_prop]) == 1 else None
    for ftm_key, key in (("startDate", "start_date"), ("endDate", "end_date")):
        if props.get(ftm_key) and len(props[ftm_key]) == 1:
            parsed = clean_date(props[ftm_key][0])
            if parsed:
                values[key] = parsed
                props.pop(ftm_key)
    if "start_date" not in values and len(props.get("date", [])) == 1:
        values["start_date"] = clean_date(props["date"][0])  # stays in props as well
    if schema == "Ownership":
        if len(props.get("percentage", [])) == 1 and _share(props["percentage"][0]) is not None:
            values["share_min"] = values["share_max"] = _share(props.pop("percentage")[0])
        if len(props.get("sharesValue", [])) == 1 and _number(props["sharesValue"][0]) is not None:
            values["shares_value"] = _number(props.pop("sharesValue")[0])
        if len(props.get("sharesCurrency", [])) == 1:
            values["shares_currency"] = props.pop("sharesCurrency")[0][:8]
    if "share_min" in context or "share_max" in context:
        values["share_min"], values["share_max"] = context.get("share_min"), context.get("share_max")
    if "role" in context:
        values["role"] = context["role"]
    props.update({k: list(v) for k, v in (context.get("properties") or {}).items()})
    for prop in props:
        if not is_app_property(prop):
            batch.unknown_properties[f"{schema}.{prop}"] += 1
    return link_row(ours, sources[0], targets[0], link_id=context["id"],
                    properties=props, origin=context.get("origin") or name,
                    created_by=context.get("created_by"), now=now, **values)


