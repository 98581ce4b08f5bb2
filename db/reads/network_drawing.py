"""What to draw and where: the network pane's four views, computed without Qt.

Each ``load_*`` function reads the case (its own session: it may run in a worker) and
returns a ``Drawing`` — nodes, edges, positions in scene units and what to emphasise.
Positions: a position the investigator saved wins, then where the node is drawn now (so a
refresh never makes the picture jump), then the layout. The control chain is always
layered (owners above); the other views use the chosen layout.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from db.analysis import ChainResult, ConnectingPath, connecting_paths, control_chains
from db.analysis.force_layout import force_positions, typical_gap
from db.analysis.layered_layout import layered_positions
from db.core.casefile import CaseFile
from db.core.progress import NO_PROGRESS, Progress
from db.reads import network
from db.reads.network_clusters import Clustered, cluster_case
from db.schemata import CONTROL_LINKS, OWNERSHIP_LINKS

FORCE_SPACING = 220.0  # scene units between neighbours in the force layout
DETAIL_LIMIT = 1_000  # entities: a bigger whole case is drawn in groups
MAX_EXPANDED = 400  # entities of one opened group drawn at most (best connected first)
MIN_GAP = 0.5  # links: an opened group's members are spread at least this far apart
LAYER_GAP = 230.0  # scene units between layers of the hierarchical layout
NODE_GAP = 300.0  # scene units between nodes of one layer

NEIGHBOURHOOD, WHOLE_CASE, CHAIN, PATHS = "neighbourhood", "whole", "chain", "paths"
FORCE, HIERARCHICAL = "force", "hierarchical"

Point = tuple[float, float]


@dataclass
class Drawing:
    mode: str
    data: network.NetworkData
    positions: dict[str, Point] = field(default_factory=dict)
    emphasised: set[str] = field(default_factory=set)  # controllers: bold outline
    highlighted_nodes: set[str] = field(default_factory=set)  # on a connecting path
    highlighted_links: set[str] = field(default_factory=set)
    chain: ChainResult | None = None
    paths: list[ConnectingPath] | None = None
    endpoints: tuple[str, str] | None = None  # the two entities of a path search
    as_of: date | None = None
    clusters: Clustered | None = None  # the whole case in groups, when it is big

    @property
    def needs_layout(self) -> bool:
        return len(self.positions) < len(self.data.nodes)


def place(data: network.NetworkData, layout: str, keep: dict[str, Point] | None = None,
          progress: Progress = NO_PROGRESS, relayout: bool = False,
          aspect: float = 1.5) -> dict[str, Point]:
    """Scene positions for every node of ``data``; ``aspect``: the view's width / height.

    ``relayout``: arrange afresh; only pinned nodes keep their places.
    """
    ids = list(data.nodes)
    edges = [(e.source_id, e.target_id) for e in data.edges.values()]
    if layout == HIERARCHICAL:
        chain = [(e.source_id, e.target_id) for e in data.edges.values()
                 if e.schema in OWNERSHIP_LINKS | CONTROL_LINKS]
        return layered_positions(ids, chain or edges, layer_gap=LAYER_GAP, node_gap=NODE_GAP)
    known: dict[str, Point] = {}
    for node_id in ids:
        node = data.nodes[node_id]
        saved = node.x is not None and node.y is not None
        if saved and (node.pinned or not relayout):
            known[node_id] = (node.x, node.y)
        elif keep and node_id in keep and not relayout:
            known[node_id] = keep[node_id]
    if len(known) == len(ids):
        return known
    natural = force_positions(ids, edges, initial={n: (x / FORCE_SPACING, y / FORCE_SPACING)
                                                   for n, (x, y) in known.items()},
                              fixed=known, progress=progress, aspect=aspect)
    return {n: known.get(n) or (x * FORCE_SPACING, y * FORCE_SPACING)
            for n, (x, y) in natural.items()}


def load_neighbourhood(case: CaseFile, focus: list[str], expanded: list[str], depth: int,
                       as_of: date | None) -> Drawing:
    with case.session() as session:
        base = network.neighbourhood(session, focus, depth, as_of=as_of)
        if not expanded:
            data = base
        else:
            around = network.neighbourhood(session, expanded, 1, as_of=as_of)
            data = network.subgraph(session, list(base.nodes) + list(around.nodes),
                                    as_of=as_of)
            data.truncated = base.truncated or around.truncated
    return Drawing(NEIGHBOURHOOD, data, as_of=as_of)


def load_whole_case(case: CaseFile, as_of: date | None, expanded: list[str] = (),
                    clustered: Clustered | None = None,
                    progress: Progress = NO_PROGRESS) -> Drawing:
    """Every entity — or, above ``DETAIL_LIMIT``, the case in groups (``clustered`` when it
    is still current), with the ``expanded`` groups drawn entity by entity."""
    with case.session() as session:
        if clustered is None or clustered.as_of != as_of:
            if network.count_entities(session, DETAIL_LIMIT + 1) <= DETAIL_LIMIT:
                return Drawing(WHOLE_CASE, network.whole_case(session, as_of=as_of),
                               as_of=as_of)
            clustered = cluster_case(session, as_of)
            clustered.positions = _group_positions(clustered, progress)
        clustered.expanded = [g for g in dict.fromkeys(expanded) if g in clustered.groups]
        members = [m for g in clustered.expanded
                   for m in clustered.groups[g].members[:MAX_EXPANDED]]
        data = network.subgraph(session, members, as_of=as_of)
    positions = dict(clustered.positions)
    for group_id in clustered.expanded:
        inside = [m for m in clustered.groups[group_id].members[:MAX_EXPANDED]
                  if m in data.nodes]
        edges = [(e.source_id, e.target_id) for e in data.edges.values()]
        placed = force_positions(inside, edges)
        centre = np.array(clustered.positions[group_id])
        if placed:
            points = np.array(list(placed.values()), dtype=float)
            # A group is a hub and what hangs off it: its members ring the hub a link
            # away, icon on icon. Spread them until neighbours are half a link apart.
            spread = max(1.0, MIN_GAP / max(typical_gap(points), 1e-9))
            points = centre + (points - points.mean(axis=0)) * FORCE_SPACING * spread
            positions.update(zip(placed, map(tuple, points.tolist()), strict=True))
    data.total_nodes = clustered.entity_count
    return Drawing(WHOLE_CASE, data, positions, as_of=as_of, clusters=clustered)


def _group_positions(clustered: Clustered, progress: Progress) -> dict[str, Point]:
    """Groups laid out among themselves, spaced for their size."""
    ids = list(clustered.groups)
    natural = force_positions(ids, list(clustered.links), progress=progress)
    biggest = max((g.size for g in clustered.groups.values()), default=1)
    spacing = FORCE_SPACING * 3.5 * max(1.0, math.sqrt(biggest) / 6)
    return {g: (x * spacing, y * spacing) for g, (x, y) in natural.items()}


def load_chain(case: CaseFile, entity_id: str, as_of: date | None) -> Drawing:
    with case.session() as session:
        chain = control_chains(session, entity_id, as_of, citations=False)
        ids = [entity_id] + [owner.id for owner in chain.owners]
        data = network.subgraph(session, ids, as_of=as_of)
    data.edges = {i: e for i, e in data.edges.items() if i in chain.steps}
    positions = layered_positions(ids, [(e.source_id, e.target_id) for e in data.edges.values()],
                                  layer_gap=LAYER_GAP, node_gap=NODE_GAP, loose_row=False,
                                  align="bottom")
    emphasised = {owner.id for owner in chain.owners if owner.controls}
    return Drawing(CHAIN, data, positions, emphasised=emphasised, chain=chain, as_of=as_of)


def load_paths(case: CaseFile, first: str, second: str, as_of: date | None) -> Drawing:
    with case.session() as session:
        paths = connecting_paths(session, first, second, as_of=as_of)
        ids = list(dict.fromkeys([first, second] + [n for p in paths for n in p.entity_ids]))
        data = network.subgraph(session, ids, as_of=as_of)
    hops = {hop.link_id for path in paths for hop in path.hops}
    return Drawing(PATHS, data, highlighted_nodes=set(ids) if paths else set(),
                   highlighted_links=hops, paths=paths, endpoints=(first, second), as_of=as_of)
