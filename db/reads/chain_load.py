"""Load one control chain with what its rows need, off the GUI thread.

``db.analysis.control_chains`` answers who owns whom, with each step's stake, and on which
claims; the side table also shows the icon of each owner (its role), read in one query. Only plain
values leave the function (safe to hand from the worker thread to the GUI thread).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from db.analysis import ChainResult, control_chains
from db.core.casefile import CaseFile
from db.reads import graph


@dataclass
class ChainData:
    result: ChainResult
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
        roles = graph.entity_roles(session, [owner.id for owner in result.owners])
    return ChainData(result, roles)
