"""The graphics items of the network: an entity node and a link edge.

Items live in scene units (the view's ViewBox zooms them like a drawing). They receive
pyqtgraph's mouse events (``mouseClickEvent``/``mouseDragEvent``) and report to the canvas,
which turns them into signals; they never touch the case. Labels are painted with
``drawText`` — plain text, so a name like "<b>Evil</b>" shows literally. When zoomed far
out, labels and icons give way to plain dots so big graphs stay fast.
"""

from __future__ import annotations

import math
import time
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyleOptionGraphicsItem

if TYPE_CHECKING:
    from desktop.panes.network.canvas import GraphCanvas

RADIUS = 22.0  # half the icon's side, scene units
LABEL_WIDTH = 190.0  # a name longer than this is elided
ARROW = 14.0
DISPUTED = QColor("#d32f2f")
HIGHLIGHT = QColor("#ef6c00")


@cache
def _renderer(path: str) -> QSvgRenderer:
    return QSvgRenderer(path)


@cache
def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


@cache
def _metrics(pixels: int, bold: bool = False) -> QFontMetricsF:
    return QFontMetricsF(_font(pixels, bold))


@cache
def _text_width(text: str, pixels: int, bold: bool = False) -> float:
    return _metrics(pixels, bold).horizontalAdvance(text)


def _detail(painter: QPainter) -> float:
    return QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())


def _draw_label(painter: QPainter, centre: QPointF, lines: list[tuple[str, QFont]],
                text: QColor, back: QColor, frame: QColor | None = None) -> None:
    """Lines of plain text centred on ``centre``, on a rounded background."""
    metrics = [QFontMetricsF(font) for _, font in lines]
    width = max(m.horizontalAdvance(t) for (t, _), m in zip(lines, metrics, strict=True))
    height = sum(m.height() for m in metrics)
    box = QRectF(centre.x() - width / 2 - 4, centre.y() - height / 2 - 2, width + 8,
                 height + 4)
    painter.setPen(QPen(frame, 1.2) if frame is not None else Qt.PenStyle.NoPen)
    painter.setBrush(back)
    painter.drawRoundedRect(box, 3, 3)
    painter.setPen(text)
    y = box.top() + 2
    for (line, font), metric in zip(lines, metrics, strict=True):
        painter.setFont(font)
        painter.drawText(QRectF(box.left(), y, box.width(), metric.height()),
                         Qt.AlignmentFlag.AlignCenter, line)
        y += metric.height()


def _towards(x: float, y: float, to_x: float, to_y: float,
             distance: float) -> tuple[float, float]:
    dx, dy = to_x - x, to_y - y
    norm = math.hypot(dx, dy) or 1.0
    return dx / norm * distance, dy / norm * distance


class NodeItem(QGraphicsItem):
    def __init__(self, canvas: GraphCanvas, entity_id: str, caption: str, note: str,
                 icon_path: str, color: QColor):
        super().__init__()
        self.canvas = canvas
        self.entity_id = entity_id
        self.caption = caption
        self.note = note  # a second, bold line: the effective share in a chain
        self.icon_path = icon_path
        self.color = color
        self.selected = False
        self.highlighted = False
        self.emphasised = False
        self.pinned = False
        self.edges: list[EdgeItem] = []
        self._drag_start: QPointF | None = None
        self._last_click = 0.0
        self.setZValue(2)
        name = caption
        if _text_width(caption, 15) > LABEL_WIDTH:
            name = _metrics(15).elidedText(caption, Qt.TextElideMode.ElideRight, LABEL_WIDTH)
        self.name = name
        self.label_lines: list[tuple[str, QFont]] = []
        self._rect = QRectF()
        self.rescale()

    def rescale(self) -> None:
        """Size the label for the canvas's text scale (text stays legible zoomed out)."""
        scale = self.canvas.text_scale
        big, small = round(15 * scale), round(14 * scale)
        self.prepareGeometryChange()
        self.label_lines = [(self.name, _font(big))] + (
            [(self.note, _font(small, True))] if self.note else [])
        width = max(_text_width(self.name, big),
                    _text_width(self.note, small, True) if self.note else 0.0)
        height = _metrics(big).height() * len(self.label_lines) + 4
        self._label_height = height
        self._rect = QRectF(-max(width / 2 + 8, RADIUS + 8), -RADIUS - 8,
                            max(width + 16, 2 * RADIUS + 16), 2 * RADIUS + 22 + height)

    def boundingRect(self) -> QRectF:  # Qt name
        return self._rect

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(-RADIUS - 4, -RADIUS - 4, 2 * RADIUS + 8, 2 * RADIUS + 8))
        return path

    def set_state(self, *, selected: bool | None = None, highlighted: bool | None = None,
                  emphasised: bool | None = None, pinned: bool | None = None) -> None:
        for name, value in (("selected", selected), ("highlighted", highlighted),
                            ("emphasised", emphasised), ("pinned", pinned)):
            if value is not None:
                setattr(self, name, value)
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        palette = self.canvas.palette()
        detail = _detail(painter)
        square = QRectF(-RADIUS, -RADIUS, 2 * RADIUS, 2 * RADIUS)
        if self.selected or self.highlighted:
            ring = palette.highlight().color() if self.selected else HIGHLIGHT
            painter.setPen(QPen(ring, 5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(square.adjusted(-5, -5, 5, 5), 8, 8)
        if detail < 0.12:
            painter.fillRect(square, self.color)
            return
        _renderer(self.icon_path).render(painter, square)
        if self.emphasised:
            painter.setPen(QPen(palette.text().color(), 4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(square.adjusted(-1, -1, 1, 1), 5, 5)
        if self.pinned:
            painter.setPen(QPen(palette.base().color(), 1.5))
            painter.setBrush(palette.text().color())
            painter.drawEllipse(QPointF(RADIUS - 2, -RADIUS + 2), 5, 5)
        if detail < 0.2:
            return
        back = QColor(palette.base().color())
        back.setAlpha(215)
        height = self._label_height
        _draw_label(painter, QPointF(0, RADIUS + 6 + height / 2), self.label_lines,
                    palette.text().color(), back)

    def move_to(self, point: QPointF) -> None:
        # Edges follow explicitly: overriding itemChange costs a Python call per change of
        # every item, and PySide mishandles the None it returns under heavy use.
        self.setPos(point)
        for edge in self.edges:
            edge.adjust()

    # -- pyqtgraph mouse events ------------------------------------------------------------
    def mouseClickEvent(self, event) -> None:  # pyqtgraph name
        event.accept()
        if event.button() == Qt.MouseButton.RightButton:
            self.canvas.later(self.canvas.sig_node_menu, self.entity_id,
                              event.screenPos().toPoint())
        elif event.button() == Qt.MouseButton.LeftButton:
            # pyqtgraph reports the second click of a double-click as a plain click when
            # Qt sends a press before the double-click event: time it as well.
            now = time.monotonic()
            interval = QApplication.doubleClickInterval() / 1000.0
            if event.double() or (self._last_click and now - self._last_click < interval):
                self._last_click = 0.0
                self.canvas.later(self.canvas.sig_node_double_clicked, self.entity_id)
            else:
                self._last_click = now
                self.canvas.later(self.canvas.sig_node_clicked, self.entity_id, bool(
                    event.modifiers() & Qt.KeyboardModifier.ControlModifier))

    def mouseDragEvent(self, event) -> None:  # pyqtgraph name
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        event.accept()
        parent = self.parentItem()
        if event.isStart():
            self._drag_start = self.pos()
            self._grab = parent.mapFromScene(event.buttonDownScenePos()) - self.pos()
        if self._drag_start is None:
            return
        self.move_to(parent.mapFromScene(event.scenePos()) - self._grab)
        if event.isFinish():
            self._drag_start = None
            self.canvas.later(self.canvas.sig_node_moved, self.entity_id, self.pos().x(),
                              self.pos().y())


class EdgeItem(QGraphicsItem):
    def __init__(self, canvas: GraphCanvas, link_id: str, source: NodeItem, target: NodeItem,
                 label: str, sourced: bool, disputed: bool, bend: float = 0.0):
        super().__init__()
        self.canvas = canvas
        self.link_id = link_id
        self.source = source
        self.target = target
        self.label = label
        self.sourced = sourced
        self.disputed = disputed
        self.bend = bend  # sideways offset of the curve's middle (parallel links)
        self.selected = False
        self.highlighted = False
        self.label_t = 0.5  # where along the curve the label sits (moved to avoid overlaps)
        self.setZValue(1)
        self.setAcceptHoverEvents(True)  # whose it is, read when first hovered
        source.edges.append(self)
        target.edges.append(self)
        self.path = QPainterPath()
        self.arrow = QPolygonF()
        self.label_at = QPointF()
        self._bounds = QRectF()
        self.adjust()

    def hoverEnterEvent(self, event) -> None:  # Qt name
        if not self.toolTip() and self.canvas.edge_tooltip is not None:
            self.setToolTip(self.canvas.edge_tooltip(self.link_id))
        super().hoverEnterEvent(event)

    def set_state(self, *, selected: bool | None = None,
                  highlighted: bool | None = None) -> None:
        if selected is not None:
            self.selected = selected
        if highlighted is not None:
            self.highlighted = highlighted
        self.update()

    def adjust(self) -> None:
        self.prepareGeometryChange()
        start, end = self.source.pos(), self.target.pos()
        sx, sy, ex, ey = start.x(), start.y(), end.x(), end.y()
        length = math.hypot(ex - sx, ey - sy) or 1e-6
        # The curve's middle is pushed sideways by ``bend`` (parallel links fan out).
        cx = (sx + ex) / 2 - (ey - sy) / length * self.bend
        cy = (sy + ey) / 2 + (ex - sx) / length * self.bend
        # Trim both ends to the icons' edges, along the curve's end tangents.
        bx, by = _towards(sx, sy, cx, cy, RADIUS + 3)
        ux, uy = _towards(ex, ey, cx, cy, 1.0)  # unit vector from the tip back along
        tx, ty = ex + ux * (RADIUS + 5), ey + uy * (RADIUS + 5)
        path = QPainterPath(QPointF(sx + bx, sy + by))
        path.quadTo(cx, cy, tx, ty)
        self.path = path
        base_x, base_y = tx + ux * ARROW, ty + uy * ARROW
        side_x, side_y = -uy * ARROW * 0.45, ux * ARROW * 0.45
        self.arrow = QPolygonF([QPointF(tx, ty), QPointF(base_x + side_x, base_y + side_y),
                                QPointF(base_x - side_x, base_y - side_y)])
        self.label_at = path.pointAtPercent(self.label_t)
        self._bounds = path.controlPointRect().united(self.arrow.boundingRect()) \
            .united(self.label_rect()).adjusted(-6, -6, 6, 6)

    def label_rect(self, t: float | None = None) -> QRectF:
        """The label's box (in the parent's coordinates) if it sat at ``t`` on the curve."""
        at = self.label_at if t is None else self.path.pointAtPercent(t)
        pixels = round(13 * self.canvas.text_scale)
        width = _text_width(self.label, pixels) + 16
        height = _metrics(pixels).height() + 6
        return QRectF(at.x() - width / 2, at.y() - height / 2, width, height)

    def place_label(self, t: float) -> None:
        self.label_t = t
        self.adjust()

    def boundingRect(self) -> QRectF:  # Qt name
        return self._bounds

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        return stroker.createStroke(self.path)

    def colour(self) -> QColor:
        if self.selected:
            return self.canvas.palette().highlight().color()
        if self.highlighted:
            return HIGHLIGHT
        if self.disputed:
            return DISPUTED
        colour = QColor(self.canvas.palette().text().color())
        colour.setAlpha(170)
        return colour

    def paint(self, painter: QPainter, option, widget=None) -> None:
        colour = self.colour()
        wide = self.selected or self.highlighted
        pen = QPen(colour, 4.0 if wide else 2.0)
        if not self.sourced:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawPolygon(self.arrow)
        if self.label and _detail(painter) >= 0.28:
            palette = self.canvas.palette()
            back = QColor(palette.base().color())
            back.setAlpha(225)
            text = DISPUTED if self.disputed and not wide else palette.text().color()
            frame = colour if (wide or self.disputed) else None
            _draw_label(painter, self.label_at,
                        [(self.label, _font(round(13 * self.canvas.text_scale)))],
                        text, back, frame)

    def mouseClickEvent(self, event) -> None:  # pyqtgraph name
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.canvas.later(self.canvas.sig_edge_clicked, self.link_id)
