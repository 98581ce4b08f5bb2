"""What the three drawing layers share: one item each, painting a whole graph per pass.

A layer is one QGraphicsItem for all nodes (or edges, or labels), not one item per node:
Qt then keeps three items, not 80,000, and each layer paints what is on screen with a
few batched calls. Layers know the ``DrawnGraph`` and the canvas's palette; they map
scene positions to device pixels themselves so sizes that must stay readable (labels,
arrows, icons) are in pixels whatever the zoom.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtWidgets import QGraphicsObject

if TYPE_CHECKING:
    from desktop.panes.network.canvas import GraphCanvas
    from desktop.panes.network.drawn import DrawnGraph

RADIUS = 22.0  # a node's half side at 1 pixel per scene unit
MAX_NODE_PIXELS = 22.0
DETAIL_PIXELS = 9.0  # node radius from which icons, arrows and edge labels are drawn
ICON_LIMIT = 800  # visible nodes drawn as icons at most; more are drawn as dots
EVERYWHERE = QRectF(-1e8, -1e8, 2e8, 2e8)


class Layer(QGraphicsObject):
    """One batched layer of the graph; never takes mouse events (the view does)."""

    def __init__(self, canvas: GraphCanvas):
        super().__init__()
        self.canvas = canvas
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)

    @property
    def graph(self) -> DrawnGraph | None:
        return self.canvas.graph

    def boundingRect(self) -> QRectF:  # Qt name: the layer may paint anywhere it is seen
        return EVERYWHERE

    def geometry_changed(self) -> None:
        """Positions moved: drop what was cached from them."""


def scale_of(transform: QTransform) -> float:
    """Device pixels per scene unit (the view keeps the aspect ratio)."""
    return float(np.hypot(transform.m11(), transform.m12())) or 1.0


def to_device(transform: QTransform, points: np.ndarray) -> np.ndarray:
    """Scene points (n × 2) mapped to device pixels."""
    x, y = points[:, 0], points[:, 1]
    return np.stack([x * transform.m11() + y * transform.m21() + transform.m31(),
                     x * transform.m12() + y * transform.m22() + transform.m32()], axis=1)


def visible_rows(graph: DrawnGraph, transform: QTransform, painter: QPainter,
                 margin: float = 40.0) -> tuple[np.ndarray, np.ndarray]:
    """(device positions of every node, boolean mask of those on the painted area)."""
    device = to_device(transform, graph.pos)
    window = painter.viewport() if painter.device() is not None else None
    width = window.width() if window is not None else 1e9
    height = window.height() if window is not None else 1e9
    mask = ((device[:, 0] > -margin) & (device[:, 0] < width + margin)
            & (device[:, 1] > -margin) & (device[:, 1] < height + margin))
    return device, mask


def node_pixels(scale: float, visible: int) -> float:
    """A node's radius on screen: its scene size, but never too small to see or click
    when few are shown (a small case reads at any window size), nor huge zoomed in."""
    floor = 12.0 if visible <= 60 else 8.0 if visible <= 400 else 3.0
    return float(min(MAX_NODE_PIXELS, max(floor, RADIUS * scale)))


def detailed(radius: float, visible: int) -> bool:
    return radius >= DETAIL_PIXELS and visible <= ICON_LIMIT
