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

from db.core.progress import NO_PROGRESS, Progress

SEED = 7
FULL_SWEEPS = 50
FULL_SWEEP_LIMIT = 1_500  # nodes laid out with every sweep; above, fewer

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
                    progress: Progress = NO_PROGRESS) -> dict[Node, Point]:
    """Positions in "natural distance" units (neighbours end up about 1 apart).

    ``initial`` seeds positions (a node placed near a positioned neighbour when it has
    none); nodes in ``fixed`` (which must be in ``initial``) never move.
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
    anchored: dict[Node, Point] = {}
    loose: list[dict[Node, Point]] = []
    for number, component in enumerate(components):
        progress.step(number, len(components), "")
        members = [node_list[i] for i in component]
        inside = set(members)
        placed = _component_positions(graph.subgraph(component), members,
                                      {n: p for n, p in initial.items() if n in inside},
                                      fixed_set & inside, seed)
        if fixed_set & inside:
            anchored.update(placed)
        else:
            loose.append(placed)
    progress.step(len(components), len(components), "")
    return {**anchored, **_pack(loose, anchored)}


def _component_positions(graph: rx.PyGraph, members: list[Node],
                         initial: dict[Node, Point], fixed_set: set[Node],
                         seed: int) -> dict[Node, Point]:
    """One connected component; ``graph`` is its subgraph, node i being ``members[i]``."""
    start = _starting_positions(graph, members, initial, seed)
    if len(members) == 1 or len(fixed_set) == len(members):
        return {members[i]: start[i] for i in range(len(members))}
    fixed = {i for i, n in enumerate(members) if n in fixed_set}
    placed = rx.spring_layout(graph, pos={i: list(p) for i, p in start.items()},
                              fixed=fixed, k=1.0, num_iter=iterations_for(len(members)),
                              seed=seed)
    points = np.array([placed[i] for i in range(len(members))], dtype=float)
    if not fixed:  # rustworkx rescales a free layout into a unit box: back to natural units
        ends = np.array(list(graph.edge_list()), dtype=int).reshape(-1, 2)
        length = np.median(np.linalg.norm(points[ends[:, 0]] - points[ends[:, 1]], axis=1))
        points = (points - points.mean(axis=0)) / max(float(length), 1e-9)
    return {members[i]: (float(x), float(y)) for i, (x, y) in enumerate(points)}


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
        for other in graph.neighbors(node):
            if other not in positions:
                angle = rng.uniform(0, 2 * math.pi)
                positions[other] = (anchor[0] + math.cos(angle), anchor[1] + math.sin(angle))
                queue.append(other)
    for i in range(len(members)):
        if i not in positions:
            positions[i] = (float(rng.uniform(0, side)), float(rng.uniform(0, side)))
    return positions


def _pack(parts: list[dict[Node, Point]], anchored: dict[Node, Point]) -> dict[Node, Point]:
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
    row_width = max(math.sqrt(area) * 1.5, max(w for _, _, w, _ in boxes))
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
