"""Load one control chain with what its rows need, off the GUI thread.

``db.analysis.control_chains`` answers who owns whom, with each step's stake, and on which
claims; the side table also shows the icon of each owner (its role), read in one query. Only plain
values leave the function (safe to hand from the worker thread to the GUI thread).

Paths are searched per owner when asked (``chain_paths``). The loader searches those of
the first owners in the list for up to ``PATHS_UP_FRONT`` seconds, so a small chain
opens fully expanded; the pane asks for the rest, one owner at a time, on the worker
(``owner_paths``), each search bounded by ``PATH_SECONDS``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date

from db.analysis import ChainResult, PathList, control_chains
from db.core.casefile import CaseFile
from db.core.progress import NO_PROGRESS, Progress
from db.reads import graph

PATHS_UP_FRONT = 0.3  # seconds of path searching for the first owners, before showing
PATH_SECONDS = 2.0  # one owner's path search on demand stops (partial) after this


@dataclass
class ChainData:
    result: ChainResult
    roles: dict[str, str | None] = field(default_factory=dict)  # entity id → role
    _names: dict[str, str] | None = field(default=None, init=False, repr=False)

    def name(self, entity_id: str) -> str:
        if self._names is None:  # indexed once: a big chain asks for thousands of names
            self._names = {owner.id: owner.name for owner in self.result.owners}
            self._names[self.result.entity_id] = self.result.entity_name
        return self._names.get(entity_id, entity_id)


def load_chain(case: CaseFile, entity_id: str, as_of: date | None,
               progress: Progress = NO_PROGRESS) -> ChainData:
    """The chain, with the first owners' paths already searched. ``progress`` is asked
    throughout whether the person cancelled (raises ``Cancelled``)."""
    def cancelled() -> bool:
        progress.step(0, 0)  # raises Cancelled once the person cancelled
        return False

    with case.session() as session:
        result = control_chains(session, entity_id, as_of, cancelled=cancelled)
        roles = graph.entity_roles(session, [owner.id for owner in result.owners])
    data = ChainData(result, roles)
    # The indexes rows are built from, made here rather than on the GUI thread.
    result.links_between(entity_id, entity_id)
    data.name(entity_id)
    deadline = time.monotonic() + PATHS_UP_FRONT
    for owner in result.owners:
        if time.monotonic() > deadline:
            break
        owner.path_list(deadline, cancelled)
    return data


def owner_paths(data: ChainData, owner_id: str, progress: Progress = NO_PROGRESS
                ) -> PathList:
    """One owner's paths, searched for at most ``PATH_SECONDS`` (then partial)."""
    def cancelled() -> bool:
        progress.step(0, 0)
        return False

    for owner in data.result.owners:
        if owner.id == owner_id:
            return owner.path_list(time.monotonic() + PATH_SECONDS, cancelled)
    return PathList([], False, 0)
