"""The graph the canvas draws, as columns: one row per node and one per edge.

Batched drawing paints thousands of nodes or edges in one pass, so it wants positions,
colours and flags as arrays; the pane and the tests still ask about one node ("is Renera
selected? where is it?") — ``NodeView`` and ``EdgeView`` are those handles, thin windows
onto a row that read and write the arrays.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

DISPUTED = QColor("#d32f2f")
HIGHLIGHT = QColor("#ef6c00")
PARALLEL_BEND = 60.0  # scene units between the middles of parallel links of one pair


@dataclass(frozen=True)
class NodeSpec:
    id: str
    caption: str
    note: str  # a second, bold line: the effective share in a chain, a cluster's count
    icon: str  # path of the schema's SVG icon
    colour: QColor
    position: tuple[float, float]
    emphasised: bool = False
    highlighted: bool = False
    pinned: bool = False
    weight: float = 1.0  # what a cluster stands for (its size); 1 for an entity


@dataclass(frozen=True)
class EdgeSpec:
    id: str
    source: str
    target: str
    label: str
    sourced: bool
    disputed: bool
    width: float = 1.0  # links a cluster edge stands for
    directed: bool = True  # drawn with an arrowhead (a group edge is not)


class DrawnGraph:
    """Nodes and edges as arrays; ``on_change(geometry)`` tells the canvas to repaint."""

    def __init__(self, nodes: list[NodeSpec], edges: list[EdgeSpec],
                 on_change: Callable[[bool], None] = lambda geometry: None):
        self.on_change = on_change
        self.ids = [n.id for n in nodes]
        self.index = {node_id: i for i, node_id in enumerate(self.ids)}
        self.specs = nodes
        count = len(nodes)
        self.pos = np.array([n.position for n in nodes], dtype=float).reshape(count, 2)
        self.selected = np.zeros(count, dtype=bool)
        self.highlighted = np.array([n.highlighted for n in nodes], dtype=bool)
        self.emphasised = np.array([n.emphasised for n in nodes], dtype=bool)
        self.pinned = np.array([n.pinned for n in nodes], dtype=bool)
        self.weight = np.array([n.weight for n in nodes], dtype=float).reshape(count)
        kept = [e for e in edges
                if e.source in self.index and e.target in self.index and e.source != e.target]
        self.edge_specs = kept
        self.edge_ids = [e.id for e in kept]
        self.edge_index = {edge_id: i for i, edge_id in enumerate(self.edge_ids)}
        self.source = np.array([self.index[e.source] for e in kept], dtype=np.int64)
        self.target = np.array([self.index[e.target] for e in kept], dtype=np.int64)
        self.sourced = np.array([e.sourced for e in kept], dtype=bool)
        self.disputed = np.array([e.disputed for e in kept], dtype=bool)
        self.edge_width = np.array([e.width for e in kept], dtype=float)
        self.directed = np.array([e.directed for e in kept], dtype=bool)
        self.edge_selected = np.zeros(len(kept), dtype=bool)
        self.edge_highlighted = np.zeros(len(kept), dtype=bool)
        self.bend = _bends(self.source, self.target)
        degree = np.bincount(np.concatenate([self.source, self.target]), minlength=count)
        self.degree = degree[:count]
        self.rank = self.importance_order()
        self.nodes = Views(self, self.index, NodeView)
        self.edges = Views(self, self.edge_index, EdgeView)

    def importance_order(self) -> np.ndarray:
        """Node rows, most important first: whom a label goes to when not all fit."""
        score = (self.degree + np.log1p(self.weight) * 4.0
                 + 1000.0 * (self.highlighted | self.emphasised))
        return np.argsort(-score, kind="stable")

    def moved(self) -> None:
        """Positions changed: forget what was computed from them."""
        self._middles = None

    def middles(self) -> np.ndarray:
        """Where each edge's label sits: the middle of its (possibly bent) line."""
        if getattr(self, "_middles", None) is None:
            self._middles = self._compute_middles()
        return self._middles

    def _compute_middles(self) -> np.ndarray:
        start, end = self.pos[self.source], self.pos[self.target]
        middle = (start + end) / 2.0
        delta = end - start
        length = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 1e-9)
        normal = np.stack([-delta[:, 1], delta[:, 0]], axis=1) / length[:, None]
        return middle + normal * self.bend[:, None]

    def bounds(self) -> tuple[float, float, float, float]:
        if not len(self.pos):
            return (-100.0, -100.0, 100.0, 100.0)
        low, high = self.pos.min(axis=0), self.pos.max(axis=0)
        return (float(low[0]), float(low[1]), float(high[0]), float(high[1]))


def _bends(source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Parallel links of one pair fan out: the k-th gets its middle pushed sideways (to
    the other side when it runs the other way). Array work: 150,000 edges in milliseconds."""
    if not len(source):
        return np.zeros(0)
    low, high = np.minimum(source, target), np.maximum(source, target)
    key = low * (int(high.max()) + 1) + high
    order = np.argsort(key, kind="stable")  # a pair's links together, in their order
    ordered = key[order]
    start = np.searchsorted(ordered, ordered, side="left")
    count = np.searchsorted(ordered, ordered, side="right") - start
    bend = (np.arange(len(order)) - start - (count - 1) / 2) * PARALLEL_BEND
    bend = np.where(source[order] == source[order[start]], bend, -bend)
    bends = np.zeros(len(order))
    bends[order] = np.where(count > 1, bend, 0.0)
    return bends


class Views(Mapping):
    """Id → view (``NodeView`` or ``EdgeView``), made when asked for: 150,000 handles
    nobody looks at cost a second to build."""

    def __init__(self, graph: DrawnGraph, index: dict[str, int], make):
        self.graph, self.index, self.make = graph, index, make
        self.made: dict[str, object] = {}

    def __getitem__(self, key: str):
        view = self.made.get(key)
        if view is None:
            view = self.made[key] = self.make(self.graph, self.index[key])
        return view

    def __contains__(self, key: object) -> bool:
        return key in self.index

    def __iter__(self):
        return iter(self.index)

    def __len__(self) -> int:
        return len(self.index)


class NodeView:
    """One node of a ``DrawnGraph``: what it shows and its state."""

    def __init__(self, graph: DrawnGraph, row: int):
        self.graph, self.row = graph, row
        spec = graph.specs[row]
        self.entity_id, self.caption, self.note = spec.id, spec.caption, spec.note

    def pos(self) -> QPointF:
        x, y = self.graph.pos[self.row]
        return QPointF(float(x), float(y))

    @property
    def selected(self) -> bool:
        return bool(self.graph.selected[self.row])

    @property
    def highlighted(self) -> bool:
        return bool(self.graph.highlighted[self.row])

    @property
    def emphasised(self) -> bool:
        return bool(self.graph.emphasised[self.row])

    @property
    def pinned(self) -> bool:
        return bool(self.graph.pinned[self.row])

    def set_state(self, *, selected: bool | None = None, highlighted: bool | None = None,
                  emphasised: bool | None = None, pinned: bool | None = None) -> None:
        for column, value in ((self.graph.selected, selected),
                              (self.graph.highlighted, highlighted),
                              (self.graph.emphasised, emphasised), (self.graph.pinned, pinned)):
            if value is not None:
                column[self.row] = value
        self.graph.on_change(False)


class EdgeView:
    """One edge of a ``DrawnGraph``."""

    def __init__(self, graph: DrawnGraph, row: int):
        self.graph, self.row = graph, row
        spec = graph.edge_specs[row]
        self.link_id, self.label = spec.id, spec.label
        self.sourced, self.disputed = spec.sourced, spec.disputed
        self.source = graph.nodes[spec.source] if hasattr(graph, "nodes") else None
        self.target = graph.nodes[spec.target] if hasattr(graph, "nodes") else None

    @property
    def selected(self) -> bool:
        return bool(self.graph.edge_selected[self.row])

    @property
    def highlighted(self) -> bool:
        return bool(self.graph.edge_highlighted[self.row])

    def set_state(self, *, selected: bool | None = None,
                  highlighted: bool | None = None) -> None:
        if selected is not None:
            self.graph.edge_selected[self.row] = selected
        if highlighted is not None:
            self.graph.edge_highlighted[self.row] = highlighted
        self.graph.on_change(False)

    def middle(self) -> QPointF:
        x, y = self.graph.middles()[self.row]
        return QPointF(float(x), float(y))

    def colour(self, text: QColor | None = None, highlight: QColor | None = None) -> QColor:
        if self.selected and highlight is not None:
            return highlight
        if self.highlighted:
            return HIGHLIGHT
        if self.disputed:
            return DISPUTED
        colour = QColor(text or QColor("#000000"))
        colour.setAlpha(170)
        return colour
