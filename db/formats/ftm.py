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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from db.core.progress import NO_PROGRESS, Progress
from db.formats.batch import clean_date, link_row, paused_gc
from db.formats.results import FormatError, ImportBatch
from db.models import Entity, Link, utc_now
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
        except (StopIteration, json.JSONDecodeError):
            if not line.strip():
                continue
            try:
                item = loads(line)
            except json.JSONDecodeError as error:
                raise FormatError(f"{name}, line {number}: not valid JSON ({error.msg})") from None
        yield number, _check_object(item, name, f"line {number}")


def _check_object(item: Any, name: str, where: str) -> dict[str, Any]:
    if not isinstance(item, dict) or not item.get("id") or not item.get("schema"):
        raise FormatError(f"{name}, {where}: an FtM entity needs \"id\" and \"schema\"")
    props = item.get("properties") or {}
    if type(props) is not dict:
        raise FormatError(f"{name}, {where}: \"properties\" must map names to lists of values")
    for key, values in props.items():
        if type(values) is not list:
            raise FormatError(f"{name}, {where}: \"properties\" must map names to lists of "
                              "values")
        for value in values:
            if type(value) is not str:
                if not isinstance(value, int | float):
                    raise FormatError(f"{name}, {where}: property {key!r} holds a "
                                      f"{type(value).__name__}, not text")
                props[key] = [str(x) for x in values]
                break
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
        return float(str(text).replace(",", ""))
    except ValueError:
        return None


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
    for count, (number, item) in enumerate(iter_objects(data, name)):
        if count % 20_000 == 0:
            progress.step(number, total, f"Reading {name}")
        schema = item["schema"]
        props = item.get("properties") or {}
        if not all(props.values()):
            props = {k: v for k, v in props.items() if v}
        context = item.get("casefile") if type(item.get("casefile")) is dict else {}
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
            for prop in props.keys() - MODELLED:
                if not is_app_property(prop):
                    batch.unknown_properties[f"{schema}.{prop}"] += 1
            entity_id = str(item["id"])
            caption = _caption(schema, props, entity_id)[:500] or entity_id
            # entity_row(), inlined: one dict per entity, built once.
            entities.append({"id": entity_id, "schema": schema, "caption": caption,
                             "role": role, "properties": props, "origin": origin,
                             "created_by": created_by, "created_at": now, "updated_at": now})
        elif schema in LINK_BY_FTM or schema == "Sanction":
            pending_links.append((number, schema, props, context | {"id": str(item["id"])}))
        else:
            batch.unknown_schemata[schema] += 1
    names = {}
    for row in batch.entities:
        names.setdefault(row["caption"], row["id"])
    for number, schema, props, context in pending_links:
        row = _link_from_ftm(batch, number, schema, props, context, names, name, now)
        if row is not None:
            batch.links.append(row)
    return batch


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


# -- writing --------------------------------------------------------------------------------
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
