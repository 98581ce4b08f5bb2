"""Declared indirect shares in a chain: the declared figure stands for its components.

When an owner's indirect interest in the entity is declared (BODS), with the chain it
runs through, the declared share *is* the owner's holding through that chain. Summing
the components as well would count it twice, and a component without a share (a state
controls its ministry, which holds the shares) would make the owner's share unknown —
erasing the one figure the declaration gives. So, for the shares only, an owner's own
first-hop links that are components of its declared interest are left out; they stay in
the chain as steps, in its paths and in the control test.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.reads import declared_links
from db.reads.graph import LinkRow
from db.schemata import OWNERSHIP_LINKS


def declared_steps(session: Session, links: list[LinkRow], entity_id: str
                   ) -> tuple[set[str], set[str]]:
    """(ids of declared indirect ownership links into the entity, ids of the links that
    are their owners' own components — left out of the shares)."""
    into = [link.id for link in links if link.target_id == entity_id
            and link.schema in OWNERSHIP_LINKS
            and (link.share_min is not None or link.share_max is not None)]
    declared = declared_links.declared_indirect(session, into) if into else {}
    if not declared:
        return set(), set()
    components_of: dict[str, set[str]] = {}  # owner → component record ids
    for link in links:
        if link.id in declared:
            components_of.setdefault(link.source_id, set()).update(declared[link.id])
    candidates = [link.id for link in links
                  if link.source_id in components_of and link.id not in declared]
    records = declared_links.bods_records(session, candidates) if candidates else {}
    by_id = {link.id: link for link in links}
    components = {link_id for link_id, ids in records.items()
                  if ids & components_of[by_id[link_id].source_id]}
    return set(declared), components
