"""All nodes in one item: coloured dots far out, schema icons close in.

Far out, each schema colour is one ``drawPoints`` call over a cached point list with a
wide round cosmetic pen — a dot per node whatever the zoom, no Python loop per node per
frame. Close in (few nodes on screen, each big enough), every visible node is its schema
icon on a disc of the background colour, so edges end at the icon. Selection, path
highlight, control (bold outline) and pins are rings drawn over the few nodes that have
them. A cluster (a node standing for many entities) is a bigger disc.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap, QPolygonF, QTransform
from PySide6.QtSvg import QSvgRenderer

from desktop.panes.network.drawn import HIGHLIGHT
from desktop.panes.network.layer_base import (
    Layer,
    detailed,
    node_pixels,
    scale_of,
    visible_rows,
)


@cache
def icon_pixmap(path: str, pixels: int) -> QPixmap:
    image = QPixmap(QSize(pixels, pixels))
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(path).render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    return image


def cluster_pixels(radius: float, weight: float) -> float:
    return radius * (1.0 + 0.55 * math.log10(max(weight, 1.0)))


class NodeLayer(Layer):
    def __init__(self, canvas):
        super().__init__(canvas)
        self.setZValue(2)
        self._dots: list[tuple[QColor, QPolygonF]] | None = None
        self.radius = 12.0  # the node radius of the last paint, for hit tests

    def geometry_changed(self) -> None:
        self._dots = None
        self.update()

    def _dot_groups(self) -> list[tuple[QColor, QPolygonF]]:
        """One point list per colour (entities only; clusters are drawn one by one)."""
        if self._dots is None:
            graph = self.graph
            by_colour: dict[str, list[int]] = {}
            for row, spec in enumerate(graph.specs):
                if spec.weight <= 1:
                    by_colour.setdefault(spec.colour.name(), []).append(row)
            self._dots = []
            for name, rows in by_colour.items():
                polygon = pg.functions.create_qpolygonf(len(rows))
                pg.functions.ndarray_from_qpolygonf(polygon)[:] = self.graph.pos[rows]
                self._dots.append((QColor(name), polygon))
        return self._dots

    def paint(self, painter: QPainter, option, widget=None) -> None:
        graph = self.graph
        if graph is None or not graph.ids:
            return
        painter.save()
        self._paint(painter, graph)
        painter.restore()

    def _paint(self, painter: QPainter, graph) -> None:
        transform = painter.worldTransform()
        device, mask = visible_rows(graph, transform, painter)
        visible = int(mask.sum())
        radius = node_pixels(scale_of(transform), visible)
        self.radius = radius
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, visible <= 3000)
        clusters = np.flatnonzero(mask & (graph.weight > 1))
        if detailed(radius, visible):
            painter.setWorldTransform(QTransform())
            self._paint_icons(painter, device, np.flatnonzero(mask & (graph.weight <= 1)),
                              radius)
        else:
            for colour, points in self._dot_groups():
                pen = QPen(colour, 2 * radius)
                pen.setCosmetic(True)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                painter.setPen(pen)
                painter.drawPoints(points)
            painter.setWorldTransform(QTransform())
        self._paint_clusters(painter, device, clusters, radius)
        self._paint_rings(painter, device, mask, radius)

    def _paint_icons(self, painter: QPainter, device: np.ndarray, rows: np.ndarray,
                     radius: float) -> None:
        base = self.canvas.palette().base().color()
        side = int(round(2 * radius))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(base)
        for row in rows:
            x, y = device[row]
            painter.drawEllipse(QPointF(x, y), radius + 1, radius + 1)
            painter.drawPixmap(int(round(x - radius)), int(round(y - radius)),
                               icon_pixmap(self.graph.specs[row].icon, side))

    def _paint_clusters(self, painter: QPainter, device: np.ndarray, rows: np.ndarray,
                        radius: float) -> None:
        text = self.canvas.palette().text().color()
        for row in rows:
            spec = self.graph.specs[row]
            size = cluster_pixels(max(radius, 6.0), spec.weight)
            fill = QColor(spec.colour)
            fill.setAlpha(190)
            painter.setPen(QPen(text, 1.2))
            painter.setBrush(fill)
            painter.drawEllipse(QPointF(*device[row]), size, size)

    def _paint_rings(self, painter: QPainter, device: np.ndarray, mask: np.ndarray,
                     radius: float) -> None:
        graph = self.graph
        palette = self.canvas.palette()
        flagged = np.flatnonzero(mask & (graph.selected | graph.highlighted | graph.emphasised
                                         | graph.pinned))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for row in flagged:
            centre = QPointF(*device[row])
            size = cluster_pixels(radius, graph.weight[row])
            if graph.emphasised[row]:
                painter.setPen(QPen(palette.text().color(), 3))
                painter.drawRoundedRect(QRectF(centre.x() - size - 2, centre.y() - size - 2,
                                               2 * size + 4, 2 * size + 4), 4, 4)
            if graph.selected[row] or graph.highlighted[row]:
                ring = palette.highlight().color() if graph.selected[row] else HIGHLIGHT
                painter.setPen(QPen(ring, 4))
                painter.drawEllipse(centre, size + 6, size + 6)
            if graph.pinned[row]:
                painter.setPen(QPen(palette.base().color(), 1.5))
                painter.setBrush(palette.text().color())
                painter.drawEllipse(centre + QPointF(size * 0.8, -size * 0.8), 4.5, 4.5)
                painter.setBrush(Qt.BrushStyle.NoBrush)
