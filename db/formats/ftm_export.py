"""FollowTheMoney (FtM) out: every entity, then every link, as JSON lines FtM accepts.

Values are cleaned to FtM's types on the way out — countries as FtM's codes ("germany"
→ "de"), dates as ISO prefixes, numbers as numbers — and only properties FtM defines
for the schema go into ``properties``. What FtM has no place for (a property picked up
from GraphML, a country name no code stands for, an entity's role, a share range, the
kind of a link FtM does not know) travels in a top-level ``"casefile"`` object beside
``id``, ``schema`` and ``properties``: FtM keeps such context untouched, and
``db.formats.ftm`` reads it back, so FtM → case → FtM → case is lossless. Statement
metadata goes back to FtM's own top-level fields (``datasets``, ``first_seen``,
``last_seen``, ``last_change``, ``referents``); ``Reference`` links go back to the
entity property they came from (``addressEntity`` …).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from db.core.progress import NO_PROGRESS, Progress
from db.formats import ftm_model
from db.formats.ftm import is_app_property
from db.formats.ftm_lines import METADATA
from db.formats.ftm_links import LINK_BY_FTM, ROLE_PROPERTY
from db.formats.output import replacing
from db.models import Entity, Link
from db.schemata import LINK_SCHEMATA

# app property → (FtM top-level key, is a list)
TOP_LEVEL = {prop: (key, key in ("datasets", "referents")) for key, prop in METADATA.items()}


def _fmt_number(value: float) -> str:
    return f"{value:.10g}" if value != int(value) else str(int(value))


def _split(schema: str, properties: dict[str, list[Any]], out: dict[str, Any],
           extra: dict[str, list[str]], props: dict[str, list[str]]) -> None:
    """Sort each property into FtM ``props`` (cleaned), top-level metadata, or ``extra``."""
    known = ftm_model.properties(schema)
    for key, values in (properties or {}).items():
        if not values:
            continue
        if key in TOP_LEVEL:
            top, is_list = TOP_LEVEL[key]
            out[top] = [str(v) for v in values] if is_list else str(values[-1])
            continue
        if is_app_property(key) or key not in known:
            extra[key] = [str(v) for v in values]
            continue
        clean: list[str] = []
        for value in values:
            cleaned = ftm_model.clean_value(schema, key, str(value))
            if cleaned is None:
                extra.setdefault(key, []).append(str(value))
            elif cleaned not in clean:
                clean.append(cleaned)
        if clean:
            props[key] = clean


def entity_to_ftm(entity: Entity, references: dict[str, list[str]] | None = None
                  ) -> dict[str, Any]:
    props: dict[str, list[str]] = {}
    extra: dict[str, list[str]] = {}
    out: dict[str, Any] = {"id": entity.id, "schema": entity.schema,
                           "caption": entity.caption, "properties": props}
    _split(entity.schema, entity.properties, out, extra, props)
    for prop, targets in (references or {}).items():
        have = props.setdefault(prop, [])
        have.extend(t for t in targets if t not in have)
    context: dict[str, Any] = {}
    if entity.role:
        context["role"] = entity.role
    if extra:
        context["properties"] = extra
    if context:
        out["casefile"] = context
    return out


def link_to_ftm(link: Link, source_caption: str) -> dict[str, Any]:
    spec = LINK_SCHEMATA[link.schema]
    ftm_schema = spec.ftm_schema or "UnknownLink"
    props: dict[str, list[str]] = {}
    extra: dict[str, list[str]] = {}
    out: dict[str, Any] = {"id": link.id, "schema": ftm_schema, "properties": props}
    _split(ftm_schema, link.properties, out, extra, props)
    context: dict[str, Any] = {}
    if ftm_schema == "Sanction":
        props["entity"] = [link.target_id]
        props["authority"] = [source_caption]
        context["source_id"] = link.source_id
    else:
        ftm_spec = LINK_SCHEMATA[LINK_BY_FTM[ftm_schema]]
        props[ftm_spec.source_prop] = [link.source_id]
        props[ftm_spec.target_prop] = [link.target_id]
    if link.schema != ftm_schema:
        context["schema"] = link.schema
    role_prop = ROLE_PROPERTY.get(ftm_schema)
    if link.role:
        if role_prop and role_prop not in props:
            props[role_prop] = [link.role]
        else:
            context["role"] = link.role
    elif link.schema != ftm_schema and role_prop:
        props[role_prop] = [spec.label]
        context["role"] = None
    if link.start_date and props.get("date") != [link.start_date]:
        props["startDate"] = [link.start_date]
    if link.end_date:
        props["endDate"] = [link.end_date]
    if ftm_schema == "Ownership":
        if link.share_exact is not None:
            props["percentage"] = [_fmt_number(link.share_exact)]
        elif link.share_min is not None or link.share_max is not None:
            context["share_min"], context["share_max"] = link.share_min, link.share_max
        if link.shares_value is not None:
            props["sharesValue"] = [_fmt_number(link.shares_value)]
        if link.shares_currency:
            props["sharesCurrency"] = [link.shares_currency]
    elif link.share_min is not None or link.share_max is not None:
        context["share_min"], context["share_max"] = link.share_min, link.share_max
    if extra:
        context["properties"] = extra
    if context:
        out["casefile"] = context
    return out


def _references(session: Any, schemas: dict[str, str]) -> dict[str, dict[str, list[str]]]:
    """Reference links that go back into their source entity's property."""
    out: dict[str, dict[str, list[str]]] = {}
    for link in session.scalars(select(Link).where(Link.schema == "Reference")):
        prop = ((link.properties or {}).get("ftmProperty") or [link.role or ""])[0]
        if ftm_model.prop_type(schemas.get(link.source_id, ""), prop) == "entity":
            out.setdefault(link.source_id, {}).setdefault(prop, []).append(link.target_id)
    return out


def export_ftm(case: Any, out: Path, progress: Progress = NO_PROGRESS) -> dict[str, int]:
    """Write every entity, then every link, as FtM JSON lines to ``out``."""
    written = {"entities": 0, "links": 0}
    with replacing(out) as part, case.session() as session, \
            open(part, "w", encoding="utf-8") as handle:
        captions, schemas = {}, {}
        for entity_id, caption, schema in session.execute(
                select(Entity.id, Entity.caption, Entity.schema)):
            captions[entity_id], schemas[entity_id] = caption, schema
        references = _references(session, schemas)
        total = len(captions)
        for entity in session.scalars(select(Entity).order_by(Entity.id)).yield_per(2000):
            if written["entities"] % 10_000 == 0:
                progress.step(written["entities"], total, "Writing entities")
            handle.write(json.dumps(entity_to_ftm(entity, references.get(entity.id)),
                                    ensure_ascii=False) + "\n")
            written["entities"] += 1
        for link in session.scalars(select(Link).order_by(Link.id)).yield_per(2000):
            if link.schema == "Reference" and link.target_id in \
                    references.get(link.source_id, {}).get(
                        ((link.properties or {}).get("ftmProperty") or [link.role or ""])[0], []):
                continue
            handle.write(json.dumps(link_to_ftm(link, captions.get(link.source_id, "")),
                                    ensure_ascii=False) + "\n")
            written["links"] += 1
    return written
