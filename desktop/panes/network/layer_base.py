"""What the drawing layers share: one item each, painting a whole graph per pass.

A layer is one QGraphicsItem for all nodes and edges (the picture) or all labels, not one
item per node: Qt then keeps two items, not 80,000, and each paints what is on screen with
a few batched calls. Layers know the ``DrawnGraph`` and the canvas's palette; they draw in
device pixels from the canvas's ``Frame`` (computed once per view) so sizes that must stay
readable (labels, arrows, icons) are in pixels whatever the zoom.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsObject

if TYPE_CHECKING:
    from desktop.panes.network.canvas import GraphCanvas
    from desktop.panes.network.drawn import DrawnGraph
    from desktop.panes.network.frame import Frame

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

    def view_frame(self, painter: QPainter) -> Frame:
        """The frame of what ``painter`` paints now (shared by the layers of one paint)."""
        window = painter.viewport()
        return self.canvas.frame(painter.worldTransform(), window.width(), window.height())


class Drawer:
    """Draws one kind of thing (edges, nodes) of the graph into a frame, in pixels."""

    def __init__(self, canvas: GraphCanvas):
        self.canvas = canvas

    @property
    def graph(self) -> DrawnGraph | None:
        return self.canvas.graph

    def geometry_changed(self) -> None:
        """Positions moved: drop what was cached from them."""
