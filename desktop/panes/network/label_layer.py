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
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QStaticText,
    QTransform,
)

from desktop.panes.network.drawn import DISPUTED
from desktop.panes.network.frame import to_device
from desktop.panes.network.layer_base import Layer
from desktop.panes.network.node_layer import cluster_pixels

NAME_PIXELS = 12
EDGE_PIXELS = 12
LABEL_WIDTH = 190.0  # a longer name is elided
SHORT_LABEL_WIDTH = 90.0  # a crowded-out long name tries again elided to this
MAX_LABELS = 100  # node labels per frame at most …
CROWDED_LABELS = 60  # … when more than MAX_TRIED nodes are in view (more reads as a wall)
MAX_TRIED = 250  # visible nodes considered for a label per frame at most
EDGE_LABEL_LIMIT = 400  # visible edges: above, edges carry no labels
TEST_BUDGET = 1_500  # free-spot tests per frame at most: a crowded view stops trying
CELL = 4.0  # pixels: the occupancy bitmap's cell


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
def fitted(text: str, pixels: int, bold: bool = False,
           limit: float = LABEL_WIDTH) -> tuple[str, float]:
    """The text elided to ``limit`` pixels and its width."""
    measure = metrics(pixels, bold)
    if measure.horizontalAdvance(text) > limit:
        text = measure.elidedText(text, Qt.TextElideMode.ElideRight, limit)
    return text, measure.horizontalAdvance(text)


@cache
def static_text(text: str, pixels: int, bold: bool) -> QStaticText:
    """Text laid out once and drawn many times (plain text, never markup)."""
    result = QStaticText(text)
    result.setTextFormat(Qt.TextFormat.PlainText)
    result.prepare(font=font(pixels, bold))
    return result


class Occupancy:
    """What is already taken on screen, as a coarse bitmap: one Python integer a row of
    cells, so a test or a claim is a few AND/OR operations (numpy slices cost more in
    call overhead than they save here). A box reaching out of the view is never free (a
    cut-off name reads wrong)."""

    def __init__(self, width: float, height: float):
        self.width, self.height = width, height
        self.rows = [0] * (int(height // CELL) + 2)

    @staticmethod
    def _span(left: float, top: float, width: float, height: float) -> tuple[int, int, int]:
        first, last = max(int(left / CELL), 0), max(int((left + width) / CELL), -1)
        bits = ((1 << (last - first + 1)) - 1) << first if last >= first else 0
        return bits, max(int(top / CELL), 0), int((top + height) / CELL)

    def free(self, left: float, top: float, width: float, height: float) -> bool:
        if left < 0 or top < 0 or left + width > self.width or top + height > self.height:
            return False
        bits, first, last = self._span(left, top, width, height)
        rows = self.rows
        return not any(rows[r] & bits for r in range(first, min(last, len(rows) - 1) + 1))

    def take(self, left: float, top: float, width: float, height: float) -> None:
        bits, first, last = self._span(left, top, width, height)
        rows = self.rows
        for r in range(first, min(last, len(rows) - 1) + 1):
            rows[r] |= bits


class LabelLayer(Layer):
    def __init__(self, canvas):
        super().__init__(canvas)
        self.setZValue(3)
        self.shown: list[str] = []  # the names of the last paint (tests read them)
        self.edge_labels_shown: list[str] = []
        self.boxes: list[QRectF] = []  # and where they went, in pixels
        self._rings: tuple = (3.0, None)
        self._back = self._text = QColor()
        self._budget = TEST_BUDGET

    def paint(self, painter: QPainter, option, widget=None) -> None:
        graph = self.graph
        self.shown, self.boxes, self.edge_labels_shown = [], [], []
        if graph is None or not graph.ids:
            return
        frame = self.view_frame(painter)
        transform, device, mask, radius = frame.transform, frame.device, frame.mask, frame.radius
        painter.save()
        painter.setWorldTransform(QTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        taken = Occupancy(frame.width, frame.height)
        self._back = QColor(self.canvas.palette().base().color())
        self._back.setAlpha(210)
        self._text = self.canvas.palette().text().color()
        keyboard = graph.index.get(self.canvas.keys.current, -1)
        order = np.concatenate([[keyboard] if keyboard >= 0 else [],
                                np.flatnonzero(graph.selected), graph.rank]).astype(np.int64)
        candidates = order[mask[order]][:MAX_TRIED + 1]
        # Every visible entity's disc is taken first; a group's is not: its neighbours'
        # names may lie over it (on their own background), or a whole case of 300 groups
        # could name only the few at its rim.
        for row in candidates[graph.weight[candidates] <= 1]:
            size = cluster_pixels(radius, graph.weight[row])
            x, y = device[row]
            taken.take(x - size, y - size, 2 * size, 2 * size)
        if keyboard >= 0 and mask[keyboard]:  # names keep off the keyboard's ring
            size = cluster_pixels(radius, graph.weight[keyboard]) + 13
            x, y = device[keyboard]
            taken.take(x - size, y - size, 2 * size, 2 * size)
        placed, done = 0, set()
        # Crowded, only the spots next to a node are tried (a further ring mostly fails).
        self._rings = (3.0,) if frame.detail.visible > MAX_TRIED else (3.0, None)
        self._budget = TEST_BUDGET
        most = CROWDED_LABELS if frame.detail.visible > MAX_TRIED else MAX_LABELS
        for row in candidates:
            if placed >= most or self._budget <= 0 or row in done:
                continue
            done.add(row)
            if self._node_label(painter, taken, row, device[row],
                                cluster_pixels(radius, graph.weight[row])):
                placed += 1
        if frame.detail.icons and len(frame.seen) <= EDGE_LABEL_LIMIT:
            for row in candidates[graph.weight[candidates] > 1]:  # "12 links" keeps off
                size = cluster_pixels(radius, graph.weight[row])  # the groups' discs
                x, y = device[row]
                taken.take(x - size, y - size, 2 * size, 2 * size)
            self._edge_labels(painter, transform, taken, frame.seen)
        if keyboard >= 0 and mask[keyboard]:
            self._keyboard_ring(painter, device[keyboard],
                                cluster_pixels(radius, graph.weight[keyboard]))
        painter.restore()

    def _node_label(self, painter: QPainter, taken: Occupancy, row: int, at: np.ndarray,
                    size: float) -> bool:
        """The node's name (and note) at the first free spot; a long name crowded out
        at full length tries again shortened."""
        if row == self.graph.index.get(self.canvas.keys.current, -1):
            size += 11  # outside the keyboard's ring
        spec = self.graph.specs[row]
        for limit in (LABEL_WIDTH, SHORT_LABEL_WIDTH):
            lines = [fitted(spec.caption, NAME_PIXELS, False, limit)]
            if spec.note:
                lines.append(fitted(spec.note, NAME_PIXELS - 1, True, limit))
            width = max(w for _, w in lines) + 6
            height = metrics(NAME_PIXELS).height() * len(lines) + 4
            x, y = float(at[0]), float(at[1])
            # Below or above a node at the view's edge, the name slides inwards to fit.
            centred = min(max(x - width / 2, 0.0), taken.width - width)
            for left, top in self._spots(x, y, size, width, height, centred, self._rings):
                self._budget -= 1
                if taken.free(left, top, width, height):
                    taken.take(left, top, width, height)
                    box = QRectF(left, top, width, height)
                    self._draw_box(painter, box, [(t, NAME_PIXELS - i, i == 1)
                                                  for i, (t, _) in enumerate(lines)],
                                   self._text)
                    self.shown.append(spec.caption)
                    return True
            if lines[0][1] <= SHORT_LABEL_WIDTH:
                break  # already short: no shorter try
        return False

    @staticmethod
    def _spots(x: float, y: float, size: float, width: float, height: float,
               centred: float, rings: tuple = (3.0, None)):
        """Where a name may go, nearest first: below, above, beside, the corners — then
        the same a line further out (a hub's neighbours crowd its own spots); a ring of
        ``None`` is that line further out."""
        for gap in (height + 6.0 if ring is None else ring for ring in rings):
            for dx, dy in ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1),
                           (-1, -1)):
                reach = size * (0.7 if dx and dy else 1.0) + gap
                left = centred if dx == 0 else x + reach if dx > 0 else x - reach - width
                top = y - height / 2 if dy == 0 else y + reach if dy > 0 else \
                    y - reach - height
                yield left, top

    def _edge_labels(self, painter: QPainter, transform, taken: Occupancy,
                     rows: np.ndarray) -> None:
        graph = self.graph
        middles = to_device(transform, graph.middles()[rows])
        starts = to_device(transform, graph.pos[graph.source[rows]])
        ends = to_device(transform, graph.pos[graph.target[rows]])
        line_height = metrics(EDGE_PIXELS).height() + 4
        text_colour = self._text
        for (mx, my), (sx, sy), (ex, ey), row in zip(middles.tolist(), starts.tolist(),
                                                     ends.tolist(), rows.tolist(), strict=True):
            spec = graph.edge_specs[row]
            if not spec.label:
                continue
            text, width = fitted(spec.label, EDGE_PIXELS)
            width += 8
            for t in (0.0, -0.3, 0.3, -0.55, 0.55):
                tx, ty = (ex, ey) if t > 0 else (sx, sy)
                cx, cy = mx + (tx - mx) * abs(t), my + (ty - my) * abs(t)
                left, top = cx - width / 2, cy - line_height / 2
                if taken.free(left, top, width, line_height):
                    taken.take(left, top, width, line_height)
                    box = QRectF(left, top, width, line_height)
                    colour = DISPUTED if spec.disputed else text_colour
                    self._draw_box(painter, box, [(text, EDGE_PIXELS, False)], colour)
                    self.edge_labels_shown.append(spec.label)
                    break

    def _keyboard_ring(self, painter: QPainter, at: np.ndarray, size: float) -> None:
        """Where the keyboard is: a dashed ring outside the selection's ring."""
        pen = QPen(self.canvas.palette().highlight().color(), 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(float(at[0]), float(at[1])), size + 11, size + 11)

    def _draw_box(self, painter: QPainter, box: QRectF, lines: list[tuple[str, int, bool]],
                  colour: QColor) -> None:
        self.boxes.append(box)
        painter.fillRect(box, self._back)  # square: a rounded one costs ten times more
        painter.setPen(colour)
        top, middle = box.top() + 2, box.center().x()
        for text, pixels, bold in lines:
            painter.setFont(font(pixels, bold))
            painter.drawStaticText(QPointF(middle - fitted(text, pixels, bold)[1] / 2, top),
                                   static_text(text, pixels, bold))
            top += metrics(pixels, bold).height()
