"""All edges in one pass: a few cached paths, arrows and emphasis where it is readable.

Every edge is a line from its source through its middle (pushed sideways for parallel
links) to its target. Each frame the two halves of every edge are mapped to pixels and
clipped to the view with numpy (Qt dashes a line along its whole length, on screen or not:
a zoomed-in dashed path of 30,000 edges took seconds); the visible pieces of one style —
sourced or not (dashed), disputed or not (red), and how many links a cluster edge stands
for (thicker) — form one path, built by pyqtgraph's numpy path builder, so a frame costs a
handful of draw calls however many edges there are. Close in, the visible edges get
arrowheads at the rim of their target; selected and path-highlighted edges are drawn
again, wide, on top.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from desktop.panes.network.drawn import DISPUTED, HIGHLIGHT
from desktop.panes.network.frame import Frame, to_device
from desktop.panes.network.layer_base import Drawer
from desktop.panes.network.node_layer import cluster_sizes

FAINT = 0.3  # how much of the text colour edges keep when thousands are on screen
Style = tuple[bool, bool, int]  # sourced, disputed, thickness step


def polylines(graph, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Scene x and y of start, middle and end of each edge in ``rows``, flattened."""
    start, end = graph.pos[graph.source[rows]], graph.pos[graph.target[rows]]
    middle = graph.middles()[rows]
    points = np.stack([start, middle, end], axis=1).reshape(-1, 2)
    return points[:, 0], points[:, 1]


def clip_segments(starts: np.ndarray, ends: np.ndarray, width: float,
                  height: float) -> tuple[np.ndarray, np.ndarray]:
    """The segments starts[i]–ends[i] cut to the rectangle (0, 0, width, height), with a
    margin (Liang–Barsky, vectorised). Returns (start, end) rows of x, y and the segment's
    number; segments wholly outside are left out."""
    margin = 8.0
    low = np.array([-margin, -margin])
    high = np.array([width + margin, height + margin])
    outside = (((starts < low) & (ends < low)) | ((starts > high) & (ends > high))).any(axis=1)
    inside = ((starts >= low) & (starts <= high) & (ends >= low) & (ends <= high)).all(axis=1)
    whole = np.flatnonzero(inside)
    keep = np.flatnonzero(~outside & ~inside)
    p0, p1 = starts[keep], ends[keep]
    delta = p1 - p0
    t0, t1 = np.zeros(len(keep)), np.ones(len(keep))
    with np.errstate(divide="ignore", invalid="ignore"):
        for axis in (0, 1):
            d = delta[:, axis]
            for p, q in ((-d, p0[:, axis] - low[axis]), (d, high[axis] - p0[:, axis])):
                r = q / p
                t0 = np.where(p < 0, np.maximum(t0, r), t0)
                t1 = np.where(p > 0, np.minimum(t1, r), t1)
                t1 = np.where((p == 0) & (q < 0), -1.0, t1)
    ok = t0 <= t1
    a = p0[ok] + delta[ok] * t0[ok, None]
    b = p0[ok] + delta[ok] * t1[ok, None]
    number = np.concatenate([whole, keep[ok]]).astype(float)[:, None]
    return (np.hstack([np.concatenate([starts[whole], a]), number]),
            np.hstack([np.concatenate([ends[whole], b]), number]))


class EdgeLayer(Drawer):
    def __init__(self, canvas):
        super().__init__(canvas)
        self._paths: np.ndarray | None = None  # each edge's style number
        self._scene_paths: dict[Style, QPainterPath] | None = None

    def geometry_changed(self) -> None:
        self._paths = None
        self._scene_paths = None

    def _whole(self) -> dict[Style, QPainterPath]:
        """Every edge in scene units, one path per style, built once per layout: what a
        frame with thousands of edges on screen draws (Qt maps and clips it)."""
        if self._scene_paths is None:
            graph = self.graph
            styles = self._styles()
            self._scene_paths = {}
            for style in np.unique(styles):
                rows = np.flatnonzero(styles == style)
                x, y = polylines(graph, rows)
                connect = np.tile(np.array([1, 1, 0], dtype=np.int32), len(rows))
                key = (bool(style // 100), bool(style // 10 % 10), int(style % 10))
                self._scene_paths[key] = pg.arrayToQPath(x, y, connect=connect,
                                                         finiteCheck=False)
        return self._scene_paths

    def _styles(self) -> np.ndarray:
        """Per edge, its style's number: sourced, disputed, thickness step."""
        if self._paths is None:
            graph = self.graph
            steps = np.minimum(1 + np.floor(np.log2(np.maximum(graph.edge_width, 1)) / 2), 4)
            self._paths = (graph.sourced.astype(int) * 100 + graph.disputed.astype(int) * 10
                           + steps.astype(int))
        return self._paths

    def _bulk(self, transform, width: float, height: float) -> dict[Style, QPainterPath]:
        """The on-screen pieces of every edge, in pixels, one path per style."""
        graph = self.graph
        starts = to_device(transform, graph.pos[graph.source])
        ends = to_device(transform, graph.pos[graph.target])
        middles = to_device(transform, graph.middles())
        styles = np.concatenate([self._styles(), self._styles()])
        a, b = clip_segments(np.concatenate([starts, middles]), np.concatenate([middles, ends]),
                             width, height)
        paths: dict[Style, QPainterPath] = {}
        for style in np.unique(styles[a[:, 2].astype(int)]) if len(a) else ():
            rows = np.flatnonzero(styles[a[:, 2].astype(int)] == style)
            points = np.stack([a[rows, :2], b[rows, :2]], axis=1).reshape(-1, 2)
            key = (bool(style // 100), bool(style // 10 % 10), int(style % 10))
            paths[key] = pg.arrayToQPath(points[:, 0], points[:, 1], connect="pairs",
                                         finiteCheck=False)
        return paths

    def pen(self, sourced: bool, disputed: bool, width: float, faint: bool = False) -> QPen:
        if disputed:
            colour = self.faded(QColor(DISPUTED), 0.6) if faint else QColor(DISPUTED)
        else:
            colour = self.faded(self.text_colour(), FAINT if faint else 0.62)
        pen = QPen(colour, width)
        pen.setCosmetic(True)
        if not sourced:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def text_colour(self) -> QColor:
        return self.canvas.palette().text().color()

    def line_colour(self) -> QColor:
        return self.faded(self.text_colour(), 0.62)

    def faded(self, colour: QColor, strength: float) -> QColor:
        """``colour`` blended towards the background — opaque: Qt blends every pixel of a
        translucent line, ten times slower than it copies an opaque one. Thousands of
        edges on screen are drawn faint (``strength`` low), so nodes and names stand out
        of the mat they make."""
        base = self.canvas.palette().base().color()
        return QColor.fromRgbF(*(strength * c + (1 - strength) * b for c, b in zip(
            colour.getRgbF()[:3], base.getRgbF()[:3], strict=True)))

    def render(self, painter: QPainter, frame: Frame) -> None:
        """Every edge on ``frame``; ``painter`` paints in the frame's pixels."""
        graph = self.graph
        if graph is None or not graph.edge_ids:
            return
        painter.save()
        transform, detail, seen = frame.transform, frame.detail, frame.seen
        base = 1.5 if detail.antialiased_edges else 1.0
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, detail.antialiased_edges)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if detail.many_edges:  # many on screen: the cached paths, no dashes
            painter.setWorldTransform(transform)
            for (_sourced, disputed, step), path in self._whole().items():
                painter.setPen(self.pen(True, disputed, base * step, faint=True))
                painter.drawPath(path)
            painter.setWorldTransform(QTransform())
        else:  # few: cut to the view in pixels, so dashes cost only what is seen
            for (sourced, disputed, step), path in self._bulk(transform, frame.width,
                                                              frame.height).items():
                painter.setPen(self.pen(sourced, disputed, base * step))
                painter.drawPath(path)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if detail.arrows:
            self._paint_arrows(painter, transform, frame.device, seen[graph.directed[seen]],
                               frame.radius)
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
        reach = cluster_sizes(radius, graph.weight[graph.target[rows]]) + 3
        tip = tips - unit * reach[:, None]
        back = tip - unit * size
        side = np.stack([-unit[:, 1], unit[:, 0]], axis=1) * size * 0.45
        # Every arrowhead of one colour is a subpath of one path, filled in one call.
        triangles = np.stack([tip, back + side, back - side], axis=1)
        painter.setPen(Qt.PenStyle.NoPen)
        for disputed, colour in ((False, self.line_colour()), (True, QColor(DISPUTED))):
            chosen = triangles[graph.disputed[rows] == disputed].reshape(-1, 2)
            if len(chosen):
                connect = np.tile(np.array([1, 1, 0], dtype=np.int32), len(chosen) // 3)
                painter.setBrush(colour)
                painter.drawPath(pg.arrayToQPath(chosen[:, 0], chosen[:, 1], connect=connect,
                                                 finiteCheck=False))

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
