"""Force-directed positions for the network pane (Qt-free), with rustworkx.

rustworkx (Rust, Apache-2.0) runs Fruchterman–Reingold several times faster than the
numpy version this module used to carry and than networkx (which needs SciPy above 500
nodes). Each connected component is laid out on its own and the free ones are packed in
rows, so a few big groups do not push loose pairs to the horizon. Incremental: nodes with
a known position (``fixed``) do not move, and a new node starts next to a placed
neighbour, so a refresh or a new "as of" date adds to the picture instead of redrawing it.
The cost of one sweep grows with the square of the nodes, so big components get fewer
sweeps; graphs far beyond a few thousand nodes are aggregated before they get here.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable

import numpy as np
import rustworkx as rx
from scipy.spatial import cKDTree

from db.core.progress import NO_PROGRESS, Progress

SEED = 7
FULL_SWEEPS = 50
FULL_SWEEP_LIMIT = 1_500  # nodes laid out with every sweep; above, fewer
SLICE_WORK = 1_200_000  # nodes² × sweeps per rustworkx call: about 30 ms here
FIXED_SPRING_LIMIT = 300  # nodes: a bigger component with placed nodes only adds new ones

Node = Hashable
Point = tuple[float, float]


def iterations_for(count: int) -> int:
    """Fewer sweeps for big components: the cost of one sweep grows with the square."""
    if count <= FULL_SWEEP_LIMIT:
        return FULL_SWEEPS
    return max(8, int(FULL_SWEEPS * (FULL_SWEEP_LIMIT / count) ** 2))


def force_positions(nodes: Iterable[Node], edges: Iterable[tuple[Node, Node]], *,
                    initial: dict[Node, Point] | None = None,
                    fixed: Iterable[Node] = (), seed: int = SEED,
                    progress: Progress = NO_PROGRESS, aspect: float = 1.5) -> dict[Node, Point]:
    """Positions in "natural distance" units (neighbours end up about 1 apart).

    ``initial`` seeds positions (a node placed near a positioned neighbour when it has
    none); nodes in ``fixed`` (which must be in ``initial``) never move. ``aspect`` (width
    over height of the view it is for) shapes the rows free components are packed in.
    """
    node_list = list(dict.fromkeys(nodes))
    if not node_list:
        return {}
    initial = dict(initial or {})
    fixed_set = {n for n in fixed if n in initial}
    index = {n: i for i, n in enumerate(node_list)}
    graph = rx.PyGraph(multigraph=False)
    graph.add_nodes_from(range(len(node_list)))
    graph.add_edges_from_no_data([(index[a], index[b]) for a, b in edges
                                  if a != b and a in index and b in index])
    components = sorted((sorted(c) for c in rx.connected_components(graph)),
                        key=lambda c: (-len(c), c[0]))
    part_of = {i: number for number, component in enumerate(components) for i in component}
    edges_of: dict[int, list[tuple[int, int]]] = {}
    for a, b in graph.edge_list():
        edges_of.setdefault(part_of[a], []).append((a, b))
    known_of: dict[int, dict[Node, Point]] = {}
    for node, point in initial.items():
        if node in index:
            known_of.setdefault(part_of[index[node]], {})[node] = point
    anchored: dict[Node, Point] = {}
    loose: list[dict[Node, Point]] = []
    for number, component in enumerate(components):
        progress.step(number, len(components), "")
        members = [node_list[i] for i in component]
        known = known_of.get(number, {})
        pinned = {n for n in known if n in fixed_set}
        placed = _component_positions(_subgraph(component, edges_of.get(number, [])),
                                      members, known, pinned, seed)
        if pinned:
            anchored.update(placed)
        else:
            loose.append(placed)
    progress.step(len(components), len(components), "")
    return {**anchored, **_pack(loose, anchored, aspect)}


def _component_positions(graph: rx.PyGraph, members: list[Node],
                         initial: dict[Node, Point], fixed_set: set[Node],
                         seed: int) -> dict[Node, Point]:
    """One connected component; ``graph`` is its subgraph, node i being ``members[i]``."""
    start = _starting_positions(graph, members, initial, seed)
    if len(members) == 1 or len(fixed_set) == len(members):
        return {members[i]: start[i] for i in range(len(members))}
    fixed = {i for i, n in enumerate(members) if n in fixed_set}
    if fixed and len(members) > FIXED_SPRING_LIMIT:
        # New nodes of a big placed component stay beside their placed neighbour.
        return {members[i]: start[i] for i in range(len(members))}
    # rustworkx holds the GIL while it lays out (measured: 2.2-2.7 s of a frozen window
    # at 1,500 nodes, with the layout in a worker thread): run it in slices of ~30 ms so
    # the GUI thread gets the GIL between them.
    total = iterations_for(len(members))
    step = max(1, min(total, int(SLICE_WORK / len(members) ** 2)))
    points_by_node = {i: list(p) for i, p in start.items()}
    for done in range(0, total, step):
        placed = rx.spring_layout(graph, pos=points_by_node, fixed=fixed or None, k=1.0,
                                  num_iter=min(step, total - done), seed=seed)
        points_by_node = {i: list(placed[i]) for i in range(len(members))}
    points = np.array([points_by_node[i] for i in range(len(members))], dtype=float)
    if not fixed:  # rustworkx rescales a free layout into a unit box: back to natural units
        if graph.num_edges() > 2 * len(members):  # dense: every edge is long
            unit = typical_gap(points)
        else:
            ends = np.array(list(graph.edge_list()), dtype=int).reshape(-1, 2)
            unit = float(np.median(np.linalg.norm(points[ends[:, 0]] - points[ends[:, 1]],
                                                  axis=1)))
        points = (points - points.mean(axis=0)) / max(unit, 1e-9)
    return {members[i]: (float(x), float(y)) for i, (x, y) in enumerate(points)}


def _subgraph(component: list[int], edges: list[tuple[int, int]]) -> rx.PyGraph:
    """The component as a graph of its own whose node i is ``component[i]`` (rustworkx's
    ``subgraph`` does not promise to keep the order it is given)."""
    local = {node: i for i, node in enumerate(component)}
    part = rx.PyGraph(multigraph=False)
    part.add_nodes_from(range(len(component)))
    part.add_edges_from_no_data([(local[a], local[b]) for a, b in edges])
    return part


def typical_gap(points: np.ndarray) -> float:
    """The median distance from a node to its nearest other node: 1 in natural units, so
    a dense graph (where every edge is long) is not squeezed into a blot."""
    if len(points) < 2:
        return 1.0
    distances, _ = cKDTree(points).query(points, k=2)
    return float(np.median(distances[:, 1]))


def _starting_positions(graph: rx.PyGraph, members: list[Node], initial: dict[Node, Point],
                        seed: int) -> dict[int, Point]:
    """Known nodes where they are; a new one beside a placed neighbour (breadth first from
    the placed ones), else at random in a square that fits them all."""
    rng = np.random.default_rng(seed)
    side = max(1.0, math.sqrt(len(members)))
    positions: dict[int, Point] = {i: initial[n] for i, n in enumerate(members) if n in initial}
    if not positions:
        positions[0] = (0.0, 0.0)
    queue = list(positions)
    for node in queue:  # grows while it is walked: a breadth-first walk
        anchor = positions[node]
        # rustworkx returns neighbours from a hash set, in an order that changes between
        # calls: sorted, the walk (and so the whole layout) is the same for the same seed.
        for other in sorted(graph.neighbors(node)):
            if other not in positions:
                angle = rng.uniform(0, 2 * math.pi)
                positions[other] = (anchor[0] + math.cos(angle), anchor[1] + math.sin(angle))
                queue.append(other)
    for i in range(len(members)):
        if i not in positions:
            positions[i] = (float(rng.uniform(0, side)), float(rng.uniform(0, side)))
    return positions


def _pack(parts: list[dict[Node, Point]], anchored: dict[Node, Point],
          aspect: float = 1.5) -> dict[Node, Point]:
    """Shelf-pack free components (largest first) into rows below the anchored ones."""
    if not parts:
        return {}
    margin = 1.2
    boxes = []
    for part in parts:
        xs = [p[0] for p in part.values()]
        ys = [p[1] for p in part.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + margin, max(ys) - min(ys) + margin))
    area = sum(w * h for _, _, w, h in boxes)
    row_width = max(math.sqrt(area * aspect), max(w for _, _, w, _ in boxes))
    top = max((p[1] for p in anchored.values()), default=-margin) + margin
    left = min((p[0] for p in anchored.values()), default=0.0)
    x, y, row_height = left, top, 0.0
    result: dict[Node, Point] = {}
    for part, (x0, y0, width, height) in zip(parts, boxes, strict=True):
        if x > left and x + width > left + row_width:
            x, y, row_height = left, y + row_height, 0.0
        for node, (px, py) in part.items():
            result[node] = (px - x0 + x, py - y0 + y)
        x += width
        row_height = max(row_height, height)
    return result
