"""FollowTheMoney (FtM) out: every entity, then every link, as JSON lines.

What FtM has no place for (an entity's role, a share range, the app's own properties
such as ``mergedIds``, the kind of a link FtM does not know) travels in a top-level
``"casefile"`` object beside ``id``, ``schema`` and ``properties``: FtM keeps such
context untouched, and ``db.formats.ftm`` reads it back, so FtM → case → FtM → case is
lossless.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from db.core.progress import NO_PROGRESS, Progress
from db.formats.ftm import LINK_BY_FTM, ROLE_PROPERTY, _ftm_valid, is_app_property
from db.models import Entity, Link
from db.schemata import LINK_SCHEMATA


def _fmt_number(value: float) -> str:
    return f"{value:.10g}" if value != int(value) else str(int(value))


def entity_to_ftm(entity: Entity) -> dict[str, Any]:
    props: dict[str, list[str]] = {}
    extra: dict[str, list[str]] = {}
    for key, values in (entity.properties or {}).items():
        if values:
            (props if _ftm_valid(entity.schema, key) else extra)[key] = list(values)
    out: dict[str, Any] = {"id": entity.id, "schema": entity.schema, "properties": props}
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
    ftm_schema = spec.ftm_schema
    props: dict[str, list[str]] = {}
    extra: dict[str, list[str]] = {}
    for key, values in (link.properties or {}).items():
        if values:
            (extra if is_app_property(key) else props)[key] = [str(v) for v in values]
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
    out: dict[str, Any] = {"id": link.id, "schema": ftm_schema, "properties": props}
    if context:
        out["casefile"] = context
    return out


def export_ftm(case: Any, out: Path, progress: Progress = NO_PROGRESS) -> dict[str, int]:
    """Write every entity, then every link, as FtM JSON lines to ``out``."""
    written = {"entities": 0, "links": 0}
    tmp = out.with_name(out.name + ".part")
    with case.session() as session, open(tmp, "w", encoding="utf-8") as handle:
        captions = dict(session.execute(select(Entity.id, Entity.caption)).all())
        total = len(captions)
        for entity in session.scalars(select(Entity).order_by(Entity.id)).yield_per(2000):
            if written["entities"] % 10_000 == 0:
                progress.step(written["entities"], total, "Writing entities")
            handle.write(json.dumps(entity_to_ftm(entity), ensure_ascii=False) + "\n")
            written["entities"] += 1
        for link in session.scalars(select(Link).order_by(Link.id)).yield_per(2000):
            handle.write(json.dumps(link_to_ftm(link, captions.get(link.source_id, "")),
                                    ensure_ascii=False) + "\n")
            written["links"] += 1
    tmp.replace(out)
    return written
