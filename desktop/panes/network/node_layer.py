"""All nodes in one pass: coloured dots far out, schema icons close in.

Far out, every visible node is stamped from a small atlas of coloured discs in one
``drawPixmapFragments`` call (what pyqtgraph's own scatter plot does) — no Python loop
per node per frame. Close in (few nodes on screen, each big enough), every visible node is its schema
icon on a disc of the background colour, so edges end at the icon. Selection, path
highlight, control (bold outline) and pins are rings drawn over the few nodes that have
them. A cluster (a node standing for many entities) is a bigger disc.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desktop.panes.network.drawn import HIGHLIGHT
from desktop.panes.network.frame import Frame
from desktop.panes.network.layer_base import Drawer


@cache
def icon_pixmap(path: str, pixels: int) -> QPixmap:
    image = QPixmap(QSize(pixels, pixels))
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(path).render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    return image


@cache
def disc_pixmap(fill: str, outline: str, radius: int) -> QPixmap:
    """A group's disc: ``fill`` (opaque: the group's edges end under it), outlined."""
    side = 2 * radius + 2
    image = QPixmap(QSize(side, side))
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(outline), 1.2))
    painter.setBrush(QColor(fill))
    painter.drawEllipse(QPointF(radius + 1, radius + 1), radius, radius)
    painter.end()
    return image


def cluster_pixels(radius: float, weight: float) -> float:
    return radius * (0.8 + 0.4 * math.log10(max(weight, 1.0))) if weight > 1 else radius


def cluster_sizes(radius: float, weights: np.ndarray) -> np.ndarray:
    """``cluster_pixels`` of many nodes at once."""
    return np.where(weights > 1, radius * (0.8 + 0.4 * np.log10(np.maximum(weights, 1.0))),
                    radius)


class NodeLayer(Drawer):
    def __init__(self, canvas):
        super().__init__(canvas)
        self._columns: tuple[np.ndarray, list[QColor]] | None = None
        self._atlas_key: tuple | None = None
        self._atlas_pixmap = QPixmap()
        self._fragments = PrimitiveArray(QPainter.PixmapFragment, 10)
        self.radius = 12.0  # the node radius of the last paint, for hit tests

    def geometry_changed(self) -> None:
        self._columns = None

    def _colour_columns(self) -> tuple[np.ndarray, list[QColor]]:
        """Per node, its column in the atlas; and the atlas's colours."""
        if self._columns is None:
            names: dict[str, int] = {}
            columns = np.array([names.setdefault(spec.colour.name(), len(names))
                                for spec in self.graph.specs], dtype=np.int64)
            self._columns = (columns, [QColor(name) for name in names])
        return self._columns

    def _atlas(self, colours: list[QColor], side: int) -> QPixmap:
        key = (tuple(c.name() for c in colours), side)
        if self._atlas_key != key:
            atlas = QPixmap(QSize(side * len(colours), side))
            atlas.fill(Qt.GlobalColor.transparent)
            painter = QPainter(atlas)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            for column, colour in enumerate(colours):
                painter.setBrush(colour)
                painter.drawEllipse(QRectF(column * side + 0.5, 0.5, side - 1, side - 1))
            painter.end()
            self._atlas_key, self._atlas_pixmap = key, atlas
        return self._atlas_pixmap

    def _paint_dots(self, painter: QPainter, device: np.ndarray, rows: np.ndarray,
                    radius: float) -> None:
        columns, colours = self._colour_columns()
        side = max(2, int(round(2 * radius)))
        atlas = self._atlas(colours, side)
        self._fragments.resize(len(rows))
        fragments = self._fragments.ndarray()
        fragments[:, 0:2] = device[rows]
        fragments[:, 2] = columns[rows] * side
        fragments[:, 3] = 0
        fragments[:, 4:6] = side
        fragments[:, 6:10] = [1.0, 1.0, 0.0, 1.0]  # scale x, scale y, rotation, opacity
        painter.drawPixmapFragments(*self._fragments.drawargs(), atlas)

    def render(self, painter: QPainter, frame: Frame, rings: bool = True) -> None:
        """Every node on ``frame``; ``painter`` paints in the frame's pixels. ``rings``:
        with the selection, highlight, control and pin marks (the cached picture has none:
        a click would otherwise redraw 30,000 edges)."""
        graph = self.graph
        if graph is None or not graph.ids:
            return
        painter.save()
        device, mask, radius = frame.device, frame.mask, frame.radius
        self.radius = radius
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, frame.detail.visible <= 3000)
        clusters = np.flatnonzero(mask & (graph.weight > 1))
        entities = np.flatnonzero(mask & (graph.weight <= 1))
        if frame.detail.icons:
            self._paint_icons(painter, device, entities, radius)
        else:
            self._paint_dots(painter, device, entities, radius)
        self._paint_clusters(painter, device, clusters, radius)
        if rings:
            self._paint_rings(painter, device, mask, radius)
        painter.restore()

    def render_rings(self, painter: QPainter, frame: Frame) -> None:
        """Only the selection, highlight, control and pin marks of ``frame``."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_rings(painter, frame.device, frame.mask, frame.radius)
        painter.restore()

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
        """Each group a disc of its colour, outlined, sized by what it holds — stamped
        from a pixmap per colour and size (400 antialiased ellipses cost 40 ms)."""
        text = self.canvas.palette().text().color()
        sizes = np.rint(cluster_sizes(max(radius, 6.0), self.graph.weight[rows])).astype(int)
        for row, size, (x, y) in zip(rows.tolist(), sizes.tolist(), device[rows].tolist(),
                                     strict=True):
            disc = disc_pixmap(self.graph.specs[row].colour.name(), text.name(), size)
            painter.drawPixmap(QPointF(x - size - 1, y - size - 1), disc)

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
