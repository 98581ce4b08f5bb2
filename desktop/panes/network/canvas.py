"""The drawing surface of the network pane: a pyqtgraph view with three batched layers.

The canvas knows a ``DrawnGraph`` (arrays), not the case: the pane hands it nodes and
edges and listens to its signals (clicked, moved, menu, rubber band). Edges, nodes and
labels are drawn by two items (see ``layer_base``; edges and nodes are one picture, kept
while the view only pans — ``picture_layer``), so 50,000 nodes are two items, and the
view finds what is under the mouse with numpy instead of asking Qt item by item. Pan with
the mouse, zoom with the wheel, drag a node to move it; Shift or Ctrl + drag on the
background draws a rubber band that selects.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsObject,
    QGraphicsRectItem,
    QToolTip,
    QWidget,
)

from desktop.panes.network.drawn import DrawnGraph, EdgeSpec, NodeSpec
from desktop.panes.network.frame import Frame, view_frame
from desktop.panes.network.keyboard import NetworkKeys
from desktop.panes.network.label_layer import LabelLayer
from desktop.panes.network.node_layer import cluster_sizes
from desktop.panes.network.picture_layer import PictureLayer
from desktop.panes.network.view_box import SelectingViewBox

MIN_FIT = (800.0, 500.0)  # scene units shown at least, so two nodes are not drawn huge
FIT_MARGIN = (40.0, 30.0)  # pixels kept free beside and above/below the graph: labels
EXPORT_SCALE = 2  # exported pictures: this many pixels per pixel on screen
EDGE_REACH = 6.0  # pixels from a line that still click it


class _Container(QGraphicsObject):
    def __init__(self):
        super().__init__()
        self.setFlag(QGraphicsObject.GraphicsItemFlag.ItemHasNoContents)

    def boundingRect(self) -> QRectF:  # Qt name
        return QRectF()

    def paint(self, painter, option, widget=None) -> None:
        pass


class GraphCanvas(pg.GraphicsView):
    sig_node_clicked = Signal(str, bool)  # entity id, add to the selection (Ctrl)
    sig_node_double_clicked = Signal(str)
    sig_node_menu = Signal(str, QPoint)  # entity id, global position
    sig_node_moved = Signal(str, float, float)  # drag ended: entity id, x, y
    sig_edge_clicked = Signal(str)
    sig_background_clicked = Signal()
    sig_rubber_band = Signal(QRectF)

    # link id → hover text (whose the link and its claims are); set by the pane
    edge_tooltip: Callable[[str], str] | None = None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.viewbox = SelectingViewBox(self)
        self.setCentralItem(self.viewbox)
        self.graph: DrawnGraph | None = None
        self._container = _Container()
        self.viewbox.addItem(self._container, ignoreBounds=True)
        self.version = 0  # of what is drawn: a new graph, a move, a state change …
        self.geometry_version = 0  # … a new graph or a move only
        self._frame: tuple[tuple, Frame] | None = None
        self.picture_layer = PictureLayer(self)
        self.edge_layer, self.node_layer = self.picture_layer.edges, self.picture_layer.nodes
        self.label_layer = LabelLayer(self)
        for layer in (self.picture_layer, self.label_layer):
            layer.setParentItem(self._container)
        self.keys = NetworkKeys(self)  # arrows, +/-, Tab through the nodes, Enter
        self._last_click: tuple[str, float] | None = None
        self._dragging: int | None = None
        self._grab = QPointF()
        self.apply_palette()

    # -- theme ---------------------------------------------------------------------------
    def apply_palette(self) -> None:
        self.setBackground(self.palette().base().color())
        self.viewport().update()

    def changeEvent(self, event) -> None:  # Qt name: a live theme switch repaints at once
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self.apply_palette()

    # -- building ------------------------------------------------------------------------
    @property
    def nodes(self) -> dict:
        return self.graph.nodes if self.graph is not None else {}

    @property
    def edges(self) -> dict:
        return self.graph.edges if self.graph is not None else {}

    def clear_graph(self) -> None:
        self.set_graph([], [])

    def set_graph(self, nodes: list[NodeSpec], edges: list[EdgeSpec]) -> None:
        self.graph = DrawnGraph(nodes, edges, self._graph_changed)
        self._dragging = None
        self._graph_changed(True)
        self.keys.redrawn()

    def update_layers(self) -> None:
        """States (selection, highlight) changed: repaint, nothing to rebuild."""
        self._graph_changed(False)

    def _graph_changed(self, geometry: bool) -> None:
        self.version += 1
        self.geometry_version += geometry
        if geometry and self.graph is not None:
            self.graph.moved()
        for layer in (self.picture_layer, self.label_layer):
            if geometry:
                layer.geometry_changed()
            layer.update()
        self.keys.states_changed()

    def frame(self, transform, width: float, height: float) -> Frame:
        """Where everything is in pixels for this view, computed once for all layers."""
        key = (transform.m11(), transform.m12(), transform.m21(), transform.m22(),
               transform.m31(), transform.m32(), width, height, self.geometry_version, id(self.graph))
        if self._frame is None or self._frame[0] != key:
            self._frame = (key, view_frame(self.graph, transform, width, height))
        return self._frame[1]

    # -- what is where ---------------------------------------------------------------------
    def pixels_per_unit(self) -> float:
        rect = self.viewbox.viewRect()
        return self.viewbox.width() / rect.width() if rect.width() > 0 else 1.0

    def node_at(self, point: QPointF) -> str | None:
        """The node drawn under ``point`` (view units), the nearest when several are."""
        row = self._row_at(point)
        return None if row is None else self.graph.ids[row]

    def _row_at(self, point: QPointF) -> int | None:
        graph = self.graph
        if graph is None or not graph.ids:
            return None
        scale = self.pixels_per_unit()
        distance = np.hypot(graph.pos[:, 0] - point.x(), graph.pos[:, 1] - point.y()) * scale
        radius = self.node_layer.radius
        reach = cluster_sizes(radius, graph.weight)
        inside = np.flatnonzero(distance <= reach + 3)
        if not len(inside):
            return None
        return int(inside[np.argmin(distance[inside])])

    def edge_at(self, point: QPointF) -> str | None:
        graph = self.graph
        if graph is None or not graph.edge_ids:
            return None
        here = np.array([point.x(), point.y()])
        start, end = graph.pos[graph.source], graph.pos[graph.target]
        middle = graph.middles()
        best = np.minimum(_segment_distance(here, start, middle),
                          _segment_distance(here, middle, end)) * self.pixels_per_unit()
        row = int(np.argmin(best))
        return graph.edge_ids[row] if best[row] <= EDGE_REACH else None

    def ids_in(self, rect: QRectF) -> list[str]:
        """Entities whose centre lies in ``rect`` (view units)."""
        if self.graph is None:
            return []
        pos = self.graph.pos
        inside = ((pos[:, 0] >= rect.left()) & (pos[:, 0] <= rect.right())
                  & (pos[:, 1] >= rect.top()) & (pos[:, 1] <= rect.bottom()))
        return [self.graph.ids[i] for i in np.flatnonzero(inside)]

    def graph_rect(self) -> QRectF:
        if self.graph is None:
            return QRectF(-100, -100, 200, 200)
        left, top, right, bottom = self.graph.bounds()
        margin = 40.0
        return QRectF(left - margin, top - margin, right - left + 2 * margin,
                      bottom - top + 2 * margin)

    def viewportEvent(self, event) -> bool:  # Qt name: hovering a link says whose it is
        if event.type() == QEvent.Type.ToolTip and self.edge_tooltip is not None:
            point = self.viewbox.mapSceneToView(self.mapToScene(event.pos()))
            edge = None if self.node_at(point) is not None else self.edge_at(point)
            if edge is not None:
                QToolTip.showText(event.globalPos(), self.edge_tooltip(edge), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # -- mouse (called by the view box) ----------------------------------------------------
    def clicked(self, event) -> None:
        point = self.viewbox.mapToView(event.pos())
        node = self.node_at(point)
        if event.button() == Qt.MouseButton.RightButton:
            if node is not None:
                event.accept()
                self.later(self.sig_node_menu, node, event.screenPos().toPoint())
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        event.accept()
        if node is None:
            edge = self.edge_at(point)
            if edge is not None:
                self.later(self.sig_edge_clicked, edge)
            else:
                self.later(self.sig_background_clicked)
            return
        # pyqtgraph reports the second click of a double-click as a plain click when Qt
        # sends a press before the double-click event: time it as well.
        now = time.monotonic()
        interval = QApplication.doubleClickInterval() / 1000.0
        last = self._last_click
        if event.double() or (last and last[0] == node and now - last[1] < interval):
            self._last_click = None
            self.later(self.sig_node_double_clicked, node)
        else:
            self._last_click = (node, now)
            self.later(self.sig_node_clicked, node, bool(
                event.modifiers() & Qt.KeyboardModifier.ControlModifier))

    def drag_node(self, event) -> bool:
        """Move the node under the drag's start; False when none is there."""
        if event.isStart():
            row = self._row_at(self.viewbox.mapToView(event.buttonDownPos()))
            if row is None:
                return False
            self._dragging = row
            self._grab = self.viewbox.mapToView(event.buttonDownPos()) - QPointF(
                *self.graph.pos[row])
        if self._dragging is None:
            return False
        event.accept()
        row = self._dragging
        point = self.viewbox.mapToView(event.pos()) - self._grab
        self.graph.pos[row] = (point.x(), point.y())
        self._graph_changed(True)
        if event.isFinish():
            self._dragging = None
            self.later(self.sig_node_moved, self.graph.ids[row], point.x(), point.y())
        return True

    # -- view ----------------------------------------------------------------------------
    def fit(self) -> None:
        """Show the whole graph — but never blow a small one up beyond a readable size."""
        rect = self.graph_rect()
        centre = rect.center()
        rect.setWidth(max(rect.width(), MIN_FIT[0]))
        rect.setHeight(max(rect.height(), MIN_FIT[1]))
        # Names stick out of the nodes by a number of pixels, not of scene units: widen the
        # rectangle so that many pixels stay free around it at the scale it will get.
        width, height = max(self.viewbox.width(), 300.0), max(self.viewbox.height(), 200.0)
        scale = min((width - 2 * FIT_MARGIN[0]) / rect.width(),
                    (height - 2 * FIT_MARGIN[1]) / rect.height())
        rect.setWidth(width / scale)
        rect.setHeight(height / scale)
        rect.moveCenter(centre)
        self.viewbox.setRange(rect, padding=0)

    def show_nodes(self, node_ids: list[str]) -> None:
        """Zoom to the drawn nodes among ``node_ids`` (an opened group's members)."""
        rows = [self.graph.index[n] for n in node_ids if n in self.graph.index]
        if not rows:
            return
        points = self.graph.pos[rows]  # the middle 90%: a few loose members packed aside
        (left, top), (right, bottom) = np.percentile(points, [5, 95], axis=0) \
            if len(rows) >= 40 else (points.min(axis=0), points.max(axis=0))
        rect = QRectF(left, top, right - left, bottom - top).adjusted(-300, -300, 300, 300)
        self.viewbox.setRange(rect, padding=0)

    def centre_on(self, entity_id: str, zoom_to: float | None = None) -> None:
        """Bring a node into view; ``zoom_to`` (view units across) also zooms to it."""
        node = self.nodes.get(entity_id)
        if node is None:
            return
        point = node.pos()
        rect = self.viewbox.viewRect()
        if zoom_to is not None:
            rect = QRectF(0, 0, zoom_to, zoom_to * rect.height() / max(rect.width(), 1e-9))
        elif rect.contains(point):
            return
        rect.moveCenter(point)
        self.viewbox.setRange(rect, padding=0)

    def later(self, signal, *args) -> None:
        """Emit once the current mouse event is done: a slot may redraw the graph."""
        QTimer.singleShot(0, self, lambda: signal.emit(*args))

    def scene_point(self, entity_id: str) -> QPoint:
        """Where a node is on the widget (for tests and menus)."""
        return self.view_to_widget(self.nodes[entity_id].pos())

    def view_to_widget(self, point: QPointF) -> QPoint:
        self.viewbox.updateMatrix()  # the ViewBox applies a new range lazily, at paint
        return self.mapFromScene(self._container.mapToScene(point))

    # -- export --------------------------------------------------------------------------
    def _render_whole(self, painter: QPainter, width: int, height: int) -> None:
        """The whole graph fitted into the picture, drawn as the view draws it."""
        kept = self.viewbox.viewRect()
        self.fit()
        self.viewbox.updateMatrix()
        painter.fillRect(QRectF(0, 0, width, height), self.palette().base())
        self.render(painter, QRectF(0, 0, width, height), self.viewport().rect())
        self.viewbox.setRange(kept, padding=0)

    def export_png(self, path: str) -> bool:
        size = self.viewport().size() * EXPORT_SCALE
        image = QImage(size, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        self._render_whole(painter, size.width(), size.height())
        painter.end()
        return image.save(path, "PNG")

    def export_svg(self, path: str, title: str = "") -> bool:
        size = self.viewport().size()
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(title)
        painter = QPainter()
        if not painter.begin(generator):
            return False
        self._render_whole(painter, size.width(), size.height())
        painter.end()
        return True

    def band_item(self) -> QGraphicsRectItem:
        band = QGraphicsRectItem()
        band.setPen(QPen(self.palette().highlight().color(), 0))
        fill = QColor(self.palette().highlight().color())
        fill.setAlpha(40)
        band.setBrush(fill)
        band.setZValue(10)
        return band


def _segment_distance(point: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Distance from ``point`` to each segment start[i]–end[i]."""
    delta = end - start
    length2 = np.maximum((delta ** 2).sum(axis=1), 1e-12)
    t = np.clip(((point - start) * delta).sum(axis=1) / length2, 0.0, 1.0)
    nearest = start + delta * t[:, None]
    return np.hypot(nearest[:, 0] - point[0], nearest[:, 1] - point[1])
