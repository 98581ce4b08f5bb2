"""Edges and nodes in one item, kept as a picture while the view only moves.

Drawing 30,000 edges costs tens of milliseconds however it is batched: Qt rasterises every
line. But a pan changes no line, only where the picture sits; so for a big graph the
edges and nodes are rendered into a pixmap covering the view and a margin around it, and
while the scale, the level of detail and the graph stay the same a frame is one copy of
that pixmap at the new offset. A wheel zoom first shows the picture scaled (a few frames
of slightly soft lines, as map viewers do) and redraws it sharp once the wheel rests.
A small graph draws fresh every frame (it is cheap), and so does any export (an SVG must
be lines, not a bitmap).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QTimer
from PySide6.QtGui import QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QWidget

from desktop.panes.network.edge_layer import EdgeLayer
from desktop.panes.network.frame import Frame, area_frame, scale_of
from desktop.panes.network.layer_base import Layer
from desktop.panes.network.node_layer import NodeLayer

CACHE_FROM = 2_000  # nodes + edges: from this many the picture is cached
MARGIN = 0.25  # of the view's width and height rendered beyond each side
INTERACTIVE_S = 0.3  # a paint this soon after the last one is part of a pan or a zoom
SETTLE_MS = 180  # after the last scaled frame, the picture is redrawn sharp
MAX_STRETCH = 1.6  # a picture is shown scaled by at most this much (a wheel step or two)


@dataclass
class Picture:
    pixmap: QPixmap
    transform: QTransform  # scene → pixels of the pixmap
    key: tuple  # scale, level of detail, geometry, edge marks, palette, pixel ratio
    width: float  # in logical pixels
    height: float


class PictureLayer(Layer):
    def __init__(self, canvas):
        super().__init__(canvas)
        self.setZValue(1)
        self.edges = EdgeLayer(canvas)
        self.nodes = NodeLayer(canvas)
        self.picture: Picture | None = None
        self.rendered = 0  # pictures rendered (tests and the bench read it)
        self.scaled = 0  # frames shown as a scaled picture
        self._last_paint = 0.0
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._sharpen)
        self._sharp_next = False

    def geometry_changed(self) -> None:
        self.edges.geometry_changed()
        self.nodes.geometry_changed()
        self.forget()

    def forget(self) -> None:
        """Drop the picture: the next frame is drawn afresh."""
        self.picture = None

    def _sharpen(self) -> None:
        self._sharp_next = True
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        graph = self.graph
        if graph is None or not graph.ids:
            return
        view = self.view_frame(painter)
        painter.save()
        painter.setWorldTransform(QTransform())
        on_screen = isinstance(painter.device(), QWidget)
        if on_screen and len(graph.ids) + len(graph.edge_ids) >= CACHE_FROM:
            self._paint_cached(painter, view)
        else:
            self._render(painter, view)
        painter.restore()

    def _render(self, painter: QPainter, frame: Frame, rings: bool = True) -> None:
        self.edges.render(painter, frame)
        self.nodes.render(painter, frame, rings)

    def _paint_cached(self, painter: QPainter, view: Frame) -> None:
        now = time.monotonic()
        interactive, self._last_paint = now - self._last_paint < INTERACTIVE_S, now
        ratio = painter.device().devicePixelRatioF()
        transform = view.transform
        graph = self.graph
        marks = hash((graph.edge_selected.tobytes(), graph.edge_highlighted.tobytes()))
        key = (transform.m11(), transform.m12(), transform.m21(), transform.m22(),
               view.detail.key(), self.canvas.geometry_version, marks,
               self.canvas.palette().cacheKey(), ratio)
        self._show_picture(painter, view, ratio, key, interactive)
        painter.setWorldTransform(QTransform())
        self.nodes.render_rings(painter, view)  # a click changes only these: never cached

    def _show_picture(self, painter: QPainter, view: Frame, ratio: float, key: tuple,
                      interactive: bool) -> None:
        transform = view.transform
        picture = self.picture
        if picture is not None and picture.key == key:
            left = transform.m31() - picture.transform.m31()
            top = transform.m32() - picture.transform.m32()
            if (left <= 0 and top <= 0 and left + picture.width >= view.width
                    and top + picture.height >= view.height):
                painter.drawPixmap(QPointF(left, top), picture.pixmap)
                return
        elif (picture is not None and interactive and not self._sharp_next
              and picture.key[5:] == key[5:] and self._paint_scaled(painter, view)):
            return
        self._sharp_next = False
        self.picture = self._new_picture(view, ratio, key)
        painter.drawPixmap(QPointF(-view.width * MARGIN, -view.height * MARGIN),
                           self.picture.pixmap)

    def _paint_scaled(self, painter: QPainter, view: Frame) -> bool:
        """The picture of another scale stretched to this one, if it covers the view."""
        picture = self.picture
        inverse, invertible = picture.transform.inverted()
        if not invertible:
            return False
        mapping = inverse * view.transform  # pixmap pixels → view pixels
        stretch = scale_of(mapping)
        if not 1 / MAX_STRETCH <= stretch <= MAX_STRETCH:  # a jump: worth a fresh picture
            return False
        covered = mapping.mapRect(QRectF(0, 0, picture.width, picture.height))
        if not covered.contains(QRectF(0, 0, view.width, view.height)):
            return False
        painter.setWorldTransform(mapping)
        painter.drawPixmap(QPointF(0, 0), picture.pixmap)
        self.scaled += 1
        self._settle.start()
        return True

    def _new_picture(self, view: Frame, ratio: float, key: tuple) -> Picture:
        left, top = -view.width * MARGIN, -view.height * MARGIN
        width, height = view.width * (1 + 2 * MARGIN), view.height * (1 + 2 * MARGIN)
        frame = area_frame(self.graph, view, left, top, width, height)
        pixmap = QPixmap(int(width * ratio) + 1, int(height * ratio) + 1)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(self.canvas.palette().base().color())
        painter = QPainter(pixmap)
        self._render(painter, frame, rings=False)
        painter.end()
        self.rendered += 1
        return Picture(pixmap, frame.transform, key, width, height)
