"""The drawing surface of the network pane: a pyqtgraph view holding nodes and edges.

The canvas knows items, not the case: the pane gives it nodes and edges with their
labels and flags, and listens to its signals (clicked, moved, menu, rubber band). All
items hang under one container item, so clearing a big graph is one removal and the
ViewBox does not recompute its bounds per item. Pan with the mouse, zoom with the wheel;
Shift or Ctrl + drag on the background draws a rubber band that selects.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsObject, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from desktop.panes.network.items import DISPUTED, RADIUS, EdgeItem, NodeItem

ANTIALIAS_LIMIT = 3_000  # nodes: above, drawing without antialiasing stays fluid
PARALLEL_BEND = 80.0
LABEL_SPREAD_LIMIT = 150  # edges: above, labels stay at the middle (the pass is quadratic)
OVERVIEW_SYMBOL = 9  # pixels
EXPORT_MAX_PIXELS = 8_000  # longest side of an exported picture
MAX_TEXT_SCALE = 2.5
MIN_FIT = (800.0, 500.0)  # scene units shown at least, so two nodes are not drawn huge  # scene units between parallel links of one pair


class _Container(QGraphicsObject):
    def __init__(self):
        super().__init__()
        self.setFlag(QGraphicsObject.GraphicsItemFlag.ItemHasNoContents)

    def boundingRect(self) -> QRectF:  # Qt name
        return QRectF()

    def paint(self, painter, option, widget=None) -> None:
        pass


class _SelectingViewBox(pg.ViewBox):
    """A ViewBox whose background clicks clear and whose modified drags select."""

    def __init__(self, canvas: GraphCanvas):
        super().__init__(lockAspect=True, invertY=True, enableMenu=False)
        self.canvas = canvas
        self._band: QGraphicsRectItem | None = None
        self._banding = False

    def mouseClickEvent(self, event) -> None:  # pyqtgraph name
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.canvas.later(self.canvas.sig_background_clicked)
        else:
            event.ignore()

    def mouseDragEvent(self, event, axis=None) -> None:
        if event.isStart():
            # Decided by the modifiers held at the press (pyqtgraph keeps the press as the
            # scene's first click event): the moves may not repeat them.
            pressed = self.scene().clickEvents[:1]
            modifiers = event.modifiers() | (pressed[0].modifiers() if pressed else
                                             Qt.KeyboardModifier.NoModifier)
            self._banding = event.button() == Qt.MouseButton.LeftButton and bool(
                modifiers & (Qt.KeyboardModifier.ShiftModifier
                             | Qt.KeyboardModifier.ControlModifier))
        if not self._banding:
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
            self._banding = False
            self.canvas.later(self.canvas.sig_rubber_band, rect)


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
        self.viewbox = _SelectingViewBox(self)
        self.setCentralItem(self.viewbox)
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[str, EdgeItem] = {}
        # Overview of a big graph: one scatter and a few line sets instead of items.
        self.overview_ids: list[str] = []
        self._overview_pos: np.ndarray | None = None
        self._overview_selection: pg.ScatterPlotItem | None = None
        self._container = _Container()
        self.viewbox.addItem(self._container, ignoreBounds=True)
        self.text_scale = 1.0  # labels grow when zoomed out, so they stay readable
        self.viewbox.sigTransformChanged.connect(self._zoom_changed)
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
        self.overview_ids = []
        self._overview_pos = None
        self._overview_selection = None

    def set_overview(self, nodes: list[tuple[str, QColor, tuple[float, float]]],
                     edges: list[tuple[str, str, bool, bool]]) -> None:
        """Draw a big graph cheaply: squares in schema colours, straight lines (dashed when
        unsourced, red when disputed), no labels, arrows or dragging; clicks still select."""
        self.clear_graph()
        self.overview_ids = [n[0] for n in nodes]
        index = {entity_id: i for i, entity_id in enumerate(self.overview_ids)}
        pos = np.array([n[2] for n in nodes], dtype=float).reshape(-1, 2)
        self._overview_pos = pos
        text = QColor(self.palette().text().color())
        text.setAlpha(120)
        styles = {(True, False): pg.mkPen(text, width=1.5, cosmetic=True),
                  (False, False): pg.mkPen(text, width=1.5, cosmetic=True,
                                           style=Qt.PenStyle.DashLine),
                  (True, True): pg.mkPen(DISPUTED, width=2, cosmetic=True),
                  (False, True): pg.mkPen(DISPUTED, width=2, cosmetic=True,
                                          style=Qt.PenStyle.DashLine)}
        for (sourced, disputed), pen in styles.items():
            ends = [(index[a], index[b]) for a, b, s, d in edges
                    if s == sourced and d == disputed and a in index and b in index]
            if not ends:
                continue
            pairs = pos[np.array(ends, dtype=int).reshape(-1)]
            curve = pg.PlotCurveItem(pairs[:, 0], pairs[:, 1], connect="pairs", pen=pen)
            curve.setParentItem(self._container)
        by_colour: dict[str, list[int]] = {}
        for row, node in enumerate(nodes):
            by_colour.setdefault(node[1].name(), []).append(row)
        for colour, rows in by_colour.items():
            # One scatter per colour: a single brush is far cheaper than 10k of them.
            # Pixel-sized symbols are stamped from pyqtgraph's cached atlas (scene-sized
            # ones are drawn one path at a time, ~25x slower at 10k nodes).
            scatter = pg.ScatterPlotItem(
                pos=pos[rows], size=OVERVIEW_SYMBOL, pxMode=True, symbol="s", pen=None,
                brush=pg.mkBrush(colour), data=[self.overview_ids[r] for r in rows])
            scatter.setZValue(2)
            scatter.sigClicked.connect(self._overview_clicked)
            scatter.setParentItem(self._container)
        self._overview_selection = pg.ScatterPlotItem(
            size=OVERVIEW_SYMBOL + 8, pxMode=True, symbol="s", brush=None,
            pen=pg.mkPen(self.palette().highlight().color(), width=3, cosmetic=True))
        self._overview_selection.setZValue(3)
        self._overview_selection.setParentItem(self._container)
        self.setAntialiasing(False)

    def ids_in(self, rect: QRectF) -> list[str]:
        """Entities whose centre lies in ``rect`` (scene units), in items or overview."""
        if self._overview_pos is not None:
            pos = self._overview_pos
            inside = ((pos[:, 0] >= rect.left()) & (pos[:, 0] <= rect.right())
                      & (pos[:, 1] >= rect.top()) & (pos[:, 1] <= rect.bottom()))
            return [self.overview_ids[i] for i in np.flatnonzero(inside)]
        return [i for i, item in self.nodes.items() if rect.contains(item.pos())]

    def select_in_overview(self, entity_ids: list[str]) -> None:
        if self._overview_selection is None or self._overview_pos is None:
            return
        index = {entity_id: i for i, entity_id in enumerate(self.overview_ids)}
        rows = [index[e] for e in entity_ids if e in index]
        self._overview_selection.setData(pos=self._overview_pos[rows].reshape(-1, 2))

    def _overview_clicked(self, _item, points, event) -> None:
        if len(points):
            event.accept()
            add = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self.later(self.sig_node_clicked, points[0].data(), add)

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
    def _zoom_changed(self, *_args) -> None:
        """Keep labels at least ~11 px on screen while zooming out (up to 2.5x their size);
        further out they give way (see the items' level of detail)."""
        width = self.viewbox.viewRect().width()
        pixels = self.viewbox.width()
        if width <= 0 or pixels <= 0:
            return
        detail = pixels / width
        scale = min(MAX_TEXT_SCALE, max(1.0, 11.0 / (15.0 * detail)))
        scale = round(scale * 4) / 4  # in steps, so small zooms do not re-lay every label
        if scale != self.text_scale:
            self.text_scale = scale
            for node in self.nodes.values():
                node.rescale()
            for edge in self.edges.values():
                edge.adjust()
            if len(self.edges) <= LABEL_SPREAD_LIMIT:
                self._spread_labels()
    def graph_rect(self) -> QRectF:
        if self._overview_pos is not None and len(self._overview_pos):
            low, high = self._overview_pos.min(axis=0), self._overview_pos.max(axis=0)
            return QRectF(low[0] - RADIUS, low[1] - RADIUS, high[0] - low[0] + 2 * RADIUS,
                          high[1] - low[1] + 2 * RADIUS)
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
        if item is not None:
            point = item.pos()
        elif entity_id in self.overview_ids and self._overview_pos is not None:
            x, y = self._overview_pos[self.overview_ids.index(entity_id)]
            point = QPointF(float(x), float(y))
        else:
            return
        if not self.viewbox.viewRect().contains(point):
            rect = self.viewbox.viewRect()
            rect.moveCenter(point)
            self.viewbox.setRange(rect, padding=0)

    def later(self, signal, *args) -> None:
        """Emit once the current mouse event is done: a slot may redraw the graph, which
        must not delete the item pyqtgraph is still dispatching to."""
        QTimer.singleShot(0, self, lambda: signal.emit(*args))

    def scene_point(self, entity_id: str) -> QPoint:
        """Where a node is on the widget (for tests and menus)."""
        item = self.nodes[entity_id]
        self.viewbox.updateMatrix()  # the ViewBox applies a new range lazily, at paint
        return self.mapFromScene(item.mapToScene(QPointF(0, 0)))

    # -- export --------------------------------------------------------------------------
    def _export_frame(self) -> tuple[QRectF, float, QSize]:
        """The whole graph (not just what is on screen), at 1 px per scene unit if it fits."""
        rect = self.graph_rect().adjusted(-30, -30, 30, 30)
        scale = min(1.0, EXPORT_MAX_PIXELS / max(rect.width(), rect.height(), 1.0))
        return rect, scale, QSize(max(1, int(rect.width() * scale)),
                                  max(1, int(rect.height() * scale)))

    def _paint_graph(self, painter: QPainter, rect: QRectF, scale: float,
                     size: QSize) -> None:
        painter.fillRect(QRectF(0, 0, size.width(), size.height()), self.palette().base())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if not self.nodes:  # the overview: what the view shows is the picture
            self.render(painter, QRectF(0, 0, size.width(), size.height()),
                        self.viewport().rect())
            return
        painter.scale(scale, scale)
        painter.translate(-rect.topLeft())
        option = QStyleOptionGraphicsItem()
        for item in [*self.edges.values(), *self.nodes.values()]:
            if not item.isVisible():
                continue
            painter.save()
            painter.translate(item.pos())
            item.paint(painter, option, None)
            painter.restore()

    def export_png(self, path: str) -> bool:
        rect, scale, size = self._export_frame()
        if not self.nodes:
            size = self.viewport().size()
        image = QImage(size, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        self._paint_graph(painter, rect, scale, size)
        painter.end()
        return image.save(path, "PNG")

    def export_svg(self, path: str, title: str = "") -> bool:
        rect, scale, size = self._export_frame()
        if not self.nodes:
            size = self.viewport().size()
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(title)
        painter = QPainter()
        if not painter.begin(generator):
            return False
        self._paint_graph(painter, rect, scale, size)
        painter.end()
        return True
