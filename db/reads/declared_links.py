"""Declared indirect interests among a chain's links (BODS ``directOrIndirect: indirect``).

A BODS declaration may state an owner's indirect interest in a company *and* the chain
it runs through (its ``componentRecords``). The importer keeps the declared share as an
Ownership link marked ``bodsIndirect`` when the components cannot compute it (a step of
the components carries no share — a state's control of its ministry, say). The chain
analysis then needs two things only these properties say: which links are declared
indirect interests, and which of the owner's own links are their components.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy.orm import Session

from db.core import seam


def _properties(session: Session, link_ids: Iterable[str]) -> dict[str, dict]:
    """link id → its properties. Plain driver rows: this runs for every chain, and the
    ORM's statement handling would cost more than the query."""
    engine = seam.of(session)
    found: dict[str, dict] = {}
    for link_id, properties in engine.fetch_rows(
            session, f"SELECT id, properties FROM links WHERE id IN {engine.id_list('ids')}",
            {"ids": engine.id_list_value(dict.fromkeys(link_ids))}):
        if isinstance(properties, str):  # SQLite hands JSON back as text
            properties = json.loads(properties)
        found[link_id] = properties or {}
    return found


def declared_indirect(session: Session, link_ids: Iterable[str]) -> dict[str, frozenset[str]]:
    """Of these links, those declared as indirect interests → their components' BODS
    record ids (empty when the declaration names none)."""
    return {link_id: frozenset(props.get("bodsComponentRecords") or ())
            for link_id, props in _properties(session, link_ids).items()
            if "true" in (props.get("bodsIndirect") or ())}


def bods_records(session: Session, link_ids: Iterable[str]) -> dict[str, frozenset[str]]:
    """link id → the BODS record ids it came from (links not from BODS: left out)."""
    return {link_id: frozenset(props["bodsRecordId"])
            for link_id, props in _properties(session, link_ids).items()
            if props.get("bodsRecordId")}
