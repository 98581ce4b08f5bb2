"""Create, edit, merge and delete entities."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from db.core.transaction import Transaction
from db.models import ClaimTarget, Entity, EventEntity, Link, NodePosition, Source, utc_now
from db.schemata import check_entity_schema


def _clean_properties(properties: dict[str, Any] | None) -> dict[str, list[str]]:
    clean: dict[str, list[str]] = {}
    for key, values in (properties or {}).items():
        if isinstance(values, str | int | float):
            values = [values]
        kept: list[str] = []
        for value in values or ():
            text = str(value).strip()
            if text and text not in kept:
                kept.append(text)
        if kept:
            clean[key] = kept
    return clean


def create_entity(tx: Transaction, schema: str, name: str, *, aliases: list[str] = (),
                  properties: dict[str, Any] | None = None, role: str | None = None,
                  entity_id: str | None = None, origin: str | None = None) -> str:
    name = name.strip()
    if not name:
        raise ValueError("an entity needs a name")
    props = _clean_properties(properties)
    props["name"] = [name] + [n for n in props.get("name", []) if n != name]
    if aliases:
        props["alias"] = _clean_properties({"a": list(props.get("alias", [])) + list(aliases)})["a"]
    entity = Entity(schema=check_entity_schema(schema), caption=name, role=role,
                    properties=props, created_by=tx.author, origin=origin)
    if entity_id:
        entity.id = entity_id
    tx.add(entity)
    return entity.id


def edit_entity(tx: Transaction, entity_id: str, *, schema: str | None = None,
                name: str | None = None, role: str | None = None,
                properties: dict[str, Any] | None = None,
                expected_version: int | None = None) -> str:
    """Change an entity; ``properties`` replaces the whole property set when given.
    ``expected_version``: the row version the editor showed (``db.core.conflicts``)."""
    entity = get_entity(tx.session, entity_id)
    values: dict[str, Any] = {"updated_at": utc_now()}
    props = _clean_properties(properties) if properties is not None else dict(entity.properties)
    if schema is not None:
        values["schema"] = check_entity_schema(schema)
    if role is not None:
        values["role"] = role or None
    if name is not None:
        name = name.strip()
        if not name:
            raise ValueError("an entity needs a name")
        values["caption"] = name
        props["name"] = [name] + [n for n in props.get("name", []) if n != name]
    values["properties"] = props
    tx.update(entity, expected_version, **values)
    return entity_id


def delete_entity(tx: Transaction, entity_id: str) -> str:
    """Delete an entity with its links and what supports them (all undoable)."""
    tx.delete(get_entity(tx.session, entity_id))
    return entity_id


def merge_entities(tx: Transaction, keep_id: str, other_id: str) -> str:
    """Fold ``other`` into ``keep``: names become aliases, links and claims move over.

    The other id is remembered in the kept entity's ``mergedIds`` so a colleague's
    references to it still resolve.
    """
    if keep_id == other_id:
        raise ValueError("cannot merge an entity with itself")
    keep = get_entity(tx.session, keep_id)
    other = get_entity(tx.session, other_id)
    props = {k: list(v) for k, v in keep.properties.items()}
    for key, values in other.properties.items():
        target = "alias" if key == "name" else key
        for value in values:
            if value not in props.get(target, []) and value not in props.get("name", []):
                props.setdefault(target, []).append(value)
    if other.caption not in props.get("name", []) + props.get("alias", []):
        props.setdefault("alias", []).append(other.caption)
    props.setdefault("mergedIds", []).append(other.id)
    props["mergedIds"] += [i for i in other.properties.get("mergedIds", [])
                           if i not in props["mergedIds"]]
    tx.update(keep, properties=props, updated_at=utc_now())
    session = tx.session
    for link in session.scalars(select(Link).where(Link.source_id == other_id)).all():
        tx.update(link, source_id=keep_id)
    for link in session.scalars(select(Link).where(Link.target_id == other_id)).all():
        tx.update(link, target_id=keep_id)
    for target in session.scalars(select(ClaimTarget).where(ClaimTarget.entity_id == other_id)):
        tx.update(target, entity_id=keep_id)
    for source in session.scalars(select(Source).where(Source.entity_id == other_id)).all():
        tx.update(source, entity_id=keep_id)
    kept_events = set(session.scalars(
        select(EventEntity.event_id).where(EventEntity.entity_id == keep_id)))
    for row in session.scalars(select(EventEntity).where(EventEntity.entity_id == other_id)):
        if row.event_id not in kept_events:
            tx.add(EventEntity(event_id=row.event_id, entity_id=keep_id))
    position = session.get(NodePosition, other_id)
    if position is not None:
        tx.delete(position)
    tx.delete(other)
    return keep_id


def get_entity(session, entity_id: str) -> Entity:
    entity = session.get(Entity, entity_id)
    if entity is None:
        raise LookupError(f"no entity with id {entity_id}")
    return entity


def set_position(tx: Transaction, entity_id: str, x: float, y: float,
                 pinned: bool | None = None) -> None:
    row = tx.session.get(NodePosition, entity_id)
    if row is None:
        tx.add(NodePosition(entity_id=entity_id, x=x, y=y, pinned=bool(pinned)))
    else:
        tx.update(row, x=x, y=y, pinned=row.pinned if pinned is None else pinned)
