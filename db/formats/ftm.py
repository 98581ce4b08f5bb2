"""FollowTheMoney (FtM) entities in: JSON lines, or one JSON array.

FtM is what OCCRP Aleph and OpenSanctions speak. Our entity schemata are FtM's, so
entities come in with their ids, their ``caption`` (the name FtM chose; an old name in
``name`` must not win) and every property value kept (multi-valued lists). Repeated ids
are fragments of one entity and merge as FtM merges them. FtM's statement metadata
(datasets, first and last seen, last change) is kept on the entity; ``referents`` (ids
the entity was merged from) go to ``mergedIds``, which the merge of case files matches
on. Interval schemata, sanctions and entity references become links
(``db/formats/ftm_links.py``). What the case does not model — other schemata, what
cannot be linked — is counted in the batch's report by kind, never silently dropped.

The export is ``db/formats/ftm_export.py``; what FtM has no place for travels in a
top-level ``"casefile"`` object that this reader takes back, so FtM → case → FtM → case
is lossless.
"""

from __future__ import annotations

from collections.abc import Container
from pathlib import Path
from typing import Any

from db.core.progress import NO_PROGRESS, Progress
from db.formats import ftm_model
from db.formats.batch import paused_gc
from db.formats.ftm_lines import iter_objects, metadata, unread_fields
from db.formats.ftm_links import LINK_BY_FTM, LinkReader, reference_links
from db.formats.results import FormatError, ImportBatch
from db.models import utc_now
from db.schemata import ENTITY_PROPERTIES, ENTITY_ROLES, ENTITY_SCHEMATA, INTERNAL_PROPERTIES

MODELLED = frozenset(ENTITY_PROPERTIES)
ENTITY_SCHEMA_SET = frozenset(ENTITY_SCHEMATA)
# Properties that exist only in this app; exported as FtM metadata or in "casefile".
APP_PROPERTIES = {"ftmDatasets", "ftmFirstSeen", "ftmLastSeen", "ftmLastChange",
                  "ftmProperty"} | INTERNAL_PROPERTIES


def is_app_property(name: str) -> bool:
    return name in APP_PROPERTIES or name.startswith("bods")


def _caption(schema: str, props: dict[str, list[str]], item: dict[str, Any]) -> str:
    if item.get("caption"):
        return item["caption"]
    for key in (*ftm_model.caption_properties(schema), "name", "alias", "registrationNumber"):
        if props.get(key):
            return props[key][0]
    return item["id"]


def merge_values(into: dict[str, list[str]], more: dict[str, list[str]]) -> None:
    """FtM's merge of two fragments of one entity: every property's values, once each."""
    for key, values in more.items():
        have = into.setdefault(key, [])
        have.extend(v for v in values if v not in have)


def _merge_fragment(first: tuple[int, str, Any], number: int, schema: str,
                    props: dict[str, list[str]], name: str) -> None:
    line, first_schema, target = first
    if schema != first_schema:
        raise FormatError(f"{name}, lines {line} and {number}: one id with two schemata "
                          f"({first_schema}, {schema})")
    if target is None:
        return
    merge_values(target["properties"] if isinstance(target, dict) else target[2], props)


def read_ftm(path: str | Path, progress: Progress = NO_PROGRESS) -> ImportBatch:
    path = Path(path)
    return read_ftm_bytes(path.read_bytes(), path.name, progress)


def read_ftm_bytes(data: bytes, name: str, progress: Progress = NO_PROGRESS) -> ImportBatch:
    with paused_gc():
        return _read_ftm_bytes(data, name, progress)


def entity_row(item: dict[str, Any], props: dict[str, list[str]], context: dict[str, Any],
                name: str, now: str) -> dict[str, Any]:
    if context.get("properties"):
        props.update({k: list(v) for k, v in context["properties"].items()})
    role = context.get("role")
    schema = item["schema"]
    return {"id": item["id"], "schema": schema,
            "caption": _caption(schema, props, item)[:500] or item["id"],
            "role": role if role in ENTITY_ROLES else None, "properties": props,
            "origin": context.get("origin") or name, "created_by": context.get("created_by"),
            "created_at": now, "updated_at": now}


def prepared(item: dict[str, Any], batch: ImportBatch
             ) -> tuple[str, str, dict[str, list[str]], dict[str, Any]]:
    """(id, schema, properties with statement metadata, "casefile" context) of an object;
    top-level fields it does not read are counted in ``batch``'s report."""
    props = item.get("properties") or {}
    if not all(props.values()):
        props = {k: v for k, v in props.items() if v}
    if len(item) > 3:  # statement metadata beside id, schema, properties
        props.update(metadata(item))
        for key in unread_fields(item):
            batch.skipped[f"FtM field {key} (not carried)"] += 1
    return item["id"], item["schema"], props, item.get("casefile") or {}


def unknown_kind(schema: str) -> str:
    return schema if ftm_model.is_schema(schema) else f"{schema} (not an FtM schema)"


def merged_warning(merged: int) -> str:
    return (f"{merged} repeated id(s) merged into one entity each, "
            "their properties combined (as FtM merges fragments)")


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
        entity_id, schema, props, context = prepared(item, batch)
        if entity_id in seen:
            _merge_fragment(seen[entity_id], number, schema, props, name)
            merged += 1
            continue
        if schema in ENTITY_SCHEMA_SET:
            row = entity_row(item, props, context, name, now)
            entities.append(row)
            seen[entity_id] = (number, schema, row)
        elif schema in LINK_BY_FTM or schema == "Sanction":
            pending = (number, schema, props, context | {"id": entity_id})
            pending_links.append(pending)
            seen[entity_id] = (number, schema, pending)
        else:
            batch.unknown_schemata[unknown_kind(schema)] += 1
            seen[entity_id] = (number, schema, None)
    if merged:
        batch.warnings.append(merged_warning(merged))
    reference_links(batch, name, now)
    links = LinkReader(batch, name, now)
    for number, schema, props, context in pending_links:
        row = links.link(number, schema, props, context)
        if row is not None:
            batch.links.append(row)
    links.finish()
    _report_properties(batch)
    return batch


def _report_properties(batch: ImportBatch) -> None:
    ids = {row["id"] for row in batch.entities}
    for kind in ("entities", "links"):
        report_properties(batch, kind, getattr(batch, kind), ids)


def report_properties(batch: ImportBatch, kind: str, rows: list[dict[str, Any]],
                      ids: Container[str]) -> None:
    """Count what is kept but not modelled: FtM properties the app does not edit,
    properties FtM does not know for the schema (exported apart, in "casefile"), and
    references to entities that did not come in as entities (not in the file, or of a
    schema the case does not model): kept as the id's text, not as a link. ``ids``: the
    file's entities."""
    for row in rows:
        schema = row["schema"]
        for prop in row["properties"]:
            if is_app_property(prop) or (kind == "entities" and prop in MODELLED):
                continue
            ftm_schema = schema if kind == "entities" else _ftm_name(schema)
            if ftm_schema and prop not in ftm_model.properties(ftm_schema):
                batch.unknown_properties[f"{schema}.{prop} (not an FtM property)"] += 1
            elif ftm_schema and ftm_model.prop_type(ftm_schema, prop) == "entity":
                absent = any(v not in ids for v in row["properties"][prop])
                batch.unknown_properties[f"{schema}.{prop} " + (
                    "(names an entity that is not imported)" if absent else
                    "(an entity of the file, kept as its id)")] += 1
            else:
                batch.unknown_properties[f"{schema}.{prop}"] += 1


def _ftm_name(link_schema: str) -> str | None:
    from db.schemata import LINK_SCHEMATA

    spec = LINK_SCHEMATA.get(link_schema)
    return spec.ftm_schema if spec and spec.ftm_schema else None
