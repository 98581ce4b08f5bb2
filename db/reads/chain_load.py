"""Load one control chain with what its rows need, off the GUI thread.

``db.analysis.control_chains`` answers who owns whom and on which claims; the side table
also shows what a stake is worth when its share is unknown ("6.2 bn RUB") and the icon of
each owner, so this loads those few extra columns in the same worker call. Only plain
values leave the function (safe to hand from the worker thread to the GUI thread).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from db.analysis import ChainResult, control_chains
from db.core.casefile import CaseFile
from db.models import Entity, Link


@dataclass
class ChainData:
    result: ChainResult
    stake_values: dict[str, tuple[float, str | None]] = field(default_factory=dict)
    roles: dict[str, str | None] = field(default_factory=dict)  # entity id → role

    def name(self, entity_id: str) -> str:
        if entity_id == self.result.entity_id:
            return self.result.entity_name
        for owner in self.result.owners:
            if owner.id == entity_id:
                return owner.name
        return entity_id


def load_chain(case: CaseFile, entity_id: str, as_of: date | None) -> ChainData:
    with case.session() as session:
        result = control_chains(session, entity_id, as_of)
        data = ChainData(result)
        for link_id in result.steps:
            link = session.get(Link, link_id)
            if link is not None and link.shares_value is not None:
                data.stake_values[link_id] = (link.shares_value, link.shares_currency)
        for owner in result.owners:
            entity = session.get(Entity, owner.id)
            data.roles[owner.id] = entity.role if entity is not None else None
    return data
