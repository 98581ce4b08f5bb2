"""All labels in one item, in pixels, by importance, never on top of each other.

Each frame the visible nodes are taken most important first (selected, on a path or
controlling, then by links and by what a cluster holds); each gets its name (and note)
below its node — or above, right, left — if that spot is still free, else none. So a
small case shows every name at any window size, a big one the names that matter at this
zoom, and zooming in names more. Close in, edge labels ("owns · 50% · since 2022") take
the free spots along their edges. Text is drawn with ``drawText``: plain, never markup.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTransform

from desktop.panes.network.drawn import DISPUTED
from desktop.panes.network.layer_base import (
    Layer,
    detailed,
    node_pixels,
    scale_of,
    to_device,
    visible_rows,
)
from desktop.panes.network.node_layer import cluster_pixels

NAME_PIXELS = 13
EDGE_PIXELS = 12
LABEL_WIDTH = 190.0  # a longer name is elided
MAX_LABELS = 220  # node labels per frame at most
MAX_TRIED = 1_500  # visible nodes considered for a label per frame at most
EDGE_LABEL_LIMIT = 400  # visible edges: above, edges carry no labels
CELL = 64.0  # pixels: the occupancy grid's cell


@cache
def font(pixels: int, bold: bool = False) -> QFont:
    result = QFont()
    result.setPixelSize(pixels)
    result.setBold(bold)
    return result


@cache
def metrics(pixels: int, bold: bool = False) -> QFontMetricsF:
    return QFontMetricsF(font(pixels, bold))


@cache
def fitted(text: str, pixels: int, bold: bool = False) -> tuple[str, float]:
    """The text elided to ``LABEL_WIDTH`` and its width."""
    measure = metrics(pixels, bold)
    if measure.horizontalAdvance(text) > LABEL_WIDTH:
        text = measure.elidedText(text, Qt.TextElideMode.ElideRight, LABEL_WIDTH)
    return text, measure.horizontalAdvance(text)


class Occupancy:
    """Rectangles already taken on screen, bucketed in a grid for quick overlap tests."""

    def __init__(self):
        self.cells: dict[tuple[int, int], list[QRectF]] = {}

    def _keys(self, rect: QRectF):
        for cx in range(int(rect.left() // CELL), int(rect.right() // CELL) + 1):
            for cy in range(int(rect.top() // CELL), int(rect.bottom() // CELL) + 1):
                yield cx, cy

    def free(self, rect: QRectF) -> bool:
        return not any(other.intersects(rect) for key in self._keys(rect)
                       for other in self.cells.get(key, ()))

    def take(self, rect: QRectF) -> None:
        for key in self._keys(rect):
            self.cells.setdefault(key, []).append(rect)


class LabelLayer(Layer):
    def __init__(self, canvas):
        super().__init__(canvas)
        self.setZValue(3)
        self.shown: list[str] = []  # the texts of the last paint (tests read them)
        self.boxes: list[QRectF] = []  # and where they went, in pixels

    def paint(self, painter: QPainter, option, widget=None) -> None:
        graph = self.graph
        self.shown, self.boxes = [], []
        if graph is None or not graph.ids:
            return
        painter.save()
        transform = painter.worldTransform()
        device, mask = visible_rows(graph, transform, painter)
        visible = int(mask.sum())
        radius = node_pixels(scale_of(transform), visible)
        painter.setWorldTransform(QTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        taken = Occupancy()
        order = np.concatenate([np.flatnonzero(graph.selected), graph.rank])
        candidates = order[mask[order]][:MAX_TRIED + 1]
        for row in candidates:  # every visible node's own disc is taken first
            size = cluster_pixels(radius, graph.weight[row])
            x, y = device[row]
            taken.take(QRectF(x - size, y - size, 2 * size, 2 * size))
        placed, done = 0, set()
        for row in candidates:
            if placed >= MAX_LABELS or row in done:
                continue
            done.add(row)
            if self._node_label(painter, taken, row, device[row],
                                cluster_pixels(radius, graph.weight[row])):
                placed += 1
        seen = np.flatnonzero(mask[graph.source] | mask[graph.target])
        if detailed(radius, visible) and len(seen) <= EDGE_LABEL_LIMIT:
            self._edge_labels(painter, transform, taken, seen)
        painter.restore()

    def _node_label(self, painter: QPainter, taken: Occupancy, row: int, at: np.ndarray,
                    size: float) -> bool:
        spec = self.graph.specs[row]
        lines = [fitted(spec.caption, NAME_PIXELS)]
        if spec.note:
            lines.append(fitted(spec.note, NAME_PIXELS - 1, True))
        width = max(w for _, w in lines) + 8
        line_height = metrics(NAME_PIXELS).height()
        height = line_height * len(lines) + 4
        x, y = float(at[0]), float(at[1])
        for left, top in ((x - width / 2, y + size + 3), (x - width / 2, y - size - 3 - height),
                          (x + size + 4, y - height / 2), (x - size - 4 - width, y - height / 2)):
            box = QRectF(left, top, width, height)
            if taken.free(box):
                taken.take(box)
                self._draw_box(painter, box, [(t, NAME_PIXELS - i, i == 1)
                                              for i, (t, _) in enumerate(lines)],
                               self.canvas.palette().text().color())
                self.shown.append(spec.caption)
                return True
        return False

    def _edge_labels(self, painter: QPainter, transform, taken: Occupancy,
                     rows: np.ndarray) -> None:
        graph = self.graph
        middles = to_device(transform, graph.middles()[rows])
        starts = to_device(transform, graph.pos[graph.source[rows]])
        ends = to_device(transform, graph.pos[graph.target[rows]])
        line_height = metrics(EDGE_PIXELS).height() + 4
        for number, row in enumerate(rows):
            spec = graph.edge_specs[row]
            if not spec.label:
                continue
            text, width = fitted(spec.label, EDGE_PIXELS)
            width += 8
            for t in (0.0, -0.3, 0.3, -0.55, 0.55):
                towards = ends[number] if t > 0 else starts[number]
                cx, cy = middles[number] + (towards - middles[number]) * abs(t)
                box = QRectF(cx - width / 2, cy - line_height / 2, width, line_height)
                if taken.free(box):
                    taken.take(box)
                    colour = DISPUTED if spec.disputed else \
                        self.canvas.palette().text().color()
                    self._draw_box(painter, box, [(text, EDGE_PIXELS, False)], colour)
                    self.shown.append(spec.label)
                    break

    def _draw_box(self, painter: QPainter, box: QRectF, lines: list[tuple[str, int, bool]],
                  colour: QColor) -> None:
        self.boxes.append(box)
        back = QColor(self.canvas.palette().base().color())
        back.setAlpha(210)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(back)
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(colour)
        top = box.top() + 2
        for text, pixels, bold in lines:
            height = metrics(pixels, bold).height()
            painter.setFont(font(pixels, bold))
            painter.drawText(QRectF(box.left(), top, box.width(), height),
                             Qt.AlignmentFlag.AlignCenter, text)
            top += height
