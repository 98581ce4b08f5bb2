"""Connecting paths: how two entities are tied, through links of the chosen types.

The search never loads the whole case. It grows two balls by breadth-first levels —
around A and around B, always the smaller frontier first — reading only the links
incident to the frontier (indexed lookups). Once the balls have grown to radii ra and rb,
every path of length <= ra + rb lies wholly inside the loaded links, so the growth stops
at ``max_depth``, or one hop past the shortest connection once the link budget is spent
on a dense neighbourhood. Paths are then read off the loaded graph shortest first
(``shortest_simple_paths``, lazily), so the enumeration is bounded by ``max_paths`` and
``max_depth`` — never an unbounded ``all_simple_paths``. Links are walked in either
direction; each hop says whether it follows its link forward or backward.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx
from sqlalchemy.orm import Session

from db.models import Entity
from db.reads import graph as graph_load
from db.schemata import LINK_SCHEMATA

# Links read before the search settles for "shortest + one hop" instead of max_depth.
COMFORTABLE_LINKS = 5_000
# Links read at most; beyond it the search stops with what it has (``truncated``).
MAX_LINKS = 500_000


@dataclass(frozen=True)
class Hop:
    link_id: str
    schema: str
    source_id: str
    target_id: str
    direction: str  # "forward": walked source → target; "backward": target → source
    supporting: list[str] = field(default_factory=list)
    contradicting: list[str] = field(default_factory=list)
    parallel: tuple[str, ...] = ()  # other links joining the same two entities

    def to_json(self) -> dict[str, Any]:
        return {"link_id": self.link_id, "schema": self.schema, "source_id": self.source_id,
                "target_id": self.target_id, "direction": self.direction,
                "supporting": self.supporting, "contradicting": self.contradicting,
                "unsourced": not self.supporting, "parallel": list(self.parallel)}


@dataclass
class ConnectingPath:
    entity_ids: list[str]
    hops: list[Hop]

    def __len__(self) -> int:
        return len(self.hops)

    def to_json(self) -> dict[str, Any]:
        return {"entity_ids": self.entity_ids, "length": len(self.hops),
                "hops": [hop.to_json() for hop in self.hops]}


def connecting_paths(session: Session, a_id: str, b_id: str,
                     link_types: set[str] | None = None, as_of: date | None = None,
                     max_paths: int = 5, max_depth: int = 6) -> list[ConnectingPath]:
    """Up to ``max_paths`` simple paths from A to B of at most ``max_depth`` hops.

    Shortest first; links of ``link_types`` (all when None) in force on ``as_of``.
    """
    types = graph_load.check_link_types(link_types if link_types is not None
                                        else LINK_SCHEMATA)
    for entity_id in (a_id, b_id):
        if session.get(Entity, entity_id) is None:
            raise LookupError(f"no entity with id {entity_id}")
    if a_id == b_id:
        raise ValueError("a path needs two different entities")
    if max_paths < 1 or max_depth < 1:
        raise ValueError("max_paths and max_depth must be at least 1")
    links = _grow(session, a_id, b_id, types, as_of, max_depth)
    by_pair: dict[frozenset[str], list[graph_load.LinkRow]] = {}
    for link in sorted(links.values(), key=lambda link: (types.index(link.schema), link.id)):
        by_pair.setdefault(frozenset((link.source_id, link.target_id)), []).append(link)
    graph = nx.Graph(list(tuple(pair) for pair in by_pair))
    if a_id not in graph or b_id not in graph:
        return []
    found: list[list[str]] = []
    try:
        for entity_ids in nx.shortest_simple_paths(graph, a_id, b_id):
            if len(entity_ids) - 1 > max_depth or len(found) >= max_paths:
                break
            found.append(entity_ids)
    except nx.NetworkXNoPath:
        return []
    used = [by_pair[frozenset(pair)] for p in found for pair in zip(p, p[1:], strict=False)]
    stances = graph_load.claim_stances(session, [link.id for group in used for link in group])
    return [_path(entity_ids, by_pair, stances) for entity_ids in found]


def _grow(session: Session, a_id: str, b_id: str, types: tuple[str, ...],
          as_of: date | None, max_depth: int) -> dict[str, graph_load.LinkRow]:
    """Links within reach of both ends, enough to hold every path the caller can get."""
    distance = {a_id: {a_id: 0}, b_id: {b_id: 0}}
    frontier = {a_id: [a_id], b_id: [b_id]}
    radius = {a_id: 0, b_id: 0}
    links: dict[str, graph_load.LinkRow] = {}
    while radius[a_id] + radius[b_id] < max_depth:
        met = set(distance[a_id]) & set(distance[b_id])
        if met and len(links) > COMFORTABLE_LINKS:
            shortest = min(distance[a_id][n] + distance[b_id][n] for n in met)
            if radius[a_id] + radius[b_id] >= shortest + 1:
                break
        if len(links) > MAX_LINKS:
            break
        live = [end for end in (a_id, b_id) if frontier[end]]
        if not live:
            break
        end = min(live, key=lambda e: len(frontier[e]))
        level = radius[end] + 1
        seen = distance[end]
        next_frontier: list[str] = []
        for link in graph_load.incident_links(session, frontier[end], types, as_of):
            links[link.id] = link
            for node in (link.source_id, link.target_id):
                if node not in seen:
                    seen[node] = level
                    next_frontier.append(node)
        frontier[end] = next_frontier
        radius[end] = level
    return links


def _path(entity_ids: list[str], by_pair: dict[frozenset[str], list[graph_load.LinkRow]],
          stances: dict[str, tuple[list[str], list[str]]]) -> ConnectingPath:
    hops: list[Hop] = []
    for here, there in zip(entity_ids, entity_ids[1:], strict=False):
        first, *others = by_pair[frozenset((here, there))]
        supporting, contradicting = stances.get(first.id, ([], []))
        hops.append(Hop(first.id, first.schema, first.source_id, first.target_id,
                        "forward" if first.source_id == here else "backward",
                        list(supporting), list(contradicting),
                        tuple(link.id for link in others)))
    return ConnectingPath(list(entity_ids), hops)
