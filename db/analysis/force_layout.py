"""Force-directed positions for the network pane (Qt-free: numpy and networkx only).

Small graphs use networkx ``spring_layout`` (fixed seed, bounded iterations). Its
variant for 500+ nodes needs SciPy, which the app does not ship, so larger graphs use the
same Fruchterman–Reingold model here in numpy, with the repulsion computed in blocks so
memory stays bounded (5,000 nodes: ~16 MB per block, not 400 MB), fewer iterations as the
graph grows, and a ``Progress`` so the worker can report and cancel.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable

import networkx as nx
import numpy as np

from db.core.progress import NO_PROGRESS, Progress

SEED = 7
NETWORKX_LIMIT = 500  # networkx's dense spring layout below this many nodes
BLOCK_PAIRS = 1_000_000  # node pairs per repulsion block

Node = Hashable
Point = tuple[float, float]


def iterations_for(count: int) -> int:
    """Fewer sweeps for big graphs: the cost of one sweep grows with the square."""
    if count <= NETWORKX_LIMIT:
        return 50
    return max(12, int(25_000 / count))


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
    members = set(node_list)
    edge_list = [(a, b) for a, b in edges if a != b and a in members and b in members]
    graph = nx.Graph()
    graph.add_nodes_from(node_list)
    graph.add_edges_from(edge_list)
    order = {n: i for i, n in enumerate(node_list)}
    components = sorted((sorted(c, key=order.__getitem__)
                         for c in nx.connected_components(graph)),
                        key=lambda c: (-len(c), order[c[0]]))
    part_of = {n: number for number, component in enumerate(components) for n in component}
    edges_of: dict[int, list[tuple[Node, Node]]] = {}
    for a, b in edge_list:
        edges_of.setdefault(part_of[a], []).append((a, b))
    anchored: dict[Node, Point] = {}
    loose: list[dict[Node, Point]] = []
    for number, component in enumerate(components):
        inside = set(component)
        placed = _component_positions(
            component, edges_of.get(number, []),
            {n: p for n, p in initial.items() if n in inside}, fixed_set & inside, seed,
            progress if number == 0 else NO_PROGRESS)
        if fixed_set & inside:
            anchored.update(placed)
        else:
            loose.append(placed)
    return {**anchored, **_pack(loose, anchored)}


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


def _component_positions(node_list: list[Node], edge_list: list[tuple[Node, Node]],
                         initial: dict[Node, Point], fixed_set: set[Node], seed: int,
                         progress: Progress) -> dict[Node, Point]:
    start = _starting_positions(node_list, edge_list, initial, seed)
    if len(node_list) == 1 or len(fixed_set) == len(node_list):
        return start
    if len(node_list) < NETWORKX_LIMIT:
        graph = nx.Graph()
        graph.add_nodes_from(node_list)
        graph.add_edges_from(edge_list)
        placed = nx.spring_layout(graph, k=1.0, pos=start, fixed=list(fixed_set) or None,
                                  iterations=iterations_for(len(node_list)), seed=seed,
                                  scale=None)
        return {n: (float(placed[n][0]), float(placed[n][1])) for n in node_list}
    return _blocked_fruchterman_reingold(node_list, edge_list, start, fixed_set, progress)


def _starting_positions(nodes: list[Node], edges: list[tuple[Node, Node]],
                        initial: dict[Node, Point], seed: int) -> dict[Node, Point]:
    rng = np.random.default_rng(seed)
    side = max(1.0, math.sqrt(len(nodes)))
    neighbours: dict[Node, list[Node]] = {}
    for a, b in edges:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    positions: dict[Node, Point] = {n: initial[n] for n in nodes if n in initial}
    for node in nodes:
        if node in positions:
            continue
        anchor = next((positions[n] for n in neighbours.get(node, ()) if n in positions), None)
        if anchor is not None:
            angle = rng.uniform(0, 2 * math.pi)
            positions[node] = (anchor[0] + math.cos(angle), anchor[1] + math.sin(angle))
        else:
            positions[node] = (float(rng.uniform(0, side)), float(rng.uniform(0, side)))
    return positions


def _blocked_fruchterman_reingold(nodes: list[Node], edges: list[tuple[Node, Node]],
                                  start: dict[Node, Point], fixed: set[Node],
                                  progress: Progress) -> dict[Node, Point]:
    count = len(nodes)
    index = {n: i for i, n in enumerate(nodes)}
    pos = np.array([start[n] for n in nodes], dtype=np.float64)
    pairs = np.array([(index[a], index[b]) for a, b in edges if a in index and b in index],
                     dtype=np.int64).reshape(-1, 2)
    movable = np.array([n not in fixed for n in nodes])
    k = 1.0
    iterations = iterations_for(count)
    temperature = 0.1 * max(np.ptp(pos[:, 0]), np.ptp(pos[:, 1]), 1.0)
    cooling = temperature / (iterations + 1)
    block = max(1, BLOCK_PAIRS // count)
    for step in range(iterations):
        progress.step(step, iterations, "")
        shift = np.zeros_like(pos)
        for begin in range(0, count, block):
            delta = pos[begin:begin + block, None, :] - pos[None, :, :]
            distance2 = np.maximum((delta ** 2).sum(axis=2), 1e-4)
            shift[begin:begin + block] = (delta * (k * k / distance2)[:, :, None]).sum(axis=1)
        if len(pairs):
            delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            pull = delta * np.sqrt((delta ** 2).sum(axis=1))[:, None] / k
            np.add.at(shift, pairs[:, 0], -pull)
            np.add.at(shift, pairs[:, 1], pull)
        length = np.maximum(np.sqrt((shift ** 2).sum(axis=1)), 1e-9)
        shift *= (np.minimum(length, temperature) / length)[:, None]
        shift[~movable] = 0.0
        pos += shift
        temperature -= cooling
    progress.step(iterations, iterations, "")
    return {n: (float(pos[i, 0]), float(pos[i, 1])) for n, i in index.items()}
