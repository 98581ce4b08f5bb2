"""Create, edit and delete links (relationships between entities)."""

from __future__ import annotations

from typing import Any

from db.core.transaction import Transaction
from db.models import Entity, Link
from db.partial_date import normalise
from db.schemata import link_schema


def _check_share(share_min: float | None, share_max: float | None) -> None:
    for value in (share_min, share_max):
        if value is not None and not 0 <= value <= 100:
            raise ValueError(f"a share is a percentage from 0 to 100, not {value}")
    if share_min is not None and share_max is not None and share_min > share_max:
        raise ValueError(f"share range {share_min}–{share_max} runs backwards")


def create_link(tx: Transaction, schema: str, source_id: str, target_id: str, *,
                share: float | None = None, share_min: float | None = None,
                share_max: float | None = None, start_date: str | None = None,
                end_date: str | None = None, role: str | None = None,
                shares_value: float | None = None, shares_currency: str | None = None,
                properties: dict[str, Any] | None = None, link_id: str | None = None,
                origin: str | None = None) -> str:
    """A relationship source → target. ``share`` sets an exact share (percent)."""
    link_schema(schema)
    if source_id == target_id:
        raise ValueError("a link needs two different entities")
    for entity_id in (source_id, target_id):
        if tx.session.get(Entity, entity_id) is None:
            raise LookupError(f"no entity with id {entity_id}")
    if share is not None:
        share_min = share_max = share
    _check_share(share_min, share_max)
    start_date, end_date = normalise(start_date), normalise(end_date)
    link = Link(schema=schema, source_id=source_id, target_id=target_id, role=role,
                start_date=start_date, end_date=end_date, share_min=share_min,
                share_max=share_max, shares_value=shares_value,
                shares_currency=shares_currency, properties=dict(properties or {}),
                created_by=tx.author, origin=origin)
    if link_id:
        link.id = link_id
    tx.add(link)
    return link.id


def edit_link(tx: Transaction, link_id: str, expected_version: int | None = None,
              **values: Any) -> str:
    """Change a link; ``expected_version`` is the row version the editor showed."""
    link = get_link(tx.session, link_id)
    if "share" in values:
        share = values.pop("share")
        values["share_min"] = values["share_max"] = share
    if "schema" in values:
        link_schema(values["schema"])
    _check_share(values.get("share_min", link.share_min), values.get("share_max", link.share_max))
    for key in ("start_date", "end_date"):
        if key in values:
            values[key] = normalise(values[key])
    allowed = {"schema", "source_id", "target_id", "role", "start_date", "end_date",
               "share_min", "share_max", "shares_value", "shares_currency", "properties"}
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"cannot edit {', '.join(sorted(unknown))} of a link")
    tx.update(link, expected_version, **values)
    return link_id


def delete_link(tx: Transaction, link_id: str) -> str:
    tx.delete(get_link(tx.session, link_id))
    return link_id


def get_link(session, link_id: str) -> Link:
    link = session.get(Link, link_id)
    if link is None:
        raise LookupError(f"no link with id {link_id}")
    return link
