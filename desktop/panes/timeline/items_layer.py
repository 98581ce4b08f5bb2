"""Every timeline item in one graphics item: bars, diamonds and labels painted in batches.

Like the network pane's layers (desktop/panes/network/layer_base.py), the timeline is one
QGraphicsItem for all its items, not a handful of pyqtgraph items per event or link: Qt
then keeps one item, not 2,000, and a change re-fills a few numpy arrays instead of
building and tearing down a scene. Each paint maps the arrays to device pixels with
numpy, skips what is off screen, and draws the bars of one colour and fading with one
``drawRects`` call and all diamonds as one path. Labels are laid out by
``desktop.panes.timeline.label_layout`` (most important first, never on top of each
other) and drawn as plain text (``drawText``: never markup).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPen, QTransform
from PySide6.QtWidgets import QGraphicsObject

if TYPE_CHECKING:
    from desktop.panes.timeline.plot import TimelinePlot

EVENT_COLOR = QColor("#ef6c00")
LINK_COLORS = {"Ownership": QColor("#1565c0"), "Control": QColor("#b71c1c"),
               "Sanction": QColor("#6a1b9a")}
LINK_COLOR = QColor("#607d8b")
PALETTE = [EVENT_COLOR, *LINK_COLORS.values(), LINK_COLOR]  # prepared.colour_index
FADED = 0.35
BAR_HALF = 0.13  # half a bar's height, in lanes
DIAMOND_PX = 7.0  # half a diamond's width
FADE_OUT = 0.2  # the last fifth of an open-ended bar fades out
EVERYWHERE = QRectF(-1e12, -1e12, 2e12, 2e12)


def alpha(color: QColor, value: int) -> QColor:
    faded = QColor(color)
    faded.setAlpha(value)
    return faded


class TimelineItemsLayer(QGraphicsObject):
    """The plot's items from arrays; never takes mouse events (the plot does)."""

    def __init__(self, plot: TimelinePlot):
        super().__init__()
        self.plot = plot
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setZValue(10)
        self.set_arrays([], [], [], [], [], [], [])

    def boundingRect(self) -> QRectF:  # Qt name: the layer may paint anywhere it is seen
        return EVERYWHERE

    def set_arrays(self, start, certain, end, lane, colour, is_event, open_ended) -> None:
        """Per item, in view units: start, where it is certain, end (x); lane; colour
        index; event or link; no end date."""
        self.start = np.asarray(start, dtype=float)
        self.certain = np.asarray(certain, dtype=float)
        self.end = np.asarray(end, dtype=float)
        self.lane = np.asarray(lane, dtype=float)
        self.colour = np.asarray(colour, dtype=int)
        self.is_event = np.asarray(is_event, dtype=bool)
        self.open_ended = np.asarray(open_ended, dtype=bool)
        self.in_force = np.ones(len(self.start), dtype=bool)
        self.update()

    def set_in_force(self, in_force) -> None:
        self.in_force = np.asarray(in_force, dtype=bool)
        self.update()

    # -- painting -----------------------------------------------------------------------------
    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not len(self.start):
            return
        t = painter.worldTransform()
        window = painter.viewport()
        width, height = window.width(), window.height()

        def to_x(x):
            return t.m11() * x + t.m31()

        def to_y(y):
            return t.m22() * y + t.m32()

        x0, xc, x1 = to_x(self.start), to_x(self.certain), to_x(self.end)
        y = to_y(self.lane)
        bar = max(abs(t.m22()) * BAR_HALF, 2.0)
        seen = (x1 >= -DIAMOND_PX) & (x0 <= width + DIAMOND_PX) & (y >= -bar - 30) & (
            y <= height + bar + 30)
        painter.save()
        painter.setWorldTransform(QTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for in_force in (True, False):
            rows = seen & (self.in_force == in_force)
            if not rows.any():
                continue
            painter.setOpacity(1.0 if in_force else FADED)
            self._paint_links(painter, rows & ~self.is_event, x0, xc, x1, y, bar)
            self._paint_events(painter, rows & self.is_event, x0, x1, y)
        painter.restore()
        self.plot.paint_labels(painter, t)

    def _paint_links(self, painter: QPainter, rows, x0, xc, x1, y, bar: float) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        fade_from = xc + (x1 - xc) * (1 - FADE_OUT)
        solid_end = np.where(self.open_ended, fade_from, x1)
        for index in np.unique(self.colour[rows]):
            chosen = np.flatnonzero(rows & (self.colour == index))
            colour = PALETTE[index]
            pale = chosen[xc[chosen] > x0[chosen]]
            if len(pale):  # "since 2022": may have begun any day of 2022
                painter.setBrush(alpha(colour, 80))
                painter.drawRects([QRectF(x0[r], y[r] - bar, xc[r] - x0[r], 2 * bar)
                                   for r in pale.tolist()])
            painter.setBrush(colour)
            painter.drawRects([QRectF(xc[r], y[r] - bar, max(solid_end[r] - xc[r], 0.0),
                                      2 * bar) for r in chosen.tolist()])
            for r in chosen[self.open_ended[chosen]].tolist():  # fades out to the right
                gradient = QLinearGradient(fade_from[r], 0, x1[r], 0)
                gradient.setColorAt(0.0, colour)
                gradient.setColorAt(1.0, alpha(colour, 0))
                painter.setBrush(gradient)
                painter.drawRect(QRectF(fade_from[r], y[r] - bar, x1[r] - fade_from[r],
                                        2 * bar))

    def _paint_events(self, painter: QPainter, rows, x0, x1, y) -> None:
        chosen = np.flatnonzero(rows)
        if not len(chosen):
            return
        painter.setPen(Qt.PenStyle.NoPen)
        whiskers = chosen[x1[chosen] - x0[chosen] > 2 * DIAMOND_PX / 7]  # a period
        whiskers = whiskers[(self.end[whiskers] - self.start[whiskers]) > 2 * 86400]
        if len(whiskers):  # a partial date or a period: a thin whisker over it
            painter.setBrush(alpha(EVENT_COLOR, 110))
            painter.drawRects([QRectF(x0[r], y[r] - 1.0, x1[r] - x0[r], 2.0)
                               for r in whiskers.tolist()])
        # All diamonds as subpaths of one path, filled in one call.
        cx, cy, d = x0[chosen], y[chosen], DIAMOND_PX
        xs = np.stack([cx, cx + d, cx, cx - d, cx], axis=1).ravel()
        ys = np.stack([cy - d, cy, cy + d, cy, cy - d], axis=1).ravel()
        connect = np.tile(np.array([1, 1, 1, 1, 0], dtype=np.int32), len(chosen))
        painter.setPen(QPen(EVENT_COLOR.darker(130), 1.0))
        painter.setBrush(EVENT_COLOR)
        painter.drawPath(pg.arrayToQPath(xs, ys, connect=connect, finiteCheck=False))
