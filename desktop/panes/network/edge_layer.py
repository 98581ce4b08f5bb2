"""All edges in one item: a few cached paths, arrows and emphasis where it is readable.

Every edge is a line from its source through its middle (pushed sideways for parallel
links) to its target. The lines of one style — sourced or not (dashed), disputed or not
(red), and how many links a cluster edge stands for (thicker) — form one path, built once
per layout with pyqtgraph's numpy path builder and drawn with a cosmetic pen, so a frame
costs a handful of calls however many edges there are. Close in, the visible edges get
arrowheads at the rim of their target; selected and path-highlighted edges are drawn
again, wide, on top.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from desktop.panes.network.drawn import DISPUTED, HIGHLIGHT
from desktop.panes.network.layer_base import (
    Layer,
    detailed,
    node_pixels,
    scale_of,
    to_device,
    visible_rows,
)
from desktop.panes.network.node_layer import cluster_pixels

ARROW_LIMIT = 2_000  # visible edges given arrowheads at most
ANTIALIAS_LIMIT = 5_000  # edges: above, lines are drawn without antialiasing

Style = tuple[bool, bool, int]  # sourced, disputed, thickness step


def polylines(graph, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Scene x and y of start, middle and end of each edge in ``rows``, flattened."""
    start, end = graph.pos[graph.source[rows]], graph.pos[graph.target[rows]]
    middle = graph.middles()[rows]
    points = np.stack([start, middle, end], axis=1).reshape(-1, 2)
    return points[:, 0], points[:, 1]


class EdgeLayer(Layer):
    def __init__(self, canvas):
        super().__init__(canvas)
        self.setZValue(1)
        self._paths: dict[Style, QPainterPath] | None = None

    def geometry_changed(self) -> None:
        self._paths = None
        self.update()

    def _bulk(self) -> dict[Style, QPainterPath]:
        if self._paths is None:
            graph = self.graph
            steps = np.minimum(1 + np.floor(np.log2(np.maximum(graph.edge_width, 1))), 6)
            self._paths = {}
            for sourced in (True, False):
                for disputed in (False, True):
                    for step in np.unique(steps).astype(int):
                        rows = np.flatnonzero((graph.sourced == sourced)
                                              & (graph.disputed == disputed) & (steps == step))
                        if not len(rows):
                            continue
                        x, y = polylines(graph, rows)
                        connect = np.tile(np.array([1, 1, 0], dtype=np.int32), len(rows))
                        self._paths[(sourced, disputed, int(step))] = pg.arrayToQPath(
                            x, y, connect=connect, finiteCheck=False)
        return self._paths

    def pen(self, sourced: bool, disputed: bool, width: float) -> QPen:
        if disputed:
            colour = QColor(DISPUTED)
        else:
            colour = QColor(self.canvas.palette().text().color())
            colour.setAlpha(150)
        pen = QPen(colour, width)
        pen.setCosmetic(True)
        if not sourced:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def paint(self, painter: QPainter, option, widget=None) -> None:
        graph = self.graph
        if graph is None or not graph.edge_ids:
            return
        painter.save()
        transform = painter.worldTransform()
        base = 1.0 if len(graph.edge_ids) > ANTIALIAS_LIMIT else 1.6
        painter.setRenderHint(QPainter.RenderHint.Antialiasing,
                              len(graph.edge_ids) <= ANTIALIAS_LIMIT)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for (sourced, disputed, step), path in self._bulk().items():
            painter.setPen(self.pen(sourced, disputed, base * step))
            painter.drawPath(path)
        device, mask = visible_rows(graph, transform, painter)
        visible = int(mask.sum())
        radius = node_pixels(scale_of(transform), visible)
        seen = np.flatnonzero(mask[graph.source] | mask[graph.target])
        painter.setWorldTransform(QTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if detailed(radius, visible) and len(seen) <= ARROW_LIMIT:
            self._paint_arrows(painter, transform, device, seen, radius)
        self._paint_emphasis(painter, transform, seen)
        painter.restore()

    def _paint_arrows(self, painter: QPainter, transform, device: np.ndarray,
                      rows: np.ndarray, radius: float) -> None:
        graph = self.graph
        middles = to_device(transform, graph.middles()[rows])
        tips = device[graph.target[rows]]
        direction = tips - middles
        length = np.maximum(np.hypot(direction[:, 0], direction[:, 1]), 1e-9)
        unit = direction / length[:, None]
        size = max(7.0, radius * 0.55)
        text = QColor(self.canvas.palette().text().color())
        text.setAlpha(190)
        painter.setPen(Qt.PenStyle.NoPen)
        for number, row in enumerate(rows):
            reach = cluster_pixels(radius, graph.weight[graph.target[row]]) + 3
            ux, uy = unit[number]
            tx, ty = tips[number] - unit[number] * reach
            bx, by = tx - ux * size, ty - uy * size
            side_x, side_y = -uy * size * 0.45, ux * size * 0.45
            painter.setBrush(DISPUTED if graph.disputed[row] else text)
            painter.drawPolygon(QPolygonF([QPointF(tx, ty),
                                           QPointF(bx + side_x, by + side_y),
                                           QPointF(bx - side_x, by - side_y)]))

    def _paint_emphasis(self, painter: QPainter, transform, rows: np.ndarray) -> None:
        graph = self.graph
        chosen = rows[graph.edge_selected[rows] | graph.edge_highlighted[rows]]
        if not len(chosen):
            return
        highlight = self.canvas.palette().highlight().color()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for row in chosen:
            x, y = polylines(graph, np.array([row]))
            points = to_device(transform, np.stack([x, y], axis=1))
            pen = QPen(highlight if graph.edge_selected[row] else HIGHLIGHT, 4.0)
            if not graph.sourced[row]:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawPolyline(QPolygonF([QPointF(*p) for p in points]))
