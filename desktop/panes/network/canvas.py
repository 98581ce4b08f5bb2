"""The drawing surface of the network pane: a pyqtgraph view holding nodes and edges.

The canvas knows items, not the case: the pane gives it nodes and edges with their
labels and flags, and listens to its signals (clicked, moved, menu, rubber band). All
items hang under one container item, so clearing a big graph is one removal and the
ViewBox does not recompute its bounds per item. Pan with the mouse, zoom with the wheel;
Shift or Ctrl + drag on the background draws a rubber band that selects.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsObject, QGraphicsRectItem, QWidget

from desktop.panes.network.items import EdgeItem, NodeItem

ANTIALIAS_LIMIT = 3_000  # nodes: above, drawing without antialiasing stays fluid
PARALLEL_BEND = 80.0
LABEL_SPREAD_LIMIT = 600  # edges: above, labels stay at the middle (the pass is quadratic)
MIN_FIT = (1000.0, 620.0)  # scene units shown at least, so two nodes are not drawn huge  # scene units between parallel links of one pair


class _Container(QGraphicsObject):
    def __init__(self):
        super().__init__()
        self.setFlag(QGraphicsObject.GraphicsItemFlag.ItemHasNoContents)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt name
        return QRectF()

    def paint(self, painter, option, widget=None) -> None:  # noqa: ANN001
        pass


class _SelectingViewBox(pg.ViewBox):
    """A ViewBox whose background clicks clear and whose modified drags select."""

    def __init__(self, canvas: GraphCanvas):
        super().__init__(lockAspect=True, invertY=True, enableMenu=False)
        self.canvas = canvas
        self._band: QGraphicsRectItem | None = None

    def mouseClickEvent(self, event) -> None:  # noqa: ANN001, N802 - pyqtgraph name
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.canvas.later(self.canvas.sig_background_clicked)
        else:
            event.ignore()

    def mouseDragEvent(self, event, axis=None) -> None:  # noqa: ANN001, N802
        modifiers = event.modifiers()
        banding = event.button() == Qt.MouseButton.LeftButton and bool(
            modifiers & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier))
        if not banding and self._band is None:
            super().mouseDragEvent(event, axis)
            return
        event.accept()
        start = self.mapToView(event.buttonDownPos())
        here = self.mapToView(event.pos())
        rect = QRectF(start, here).normalized()
        if self._band is None:
            self._band = QGraphicsRectItem()
            self._band.setPen(QPen(self.canvas.palette().highlight().color(), 0))
            fill = QColor(self.canvas.palette().highlight().color())
            fill.setAlpha(40)
            self._band.setBrush(fill)
            self._band.setZValue(10)
            self.addItem(self._band, ignoreBounds=True)
        self._band.setRect(rect)
        if event.isFinish():
            self.removeItem(self._band)
            self._band = None
            self.canvas.later(self.canvas.sig_rubber_band, rect)


class GraphCanvas(pg.GraphicsView):
    sig_node_clicked = Signal(str, bool)  # entity id, add to the selection (Ctrl)
    sig_node_double_clicked = Signal(str)
    sig_node_menu = Signal(str, QPoint)  # entity id, global position
    sig_node_moved = Signal(str, float, float)  # drag ended: entity id, x, y
    sig_edge_clicked = Signal(str)
    sig_background_clicked = Signal()
    sig_rubber_band = Signal(QRectF)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.viewbox = _SelectingViewBox(self)
        self.setCentralItem(self.viewbox)
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[str, EdgeItem] = {}
        self._container = _Container()
        self.viewbox.addItem(self._container, ignoreBounds=True)
        self.apply_palette()

    def apply_palette(self) -> None:
        self.setBackground(self.palette().base().color())

    # -- building ------------------------------------------------------------------------
    def clear_graph(self) -> None:
        self.viewbox.removeItem(self._container)
        self._container = _Container()
        self.viewbox.addItem(self._container, ignoreBounds=True)
        self.nodes.clear()
        self.edges.clear()

    def add_node(self, entity_id: str, caption: str, note: str, icon_path: str,
                 color: QColor, position: tuple[float, float]) -> NodeItem:
        item = NodeItem(self, entity_id, caption, note, icon_path, color)
        item.setPos(QPointF(*position))
        item.setParentItem(self._container)
        self.nodes[entity_id] = item
        return item

    def add_edges(self, edges: list[tuple[str, str, str, str, bool, bool]]) -> None:
        """(link id, source id, target id, label, sourced, disputed); both ends drawn."""
        pairs: dict[frozenset[str], list[tuple]] = {}
        for edge in edges:
            if edge[1] in self.nodes and edge[2] in self.nodes and edge[1] != edge[2]:
                pairs.setdefault(frozenset(edge[1:3]), []).append(edge)
        for group in pairs.values():
            first_source = group[0][1]
            for number, (link_id, source, target, label, sourced, disputed) in \
                    enumerate(group):
                bend = (number - (len(group) - 1) / 2) * PARALLEL_BEND
                if source != first_source:
                    bend = -bend  # the normal flips with the direction
                item = EdgeItem(self, link_id, self.nodes[source], self.nodes[target], label,
                                sourced, disputed, bend)
                item.setParentItem(self._container)
                self.edges[link_id] = item
        self.setAntialiasing(len(self.nodes) <= ANTIALIAS_LIMIT)
        if len(self.edges) <= LABEL_SPREAD_LIMIT:
            self._spread_labels()

    def _spread_labels(self) -> None:
        """Slide each edge label along its edge to the first place it hides nothing."""
        taken = [item.mapRectToParent(item.boundingRect()) for item in self.nodes.values()]
        for edge in self.edges.values():
            if not edge.label:
                continue
            best, fewest = 0.5, None
            for t in (0.5, 0.38, 0.62, 0.28, 0.72):
                rect = edge.label_rect(t)
                clashes = sum(1 for other in taken if other.intersects(rect))
                if fewest is None or clashes < fewest:
                    best, fewest = t, clashes
                if clashes == 0:
                    break
            if best != edge.label_t:
                edge.place_label(best)
            taken.append(edge.label_rect())

    # -- view ----------------------------------------------------------------------------
    def graph_rect(self) -> QRectF:
        if not self.nodes:
            return QRectF(-100, -100, 200, 200)
        rect = QRectF()
        for item in self.nodes.values():
            rect = rect.united(item.mapRectToParent(item.boundingRect()))
        return rect

    def fit(self) -> None:
        """Show the whole graph — but never blow a small one up beyond a readable size."""
        rect = self.graph_rect()
        centre = rect.center()
        rect.setWidth(max(rect.width(), MIN_FIT[0]))
        rect.setHeight(max(rect.height(), MIN_FIT[1]))
        rect.moveCenter(centre)
        self.viewbox.setRange(rect, padding=0.04)

    def centre_on(self, entity_id: str) -> None:
        item = self.nodes.get(entity_id)
        if item is not None and not self.viewbox.viewRect().contains(item.pos()):
            rect = self.viewbox.viewRect()
            rect.moveCenter(item.pos())
            self.viewbox.setRange(rect, padding=0)

    def later(self, signal, *args) -> None:  # noqa: ANN001
        """Emit once the current mouse event is done: a slot may redraw the graph, which
        must not delete the item pyqtgraph is still dispatching to."""
        QTimer.singleShot(0, self, lambda: signal.emit(*args))

    def scene_point(self, entity_id: str) -> QPoint:
        """Where a node is on the widget (for tests and menus)."""
        item = self.nodes[entity_id]
        self.viewbox.updateMatrix()  # the ViewBox applies a new range lazily, at paint
        return self.mapFromScene(item.mapToScene(QPointF(0, 0)))

    # -- export --------------------------------------------------------------------------
    def export_png(self, path: str) -> bool:
        return self.grab().save(path, "PNG")

    def export_svg(self, path: str, title: str = "") -> bool:
        size = self.viewport().size()
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setSize(QSize(size.width(), size.height()))
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(title)
        painter = QPainter()
        if not painter.begin(generator):
            return False
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(QRectF(0, 0, size.width(), size.height()), self.palette().base())
        source = self.mapToScene(self.viewport().rect()).boundingRect()
        self.scene().render(painter, QRectF(0, 0, size.width(), size.height()), source)
        painter.end()
        return True
