"""What to draw and where: the network pane's four views, computed without Qt.

Each ``load_*`` function reads the case (its own session: it may run in a worker) and
returns a ``Drawing`` — nodes, edges, positions in scene units and what to emphasise.
Positions: a position the investigator saved wins, then where the node is drawn now (so a
refresh never makes the picture jump), then the layout. The control chain is always
layered (owners above); the other views use the chosen layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from db.analysis import ChainResult, ConnectingPath, connecting_paths, control_chains
from db.analysis.force_layout import force_positions
from db.analysis.layered_layout import layered_positions
from db.core.casefile import CaseFile
from db.core.progress import NO_PROGRESS, Progress
from db.reads import network
from db.schemata import CONTROL_LINKS, OWNERSHIP_LINKS

FORCE_SPACING = 220.0  # scene units between neighbours in the force layout
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
    clusters: object | None = None  # the whole case in groups (network_clusters.Clustered)

    @property
    def needs_layout(self) -> bool:
        return len(self.positions) < len(self.data.nodes)

    def unplaced(self, keep: dict[str, Point]) -> int:
        """Nodes with neither a saved nor a drawn position: what a layout must compute."""
        return sum(1 for n in self.data.nodes.values()
                   if n.x is None and n.id not in keep)


def place(data: network.NetworkData, layout: str, keep: dict[str, Point] | None = None,
          progress: Progress = NO_PROGRESS, relayout: bool = False) -> dict[str, Point]:
    """Scene positions for every node of ``data``.

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
                              fixed=known, progress=progress)
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


def load_whole_case(case: CaseFile, as_of: date | None) -> Drawing:
    with case.session() as session:
        data = network.whole_case(session, as_of=as_of)
    return Drawing(WHOLE_CASE, data, as_of=as_of)


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
